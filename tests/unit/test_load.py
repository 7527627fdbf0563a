"""The strict loader: what YAML it refuses, and the exact error it gives."""

from __future__ import annotations

import textwrap

import pytest

from generator.errors import Problems
from generator.load import MAX_BYTES, MAX_DEPTH, load, parse


def errors(text: str) -> list[str]:
    problems = Problems()
    parse(textwrap.dedent(text).lstrip("\n"), "b.yaml", problems)
    return problems.lines()


def value(text: str):
    problems = Problems()
    doc = parse(textwrap.dedent(text).lstrip("\n"), "b.yaml", problems)
    assert not problems, problems.lines()
    return doc.data


@pytest.mark.parametrize("text, expected", [
    ("""
     a: 1
     a: 2
     """, "b.yaml:2:1: duplicate key `a` (hint: `a` is already set on line 1; keep one)"),
    ("""
     a: &x 1
     b: 2
     """, "b.yaml:1:4: anchors (`&x`) are not allowed (hint: remove the anchor and write values out in full)"),
    ("""
     a: 1
     b: *x
     """, "b.yaml:2:4: aliases (`*x`) are not allowed (hint: write the value out in full)"),
    ("""
     a: !!python/object:os.system ls
     """, "b.yaml:1:4: explicit tags (`tag:yaml.org,2002:python/object:os.system`) are not allowed (hint: remove the tag; the schema gives every field its type)"),
    ("a:\n\tb: 1\n", "b.yaml:2:1: a tab is used for indentation (hint: indent with spaces only)"),
    ("", "b.yaml:1:1: the file is empty (hint: start from an existing brief or run `python -m generator new`)"),
    ("a: 1\n---\nb: 2\n", "b.yaml:2:1: more than one YAML document in the file (hint: remove the `---` line)"),
    ("title: \u202eevil\n", "b.yaml:1:8: invisible or direction-changing character U+202E in text (hint: delete it: such characters make text display differently from what it says)"),
    ("a: [1, 2\n", "b.yaml:2:1: invalid YAML: did not find expected ',' or ']' (hint: check the indentation and quoting on this line and the one above)"),
])
def test_refused(text, expected):
    assert errors(text) == [expected]


def test_nesting_limit():
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert errors(deep) == [f"b.yaml:1:{4 + MAX_DEPTH - 1}: nesting deeper than {MAX_DEPTH} levels (hint: briefs need only a few levels)"]


def test_yaml_11_does_not_retype_text():
    assert value("""
        a: NO
        b: 0755
        c: 1:20
        d: yes
        e: 2025-10-28
        f: 1e3
        g: null
        h: "null"
        i:
        """) == {"a": "NO", "b": "0755", "c": "1:20", "d": "yes", "e": "2025-10-28", "f": "1e3",
                 "g": None, "h": "null", "i": None}


def test_positions_of_values_and_keys():
    problems = Problems()
    doc = parse("a:\n  b: [x, y]\n", "b.yaml", problems)
    assert doc.where(("a", "b", 1)) == (2, 10)
    assert doc.where(("a", "b"), key=True) == (2, 3)
    assert doc.where(("a", "missing")) == (2, 3)


def test_file_level_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"title: ok\nsummary: \xff\xfe\n")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    bom = tmp_path / "bom.yaml"
    bom.write_bytes("\ufefftitle: NO\n".encode())
    problems = Problems()
    assert load(bad, "bad.yaml", problems) is None
    assert load(big, "big.yaml", problems) is None
    assert load(bom, "bom.yaml", problems).data == {"title": "NO"}
    assert problems.lines() == [
        "bad.yaml:2:10: the file is not valid UTF-8 (byte 0xff) (hint: save the file with UTF-8 encoding)",
        f"big.yaml:1:1: the file is {MAX_BYTES + 4:,} bytes, over the limit of {MAX_BYTES:,} bytes"
        " (hint: split the brief or shorten its text)",
    ]


@pytest.mark.parametrize("text, expected", [
    ("a: x\x01y\n", "b.yaml:1:5: invalid YAML: unacceptable character U+0001: control characters are not allowed"
     " (hint: delete the character)"),
    ("a: b\nc: \x7f\n", "b.yaml:2:4: invalid YAML: unacceptable character U+007F: control characters are not"
     " allowed (hint: delete the character)"),
])
def test_reader_errors_show_their_real_place_on_one_line(text, expected):
    assert errors(text) == [expected]


@pytest.mark.parametrize("text", ["", "a", "a\nb", "a\r\nb", "\nb", "a\x85b", "a\u2028b", "a\x0cb", "a\x1cb"])
def test_first_line_is_cut_where_splitlines_cuts(text):
    from generator.load import Document

    assert Document("b.yaml", None, text).first_line == (text.splitlines() or [""])[0]


# ---- Characters in a brief's values, decided by Unicode category. ----

INVISIBLE = "(hint: delete it: such characters make text display differently from what it says)"


def raw_errors(text: str) -> list[str]:
    problems = Problems()
    parse(text, "b.yaml", problems)
    return problems.lines()


@pytest.mark.parametrize("escape, code", [
    ("\\u00ad", "00AD"), ("\\u034f", "034F"), ("\\u115f", "115F"), ("\\u1160", "1160"), ("\\u3164", "3164"),
    ("\\uffa0", "FFA0"), ("\\u180e", "180E"), ("\\ufe00", "FE00"), ("\\ufe0f", "FE0F"), ("\\U000e0001", "E0001"),
    ("\\U000e0041", "E0041"), ("\\U000e007f", "E007F"), ("\\U000e0100", "E0100"), ("\\U000e01ef", "E01EF"),
    ("\\u200b", "200B"), ("\\u2060", "2060"), ("\\u206f", "206F"), ("\\u17b4", "17B4"),
])
def test_default_ignorable_and_format_characters_are_refused(escape, code):
    assert raw_errors(f'a: "x{escape}y"\n') == [f"b.yaml:1:4: invisible or direction-changing character U+{code} in text {INVISIBLE}"]


@pytest.mark.parametrize("escape, code", [("\\ue000", "E000"), ("\\U000f0000", "F0000"), ("\\u0378", "0378"),
                                          ("\\ufffe", "FFFE")])
def test_private_use_and_unassigned_characters_are_refused(escape, code):
    assert raw_errors(f'a: "x{escape}y"\n') == [
        f"b.yaml:1:4: unassigned or private-use character U+{code} in text (hint: delete it: such characters have "
        "no agreed meaning and show differently on each reader's screen)"]


@pytest.mark.parametrize("text", ["a: اردو\u200cمتن\n", "a: می\u200cخواهم\n", "a: 'tab\\tand\n\n  lines'\n"])
def test_text_that_uses_joiners_or_layout_is_accepted(text):
    assert raw_errors(text) == []


def test_a_joiner_between_ascii_letters_is_refused():
    assert raw_errors("a: ad\u200cmin\n") == [f"b.yaml:1:4: invisible or direction-changing character U+200C in text {INVISIBLE}"]
