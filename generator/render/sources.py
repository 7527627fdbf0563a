"""Sources and framing: one row per source, so readers can weigh each report."""

from __future__ import annotations

from ..analyse import newest_first
from ..corpus import Corpus
from ..model import SOURCING_LABELS
from . import links
from .common import NOT_STATED, table, when
from .text import front_matter, link, md, quoted

PAGE = "sources.md"


def render_sources(corpus: Corpus) -> str:
    rows = []
    for r in newest_first(corpus):
        s, f = r.brief.source, r.brief.framing
        loaded = ", ".join(quoted(p.text) if p.text else md(p.note) for p in f.loaded_wording[:3]) or "none noted"
        flags = len(f.headline_vs_body) + len(f.unsourced_claims) + len(f.incoherent_passages)
        rows.append([link(r.brief.title, links.rel(PAGE, links.brief(r.id))), md(s.outlet, empty=NOT_STATED),
                     when(s.published, marks=False), md(s.author, empty=NOT_STATED), md(f.tone),
                     SOURCING_LABELS[f.sourcing], loaded, str(flags)])
    return (front_matter("Sources and framing") + "# Sources and framing\n\n"
            "How each source tells the story. *Sourcing* says what its reporting rests on: named officials on "
            "record deserve more weight than anonymous officials, and both more than unsourced assertions. "
            "*Flags* counts headlines stronger than their body, unsourced claims and incoherent passages; "
            "each brief's Framing section lists them with citations.\n\n"
            + table(["Source", "Outlet", "Article date", "Author", "Tone", "Sourcing", "Loaded wording", "Flags"], rows))
