"""The timeline: every event from every brief, by month, one entry per happening.

Article dates are never shown here: only the dates of events.  Each month
also has a page of its own, so the main page can stop at a fixed size.
"""

from __future__ import annotations

from ..analyse import TimelineEntry
from ..corpus import Corpus
from . import links
from .common import cites, when
from .text import front_matter, link, md

INDEX = "timeline/index.md"
#: Entries the main timeline page shows before it links to month pages only.
MAIN_PAGE_BUDGET = 150
_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]


def period_title(period: str) -> str:
    if period == "undated":
        return "Date not stated"
    if len(period) == 4:
        return f"{period} (month not stated)"
    year, month = period.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"


def period_page(period: str) -> str:
    return f"timeline/{period}.md"


def group(entries: list[TimelineEntry]) -> dict[str, list[TimelineEntry]]:
    out: dict[str, list[TimelineEntry]] = {}
    for e in entries:
        out.setdefault(e.period, []).append(e)
    return out


def _entry(page: str, t: TimelineEntry) -> str:
    w = t.when
    marks = [f"{w.precision} only"] if w.precision in ("month", "year") else []
    marks += ["inferred"] if w.basis == "inferred" else []
    date = when(w, marks=False) + (f" ({', '.join(marks)})" if marks else "") if w.date else "Date not stated"
    text = md(t.reports[0][1].text)
    sources = "; ".join(f"{link(r.brief.title, links.rel(page, links.brief(r.id)))} {cites(page, links.brief(r.id), e.cite)}"
                        for r, e in t.reports)
    noun = "source" if len(t.reports) == 1 else f"{len(t.reports)} sources"
    return f"- **{date}** — {text}  \n  *{noun}:* {sources}"


def _section(page: str, period: str, entries: list[TimelineEntry]) -> str:
    return f"## {period_title(period)}\n\n" + "\n".join(_entry(page, t) for t in entries) + "\n"


def render_timeline(corpus: Corpus, entries: list[TimelineEntry]) -> list[tuple[str, str]]:
    """(uri, markdown) for the main timeline page and one page per period."""
    groups = group(entries)
    pages = []
    main = [front_matter("Timeline"), "# Timeline\n",
            "Every event the briefs report, oldest first, one entry per happening with every source that "
            "reports it. Dates marked *(inferred)* were worked out by the brief writer from the article's own "
            "date; article publication dates are not events and do not appear here.\n"]
    shown = 0
    later = []
    for period, items in groups.items():
        page = period_page(period)
        pages.append((page, front_matter(f"Timeline: {period_title(period)}") + f"# Timeline: {md(period_title(period))}\n\n"
                      + f"[All periods]({links.rel(page, INDEX)})\n\n" + _section(page, period, items)))
        if shown + len(items) <= MAIN_PAGE_BUDGET:
            main.append(_section(INDEX, period, items))
            shown += len(items)
        else:
            later.append(period)
    main.append("## By period\n")
    main += [f"- {link(period_title(p), links.rel(INDEX, period_page(p)))} ({len(groups[p])})" for p in groups]
    pages.insert(0, (INDEX, "\n".join(main) + "\n"))
    return pages
