"""A date as precise as the text allows: the model every dated field of a
brief uses (an article's date stamp, an event, a quote), and where each
date sorts.  Re-exported by model.py with the models that use it."""

from __future__ import annotations

import calendar
import re

from pydantic import Field, model_validator

from .fields import _DATE_FORMS, DATE_FORM_NAMES, Basis, Precision, Qualifier, Strict, Text


class When(Strict):
    """A date as precise as the text allows, and whether the text states it."""

    date: str | None = Field(
        description="`YYYY-MM-DD`, `--MM-DD` (a day and month without a year), `YYYY-MM` or `YYYY`, "
        "matching `precision`; null when unknown.")
    precision: Precision = Field(
        description="How much of the date the text gives: `day`, `day-month` (day and month, the year not stated), "
        "`month`, `year` or `unknown`.")
    qualifier: Qualifier | None = Field(
        None, description="For a month or a year: the part of it the text names, as in \"late 2024\" "
        "(`early`, `mid` or `late`).")
    basis: Basis = Field(
        "stated",
        description="`stated` when the text gives the date; `inferred` when the brief writer worked it "
        "out (a weekday resolved against the article's date, or a year the text leaves out), explained in `note`.")
    note: Text | None = Field(None, description="How the date was read or inferred, or why it is missing.")

    @model_validator(mode="after")
    def _check(self) -> When:
        if self.precision == "unknown":
            if self.date is not None:
                raise ValueError("`precision: unknown` needs `date: null`")
            return self
        if self.date is None:
            raise ValueError(f"`precision: {self.precision}` needs a date; use `precision: unknown` for none")
        if not re.fullmatch(_DATE_FORMS[self.precision], self.date):
            raise ValueError(f"date {self.date!r} does not match `precision: {self.precision}` "
                             f"({DATE_FORM_NAMES[self.precision]})")
        if self.qualifier is not None and self.precision not in ("month", "year"):
            raise ValueError(f"`qualifier: {self.qualifier}` goes with `precision: month` or `year`, "
                             f"not `{self.precision}`")
        year, month, day = self.parts
        # A day and month without a year may be 29 February: check it against a leap year.
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year or 2000, month)[1] or year == 0:
            raise ValueError(f"{self.date!r} is not a real date")
        return self

    @property
    def parts(self) -> tuple[int | None, int, int]:
        """(year or None, month, day), 1 for a month or day the date leaves out."""
        if self.date is None:
            return (None, 1, 1)
        if self.date.startswith("--"):
            return (None, int(self.date[2:4]), int(self.date[5:7]))
        numbers = [int(p) for p in self.date.split("-")]
        return (numbers[0], *(numbers[1:] + [1, 1])[:2])  # type: ignore[return-value]

    def placed(self, year: int | None = None) -> tuple[int, int, int]:
        """Where the date sorts: the earliest day it can mean; a part of a month or
        year ("late 2024") at that part; a day and month in ``year``, the year the
        context gives, when the date has none.  Unknown dates sort last."""
        if self.date is None or (self.precision == "day-month" and year is None):
            return (9999, 99, 99)
        y, m, d = self.parts
        if self.precision == "year":
            return (y or 0, {None: 0, "early": 1, "mid": 5, "late": 9}[self.qualifier], 0)
        if self.precision == "month":
            return (y or 0, m, {None: 0, "early": 1, "mid": 11, "late": 21}[self.qualifier])
        return (y if y is not None else year or 0, m, d)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Where the date sorts on its own (a day and month without a year: last)."""
        return self.placed()
