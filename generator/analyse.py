"""Stage 4, analyse: the views across sources that no single article gives.

Each function makes one pass over the briefs and groups by key (entity,
topic, month), so the cost grows linearly with the number of briefs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .corpus import Corpus, Record
from .model import Mention, Position, Quote


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
    facts = {eid: EntityFacts() for eid in corpus.entities}
    for r in corpus.records:
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
