"""The timeline: every event from every brief, by month, one entry per happening.

Article dates are never shown here: only the dates of events.  Each month
also has a page of its own, so the main page can stop at a fixed size.
"""

from __future__ import annotations

from ..analyse import TimelineEntry
from ..context import Site
from ..corpus import Sourced
from ..model import Event, When
from ..output import Output
from . import links
from .common import cites, heading, when
from .text import link, md
from .timeline_svg import Mark, timeline_svg

INDEX = links.TIMELINE
#: Entries the main timeline page shows before it links to period pages only.
MAIN_PAGE_BUDGET = 150
#: Entries on one page of a period.
PAGE_SIZE = 150
_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]


def period_title(period: str) -> str:
    if period == "undated":
        return "Date not stated"
    if len(period) == 4:
        return f"{period} (month not stated)"
    year, month = period.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"


period_page = links.timeline_period


def group(entries: tuple[TimelineEntry, ...]) -> dict[str, list[TimelineEntry]]:
    out: dict[str, list[TimelineEntry]] = {}
    for e in entries:
        out.setdefault(e.period, []).append(e)
    return out


def _date(w: When) -> str:
    # "(month only)" unless the text names a part of it ("early November 2025" says so itself).
    marks = [f"{w.precision} only"] if w.precision in ("month", "year") and not w.qualifier else []
    marks += ["inferred"] if w.basis == "inferred" else []
    return when(w, marks=False) + (f" ({', '.join(marks)})" if marks else "") if w.date else "Date not stated"


def _entry(page: str, t: TimelineEntry, anchor: str | None = None) -> str:
    """One happening.  Reported by several sources, each source's own wording is
    shown (and its own date, where it differs): one brief cannot speak for the others."""
    def source(s: Sourced[Event]) -> str:
        return (f"{link(s.record.brief.title, links.rel(page, links.brief(s.record.id)))} "
                f"{cites(page, s.record, s.item.cite)}")

    head = f"- **{_date(t.when)}** — "
    attr = f"\n  {{ #{anchor} }}" if anchor else ""  # the item's id (attr_list), for the picture's links
    if len({s.item.text for s in t.reports}) == 1:
        noun = "source" if len(t.reports) == 1 else f"{len(t.reports)} sources"
        return f"{head}{md(t.text)}  \n  *{noun}:* " + "; ".join(source(s) for s in t.reports) + attr
    lines = [f"{head}*{len(t.reports)} sources, each in its own words:*{attr}"]
    for s in t.reports:
        own = f" (this source: {_date(s.item.when)})" if _date(s.item.when) != _date(t.when) else ""
        lines.append(f"    - {md(s.item.text)}{own} — {source(s)}")
    return "\n".join(lines)


def _section(page: str, period: str, entries: list[TimelineEntry], anchors: dict[str, str] | None = None) -> str:
    return heading(md(period_title(period))) + "\n" + "\n".join(_entry(page, t, (anchors or {}).get(t.key)) for t in entries) + "\n"


def _period_pages(period: str, items: list[TimelineEntry]) -> list[Output]:
    """A period's own pages, PAGE_SIZE entries each.  Search indexes only their title (search.py):
    it grows with the briefs, and the main page and the briefs carry the facts."""
    parts = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)]
    pages = []
    for n, chunk in enumerate(parts, 1):
        page = period_page(period, n)
        title = f"Timeline: {period_title(period)}" + (f" (part {n} of {len(parts)})" if len(parts) > 1 else "")
        nav = [f"[All periods]({links.rel(page, INDEX)})"]
        if n > 1:
            nav.append(f"[Earlier]({links.rel(page, period_page(period, n - 1))})")
        if n < len(parts):
            nav.append(f"[Later]({links.rel(page, period_page(period, n + 1))})")
        pages.append(Output(page, f"# {md(title)}\n\n" + " · ".join(nav) + "\n\n"
                            + _section(page, period, chunk), meta={"title": title}))
    return pages


def outputs(site: Site) -> list[Output]:
    """The main timeline page, in the navigation, and the pages of each period."""
    entries = site.analysis.timeline
    groups = group(entries)
    pages: list[Output] = []
    main = ["# Timeline\n",
            "Every event the briefs report, oldest first, one entry per happening with every source that "
            "reports it. Dates marked *(inferred)* were worked out by the brief writer from the article's own "
            "date; article publication dates are not events and do not appear here.\n"]
    # The main page holds the newest periods that fit the budget (the newest
    # one cut to its latest entries if it alone is too long), in date order.
    shown: dict[str, list[TimelineEntry]] = {}
    budget = MAIN_PAGE_BUDGET
    dated = [p for p in groups if p != "undated"]
    for period in reversed(dated):
        items = groups[period]
        if len(items) > budget:
            if not shown:
                shown[period] = items[-budget:]
            break
        shown[period] = items
        budget -= len(items)
    if "undated" in groups and len(groups["undated"]) <= budget:
        shown["undated"] = groups["undated"]
    for period, items in groups.items():
        pages += _period_pages(period, items)
    # The main page's entries get anchors, and its dated ones a mark each, in the order of the list
    # (a day and month without a year in its article's year: analyse.py; render/timeline_svg.py).
    listed = [t for period in groups if period in shown for t in shown[period]]
    anchors = {t.key: f"event-{n}" for n, t in enumerate(listed, 1)}
    main.append(timeline_svg([Mark(t.placed, when(t.when, marks=False), t.text, f"#{anchors[t.key]}")
                              for t in listed if t.when.date]))
    for period in groups:
        if period in shown:
            main.append(_section(INDEX, period, shown[period], anchors=anchors))
    count = sum(len(v) for v in shown.values())
    if count < len(entries):
        main.append(f"This page shows the newest {count} of {len(entries)} entries; each period below has pages of its own.\n")
    main.append("## By period\n")
    main += [f"- {link(period_title(p), links.rel(INDEX, period_page(p)))} ({len(groups[p])})" for p in groups]
    pages.insert(0, Output(INDEX, "\n".join(main) + "\n", in_nav=True, meta={"title": "Timeline"}))
    return pages
