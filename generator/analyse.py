"""Stage 4, analyse: the views across sources that no single article gives.

`analyse(corpus)` builds one frozen `Analysis`, once per build, and every
view and export reads it (as Pelican's generators share one context):
the briefs newest first, what each source says of each entity, the claims
on each question, Pakistan's conditions in display order, the timeline and
the quotes by speaker.  Views only lay it out; none sorts or groups again.

Everything is made of small named records, never tuples: `Sourced` pairs
an item of a brief (a claim, an event) with the brief it comes from.  Each
grouping is one pass over the briefs, so the cost grows linearly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Mapping, TypeVar

from . import relations
from .corpus import Corpus, Record
from .model import Claim, Entity, Event, Mention, Position, Quote, Topic, When

T = TypeVar("T")
_UNDATED = (9999, 99, 99)


@dataclass(frozen=True)
class Sourced(Generic[T]):
    """One item of one brief (a claim, a quote, an event) and the brief it comes from."""

    record: Record
    item: T


# ---- when each article was written --------------------------------------------


@dataclass(frozen=True)
class ArticleDate:
    """When an article was written: its own date stamp, or for an undated article
    the earliest date it can have been written (`after`) and the paragraphs that show it."""

    published: When
    after: When | None = None
    cite: tuple[int, ...] = ()
    derived: bool = False  # `after` is the latest event the brief reports, not set by the editor

    @property
    def known(self) -> When | None:
        """The date the article is placed at: its stamp, or else its bound."""
        return self.published if self.published.date else self.after

    @property
    def sort_key(self) -> tuple[int, int, int]:
        known = self.known
        return known.placed() if known is not None else _UNDATED

    @property
    def year(self) -> int | None:
        """The year the article's context gives a day and month that lacks one."""
        known = self.known
        return known.parts[0] if known is not None else None


def article_date(record: Record) -> ArticleDate:
    source = record.brief.source
    if source.published.date and source.published.precision != "day-month":
        return ArticleDate(source.published)
    if source.written_after is not None:
        return ArticleDate(source.published, source.written_after.when, tuple(source.written_after.cite))
    reported = [e for e in record.brief.events
                if not e.expected and e.when.date and e.when.precision in ("day", "month", "year")]
    if not reported:
        return ArticleDate(source.published)
    latest = max(reported, key=lambda e: e.when.placed())
    return ArticleDate(source.published, latest.when, tuple(latest.cite), derived=True)


def _newest_first(records: tuple[Record, ...], dates: Mapping[str, ArticleDate]) -> tuple[Record, ...]:
    """Briefs by when their article was written, newest first (an undated one at the
    earliest date it can have been written); those with no date at all last, by id."""
    dated = sorted((r for r in records if dates[r.id].known), key=lambda r: (dates[r.id].sort_key, r.id), reverse=True)
    undated = sorted((r for r in records if not dates[r.id].known), key=lambda r: r.id)
    return tuple(dated + undated)


# ---- entities ----------------------------------------------------------------


@dataclass(frozen=True)
class EntityFacts:
    """What the briefs say of one entity, newest article first."""

    entity: Entity
    mentions: tuple[Sourced[Mention], ...]
    quotes: tuple[Sourced[Quote], ...]
    positions: tuple[Sourced[Position], ...]

    @property
    def briefs(self) -> tuple[Record, ...]:
        """Every brief that mentions, quotes or gives a position of the entity."""
        seen: dict[str, Record] = {}
        for s in (*self.mentions, *self.quotes, *self.positions):
            seen.setdefault(s.record.id, s.record)
        return tuple(seen.values())


def _entity_facts(corpus: Corpus, newest: tuple[Record, ...]) -> dict[str, EntityFacts]:
    mentions: dict[str, list] = {eid: [] for eid in corpus.entities}
    quotes: dict[str, list] = {eid: [] for eid in corpus.entities}
    positions: dict[str, list] = {eid: [] for eid in corpus.entities}
    for r in newest:
        b = r.brief
        for m in b.mentions:
            mentions[m.id].append(Sourced(r, m))
        for q in b.quotes:
            quotes[q.speaker].append(Sourced(r, q))
        for p in b.positions:
            positions[p.actor].append(Sourced(r, p))
            if p.speaker and p.speaker != p.actor:
                positions[p.speaker].append(Sourced(r, p))
    return {eid: EntityFacts(e, tuple(mentions[eid]), tuple(quotes[eid]), tuple(positions[eid]))
            for eid, e in corpus.entities.items()}


