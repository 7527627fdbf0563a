"""Quotes: verbatim within one paragraph, or across adjacent paragraphs in order."""

from __future__ import annotations

import pytest

from generator.provenance import _spans
from generator.seeds import Seed, fold
from unit.inputs import SEED, edit, problems

SEED_TEXT = "One two three.\n\nFour five six.\nSeven eight nine.\nTen eleven.\n"


@pytest.mark.parametrize("quote, cited, ok", [
    ("two three", [1], True),                        # within one paragraph
    ("three. Four five", [1, 2], True),              # across adjacent paragraphs, in order
    ("six. Seven eight nine. Ten", [2, 3, 4], True),  # across three
    ("six. Seven", [3, 2], True),                    # cited out of order: the article's order counts
    ("three. Seven", [1, 3], False),                 # the end of one and the start of a distant one
    ("three. Four five six. Seven", [1, 3], False),  # the paragraph in between is not cited
    ("three. One two", [1, 1], False),               # a paragraph's end followed by its own beginning
    ("eleven. One", [4, 1], False),                  # the last one joined back to the first
])
def test_a_quote_lies_in_one_paragraph_or_runs_across_adjacent_ones(quote, cited, ok):
    seed = Seed("s.txt", SEED_TEXT)
    assert _spans(fold(quote), seed, sorted(set(cited))) is ok


def test_a_stitched_quote_is_refused_with_its_closest_passage(project):
    (project / SEED).write_text("Head\nThe minister said the plan was under review.\nMiddle text.\n"
                                "Officials said a decision was expected soon.\nLast\nWeather\n", encoding="utf-8")
    edit(project, "  - text: under review\n", "  - text: under review. Officials said\n")
    edit(project, "      note: '\"On Monday\" read against the article''s date.'\n    cite: [3]",
         "      note: '\"On Monday\" read against the article''s date.'\n    cite: [2, 4]")
    assert problems(project)[0] == (
        "briefs/fixture-brief.yaml:24:11: the quote does not appear verbatim in fixture.txt "
        "(hint: closest passage, paragraph 2: \"under review.\")")


def test_a_quote_across_adjacent_cited_paragraphs_passes(project):
    edit(project, "  - text: under review\n", "  - text: decision was expected soon. According to reports\n")
    edit(project, "      note: '\"On Monday\" read against the article''s date.'\n    cite: [3]",
         "      note: '\"On Monday\" read against the article''s date.'\n    cite: [5, 4]")
    assert problems(project) == []
