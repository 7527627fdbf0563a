"""The strict loader: what YAML it refuses, and the exact error it gives."""

from __future__ import annotations

import textwrap
import pytest
import yaml

from conftest import REPO
from generator.errors import Problems
from generator.load import MAX_BYTES, MAX_DEPTH, _careful, _quick, _Unusual, load, parse, read_text
from hostile_cases import VALID, hostile_cases, load_cases


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


def _yaml_texts() -> dict[str, str]:
    """Every YAML file of the project and the fixtures, and every hostile case's text."""
    out = {}
    for path in sorted(p for folder in (REPO / "briefs", REPO / "tests" / "fixtures") for p in folder.rglob("*.yaml")):
        text = read_text(path, path.name, Problems())
        if text is not None:  # over the size cap, or not UTF-8: refused before either reading
            out[f"{path.parent.name}/{path.name}"] = text
    for case in [*hostile_cases().values(), *load_cases(VALID)]:
        if case.place != "generated":
            out[f"hostile/{case.id}"] = case.content()
    return out


YAML_TEXTS = _yaml_texts()


@pytest.mark.parametrize("text", YAML_TEXTS.values(), ids=YAML_TEXTS.keys())
def test_the_quick_reading_agrees_with_the_careful_one(text):
    """parse() reads a file quickly without positions and falls back to the
    careful reading at anything unusual: the quick one must never accept a
    file the careful one refuses, nor read a value differently."""
    careful_problems = Problems()
    careful = _careful(text, "b.yaml", careful_problems)
    try:
        quick = _quick(text)
    except (_Unusual, yaml.YAMLError):
        return  # the careful reading decides
    if careful is None:
        assert quick is None, careful_problems.lines()  # the one refusal both make: an empty file
    else:
        assert quick == careful.data


@pytest.mark.parametrize("text", ['a: "x\\u200by"\n', "a: x\u200by\n", "a: 'x\\\u200by'\n", '"\\x80": x\n'])
def test_the_quick_reading_gives_up_at_hidden_characters(text):
    """It searches each value only when the text holds a backslash or a hidden
    character: an escape is the one way a value holds what the text does not."""
    with pytest.raises(_Unusual):
        _quick(text)
    assert parse(text, "b.yaml", Problems()) is None


def test_a_hidden_character_outside_any_value_is_no_problem():
    text = "a: x  # \u200b\nb: '\\'\n"
    assert _quick(text) == _careful(text, "b.yaml", Problems()).data == {"a": "x", "b": "\\"}


def test_positions_are_found_when_asked_for():
    doc = parse("a:\n  b: [x, y]\n", "b.yaml", Problems())
    assert doc._marks is None  # a file without problems is read once, quickly
    assert doc.where(("a", "b", 1)) == (2, 10)
    assert doc._marks is not None


@pytest.mark.parametrize("text", ["", "a", "a\nb", "a\r\nb", "\nb", "a\x85b", "a\u2028b", "a\x0cb", "a\x1cb"])
def test_first_line_is_cut_where_splitlines_cuts(text):
    from generator.load import Document

    assert Document("b.yaml", None, text).first_line == (text.splitlines() or [""])[0]
