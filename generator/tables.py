"""Table cells labelled with their column, so a narrow screen can show each
row as a card (docs/stylesheets/reader.css) instead of scrolling sideways.

Runs on a page's HTML in the hook's `on_page_content`, before the sanitizer
(generator/sanitize.py admits `data-label` on `td`).  The tables are the
ones Python-Markdown's `tables` extension writes: a `thead` with one row of
`th`, then rows of `td`; brief text inside them is escaped, so it can hold
no tag.  A header's text, tags stripped, becomes every cell's label in its
column, escaped again for the attribute; a header that has a `data-label`
of its own (render/html.table), where its text is too short to stand alone
on a card ("S1"), gives that instead.
"""

from __future__ import annotations

import html
import re


def element(tag: str) -> re.Pattern[str]:
    r"""An element from its start tag to the first end tag after it: the same
    matches as ``<tag\b[^>]*>.*?</tag>`` with re.S, written to run through the
    text between tags in one step instead of trying the end tag at every
    character (five times as fast on a brief page, which is mostly table)."""
    return re.compile(rf"<{tag}\b[^>]*>[^<]*(?:<(?!/{tag}>)[^<]*)*</{tag}>")


_TABLE = element("table")
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_HEADER_CELL = re.compile(r"<th\b([^>]*)>(.*?)</th>", re.S)
_OWN_LABEL = re.compile(r' data-label="([^"]*)"')
_ROW = element("tr")
_CELL = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]*>")


def _label(attributes: str, header_html: str) -> str:
    """A header cell's own label, or its text, as an attribute value."""
    own = _OWN_LABEL.search(attributes)
    if own is not None:
        return own[1]  # an attribute value already
    text = " ".join(html.unescape(_TAG.sub("", header_html)).split())
    return html.escape(text, quote=True)


def _label_table(match: re.Match[str]) -> str:
    table: str = match[0]
    head = _HEAD.search(table)
    if head is None:
        return table
    labels = [_label(attributes, cell) for attributes, cell in _HEADER_CELL.findall(head[1])]

    def row(m: re.Match[str]) -> str:
        cells = iter(labels)
        return _CELL.sub(lambda c: f'<td data-label="{next(cells, "")}"', m[0])

    # A header's own label is used up here: the page keeps the header as the tables extension writes it.
    return table[:head.start()] + _OWN_LABEL.sub("", head[0]) + _ROW.sub(row, table[head.end():])


def label_cells(page_html: str) -> str:
    """``page_html`` with every body cell of every table given its column's header as ``data-label``."""
    if "<table" not in page_html:
        return page_html
    return _TABLE.sub(_label_table, page_html)
