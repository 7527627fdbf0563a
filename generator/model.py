"""Stage 3, model: the typed shape of a brief and of the shared registries.

These classes are the single source of truth.  Validation (validate.py), the
published JSON Schema (briefs/schema/*.json) and the field reference page in
the docs are all derived from them, so every field carries a description; a
test fails when one does not.
"""

from __future__ import annotations

import calendar
import functools
import re
import typing
from datetime import date
from typing import Annotated, Any, Iterator, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"
SEED_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.txt$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Cite = Annotated[
    list[Annotated[int, Field(ge=1)]],
    Field(min_length=1, description="Paragraph numbers in the seed that support this item "
          "(a paragraph is a non-empty line, numbered from 1)."),
]

Precision = Literal["day", "month", "year", "unknown"]
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
_DATE_FORMS = {"day": "[0-9]{4}-[0-9]{2}-[0-9]{2}", "month": "[0-9]{4}-[0-9]{2}", "year": "[0-9]{4}"}


class Strict(BaseModel):
    """Unknown fields are errors; models are immutable once validated."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class When(Strict):
    """A date as precise as the text allows, and whether the text states it."""

    date: Optional[str] = Field(
        description="`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, matching `precision`; null when unknown.")
    precision: Precision = Field(description="How much of the date the text gives: day, month, year or unknown.")
    basis: Basis = Field(
        "stated",
        description="`stated` when the text gives the date; `inferred` when the brief writer worked it "
        "out (a weekday resolved against the article's date, say), explained in `note`.")
    note: Optional[Text] = Field(None, description="How the date was read or inferred, or why it is missing.")

    @model_validator(mode="after")
    def _check(self) -> "When":
        if self.precision == "unknown":
            if self.date is not None:
                raise ValueError("`precision: unknown` needs `date: null`")
            return self
        if self.date is None:
            raise ValueError(f"`precision: {self.precision}` needs a date; use `precision: unknown` for none")
        if not re.fullmatch(_DATE_FORMS[self.precision], self.date):
            forms = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}
            raise ValueError(f"date {self.date!r} does not match `precision: {self.precision}` ({forms[self.precision]})")
        parts = [int(p) for p in self.date.split("-")]
        year, month, day = (parts + [1, 1])[:3]
        if not 1 <= year or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"{self.date!r} is not a real date")
        return self

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Earliest day the date can mean; unknown dates sort last."""
        if self.date is None:
            return (9999, 99, 99)
        parts = [int(p) for p in self.date.split("-")]
        return tuple((parts + [0, 0])[:3])  # type: ignore[return-value]

    def as_date(self) -> date | None:
        if self.date is None:
            return None
        y, m, d = self.sort_key
        return date(y, max(m, 1), max(d, 1))


class Scope(Strict):
    """Which paragraphs of the seed this brief covers."""

    first: int = Field(ge=1, description="First paragraph of the article the brief covers.")
    last: int = Field(ge=1, description="Last paragraph of the article the brief covers.")
    note: Optional[Text] = Field(
        None, description="What the rest of the seed holds and why it is left out (say, an unrelated second article).")

    @model_validator(mode="after")
    def _order(self) -> "Scope":
        if self.last < self.first:
            raise ValueError("`last` comes before `first`")
        return self


class Source(Strict):
    """What the article itself states about where it comes from.  Every field
    but `seed`, `published` and `scope` is null when the article does not say it."""

    seed: Annotated[str, StringConstraints(pattern=SEED_PATTERN)] = Field(
        description="File name of the archived article in seeds/ (no folders).")
    headline: Optional[Text] = Field(description="The article's headline as printed, or null.")
    outlet: Optional[Short] = Field(
        description="The publishing outlet, only where the text names it as the publisher; never guessed from layout.")
    author: Optional[Short] = Field(description="The byline, only where the text gives one.")
    published: When = Field(description="The article's own date stamp (an 'Updated' or date line), not the dates of events in it.")
    url: Optional[Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]] = Field(
        description="The article's address, only where the text states it (http or https).")
    scope: Scope = Field(description="The part of the seed this brief covers.")


class KeyPoint(Strict):
    """One fact the article reports, in the brief writer's neutral words."""

    text: Text = Field(description="The point, one or two sentences.")
    cite: Cite


class Quote(Strict):
    """A direct quotation, copied verbatim from the article."""

    text: Text = Field(description="The words exactly as the article prints them (inside its quotation marks).")
    speaker: Id = Field(description="Entity id of the person quoted (from briefs/registry/entities.yaml).")
    venue: Optional[Short] = Field(None, description="Where it was said (a TV show, parliament), where the article states it.")
    date: Optional[When] = Field(None, description="When it was said, where the article states or allows it.")
    note: Optional[Text] = Field(
        None, description="How the attribution was read, when the article does not name the speaker next to the words.")
    cite: Cite


