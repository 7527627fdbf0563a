"""Dates as precise as the text: partial dates, qualifiers and the bound on an undated article."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.dating import article_date
from generator.model import When
from generator.render.common import date_text, when


@pytest.mark.parametrize("given, shown", [
    ({"date": "2025-11-17", "precision": "day"}, "17 November 2025"),
    ({"date": "--11-17", "precision": "day-month"}, "17 November (year not stated)"),
    ({"date": "2024", "precision": "year", "qualifier": "late"}, "late 2024"),
    ({"date": "2025-11", "precision": "month", "qualifier": "early"}, "early November 2025"),
    ({"date": "2025-11", "precision": "month"}, "November 2025"),
])
def test_a_date_is_shown_as_precisely_as_the_text_gives_it(given, shown):
    assert date_text(When(**given)) == shown


def test_an_inferred_date_is_marked():
    assert when(When(date="2025-11-17", precision="day", basis="inferred")) == "17 November 2025 (inferred)"


@pytest.mark.parametrize("given, message", [
    ({"date": "--02-30", "precision": "day-month"}, "is not a real date"),
    ({"date": "11-17", "precision": "day-month"}, "does not match `precision: day-month` (--MM-DD)"),
    ({"date": "2025-11-17", "precision": "day", "qualifier": "late"}, "`qualifier: late` goes with"),
])
def test_impossible_partial_dates_are_refused(given, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        When(**given)


def test_29_february_without_a_year_is_a_date():
    assert When(date="--02-29", precision="day-month").parts == (None, 2, 29)


def test_parts_of_a_year_sort_inside_it():
    late, plain, next_year = (When(date="2024", precision="year", qualifier="late"),
                              When(date="2024", precision="year"), When(date="2025-01-01", precision="day"))
    assert plain.placed() < late.placed() < next_year.placed()


def test_a_day_and_month_is_placed_in_the_year_its_context_gives():
    w = When(date="--11-17", precision="day-month")
    assert w.placed() == (9999, 99, 99) and w.placed(2025) == (2025, 11, 17)


class _Brief:
    def __init__(self, published, events, written_after=None):
        self.source = type("S", (), {"published": published, "written_after": written_after})()
        self.events = events


class _Event:
    def __init__(self, date, expected=False):
        self.when = When(date=date, precision="day")
        self.expected = expected
        self.cite = [3]


def _record(published, events):
    return type("R", (), {"brief": _Brief(published, events)})()


UNKNOWN = When(date=None, precision="unknown")


def test_an_undated_article_was_written_after_the_latest_event_it_reports():
    d = article_date(_record(UNKNOWN, [_Event("2025-10-05"), _Event("2025-11-17"), _Event("2025-12-01", expected=True)]))
    assert d.after.date == "2025-11-17" and d.derived and d.cite == (3,)


def test_a_dated_article_keeps_its_own_date():
    d = article_date(_record(When(date="2025-10-29", precision="day"), [_Event("2025-11-17")]))
    assert d.after is None and d.known.date == "2025-10-29"
