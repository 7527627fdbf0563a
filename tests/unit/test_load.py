"""Characters in a brief's values, decided by Unicode category."""

from __future__ import annotations

import pytest

from generator.errors import Problems
from generator.load import parse

INVISIBLE = "(hint: delete it: such characters make text display differently from what it says)"


def errors(text: str) -> list[str]:
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
    assert errors(f'a: "x{escape}y"\n') == [f"b.yaml:1:4: invisible or direction-changing character U+{code} in text {INVISIBLE}"]


@pytest.mark.parametrize("escape, code", [("\\ue000", "E000"), ("\\U000f0000", "F0000"), ("\\u0378", "0378"),
                                          ("\\ufffe", "FFFE")])
def test_private_use_and_unassigned_characters_are_refused(escape, code):
    assert errors(f'a: "x{escape}y"\n') == [
        f"b.yaml:1:4: unassigned or private-use character U+{code} in text (hint: delete it: such characters have "
        "no agreed meaning and show differently on each reader's screen)"]


@pytest.mark.parametrize("text", ["a: اردو\u200cمتن\n", "a: می\u200cخواهم\n", "a: 'tab\\tand\n\n  lines'\n"])
def test_text_that_uses_joiners_or_layout_is_accepted(text):
    assert errors(text) == []


def test_a_joiner_between_ascii_letters_is_refused():
    assert errors("a: ad\u200cmin\n") == [f"b.yaml:1:4: invisible or direction-changing character U+200C in text {INVISIBLE}"]
