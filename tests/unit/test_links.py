"""generator/render/links.py and common.cites: citation links say what they open."""

from __future__ import annotations

import re
from types import SimpleNamespace

import markdown

from generator.render import links
from generator.render.common import cites, runs

EXTENSIONS = ["attr_list", "tables"]


def test_a_citation_names_its_paragraph_and_previews_it_escaped():
    paragraph = 'Text with <script>alert(1)</script> } and "quotes".'
    cite = links.cite("timeline/index.md", "b1", 'A "title" {x} & <i>', 9, paragraph)
    html = markdown.markdown(cite, extensions=EXTENSIONS)
    assert html == ('<p><a aria-label="paragraph 9 of A &#34;title&#34; &#123;x&#125; &#38; &#60;i&#62;" '
                    'href="../briefs/b1.md#p-9" title="Text with &#60;script&#62;alert&#40;1&#41;&#60;/script&#62; '
                    '&#125; and &#34;quotes&#34;.">¶9</a></p>')


def test_a_citation_in_a_table_cell_keeps_its_cell():
    row = f"| x | {links.cite('briefs/b1.md', 'b1', 'T', 2, 'a | b')} |"
    html = markdown.markdown(f"| A | B |\n|---|---|\n{row}\n", extensions=EXTENSIONS)
    assert html.count("<td>") == 2 and 'href="#p-2"' in html


def test_a_long_paragraph_is_cut_at_a_word():
    text = "word " * 100
    preview = links.preview(text.strip())
    assert len(preview) <= links.PREVIEW_CHARS + 2 and preview.endswith("word …")
    assert links.preview("short") == "short"


def test_a_long_source_title_is_cut_in_the_accessible_name():
    title = "word " * 1000
    cite = links.cite("briefs/b1.md", "b1", title.strip(), 3, "Text.")
    assert f'aria-label="paragraph 3 of {links.preview(title.strip())}"' in cite
    assert len(cite) < 2 * links.PREVIEW_CHARS + 100


def _record(title: str = "T"):
    return SimpleNamespace(id="b1", brief=SimpleNamespace(title=title),
                           seed=SimpleNamespace(paragraph=lambda n: f"Paragraph {n}."))


def test_a_run_of_three_or_more_paragraphs_is_a_range_between_two_links():
    html = markdown.markdown(cites("briefs/b1.md", _record(), [4, 5, 6, 7, 9, 10, 2]), extensions=EXTENSIONS)
    assert re.sub(r"<[^>]+>", "", html) == "¶4–¶7 ¶9 ¶10 ¶2"
    assert re.findall(r'href="#p-(\d+)"', html) == ["4", "7", "9", "10", "2"]
    assert 'aria-label="paragraph 7 of T" href="#p-7" title="Paragraph 7."' in html


def test_runs_keep_the_order_given():
    assert runs([4, 5, 6, 9, 2, 3]) == [[4, 5, 6], [9], [2, 3]]
    assert runs([3, 2, 1]) == [[3], [2], [1]]
    assert runs([]) == []
