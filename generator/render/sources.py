"""Sources and framing: one row per source, so readers can weigh each report."""

from __future__ import annotations

from ..context import Site
from ..fields import SOURCING_LABELS
from ..output import Output
from . import links
from .common import NOT_STATED, article_when, outlet, table
from .text import link, md, quoted

PAGE = links.SOURCES


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_sources(site), in_nav=True, meta={"title": "Sources and framing"})]


def render_sources(site: Site) -> str:
    rows = []
    for r in site.analysis.newest_first:
        s, f = r.brief.source, r.brief.framing
        loaded = ", ".join(quoted(p.text) if p.text else md(p.note) for p in f.loaded_wording[:3]) or "none noted"
        flags = len(f.headline_vs_body) + len(f.unsourced_claims) + len(f.incoherent_passages)
        rows.append([link(r.brief.title, links.rel(PAGE, links.brief(r.id))), outlet(s),
                     article_when(site.analysis.dates[r.id]), md(s.author, empty=NOT_STATED), md(f.tone),
                     SOURCING_LABELS[f.sourcing], loaded, str(flags)])
    rubric = links.rel(PAGE, links.METHODOLOGY)
    return ("# Sources and framing\n\n"
            "How each source tells the story. *Tone*, *Sourcing* and *Loaded wording* are the brief writer's "
            f"judgement, made by the [rubric on the methodology page]({rubric}#tone-and-sourcing-are-the-brief-writers-judgement), "
            "not the article's words. *Sourcing* says what its reporting rests on: named officials on "
            "record deserve more weight than anonymous officials, and both more than unsourced assertions. "
            "*Flags* counts headlines stronger than their body, unsourced claims and incoherent passages; "
            "each brief's Framing section lists them with citations.\n\n"
            + table(["Source", "Outlet", "Article date", "Author", "Tone (judgement)", "Sourcing (judgement)",
                     "Loaded wording (judgement)", "Flags"], rows))
