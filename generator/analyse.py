"""Stage 4, analyse: the views across sources that no single article gives.

Each function makes one pass over the briefs and groups by key (entity,
topic, month), so the cost grows linearly with the number of briefs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .corpus import Corpus, Record
from .model import Claim, Event, Mention, Position, Quote, When


@dataclass
class EntityFacts:
    mentions: list[tuple[Record, Mention]] = field(default_factory=list)
    quotes: list[tuple[Record, Quote]] = field(default_factory=list)
    positions: list[tuple[Record, Position]] = field(default_factory=list)

    @property
    def briefs(self) -> list[Record]:
        seen: dict[str, Record] = {}
        for r, _ in self.mentions + self.quotes + self.positions:
            seen.setdefault(r.id, r)
        return list(seen.values())


def entity_facts(corpus: Corpus) -> dict[str, EntityFacts]:
    """Per entity, what the briefs say of it, newest article first."""
    facts = {eid: EntityFacts() for eid in corpus.entities}
    for r in newest_first(corpus):
        b = r.brief
        for m in b.mentions:
            facts[m.id].mentions.append((r, m))
        for q in b.quotes:
            facts[q.speaker].quotes.append((r, q))
        for p in b.positions:
            facts[p.actor].positions.append((r, p))
            if p.speaker and p.speaker != p.actor:
                facts[p.speaker].positions.append((r, p))
    return facts


# ---- ordering ----------------------------------------------------------------


def newest_first(corpus: Corpus) -> list[Record]:
    """Briefs by their article's own date, newest first; undated last, by id."""
    dated = sorted((r for r in corpus.records if r.brief.source.published.date),
                   key=lambda r: (r.brief.source.published.sort_key, r.id), reverse=True)
    undated = sorted((r for r in corpus.records if not r.brief.source.published.date), key=lambda r: r.id)
    return dated + undated


# ---- timeline ----------------------------------------------------------------


@dataclass
class TimelineEntry:
    """One happening, with every brief that reports it."""

    key: str
    reports: list[tuple[Record, Event]] = field(default_factory=list)

    @property
    def when(self) -> When:
        # The most precise date any source gives; stated beats inferred.
        rank = {"day": 0, "month": 1, "year": 2, "unknown": 3}
        return min((e.when for _, e in self.reports), key=lambda w: (rank[w.precision], w.basis != "stated"))

    @property
    def period(self) -> str:
        """The timeline section: `YYYY-MM`, a bare year, or `undated`."""
        w = self.when
        return w.date[:7] if w.date else "undated"


def timeline(corpus: Corpus) -> list[TimelineEntry]:
    entries: dict[str, TimelineEntry] = {}
    for r in corpus.records:
        for i, e in enumerate(r.brief.events):
            key = e.key or f"{r.id}#{i}"
            entries.setdefault(key, TimelineEntry(key)).reports.append((r, e))
    return sorted(entries.values(), key=lambda t: (t.when.sort_key, t.key))


# ---- claims and contradictions --------------------------------------------------

_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")


def answer_key(answer: str) -> frozenset[str]:
    """Answers that name the same items in another order or case are one answer."""
    return frozenset(part for part in _SPLIT.split(answer.lower().strip(" .")) if part)


@dataclass
class TopicClaims:
    topic: str
    exclusive: bool = True
    answers: dict[frozenset, list[tuple[Record, Claim]]] = field(default_factory=dict)

    @property
    def disagree(self) -> bool:
        return self.exclusive and len(self.answers) > 1

    @property
    def sources(self) -> int:
        return len({r.id for claims in self.answers.values() for r, _ in claims})


def claims_by_topic(corpus: Corpus) -> dict[str, TopicClaims]:
    out: dict[str, TopicClaims] = {}
    for r in newest_first(corpus):
        for c in r.brief.claims:
            out.setdefault(c.topic, TopicClaims(c.topic, corpus.topics[c.topic].exclusive)).answers.setdefault(answer_key(c.answer), []).append((r, c))
    return out


# ---- conditions ------------------------------------------------------------------

def conditions(corpus: Corpus) -> dict[str, dict[str, list[Position]]]:
    """Condition topic -> brief id -> the positions on it in that brief (any kind:
    a stance on a condition topic is how that source reports the condition)."""
    out: dict[str, dict[str, list[Position]]] = {t.id: {} for t in corpus.topics.values() if t.kind == "condition"}
    for r in corpus.records:
        for p in r.brief.positions:
            if p.topic in out:
                out[p.topic].setdefault(r.id, []).append(p)
    return out


def cell_status(positions: list[Position]) -> str:
    """How one source reports a condition: stated on record, or reported."""
    return "on record" if any(p.attribution == "on-record" for p in positions) else "reported"
