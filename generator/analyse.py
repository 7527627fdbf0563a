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
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from . import relations
from .corpus import Corpus, Record, Sourced
from .dating import UNDATED, ArticleDate, article_date, newest_first
from .model import Claim, Entity, Event, Mention, Position, Quote, Topic, When
from .stances import Condition, Tension, conditions, tensions

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
        for record in [s.record for s in self.mentions] + [s.record for s in self.quotes] + [s.record for s in self.positions]:
            seen.setdefault(record.id, record)
        return tuple(seen.values())

    @property
    def only_in_author_bios(self) -> bool:
        """Named nowhere but in an article's author bio (the outlets a journalist
        has written for): no part of the story, so the index lists it apart."""
        if self.quotes or self.positions or not self.mentions:
            return False
        for s in self.mentions:
            bio = s.record.brief.source.author_bio
            if bio is None or not set(s.item.cite) <= set(bio.cite):
                return False
        return True


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
    return (s.item.date.sort_key if s.item.date else UNDATED, s.record.id)


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

    @property
    def expected(self) -> bool:
        """Every source only expects it: it has not happened as far as the briefs know."""
        return all(s.item.expected for s in self.reports)


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
    # At one date (or among the undated), what happened comes before what is only expected.
    return tuple(sorted(entries, key=lambda t: (t.placed, t.expected, t.key)))


def shared_key_notes(timeline: tuple[TimelineEntry, ...]) -> list[str]:
    """A note for each event key that briefs share with different texts: the timeline
    shows every wording, but a key reused by mistake would merge two happenings."""
    notes = []
    for t in timeline:
        if len({s.item.text for s in t.reports}) > 1:
            files = ", ".join(dict.fromkeys(s.record.path for s in t.reports))
            notes.append(f"timeline key `{t.key}` is shared by {files} with different texts; the timeline shows "
                         "each, so check they report the same happening")
    return notes


# ---- claims and contradictions --------------------------------------------------

#: The question whose answers name troop contributors (briefs/registry/topics.yaml),
#: read by the home page, the situation sheet and the countries page.
CONTRIBUTORS_TOPIC = "troop-contributors"

_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")


def answer_parts(answer: str) -> list[str]:
    """The items an answer names, as written: "Azerbaijan, Indonesia and Pakistan" names three."""
    return [part for part in _SPLIT.split(answer.strip(" .")) if part]


def answer_key(answer: str) -> frozenset[str]:
    """Answers that name the same items in another order or case are one answer."""
    return frozenset(part.lower() for part in answer_parts(answer))


def qualifier_key(claim: Claim) -> str | None:
    return claim.qualifier.strip(" .").lower() if claim.qualifier else None


def answer_text(claim: Claim) -> str:
    """A claim's answer as pages show it, its qualifier first: "offered: Indonesia"."""
    return f"{claim.qualifier}: {claim.answer}" if claim.qualifier else claim.answer


@dataclass(frozen=True)
class Answer:
    """One answer to a question and the claims that give it, newest article first.
    Claims are one answer when they name the same items under the same qualifier."""

    key: frozenset[str]
    qualifier: str | None  # qualifier_key of its claims
    claims: tuple[Sourced[Claim], ...]

    @property
    def text(self) -> str:
        return answer_text(self.claims[0].item)

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
    groups: dict[str, dict[tuple[str | None, frozenset[str]], list[Sourced[Claim]]]] = {}
    for r in newest:
        for c in r.brief.claims:
            key = (qualifier_key(c), answer_key(c.answer))
            groups.setdefault(c.topic, {}).setdefault(key, []).append(Sourced(r, c))
    out = {}
    order = {r.id: i for i, r in enumerate(newest)}
    for topic_id, answers in groups.items():
        claims = tuple(s for group in answers.values() for s in group)
        out[topic_id] = TopicClaims(corpus.topics[topic_id],
                                    tuple(Answer(key, qualifier, tuple(g)) for (qualifier, key), g in answers.items()),
                                    tuple(sorted(claims, key=lambda s: order[s.record.id])))
    return out


# ---- cites from other files ----------------------------------------------------------


def _cited_elsewhere(corpus: Corpus) -> dict[str, frozenset[int]]:
    """Brief id -> the paragraphs of its article that other files cite (an entity's
    `described_in`, the status block).  They may be paragraphs the brief itself
    does not cite; its evidence list holds them too, so that every link lands."""
    cited: dict[str, set[int]] = {}
    sources = [(d.brief, d.cite) for e in corpus.entities.values() for d in e.described_in]
    sources += [(c.brief, c.cite) for _, c in corpus.status.cited()] if corpus.status else []
    for brief_id, numbers in sources:
        cited.setdefault(brief_id, set()).update(numbers)
    return {brief_id: frozenset(numbers) for brief_id, numbers in cited.items()}


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
    cited_elsewhere: Mapping[str, frozenset[int]]  # brief id -> paragraphs other files cite in it
    # Briefs whose article another brief's shares its date (or, undated, its bound):
    # a view that names sources by date adds their title to tell them apart.
    same_date: frozenset[str]

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
    newest = newest_first(corpus.records, dates)
    facts = _entity_facts(corpus, newest)
    topics = _claims_by_topic(corpus, newest)
    return Analysis(
        newest_first=newest,
        dates=dates,
        entities=facts,
        topics=topics,
        conditions=conditions(corpus),
        findings=relations.findings(topics, dates),
        tensions=tensions(corpus, topics, newest),
        timeline=_timeline(corpus, dates),
        quotes=_quotes_by_speaker(facts),
        cited_elsewhere=_cited_elsewhere(corpus),
        same_date=_same_date(dates),
    )


def _same_date(dates: Mapping[str, ArticleDate]) -> frozenset[str]:
    count = Counter(d.name_key for d in dates.values())
    return frozenset(bid for bid, d in dates.items() if count[d.name_key] > 1)
