"""The briefs index: one row per brief, newest article first."""

from __future__ import annotations

from ..context import Site
from ..output import Output
from . import html as h
from . import links
from .common import NOT_STATED_HTML, article_when_html, as_of_html, outlet_html

PAGE = links.BRIEFS


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_index(site), in_nav=True, meta={"title": "Briefs"})]


def render_index(site: Site) -> str:
    rows = []
    for r in site.analysis.newest_first:
        s = r.brief.source
        rows.append([article_when_html(site.analysis.dates[r.id]), outlet_html(s),
                     h.link(r.brief.title, links.rel(PAGE, links.brief(r.id))),
                     h.text(s.headline, empty=NOT_STATED_HTML), h.text(r.brief.framing.tone)])
    return h.page(
        h.heading("Briefs", 1)
        + as_of_html(site.analysis, len(rows))
        + h.p(f"{len(rows)} source articles, newest first by the article's own date; an undated article by the "
              "earliest date it can have been written (the latest event it reports), and those with no date at all last.")
        + h.table(["Article date", "Outlet", "Brief", "Headline", "Tone (judgement)"], rows))
