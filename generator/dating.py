"""When each article was written: its date stamp, or for an undated article
the earliest date it can have been written.

Three of the first five articles carry no date, yet one of them reports an
event of 17 November: it was written after that.  "Newest first" and the
"As of" date use that bound, so an undated article is neither last by
default nor placed at a guess.  The bound is the editor's (`source.
written_after`, with a cite) or else the latest dated event the brief
reports that the article does not merely expect.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .corpus import Record
from .model import When

UNDATED = (9999, 99, 99)


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
        return known.placed() if known is not None else UNDATED

    @property
    def name_key(self) -> tuple[bool, str | None, str | None]:
        """What a view names the article by (its stamp, or that it is undated and its
        bound): two articles with the same key cannot be told apart by their date."""
        known = self.known
        return (bool(self.published.date), known.date if known else None, known.precision if known else None)

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


def newest_first(records: tuple[Record, ...], dates: Mapping[str, ArticleDate]) -> tuple[Record, ...]:
    """Briefs by when their article was written, newest first (an undated one at the
    earliest date it can have been written); those with no date at all last, by id."""
    dated = sorted((r for r in records if dates[r.id].known), key=lambda r: (dates[r.id].sort_key, r.id), reverse=True)
    undated = sorted((r for r in records if not dates[r.id].known), key=lambda r: r.id)
    return tuple(dated + undated)