@dataclass(frozen=True)
class SpeakerQuotes:
    """One speaker's quotes, by the date they were said (undated last)."""

    speaker: Entity
    quotes: tuple[Sourced[Quote], ...]


def said_order(s: Sourced[Quote]) -> tuple:
    return (s.item.date.sort_key if s.item.date else _UNDATED, s.record.id)


def _quotes_by_speaker(facts: dict[str, EntityFacts]) -> tuple[SpeakerQuotes, ...]:
    speakers = sorted((f for f in facts.values() if f.quotes), key=lambda f: f.entity.name.lower())
    return tuple(SpeakerQuotes(f.entity, tuple(sorted(f.quotes, key=said_order))) for f in speakers)


# ---- timeline ----------------------------------------------------------------

_RANK = {"day": 0, "day-month": 1, "month": 2, "year": 3, "unknown": 4}


@dataclass(frozen=True)
class TimelineEntry:
    """One happening, with every brief that reports it."""

    key: str
    reports: tuple[Sourced[Event], ...]
    when: When  # the most precise date any source gives; stated beats inferred
    placed: tuple[int, int, int]  # where it sorts; a day and month in the year of its article
    period: str  # its timeline section: `YYYY-MM`, a bare year, or `undated`

    @property
    def text(self) -> str:
        return self.reports[0].item.text


def _timeline(corpus: Corpus, dates: Mapping[str, ArticleDate]) -> tuple[TimelineEntry, ...]:
    reports: dict[str, list[Sourced[Event]]] = {}
    for r in corpus.records:
        for i, e in enumerate(r.brief.events):
            reports.setdefault(e.key or f"{r.id}#{i}", []).append(Sourced(r, e))
    entries = []
    for key, group in reports.items():
        best = min(group, key=lambda s: (_RANK[s.item.when.precision], s.item.when.basis != "stated"))
        w = best.item.when
        placed = w.placed(dates[best.record.id].year)
        period = "undated" if placed[0] == 9999 else (f"{placed[0]:04d}" if w.precision == "year"
                                                       else f"{placed[0]:04d}-{placed[1]:02d}")
        entries.append(TimelineEntry(key, tuple(group), w, placed, period))
    return tuple(sorted(entries, key=lambda t: (t.placed, t.key)))


# ---- claims and contradictions --------------------------------------------------

_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")


def answer_key(answer: str) -> frozenset[str]:
    """Answers that name the same items in another order or case are one answer."""
    return frozenset(part for part in _SPLIT.split(answer.lower().strip(" .")) if part)


@dataclass(frozen=True)
class Answer:
    """One answer to a question and the claims that give it, newest article first."""

    key: frozenset[str]
    claims: tuple[Sourced[Claim], ...]

    @property
    def text(self) -> str:
        return self.claims[0].item.answer

    @property
    def sources(self) -> int:
        return len({s.record.id for s in self.claims})


@dataclass(frozen=True)
class TopicClaims:
    """Every claim on one question, grouped by answer."""

    topic: Topic
    answers: tuple[Answer, ...]  # in the order the newest sources first give them
    claims: tuple[Sourced[Claim], ...]  # all of them, newest article first

    @property
    def sources(self) -> int:
        return len({s.record.id for s in self.claims})


def _claims_by_topic(corpus: Corpus, newest: tuple[Record, ...]) -> dict[str, TopicClaims]:
    groups: dict[str, dict[frozenset[str], list[Sourced[Claim]]]] = {}
    for r in newest:
        for c in r.brief.claims:
            groups.setdefault(c.topic, {}).setdefault(answer_key(c.answer), []).append(Sourced(r, c))
    out = {}
    for topic_id, answers in groups.items():
        claims = tuple(s for group in answers.values() for s in group)
        order = {r.id: i for i, r in enumerate(newest)}
        out[topic_id] = TopicClaims(corpus.topics[topic_id],
                                    tuple(Answer(key, tuple(g)) for key, g in answers.items()),
                                    tuple(sorted(claims, key=lambda s: order[s.record.id])))
    return out