class Event(Strict):
    """Something that happened, or is expected, at a date the article gives or implies."""

    key: Optional[Id] = Field(
        None, description="A shared key for a happening several briefs report (e.g. `asif-tv-interview-2025-10-28`); "
        "events with the same key are one timeline entry listing every source.")
    when: When = Field(description="When it happened.")
    text: Text = Field(description="What happened, one sentence.")
    actors: list[Id] = Field(default_factory=list, description="Entity ids of those involved.")
    cite: Cite


class Position(Strict):
    """A stance, condition, red line or demand attributed to an actor."""

    actor: Id = Field(description="Entity id of whose position it is (a country, a person).")
    topic: Id = Field(description="Topic id (from briefs/registry/topics.yaml); conditions use topics of kind `condition`.")
    kind: Literal["stance", "condition", "red-line", "demand"] = Field(
        description="`stance` (a view), `condition` (participation depends on it), `red-line` (will not do), `demand` (asks for).")
    stance: Text = Field(description="The position in neutral words.")
    attribution: Attribution = Field(description="Who the article says holds or reports it.")
    speaker: Optional[Id] = Field(None, description="Entity id of the named person who stated it, when on record.")
    cite: Cite


class Claim(Strict):
    """A factual claim on a shared topic, so the claims of different sources can be compared."""

    topic: Id = Field(description="Topic id; claims on one topic are set side by side across sources.")
    answer: Short = Field(
        description="The claim's short answer to the topic's question, worded the same way across briefs "
        "when sources agree (sources disagree exactly when their answers differ).")
    claim: Text = Field(description="The claim as the article makes it, in neutral words.")
    attribution: Attribution = Field(description="Who the article says makes the claim.")
    cite: Cite


class Passage(Strict):
    """A passage the framing section points at."""

    text: Optional[Text] = Field(None, description="The words in question, verbatim, where short.")
    note: Text = Field(description="What is notable about them, stated neutrally.")
    cite: Cite


class Framing(Strict):
    """How the article tells the story: kept apart from what it reports."""

    tone: Tone = Field(description="Overall tone: neutral, analytical, favourable, critical or sensational.")
    tone_note: Optional[Text] = Field(None, description="Why the tone was judged so.")
    sourcing: Sourcing = Field(description="The quality of the article's sourcing, overall.")
    sourcing_note: Optional[Text] = Field(None, description="What the sourcing rests on.")
    loaded_wording: list[Passage] = Field(default_factory=list, description="Words that carry a judgement.")
    headline_vs_body: list[Passage] = Field(
        default_factory=list, description="Where a headline or subhead says more than the body supports.")
    unsourced_claims: list[Passage] = Field(default_factory=list, description="Claims the article gives no source for.")
    incoherent_passages: list[Passage] = Field(default_factory=list, description="Passages that do not make sense as written.")


class Assessment(Strict):
    """The brief writer's own judgement, never a fact from the article."""

    text: Text = Field(description="The judgement, worded with the likelihood term.")
    likelihood: Likelihood = Field(description="ICD 203 expression of likelihood.")
    confidence: Confidence = Field(description="Confidence in the judgement: low, moderate or high.")
    basis: Text = Field(description="What the judgement rests on.")
    cite: list[Annotated[int, Field(ge=1)]] = Field(default_factory=list, description="Paragraphs it rests on, if any.")


class Mention(Strict):
    """An entity the article names, with the words and role it uses."""

    id: Id = Field(description="Entity id.")
    named_as: list[Short] = Field(
        min_length=1, description="How the article writes the name (spelling variants as printed).")
    role: Optional[Short] = Field(None, description="The role or title the article gives, as printed.")
    cite: Cite


class Brief(Strict):
    """A structured, verified summary of one source article.  Its id is the file name stem."""

    title: Text = Field(description="The brief's own title: short and neutral.")
    source: Source = Field(description="What the article states about itself.")
    summary: Text = Field(description="The bottom line up front, 2 to 4 sentences.")
    key_points: list[KeyPoint] = Field(min_length=1, description="The main facts the article reports, each cited.")
    quotes: list[Quote] = Field(default_factory=list, description="Every direct quotation, verbatim.")
    events: list[Event] = Field(default_factory=list, description="Dated happenings; article stamps and photo captions are not events.")
    positions: list[Position] = Field(default_factory=list, description="Stances, conditions, red lines and demands, with attribution.")
    claims: list[Claim] = Field(default_factory=list, description="Claims on shared topics, compared across sources.")
    mentions: list[Mention] = Field(default_factory=list, description="People, organisations and countries the article names.")
    framing: Framing = Field(description="How the article frames the story.")
    assessments: list[Assessment] = Field(default_factory=list, description="The brief writer's judgements, kept apart from facts.")
    open_questions: list[Text] = Field(default_factory=list, description="What the article leaves unanswered.")
    tags: list[Id] = Field(default_factory=list, description="Tags from briefs/registry/tags.yaml.")

    @field_validator("summary")
    @classmethod
    def _sentences(cls, v: str) -> str:
        count = len(re.findall(r"[.!?](?:\s|$)", v))
        if not 2 <= count <= 4:
            raise ValueError(f"the summary should be 2 to 4 sentences; it has {count}")
        return v


# ---- registries ---------------------------------------------------------------------


