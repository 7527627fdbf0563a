"""The case lists of tests/hostile/: an edit must apply exactly once, and the
update mode rewrites only the `expected` lines."""

from __future__ import annotations

import pytest

from hostile_cases import CaseError, load_cases, rewrite_expected

LIST = """\
# Cases for this test.
- name: one
  edits:
    - {replace: 'tone: neutral', with: 'tone: angry'}
  expected: |
    stale line
    Error: 1 problem in the briefs

# The next case has no expected lines yet.
- name: two
  place: tags
  text: "tags: []\\n"
"""


def _content(tmp_path, edit: str) -> str:
    (tmp_path / "cases.yaml").write_text(f"- name: x\n  edits:\n    - {edit}\n", encoding="utf-8")
    return load_cases(tmp_path / "cases.yaml")[0].content()


def test_an_edit_replaces_its_text_in_the_fixture_brief(tmp_path):
    text = _content(tmp_path, "{replace: 'tone: neutral', with: 'tone: angry'}")
    assert "  tone: angry\n" in text and "neutral" not in text


@pytest.mark.parametrize("replace, times", [("tone: neutrall", 0), ("cite: [4]", 2)])
def test_an_edit_whose_text_is_not_there_exactly_once_fails(tmp_path, replace, times):
    with pytest.raises(CaseError, match=f"case `x`: the text to replace occurs {times} times in fixture-brief.yaml"):
        _content(tmp_path, f"{{replace: '{replace}', with: 'y'}}")


@pytest.mark.parametrize("item, message", [
    ("- name: x\n  edit: []\n", "a case is a mapping with `name`"),
    ("- name: x\n  place: elsewhere\n", "`place` must be one of"),
    ("- name: x\n  edits: [{replace: a}]\n", "`edits` must be a list of"),
    ("- name: x\n  place: generated\n  text: ''\n", "generated cases neither"),
    ("- name: x\n- name: x\n", "two cases have the same place and name"),
    ("- name: x\n  text: a\n  text: b\n", "line 1: a key is given twice"),
])
def test_a_malformed_case_list_fails(tmp_path, item, message):
    (tmp_path / "cases.yaml").write_text(item, encoding="utf-8")
    with pytest.raises(CaseError, match=message):
        load_cases(tmp_path / "cases.yaml")


def test_the_update_rewrites_only_the_expected_lines(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text(LIST, encoding="utf-8")
    rewrite_expected(path, {"brief/one": "a.yaml:1:1: new\nError: 1 problem\n", "tags/two": "b\n"})
    assert path.read_text(encoding="utf-8") == LIST.replace("    stale line\n", "    a.yaml:1:1: new\n").replace(
        "Error: 1 problem in the briefs", "Error: 1 problem") + "  expected: |\n    b\n"
    assert [case.expected for case in load_cases(path)] == ["a.yaml:1:1: new\nError: 1 problem\n", "b\n"]


def test_the_update_refuses_what_a_yaml_block_cannot_hold(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text(LIST, encoding="utf-8")
    with pytest.raises(CaseError, match="cannot be written as a YAML block"):
        rewrite_expected(path, {"brief/one": "  indented first line\n"})
