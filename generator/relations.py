"""How the sources' answers to one question relate: the rules behind "contradicts".

Counting answers is not enough: two answers from one article are that
article's own inconsistency (its framing), a longer list adds detail to a
shorter one, and a status reported on 28 October and a different one after
17 November is a change over time.  Each question in topics.yaml says what
kind of answer it takes (`relation`), and the rules here follow from it:

- every difference that counts is between two different sources, neither of
  which also gives the other's answer (a source that says both does not
  disagree with either: that is its own inconsistency);
- `single` (one value, such as a rank): different answers contradict;
- `set` (a list, such as countries): a list adds detail to one it contains,
  unless one names an item the other excludes (`not Pakistan`), which
  contradicts; two lists neither of which contains the other name different
  items ("Indonesia" offered and "Pakistan" reportedly willing): neither
  contradicts the other, and neither adds detail to it.  Lists are compared
  only under the same qualifier (the claim's `qualifier`): "leading
  contenders" and "offered" say different things of the same countries, so
  such lists name different items whatever they hold;
- `status` (a state that moves, such as the decision): answers whose articles
  are ordered in time show a change; at the same date they contradict; when
  the order cannot be told (an undated article) the difference says so;
- an answer that only says the question is open (`unclear`, `not confirmed`:
  OPEN_ANSWERS) is not a value, so it contradicts no answer: it *leaves open*
  what the other answers (for a status, a change over time stays a change).

The verdict of a question is its strongest difference: contradicts, then
changed, then cannot be ordered, then adds detail, then leaves open, then
names different items.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # analyse.py builds the findings with these functions
    from .analyse import Answer, ArticleDate, TopicClaims
    from .corpus import Record

Kind = Literal["contradicts", "changed", "cannot be ordered", "adds detail", "leaves open", "names different items"]
STRENGTH: dict[str, int] = {"contradicts": 5, "changed": 4, "cannot be ordered": 3, "adds detail": 2,
                            "leaves open": 1, "names different items": 0}
#: Answers that say a question is open rather than answer it.  Editors write
#: them so (CONTRIBUTING.md), as they write an exclusion `not X`.
OPEN_ANSWERS = frozenset({"unclear", "not yet clear", "not confirmed", "not known", "unknown", "not stated"})
_NEVER = (9999, 99, 99)


@dataclass(frozen=True)
class Difference:
    """How two answers from two different sources relate.  For a change, ``a``
    is the earlier answer and ``b`` the later one."""

    kind: Kind
    a: Answer
    b: Answer
    earlier: Record | None = None  # for `changed`: the source of the earlier answer
    later: Record | None = None


@dataclass(frozen=True)
class SameSource:
    """One source giving two answers to the question (its headline against its body,
    or two attributions): not a contradiction between sources, but that brief's framing."""

    record: Record
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Finding:
    """Every answer to one question, and how they relate."""

    claims: TopicClaims
    differences: tuple[Difference, ...]
    same_source: tuple[SameSource, ...]

    @property
    def verdict(self) -> Kind | None:
        """The strongest difference between sources, or None where they agree."""
        if not self.differences:
            return None
        return max((d.kind for d in self.differences), key=STRENGTH.__getitem__)

    @property
    def section(self) -> Kind | Literal["agree", "one source"]:
        """Where the question is listed: under its verdict, or where the sources
        agree; one source's answer agrees with nothing, so it is listed apart."""
        if self.verdict is not None:
            return self.verdict
        return "one source" if self.claims.sources == 1 else "agree"

    @property
    def contradictions(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if d.kind == "contradicts")


def _span(date: ArticleDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The earliest and latest day an article can have been written."""
    if date.published.date:
        return date.published.placed(), date.published.placed()
    if date.after is not None:
        return date.after.placed(), _NEVER
    return (0, 0, 0), _NEVER


def _open(answer: Answer) -> bool:
    return answer.key <= OPEN_ANSWERS


def _excluded(items: frozenset[str]) -> set[str]:
    return {item[4:].strip() for item in items if item.startswith("not ")}


def _sources(answer: Answer) -> dict[str, Record]:
    return {s.record.id: s.record for s in answer.claims}


def _between(kind: str, a: Answer, b: Answer, dates: Mapping[str, ArticleDate]) -> Difference | None:
    """How two different answers relate, looking only at sources that give one and not
    the other.  Linear in the sources: each side is summed up by its extremes, never
    paired source by source (at 1,000 briefs an answer has hundreds of sources)."""
    sa, sb = _sources(a), _sources(b)
    only_a = [r for rid, r in sa.items() if rid not in sb]
    only_b = [r for rid, r in sb.items() if rid not in sa]
    if not only_a or not only_b:
        return None  # every source that gives one also gives the other: SameSource, not a difference
    if _open(a) and _open(b):
        return None  # both say it is open
    # An open answer against a value: not a contradiction, unless time orders them (a status).
    opened = Difference("leaves open", *((a, b) if _open(a) else (b, a))) if _open(a) or _open(b) else None
    if opened is not None and kind != "status":
        return opened
    if kind == "single":
        return Difference("contradicts", a, b)
    if kind == "set":
        if a.qualifier != b.qualifier:
            return Difference("names different items", a, b)
        if _excluded(a.key) & b.key or _excluded(b.key) & a.key:
            return Difference("contradicts", a, b)
        return Difference("adds detail" if a.key <= b.key or b.key <= a.key else "names different items", a, b)
    # status: ordered in time where the articles' dates allow it.
    spans_a = {r.id: _span(dates[r.id]) for r in only_a}
    spans_b = {r.id: _span(dates[r.id]) for r in only_b}
    first_a = min(only_a, key=lambda r: spans_a[r.id][1])  # the source of a that is surely earliest
    last_b = max(only_b, key=lambda r: spans_b[r.id][0])  # the source of b that is surely latest
    if spans_a[first_a.id][1] < spans_b[last_b.id][0]:
        return Difference("changed", a, b, first_a, last_b)
    first_b = min(only_b, key=lambda r: spans_b[r.id][1])
    last_a = max(only_a, key=lambda r: spans_a[r.id][0])
    if spans_b[first_b.id][1] < spans_a[last_a.id][0]:
        return Difference("changed", b, a, first_b, last_a)
    exact_a = {lo for lo, hi in spans_a.values() if lo == hi}
    if any(lo == hi and lo in exact_a for lo, hi in spans_b.values()):
        return opened or Difference("contradicts", a, b)
    return opened or Difference("cannot be ordered", a, b)


def find(claims: TopicClaims, dates: Mapping[str, ArticleDate]) -> Finding:
    kind = claims.topic.relation
    differences = [d for a, b in combinations(claims.answers, 2) if (d := _between(kind, a, b, dates))]
    by_source: dict[str, list[Answer]] = {}
    for answer in claims.answers:
        for rid in _sources(answer):
            by_source.setdefault(rid, []).append(answer)
    same = [SameSource(next(s.record for s in answers[0].claims if s.record.id == rid), tuple(answers))
            for rid, answers in by_source.items() if len(answers) > 1]
    return Finding(claims, tuple(differences), tuple(same))


def findings(topics: Mapping[str, TopicClaims], dates: Mapping[str, ArticleDate]) -> tuple[Finding, ...]:
    """Every question with claims, the weightiest first (topics.yaml's `weight`), then by name."""
    found = [find(t, dates) for t in topics.values()]
    return tuple(sorted(found, key=lambda f: (-f.claims.topic.weight, f.claims.topic.name.lower())))

