"""generator/tables.py: each body cell gets its column's header as data-label."""

from __future__ import annotations

from generator.sanitize import clean
from generator.tables import label_cells

TABLE = """<table>
<thead>
<tr>
<th>Date</th>
<th><a href="../briefs/x.md">S1 &amp; &#34;S2&#34;</a></th>
</tr>
</thead>
<tbody>
<tr>
<td>1 October</td>
<td>on record</td>
</tr>
<tr>
<td></td>
<td>reported</td>
</tr>
</tbody>
</table>"""


def test_every_body_cell_gets_its_columns_header_text():
    out = label_cells(f"<p>before</p>\n{TABLE}\n<p>after</p>")
    assert out.count('<td data-label="Date">') == 2
    assert out.count('<td data-label="S1 &amp; &quot;S2&quot;">') == 2
    assert "<th>Date</th>" in out and out.startswith("<p>before</p>") and out.endswith("<p>after</p>")


def test_a_header_s_own_label_names_its_column_on_the_cards():
    from generator.render.html import table

    out = label_cells(table(["Name", "S1"], [["a", "b"]], ["", 'S1, 28 October 2025 & "x"']))
    assert '<td data-label="Name">a</td><td data-label="S1, 28 October 2025 &amp; &quot;x&quot;">b</td>' in out
    assert "data-label" not in out.partition("<tbody>")[0]  # the header's own is used up, not published
    assert clean(out) == out


def test_labels_survive_the_sanitizer():
    assert clean(label_cells(TABLE)).count("<td data-label=") == 4


def test_markup_in_a_header_cannot_leave_the_attribute():
    out = label_cells(TABLE.replace("<th>Date</th>", '<th>&lt;b onclick="x"&gt;</th>'))
    assert '<td data-label="&lt;b onclick=&quot;x&quot;&gt;">' in out


def test_pages_without_a_table_or_a_header_row_are_unchanged():
    assert label_cells("<p>no table</p>") == "<p>no table</p>"
    headless = "<table><tbody><tr><td>x</td></tr></tbody></table>"
    assert label_cells(headless) == headless


def test_an_element_pattern_matches_what_the_lazy_pattern_matches():
    import re

    from generator.tables import element

    texts = [TABLE, TABLE + TABLE, f"<p>{TABLE}</p><table class=x><tr><td>a</td></tr></table>",
             "<table><tr><td></tablex></td></tr></table> <table>never closed", "<tablex></table><table >a<b</table>",
             "<tr><td>a</td></tr><tr>b<</tr></tr><tref></tr>", "<table><table></table></table>", "", "<", "</table>"]
    for tag in ("table", "tr"):
        lazy = re.compile(rf"<{tag}\b[^>]*>.*?</{tag}>", re.S)
        for text in texts:
            assert element(tag).findall(text) == lazy.findall(text), (tag, text)
