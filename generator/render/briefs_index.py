"""The briefs index: one row per brief, newest article first."""

from __future__ import annotations

from ..context import Site
from ..output import Output
from . import links
from .common import NOT_STATED, article_when, outlet, table
from .text import link, md

PAGE = links.BRIEFS


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_index(site), in_nav=True, meta={"title": "Briefs"})]


def render_index(site: Site) -> str:
    rows = []
    for r in site.analysis.newest_first:
        s = r.brief.source
        rows.append([article_when(site.analysis.dates[r.id]), outlet(s),
                     link(r.brief.title, links.rel(PAGE, links.brief(r.id))),
                     md(s.headline, empty=NOT_STATED), md(r.brief.framing.tone)])
    return ("# Briefs\n\n"
            f"{len(rows)} source articles, newest first by the article's own date; an undated article by the "
            "earliest date it can have been written (the latest event it reports), and those with no date at all last.\n\n"
            + table(["Article date", "Outlet", "Brief", "Headline", "Tone (judgement)"], rows))