# ---- conditions ------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    """One condition topic and how each source reports it (brief id -> its positions on it)."""

    topic: Topic
    cells: Mapping[str, tuple[Position, ...]]

    def status(self, brief_id: str) -> str | None:
        """How one source reports the condition: stated on record, reported, or None (not at all)."""
        positions = self.cells.get(brief_id)
        if not positions:
            return None
        return "on record" if any(p.attribution == "on-record" for p in positions) else "reported"

    @property
    def on_record(self) -> int:
        return sum(1 for bid in self.cells if self.status(bid) == "on record")

    @property
    def reported(self) -> int:
        return len(self.cells) - self.on_record


def _conditions(corpus: Corpus) -> tuple[Condition, ...]:
    """Condition topics, most-reported first (then by name), each with its sources'
    positions (any kind: a stance on a condition topic is how that source reports it)."""
    cells: dict[str, dict[str, list[Position]]] = {t.id: {} for t in corpus.topics.values() if t.kind == "condition"}
    for r in corpus.records:
        for p in r.brief.positions:
            if p.topic in cells:
                cells[p.topic].setdefault(r.id, []).append(p)
    rows = [Condition(corpus.topics[tid], {bid: tuple(ps) for bid, ps in c.items()}) for tid, c in cells.items()]
    return tuple(sorted(rows, key=lambda c: (-len(c.cells), c.topic.name.lower())))


# ---- tensions across kinds of statement -------------------------------------------


@dataclass(frozen=True)
class Tension:
    """A question's claims set against positions on the topics it names in `versus`
    (Pakistan's red line against the tasks sources give the force)."""

    topic: Topic
    claims: TopicClaims | None
    positions: tuple[Sourced[Position], ...]  # newest article first


def _tensions(corpus: Corpus, topics: Mapping[str, TopicClaims], newest: tuple[Record, ...]) -> tuple[Tension, ...]:
    out = []
    for topic in sorted(corpus.topics.values(), key=lambda t: (-t.weight, t.name.lower())):
        if topic.versus:
            against = set(topic.versus)
            positions = tuple(Sourced(r, p) for r in newest for p in r.brief.positions if p.topic in against)
            if positions and topic.id in topics:
                out.append(Tension(topic, topics[topic.id], positions))
    return tuple(out)


# ---- all of it --------------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    """Everything across sources, built once per build and read by every view."""

    newest_first: tuple[Record, ...]
    dates: Mapping[str, ArticleDate]  # brief id -> when its article was written
    entities: Mapping[str, EntityFacts]
    topics: Mapping[str, TopicClaims]
    conditions: tuple[Condition, ...]
    findings: tuple[relations.Finding, ...]  # how the answers to each question relate, weightiest first
    tensions: tuple[Tension, ...]
    timeline: tuple[TimelineEntry, ...]
    quotes: tuple[SpeakerQuotes, ...]

    def claims(self, topic_id: str) -> TopicClaims | None:
        return self.topics.get(topic_id)

    def finding(self, topic_id: str) -> relations.Finding | None:
        return next((f for f in self.findings if f.claims.topic.id == topic_id), None)

    @property
    def as_of(self) -> ArticleDate | None:
        """When the picture holds: the newest source's date, or its bound."""
        if self.newest_first and (d := self.dates[self.newest_first[0].id]).known:
            return d
        return None


def analyse(corpus: Corpus) -> Analysis:
    dates = {r.id: article_date(r) for r in corpus.records}
    newest = _newest_first(corpus.records, dates)
    facts = _entity_facts(corpus, newest)
    topics = _claims_by_topic(corpus, newest)
    return Analysis(
        newest_first=newest,
        dates=dates,
        entities=facts,
        topics=topics,
        conditions=_conditions(corpus),
        findings=relations.findings(topics, dates),
        tensions=_tensions(corpus, topics, newest),
        timeline=_timeline(corpus, dates),
        quotes=_quotes_by_speaker(facts),
    )
