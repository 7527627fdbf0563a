"""Stage 3, model: the typed shape of a brief and of the shared registries.

These classes are the single source of truth.  Validation (validate.py), the
published JSON Schema (briefs/schema/*.json) and the field reference page in
the docs are all derived from them, so every field carries a description; a
test fails when one does not.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, field_validator, model_validator

from .fields import ID_PATTERN as ID_PATTERN  # re-exported: file names are checked against it
from .fields import (
    MAX_ITEMS,
    SEED_PATTERN,
    Attribution,
    Cite,
    Confidence,
    EntityRef,
    Id,
    Likelihood,
    OptionalCite,
    PageTitle,
    Paragraph,
    Short,
    Sourcing,
    Strict,
    TagRef,
    Text,
    Tone,
    TopicRef,
)
from .marks import CITES, find
from .registry import Entity as Entity
from .registry import EntityRegistry as EntityRegistry
from .registry import Tag as Tag
from .registry import TagRegistry as TagRegistry
from .registry import Topic as Topic
from .registry import TopicRegistry as TopicRegistry  # re-exported: the registries' models are used with the brief's
from .when import When as When  # re-exported: the dated fields' model


class Scope(Strict):
    """Which paragraphs of the seed this brief covers."""

    first: Paragraph = Field(description="First paragraph of the article the brief covers.")
    last: Paragraph = Field(description="Last paragraph of the article the brief covers.")
    note: Text | None = Field(
        None, description="What the rest of the seed holds and why it is left out (say, an unrelated second article).")

    @model_validator(mode="after")
    def _order(self) -> Scope:
        if self.last < self.first:
            raise ValueError("`last` comes before `first`")
        return self


class Bound(Strict):
    """The earliest date an undated article can have been written, and what shows it."""

    when: When = Field(description="The article was written on or after this date; `note` says why.")
    cite: Cite


class Bio(Strict):
    """What the article prints about its author (a bio line), verbatim."""

    text: Text = Field(description="The bio's words about the author's work or employer, exactly as printed.")
    cite: Cite


class Source(Strict):
    """What the article itself states about where it comes from.  Every field
    but `seed`, `published` and `scope` is null when the article does not say it."""

    seed: Annotated[str, StringConstraints(pattern=SEED_PATTERN)] = Field(
        description="File name of the archived article in seeds/ (no folders).")
    headline: Text | None = Field(description="The article's headline as printed, or null.")
    outlet: Short | None = Field(
        description="The publishing outlet, only where the text names it as the publisher; never guessed from layout.")
    author: Short | None = Field(description="The byline, only where the text gives one.")
    author_bio: Bio | None = Field(
        None, description="What the article's author bio says of the author (an employer, say), verbatim. It is "
        "shown as what the bio says; it does not make that employer the article's `outlet`.")
    published: When = Field(description="The article's own date stamp (an 'Updated' or date line), not the dates of events in it.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        description="The article's address, only where the text states it (http or https).")
    scope: Scope = Field(description="The part of the seed this brief covers.")
    written_after: Bound | None = Field(
        None, description="For an article without a date stamp: the earliest date it can have been written, with "
        "the paragraph that shows it. Without it, the latest dated event the brief reports (not one only expected) "
        "is taken as that bound.")


class KeyPoint(Strict):
    """One fact the article reports, in the brief writer's neutral words."""

    text: Text = Field(description="The point, one or two sentences.")
    cite: Cite


class Quote(Strict):
    """A direct quotation, copied verbatim from the article."""

    text: Text = Field(description="The words exactly as the article prints them (inside its quotation marks).")
    speaker: EntityRef = Field(description="Entity id of the person quoted (from briefs/registry/entities.yaml).")
    form: Literal["said", "written", "printed", "slogan"] = Field(
        "said", description="What the words are: `said` (speech, the default), `written` (a statement or post), "
        "`printed` (text printed on something, such as a passport), or `slogan`. Shown with the quote wherever it appears.")
    context: Text | None = Field(
        None, description="What the quoted words leave out that changes their sense (a condition the sentence goes on "
        "to set, or that the quote stops mid-sentence). Shown with the quote wherever it appears.")
    venue: Short | None = Field(None, description="Where it was said (a TV show, parliament), where the article states it.")
    date: When | None = Field(None, description="When it was said, where the article states or allows it.")
    note: Text | None = Field(
        None, description="How the attribution was read, when the article does not name the speaker next to the words.")
    cite: Cite


class Event(Strict):
    """Something that happened, or is expected, at a date the article gives or implies."""

    key: Id | None = Field(
        None, description="A shared key for a happening several briefs report (e.g. `asif-tv-interview-2025-10-28`); "
        "events with the same key are one timeline entry listing every source.")
    when: When = Field(description="When it happened.")
    expected: bool = Field(
        False, description="`true` for a happening the article expects rather than reports: its date does not "
        "show that the article was written after it.")
    text: Text = Field(description="What happened, one sentence.")
    actors: list[EntityRef] = Field(max_length=MAX_ITEMS, default_factory=list, description="Entity ids of those involved.")
    cite: Cite


class Position(Strict):
    """A stance, condition, red line or demand attributed to an actor."""

    actor: EntityRef = Field(description="Entity id of whose position it is (a country, a person).")
    topic: TopicRef = Field(description="Topic id (from briefs/registry/topics.yaml); conditions use topics of kind `condition`.")
    kind: Literal["stance", "condition", "red-line", "demand", "preference"] = Field(
        description="`stance` (a view or a promise), `condition` (participation depends on it), `red-line` (will not "
        "do), `demand` (asks or pushes for), `preference` (would like, without making it a condition). Only "
        "conditions and red lines are counted as conditions.")
    stance: Text = Field(description="The position in neutral words.")
    attribution: Attribution = Field(description="Who the article says holds or reports it.")
    speaker: EntityRef | None = Field(None, description="Entity id of the named person who stated it, when on record.")
    cite: Cite


