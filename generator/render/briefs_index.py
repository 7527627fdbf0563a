"""The briefs index: one row per brief, newest article first."""

from __future__ import annotations

from ..analyse import newest_first
from ..corpus import Corpus
from . import links
from .common import NOT_STATED, table, when
from .text import front_matter, link, md

PAGE = "briefs/index.md"


def render_index(corpus: Corpus) -> str:
    rows = []
    for r in newest_first(corpus):
        s = r.brief.source
        rows.append([when(s.published), md(s.outlet, empty=NOT_STATED),
                     link(r.brief.title, links.rel(PAGE, links.brief(r.id))),
                     md(s.headline, empty=NOT_STATED), md(r.brief.framing.tone)])
    return (front_matter("Briefs") + "# Briefs\n\n"
            f"{len(rows)} source articles, newest first by the article's own date; undated articles last.\n\n"
            + table(["Article date", "Outlet", "Brief", "Headline", "Tone"], rows))
