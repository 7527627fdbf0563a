"""generator/prerendered.py: a page written as HTML is not parsed as Markdown,
but gets what the tree passes give every page (glossary, heading ids, permalinks)."""

from __future__ import annotations

import markdown
import pytest

from generator.render import html as h

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "toc", "generator.prerendered"]
# As mkdocs.yml's glossary snippet defines it (appended after the fragment is taken out).
CONFIGS = {"toc": {"permalink": True}, "abbr": {"glossary": {"ISF": "International Stabilization Force"}}}


def render(source: str) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    return md.convert(source), md


@pytest.mark.parametrize(("fragment", "expected"), [
    # Markdown syntax in the HTML is text, as the escaping made it.
    (h.p(h.text("*not emphasis* [not a link](x.md)")), "<p>*not emphasis* [not a link](x.md)</p>"),
    # attr_list runs before the fragment is in the tree: brief text cannot set attributes.
    (h.ul([h.text('x {: onclick="alert(1)" }')]), '<ul>\n<li>x {: onclick="alert(1)" }</li>\n</ul>'),
    # The glossary applies, as on a Markdown page.
    (h.p("The ISF"), '<p>The <abbr title="International Stabilization Force">ISF</abbr></p>'),
    # Headings get their id and permalink from the toc extension.
    (h.heading("Key points"),
     '<h2 id="key-points">Key points<a class="headerlink" href="#key-points" title="Permanent link">&para;</a></h2>'),
    # Raw blocks are kept as written.
    (h.raw('<figure class="x"><svg><a xlink:href="#e-1"></a></svg></figure>'),
     '<figure class="x"><svg><a xlink:href="#e-1"></a></svg></figure>'),
])
def test_a_fragment_is_rendered_as_written(fragment, expected):
    html, _ = render(h.page(fragment))
    assert html == expected


def test_the_table_of_contents_comes_from_the_fragment():
    _, md = render(h.page(h.heading("Top", 1) + h.heading("Section") + h.heading("Sub", 3)))
    assert [t["name"] for t in md.toc_tokens] == ["Top"]
    assert [t["name"] for t in md.toc_tokens[0]["children"]] == ["Section"]
    assert md.toc_tokens[0]["children"][0]["children"][0]["id"] == "sub"


def test_lines_before_the_marker_are_markdown():
    html, _ = render("*The banner*\n\n" + h.page(h.p("*after*")))
    assert html == "<p><em>The banner</em></p>\n<p>*after*</p>"


def test_a_page_without_the_marker_is_plain_markdown():
    html, _ = render("*emphasis*")
    assert html == "<p><em>emphasis</em></p>"


def test_a_fragment_that_is_not_well_formed_stops_the_build():
    with pytest.raises(Exception, match="mismatched tag"):
        render(h.page("<p><em>x</p>"))