class Claim(Strict):
    """A factual claim on a shared topic, so the claims of different sources can be compared."""

    topic: TopicRef = Field(description="Topic id; claims on one topic are set side by side across sources.")
    answer: Short = Field(
        description="The claim's short answer to the topic's question, worded the same way across briefs "
        "when sources agree (sources disagree exactly when their answers differ). For a list (a topic whose "
        "`relation` is `set`), the items only, separated by commas or \"and\"; the source's word for them goes "
        "in `qualifier`.")
    qualifier: Short | None = Field(
        None, description="For a list answer only: what the source calls the items (`offered`, `reportedly "
        "willing`, `leading contenders`). Pages show it before the answer (\"offered: Indonesia\"), and lists are "
        "compared only under the same qualifier: a contender is not an offer, so a country one source says has "
        "not offered is no contradiction of another that names it a contender.")
    claim: Text = Field(description="The claim as the article makes it, in neutral words.")
    attribution: Attribution = Field(description="Who the article says makes the claim.")
    cite: Cite


class Passage(Strict):
    """A passage the framing section points at."""

    text: Text | None = Field(None, description="The words in question, verbatim, where short.")
    note: Text = Field(description="What is notable about them, stated neutrally.")
    cite: Cite


class Framing(Strict):
    """How the article tells the story: kept apart from what it reports."""

    tone: Tone = Field(description="Overall tone: neutral, analytical, favourable, critical or sensational.")
    tone_note: Text | None = Field(None, description="Why the tone was judged so.")
    sourcing: Sourcing = Field(description="The quality of the article's sourcing, overall.")
    sourcing_note: Text | None = Field(None, description="What the sourcing rests on.")
    loaded_wording: list[Passage] = Field(max_length=MAX_ITEMS, default_factory=list, description="Words that carry a judgement.")
    headline_vs_body: list[Passage] = Field(
        max_length=MAX_ITEMS, default_factory=list, description="Where a headline or subhead says more than the body supports.")
    unsourced_claims: list[Passage] = Field(max_length=MAX_ITEMS, default_factory=list, description="Claims the article gives no source for.")
    incoherent_passages: list[Passage] = Field(max_length=MAX_ITEMS, default_factory=list, description="Passages that do not make sense as written.")


class Assessment(Strict):
    """The brief writer's own judgement, never a fact from the article."""

    text: Text = Field(description="The judgement, worded with the likelihood term.")
    likelihood: Likelihood = Field(description="ICD 203 expression of likelihood.")
    confidence: Confidence = Field(description="Confidence in the judgement: low, moderate or high.")
    basis: Text = Field(description="What the judgement rests on.")
    cite: OptionalCite = Field(default_factory=list, description="Paragraphs it rests on, if any.")


class Mention(Strict):
    """An entity the article names, with the words and role it uses."""

    id: EntityRef = Field(description="Entity id.")
    named_as: list[Short] = Field(
        max_length=MAX_ITEMS, min_length=1, description="How the article writes the name (spelling variants as printed).")
    role: Short | None = Field(None, description="The role or title the article gives, as printed.")
    cite: Cite


class Brief(Strict):
    """A structured, verified summary of one source article.  Its id is the file name stem."""

    title: PageTitle = Field(description="The brief's own title: short and neutral.")
    source: Source = Field(description="What the article states about itself.")
    summary: Text = Field(description="The bottom line up front, 2 to 4 sentences.")
    key_points: list[KeyPoint] = Field(max_length=MAX_ITEMS, min_length=1, description="The main facts the article reports, each cited.")
    quotes: list[Quote] = Field(max_length=MAX_ITEMS, default_factory=list, description="Every direct quotation, verbatim.")
    events: list[Event] = Field(max_length=MAX_ITEMS, default_factory=list, description="Dated happenings; article stamps and photo captions are not events.")
    positions: list[Position] = Field(max_length=MAX_ITEMS, default_factory=list, description="Stances, conditions, red lines and demands, with attribution.")
    claims: list[Claim] = Field(max_length=MAX_ITEMS, default_factory=list, description="Claims on shared topics, compared across sources.")
    mentions: list[Mention] = Field(max_length=MAX_ITEMS, default_factory=list, description="People, organisations and countries the article names.")
    framing: Framing = Field(description="How the article frames the story.")
    assessments: list[Assessment] = Field(max_length=MAX_ITEMS, default_factory=list, description="The brief writer's judgements, kept apart from facts.")
    open_questions: list[Text] = Field(max_length=MAX_ITEMS, default_factory=list, description="What the article leaves unanswered.")
    tags: list[TagRef] = Field(max_length=MAX_ITEMS, default_factory=list, description="Tags from briefs/registry/tags.yaml.")

    @field_validator("summary")
    @classmethod
    def _sentences(cls, v: str) -> str:
        count = len(re.findall(r"[.!?](?:\s|$)", v))
        if not 2 <= count <= 4:
            raise ValueError(f"the summary should be 2 to 4 sentences; it has {count}")
        return v



def cited_paragraphs(node: BaseModel) -> set[int]:
    """Every paragraph number cited anywhere in a model tree."""
    return {n for found in find(node, only=CITES) for n in found.value}
