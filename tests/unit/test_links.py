"""generator/render/links.py: citation links say what they open."""

from __future__ import annotations

import markdown

from generator.render import links

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
