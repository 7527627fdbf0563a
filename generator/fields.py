"""The field types the models share: ids, text sizes, marked references, vocabularies.

A type says what a field means as well as its shape: `EntityRef` is an id
that must exist in briefs/registry/entities.yaml, `PageTitle` text that is
printed as a page title, `Cite` paragraph numbers of the article.  The
markers (marks.py) are what provenance, validation and the field reference
look for, never a field's name.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .marks import CITES, PAGE_TITLE, Ref

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"
SEED_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.txt$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=300)]
#: Most paragraphs one item may cite, and most items in one list of a brief.
#: The real briefs need at most 13 and 29; the caps keep a hostile brief
#: from costing the build minutes (each cite is a link on the page).
MAX_CITES = 50
MAX_ITEMS = 200
#: Most cites in one brief, all its items together (issue #18).  A build spends
#: its time on citation links, some 0.7 ms of CPU each, and the caps above let
#: one brief at the size cap hold over 40,000 (measured: a build 11x a real
#: brief's).  4,000 is 25 times the most a real brief holds (160) and more than
#: the 2,200 that every cited list at MAX_ITEMS needs, so no other cap becomes
#: unreachable; the worst brief at it builds in 2.5x a real brief's time.
MAX_BRIEF_CITES = 4000


_WHOLE_NUMBER = re.compile(r"0|[1-9][0-9]*")


def _whole_number(value: Any) -> Any:
    """A paragraph number as the published JSON Schema reads it: digits 0-9
    only.  Python's int() would also take `1_0`, ` 3`, `+4` and `2.0`."""
    if isinstance(value, str) and not _WHOLE_NUMBER.fullmatch(value):
        raise PydanticCustomError("int_parsing", "Input should be a valid integer")
    return value


def _no_repeats(numbers: list[int]) -> list[int]:
    seen: set[int] = set()
    for i, n in enumerate(numbers):
        if n in seen:
            raise PydanticCustomError("repeated_cite", "paragraph {number} is cited twice",
                                      {"number": n, "index": i, "first": numbers.index(n)})
        seen.add(n)
    return numbers


#: Every whole-number field: digits only, as the JSON Schema's `integer` reads it (not `1.0`, `1_0` or `+1`).
WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
Paragraph = Annotated[int, Field(ge=1), BeforeValidator(_whole_number)]
_CiteList = Annotated[list[Paragraph], Field(max_length=MAX_CITES, json_schema_extra={"uniqueItems": True}),
                      AfterValidator(_no_repeats)]
Cite = Annotated[
    _CiteList,
    Field(min_length=1, description="Paragraph numbers in the seed that support this item "
          "(a paragraph is a non-empty line, numbered from 1), each once."),
    CITES,
]
#: Cites that may be empty (an assessment may rest on no paragraph in particular).
OptionalCite = Annotated[_CiteList, CITES]

EntityRef = Annotated[Id, Ref("entities")]
TopicRef = Annotated[Id, Ref("topics")]
TagRef = Annotated[Id, Ref("tags")]
PageTitle = Annotated[Text, PAGE_TITLE]
ShortPageTitle = Annotated[Short, PAGE_TITLE]

# `day-month`: a day and month whose year the text does not state ("on November 17").
Precision = Literal["day", "day-month", "month", "year", "unknown"]
# A part of a month or year the text names ("late 2024", "early November").
Qualifier = Literal["early", "mid", "late"]
Basis = Literal["stated", "inferred"]
Attribution = Literal["on-record", "anonymous-officials", "unnamed-reports", "analysts", "outlet"]
# ICD 203's expressions of likelihood, weakest to strongest.
Likelihood = Literal[
    "almost no chance", "very unlikely", "unlikely", "roughly even chance",
    "likely", "very likely", "almost certain",
]
Confidence = Literal["low", "moderate", "high"]
Tone = Literal["neutral", "analytical", "favourable", "critical", "sensational"]
Sourcing = Literal["named-on-record", "mixed", "anonymous", "unsourced"]

ATTRIBUTION_LABELS = {
    "on-record": "on record",
    "anonymous-officials": "anonymous officials",
    "unnamed-reports": "unnamed reports",
    "analysts": "analysts",
    "outlet": "the outlet itself",
}
SOURCING_LABELS = {
    "named-on-record": "named, on record",
    "mixed": "mixed: named and anonymous",
    "anonymous": "anonymous",
    "unsourced": "unsourced",
}

# [0-9], not \d: Python's \d also matches other scripts' digits (٢٠٢٥), which int()
# reads but JSON Schema, the exports and their readers do not.
_DATE_FORMS = {"day": "[0-9]{4}-[0-9]{2}-[0-9]{2}", "day-month": "--[0-9]{2}-[0-9]{2}", "month": "[0-9]{4}-[0-9]{2}",
               "year": "[0-9]{4}"}
DATE_FORM_NAMES = {"day": "YYYY-MM-DD", "day-month": "--MM-DD", "month": "YYYY-MM", "year": "YYYY"}




class Strict(BaseModel):
    """Unknown fields are errors; models are immutable once validated."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
