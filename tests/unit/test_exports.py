"""CSV cells: no cell, however a spreadsheet splits the row, starts a formula."""

from __future__ import annotations

import pytest

from generator.exports import _cell


@pytest.mark.parametrize("text, cell", [
    ("=1+1", "'=1+1"),
    ("+1", "'+1"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "\t'=1"),
    ("\r=1", "\r'=1"),
    ("  =1", "  '=1"),                         # leading white space
    ("a;=HYPERLINK(\"x\")", "a;'=HYPERLINK(\"x\")"),  # a `;` separator starts a cell
    ("a; -2", "a; '-2"),
    ("a,+b", "a,'+b"),
    ("a|@x", "a|'@x"),
    ("a\tb=1", "a\tb=1"),                      # `=` inside a cell is no formula
    ("a\n=1", "a\n'=1"),
    ("\uff1dcmd", "'\uff1dcmd"),                # full-width `=`
    ("AT&T says - nothing new", "AT&T says - nothing new"),
    ("", ""),
    (None, ""),
    (3, "3"),
])
def test_formula_starts_are_neutralised(text, cell):
    assert _cell(text) == cell
