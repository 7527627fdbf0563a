"""Positions across sources: Pakistan's conditions, and tensions across kinds of statement.

Only a `condition` or a `red-line` is counted as a condition.  A stance, a
demand or a preference on a condition topic is how a source reports the
subject, and is listed beside the count with its kind, never inside it
("parliament taken into confidence" is a promise, not a condition).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .corpus import Corpus, Record, Sourced
from .model import Position, Topic

if TYPE_CHECKING:
    from .analyse import TopicClaims

#: The kinds of position that count as a condition.
COUNTED = ("condition", "red-line")
KIND_LABELS = {"condition": "condition", "red-line": "red line", "demand": "demand", "stance": "stance",
               "preference": "preference"}


@dataclass(frozen=True)
class Condition:
    """One condition topic: the sources that state it as a condition or red line
    (brief id -> those positions), and what other sources say on it."""

    topic: Topic
    cells: Mapping[str, tuple[Position, ...]]
    other: tuple[Sourced[Position], ...]  # stances, demands, preferences on the topic: not counted

    def status(self, brief_id: str) -> str | None:
        """How one source states the condition: on record, reported, or None (not as a condition)."""
        positions = self.cells.get(brief_id)
        if not positions:
            return None
        return "on record" if any(p.attribution == "on-record" for p in positions) else "reported"

    def kinds(self, brief_id: str) -> str:
        """The kinds one source gives it: "red line", "condition"."""
        return ", ".join(dict.fromkeys(KIND_LABELS[p.kind] for p in self.cells.get(brief_id, ())))

    @property
    def on_record(self) -> int:
        return sum(1 for bid in self.cells if self.status(bid) == "on record")

    @property
    def reported(self) -> int:
        return len(self.cells) - self.on_record


def conditions(corpus: Corpus) -> tuple[Condition, ...]:
    """Condition topics, most-reported as conditions first (then by name)."""
    topics = [t for t in corpus.topics.values() if t.kind == "condition"]
    cells: dict[str, dict[str, list[Position]]] = {t.id: {} for t in topics}
    other: dict[str, list[Sourced[Position]]] = {t.id: [] for t in topics}
    for r in corpus.records:
        for p in r.brief.positions:
            if p.topic in cells:
                if p.kind in COUNTED:
                    cells[p.topic].setdefault(r.id, []).append(p)
                else:
                    other[p.topic].append(Sourced(r, p))
    rows = [Condition(t, {bid: tuple(ps) for bid, ps in cells[t.id].items()}, tuple(other[t.id])) for t in topics]
    return tuple(sorted(rows, key=lambda c: (-len(c.cells), c.topic.name.lower())))


@dataclass(frozen=True)
class Tension:
    """A question's claims set against positions on the topics it names in `versus`
    (Pakistan's red line against the tasks sources give the force)."""

    topic: Topic
    claims: TopicClaims | None
    positions: tuple[Sourced[Position], ...]  # newest article first


def tensions(corpus: Corpus, topics: Mapping[str, TopicClaims], newest: tuple[Record, ...]) -> tuple[Tension, ...]:
    out = []
    for topic in sorted(corpus.topics.values(), key=lambda t: (-t.weight, t.name.lower())):
        if topic.versus and topic.id in topics:
            against = set(topic.versus)
            positions = tuple(Sourced(r, p) for r in newest for p in r.brief.positions if p.topic in against)
            if positions:
                out.append(Tension(topic, topics[topic.id], positions))
    return tuple(out)
