"""render/html.py: views written as HTML; every brief text escaped, the result well-formed XML."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest

from generator.render import html as h


@pytest.mark.parametrize(("value", "expected"), [
    ("plain words", "plain words"),
    ("a <b> & \"c\"", "a &lt;b&gt; &amp; &quot;c&quot;"),
    ("  folded \n\t white   space ", "folded white space"),
    ("*not* [Markdown](x.md) {: #id }", "*not* [Markdown](x.md) {: #id }"),  # nothing parses it as Markdown
    ("bell\x07 and \ufffe", "bell\ufffd and \ufffd"),  # XML cannot hold them (validation refuses them first)
    (None, ""),
])
def test_text(value, expected):
    assert h.text(value) == expected


def test_every_piece_is_well_formed():
    hostile = '</p><script>alert("x")</script>&amp; \x01'
    page = (h.heading(h.text(hostile), 1) + h.p(h.link(hostile, "briefs/a.md"))
            + h.table([h.text(hostile)], [[h.a(h.text(hostile), "a.md#p-1", aria_label=hostile, title=hostile)]])
            + h.ul([h.em(h.text(hostile)), h.strong(h.quoted(hostile))])
            + h.admonition("info", h.text(hostile), h.details("note", h.text(hostile), h.p(h.text(hostile))))
            + h.raw(f"<figure><figcaption>{h.text(hostile)}</figcaption></figure>"))
    root = etree.fromstring(f"<div>{page}</div>")  # raises if any piece let markup through
    assert root.find(".//script") is None
    shown = hostile.replace("\x01", "\ufffd")
    assert {el.text for el in root.iter() if el.text and "alert" in el.text and el.tag != h.RAW} <= {shown, f"“{shown}”"}
    assert root.find(".//a[@title]").get("title") == shown


@pytest.mark.parametrize(("call", "expected"), [
    (lambda: h.link("A & B", "briefs/a.md"), '<a href="briefs/a.md">A &amp; B</a>'),
    (lambda: h.a("¶3", "a.md#p-3", aria_label="paragraph 3"), '<a href="a.md#p-3" aria-label="paragraph 3">¶3</a>'),
    (lambda: h.table(["A"], [["1"]]), "<table>\n<thead>\n<tr><th>A</th></tr>\n</thead>\n<tbody>\n<tr><td>1</td></tr>\n</tbody>\n</table>\n"),
    (lambda: h.ul(["x"]), "<ul>\n<li>x</li>\n</ul>\n"),
    (lambda: h.raw(""), ""),
    (lambda: h.page("<p>x</p>"), f"{h.MARKER}\n<p>x</p>"),
])
def test_pieces(call, expected):
    assert call() == expected