class Entity(Strict):
    """A person, organisation or country: one page across all sources."""

    id: Id = Field(description="Stable id, referred to by briefs.")
    name: Short = Field(description="The name shown on the site.")
    kind: Literal["person", "organisation", "country"] = Field(description="person, organisation or country.")
    aliases: list[Short] = Field(default_factory=list, description="Other names and spelling variants.")
    description: Optional[Text] = Field(None, description="One neutral line for the entity page.")


class Topic(Strict):
    """A subject that claims and positions are grouped by."""

    id: Id = Field(description="Stable id, referred to by briefs.")
    name: Short = Field(description="The name shown on the site.")
    kind: Literal["question", "condition", "theme"] = Field(
        description="`question` (claims answer it), `condition` (a Pakistani condition or red line), or `theme`.")
    question: Optional[Text] = Field(None, description="For a question: the question the claims answer.")
    exclusive: bool = Field(
        True, description="For a question: whether different answers contradict each other. "
        "`false` where sources add to one list (such as which countries offer troops), so differing answers are not flagged.")
    description: Optional[Text] = Field(None, description="One neutral line for readers.")


class Tag(Strict):
    """A tag a brief may carry."""

    id: Id = Field(description="The tag as written in briefs.")
    name: Short = Field(description="The tag as shown on the site.")
    description: Optional[Text] = Field(None, description="What the tag groups.")


class EntityRegistry(Strict):
    """briefs/registry/entities.yaml"""

    entities: list[Entity] = Field(description="Every person, organisation and country the briefs mention.")


class TopicRegistry(Strict):
    """briefs/registry/topics.yaml"""

    topics: list[Topic] = Field(description="Every topic briefs refer to.")


class TagRegistry(Strict):
    """briefs/registry/tags.yaml"""

    tags: list[Tag] = Field(description="The allowed tags.")


def walk(node: Any, loc: tuple = (), names: frozenset[str] | None = None) -> Iterator[tuple[tuple, str, Any]]:
    """Yield (location, field name, value) for every field in a model tree,
    depth first; only the fields called one of ``names``, when given."""
    out: list[tuple[tuple, str, Any]] = []
    if names is None:
        _walk(node, loc, out)
    else:
        _walk_names(node, loc, out, names)
    return iter(out)


@functools.cache
def _field_names(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(model.model_fields)


def _walk(node: Any, loc: tuple, out: list) -> None:
    # Collected into one list rather than yielded through nested generators:
    # each level of `yield from` costs every item that passes through it.
    if isinstance(node, BaseModel):
        for name in _field_names(type(node)):
            value = getattr(node, name)
            here = loc + (name,)
            out.append((here, name, value))
            if isinstance(value, (BaseModel, list, tuple)):
                _walk(value, here, out)
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            if isinstance(item, (BaseModel, list, tuple)):
                _walk(item, loc + (i,), out)


# Every brief is searched for a few field names on every build (cites, ids).
# A plan per model says which of its fields to report and which can hold such
# a field further down, worked out from the field types, so that a search
# never descends into text, lists of numbers or sections that cannot hold
# what it looks for.

@functools.cache
def _plan(model: type[BaseModel], names: frozenset[str]) -> tuple[tuple[str, bool, bool], ...]:
    """(field, report it?, descend into it?) for the fields of ``model`` that matter."""
    plan = []
    for name, info in model.model_fields.items():
        report = name in names
        descend = any(n in names for m in models_in(info.annotation) for inner in model_tree(m)
                      for n in inner.model_fields)
        if report or descend:
            plan.append((name, report, descend))
    return tuple(plan)


@functools.cache
def model_tree(model: type[BaseModel]) -> frozenset[type[BaseModel]]:
    """``model`` and every model class its fields can hold, however deep."""
    found: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo += [m for info in current.model_fields.values() for m in models_in(info.annotation)]
    return frozenset(found)


def models_in(tp: Any) -> list[type[BaseModel]]:
    """The model classes a field type names: itself, or inside list[...], Optional[...] and the like."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in typing.get_args(tp) for m in models_in(arg)]


def _walk_names(node: Any, loc: tuple, out: list, names: frozenset[str]) -> None:
    if isinstance(node, BaseModel):
        for name, report, descend in _plan(type(node), names):
            value = getattr(node, name)
            here = loc + (name,)
            if report:
                out.append((here, name, value))
            if descend and value is not None:
                _walk_names(value, here, out, names)
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            _walk_names(item, loc + (i,), out, names)


_CITE = frozenset({"cite"})


def cited_paragraphs(node: Any) -> set[int]:
    """Every number in a `cite` field anywhere in a model tree: the fields
    `walk` finds by that name, without building every field's location."""
    out: set[int] = set()
    _cites(node, out)
    return out


def _cites(node: Any, out: set[int]) -> None:
    if isinstance(node, BaseModel):
        for name, report, descend in _plan(type(node), _CITE):
            value = getattr(node, name)
            if report:
                out.update(value)
            elif descend and value is not None:
                _cites(value, out)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _cites(item, out)
