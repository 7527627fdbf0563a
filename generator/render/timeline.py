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
from . import html as h
from . import links
from .common import as_of_html, cites_html, when
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
    if len(period) == 4:  # its entries say "(year only)" or "late 2024" themselves
        return period
    year, month = period.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"


period_page = links.timeline_period


def group(entries: tuple[TimelineEntry, ...]) -> dict[str, list[TimelineEntry]]:
    out: dict[str, list[TimelineEntry]] = {}
    for e in entries:
        out.setdefault(e.period, []).append(e)
    return out


def _date(w: When, expected: bool = False) -> str:
    # "(month only)" unless the text names a part of it ("early November 2025" says so itself).
    marks = [f"{w.precision} only"] if w.precision in ("month", "year") and not w.qualifier else []
    marks += ["inferred"] if w.basis == "inferred" else []
    # A happening a source only expects is said to be expected: it is not yet an event.
    marks += ["expected"] if expected else []
    if not w.date:
        return "Expected, date not stated" if expected else "Date not stated"
    return when(w, marks=False) + (f" ({', '.join(marks)})" if marks else "")


def _entry(page: str, t: TimelineEntry, anchor: str | None = None) -> str:
    """One happening.  Reported by several sources, each source's own wording is
    shown (and its own date, where it differs): one brief cannot speak for the others."""
    def source(s: Sourced[Event]) -> str:
        return (f"{h.link(s.record.brief.title, links.rel(page, links.brief(s.record.id)))} "
                f"{cites_html(page, s.record, s.item.cite)}")

    start = f'<li id="{anchor}">' if anchor else "<li>"  # the item's id, for the picture's links
    head = f"{start}{h.strong(h.text(_date(t.when, t.expected)))} — "
    if len({s.item.text for s in t.reports}) == 1:
        noun = "source" if len(t.reports) == 1 else f"{len(t.reports)} sources"
        return f"{head}{h.text(t.text)}<br />\n{h.em(noun + ':')} " + "; ".join(source(s) for s in t.reports) + "</li>\n"
    lines = []
    for s in t.reports:
        mine = _date(s.item.when, s.item.expected)
        own = f" (this source: {h.text(mine)})" if mine != _date(t.when, t.expected) else ""
        lines.append(f"{h.text(s.item.text)}{own} — {source(s)}")
    return f"{head}{h.em(f'{len(t.reports)} sources, each in its own words:')}\n{h.ul(lines)}</li>\n"


def _section(page: str, period: str, entries: list[TimelineEntry], anchors: dict[str, str] | None = None) -> str:
    return (h.heading(h.text(period_title(period)))
            + "<ul>\n" + "".join(_entry(page, t, (anchors or {}).get(t.key)) for t in entries) + "</ul>\n")


def _period_pages(period: str, items: list[TimelineEntry], dated: str) -> list[Output]:
    """A period's own pages, PAGE_SIZE entries each.  Search indexes only their title (search.py):
    it grows with the briefs, and the main page and the briefs carry the facts."""
    parts = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)]
    pages = []
    for n, chunk in enumerate(parts, 1):
        page = period_page(period, n)
        title = f"Timeline: {period_title(period)}" + (f" (part {n} of {len(parts)})" if len(parts) > 1 else "")
        nav = [h.link("All periods", links.rel(page, INDEX))]
        if n > 1:
            nav.append(h.link("Earlier", links.rel(page, period_page(period, n - 1))))
        if n < len(parts):
            nav.append(h.link("Later", links.rel(page, period_page(period, n + 1))))
        pages.append(Output(page, h.page(h.heading(h.text(title), 1) + dated + h.p(" · ".join(nav))
                                         + _section(page, period, chunk)), meta={"title": title}))
    return pages


def outputs(site: Site) -> list[Output]:
    """The main timeline page, in the navigation, and the pages of each period."""
    entries = site.analysis.timeline
    groups = group(entries)
    pages: list[Output] = []
    # Every page says what date it holds for: a period's page is reached from search too.
    dated_line = as_of_html(site.analysis, len(site.corpus.records))
    main = [h.heading("Timeline", 1), dated_line,
            h.p("Every event the briefs report, oldest first, one entry per happening with every source that "
                f"reports it. Dates marked {h.em('(inferred)')} were worked out by the brief writer from the "
                f"article's own date or other clues in it; {h.em('expected')} marks what a source says is still to come. A day "
                f"and month the article gives without a year is placed in its article's year, and marked {h.em('(year not stated)')}. Article "
                "publication dates are not events and do not appear here.")]
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
        pages += _period_pages(period, items, dated_line)
    # The main page's entries get anchors, and its dated ones a mark each, in the order of the list
    # (a day and month without a year in its article's year: analyse.py; render/timeline_svg.py).
    listed = [t for period in groups if period in shown for t in shown[period]]
    anchors = {t.key: f"event-{n}" for n, t in enumerate(listed, 1)}
    # Oldest first puts the latest event screens down on a phone: one link goes there.
    latest = next((t for t in reversed(listed) if t.when.date and not t.expected), None)
    if latest is not None:
        main.append(h.p(h.link(f"Go to the latest dated event ({when(latest.when, marks=False)})", f"#{anchors[latest.key]}")))
    main.append(h.raw(timeline_svg([Mark(t.placed, when(t.when, marks=False), t.text, f"#{anchors[t.key]}")
                              for t in listed if t.when.date])))
    for period in groups:
        if period in shown:
            main.append(_section(INDEX, period, shown[period], anchors=anchors))
    count = sum(len(v) for v in shown.values())
    if count < len(entries):
        main.append(h.p(f"This page shows the newest {count} of {len(entries)} entries; each period below has pages of its own."))
    main.append(h.heading("By period"))
    main.append(h.ul(f"{h.link(period_title(p), links.rel(INDEX, period_page(p)))} ({len(groups[p])})" for p in groups))
    pages.insert(0, Output(INDEX, h.page("".join(main)), in_nav=True, meta={"title": "Timeline"}))
    return pages
