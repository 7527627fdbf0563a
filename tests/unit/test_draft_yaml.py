"""The draft's YAML always loads with the project's loader, whatever the
article holds; only its TODO lines are refused."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.article import read_article
from generator.draft_yaml import render_draft
from generator.errors import Problems
from generator.load import parse
from generator.model import Brief
from generator.seeds import Seed
from generator.validate import to_model

HIDDEN = ["\u200b", "\u202e", "\u2066", "\ufeff", "\x00", "\x01", "\x1f", "\x7f", "\x80", "\x9f", "\ufffe", "\uffff"]


def _draft(article: str) -> str:
    return render_draft(read_article(Seed("any.txt", article), {}, []), "seeds/any.txt")


def _refusals(text: str) -> tuple[list[str], set[int]]:
    """What loading the draft reports, and the lines that checking its fields refuses."""
    problems = Problems()
    doc = parse(text, "any.yaml", problems)
    if doc is None:
        return problems.lines(), set()
    assert to_model(doc, Brief, problems) is None  # a draft never validates
    return [], {p.line for p in problems}


def _todo_lines(text: str) -> set[int]:
    return {i for i, line in enumerate(text.splitlines(), 1)
            if "# TODO" in line and not line.lstrip().startswith("#")}


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


@pytest.mark.parametrize("article, expected", [
    ("Minister\u200b says plan is under review\nThe minister spoke.\n",
     "  headline: null  # check: paragraph 1 reads like a headline but holds U+200B, a control or invisible"
     " character a brief cannot hold: copy it without that character"),
    ("Minister says plan is under review\nBy Jane\x1fDoe\nThe minister spoke.\n",
     "  author: null  # check: the byline in paragraph 2 holds U+001F, a control or invisible character"
     " a brief cannot hold: write the name without it"),
])
def test_a_headline_or_byline_holding_a_hidden_character_is_left_for_the_writer(article, expected):
    text = _draft(article)
    assert _line(text, expected.split(" null")[0]) == expected
    assert _refusals(text) == ([], _todo_lines(text))


def test_a_quotation_holding_a_hidden_character_is_no_candidate():
    text = _draft("The talks\nShe said “we are\u2066 close” and “we will see” and left.\n")
    assert [line for line in text.splitlines() if line.startswith("#  - text:")] == ['#  - text: "we will see"']


def test_comments_and_the_stamp_note_lose_hidden_characters():
    text = _draft("The talks resume\nUpdated\u202e 2 November 2025\nA view \uffff of the \x80 talks: “a\x9fb” at LAHORE\n")
    assert _line(text, "    note:") == '    note: "The article\'s own stamp reads \'Updated  2 November 2025\' (paragraph 2)."'
    assert _refusals(text) == ([], _todo_lines(text))


# Lines that set off each detector, each maybe with a hidden character put in
# somewhere, and arbitrary text of any character a UTF-8 file can hold.
_LINES = st.sampled_from([
    "Updated 29 October 2025", "By Jane Doe", "LAHORE: Officials met.", "Short Url",
    '“Quoted words,” he said.', 'She said "we will see" and left.', "‘scare quotes’ here",
    "date 2025-10-28 The minister spoke.", "Zubair Amin is a Senior Journalist at NewsX",
    "A Headline Without A Full Stop", "Published 3 November 2025",
])
_HIDDEN_IN = st.tuples(_LINES, st.sampled_from(HIDDEN), st.integers(0, 40)).map(
    lambda t: t[0][:t[2]] + t[1] + t[0][t[2]:])
_ANY = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)


@given(st.lists(st.one_of(_LINES, _HIDDEN_IN, _ANY), min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_the_draft_of_any_article_loads_and_only_its_todos_are_refused(paragraphs):
    article = "\n".join(paragraphs) + "\n"
    assume(Seed("any.txt", article).paragraphs)
    text = _draft(article)
    assert _refusals(text) == ([], _todo_lines(text))
