"""Sources and framing: one row per source, so readers can weigh each report."""

from __future__ import annotations

from ..context import Site
from ..fields import SOURCING_LABELS
from ..output import Output
from . import html as h
from . import links
from .common import NOT_STATED_HTML, article_when_html, as_of_html, cites_html, outlet_html, plural

PAGE = links.SOURCES


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_sources(site), in_nav=True, meta={"title": "Sources and framing"})]


def render_sources(site: Site) -> str:
    rows = []
    for r in site.analysis.newest_first:
        s, f = r.brief.source, r.brief.framing
        # Each judgement leads back to its paragraphs and to the brief's Framing
        # section, which lists every flag with its note.
        loaded = "; ".join(f"{h.quoted(p.text) if p.text else h.text(p.note)} {cites_html(PAGE, r, p.cite)}"
                           for p in f.loaded_wording[:3]) or "none noted"
        if len(f.loaded_wording) > 3:
            loaded += f"; {h.link(f'and {len(f.loaded_wording) - 3} more', links.rel(PAGE, links.brief(r.id), links.FRAMING))}"
        count = len(f.headline_vs_body) + len(f.unsourced_claims) + len(f.incoherent_passages)
        # "9 flags", not a bare "9": the words say what the number is on a phone's
        # card, and make the link a target a finger can hit.
        flags = (h.link(plural(count, "flag"), links.rel(PAGE, links.brief(r.id), links.FRAMING))
                 if count else "none")
        # The article's own headline beside the brief's title: it is the source's framing, in its words.
        headline = h.quoted(s.headline) if s.headline else NOT_STATED_HTML
        rows.append([f"{h.link(r.brief.title, links.rel(PAGE, links.brief(r.id)))}<br />{h.em('Headline:')} {headline}",
                     outlet_html(s),
                     article_when_html(site.analysis.dates[r.id]), h.text(s.author, empty=NOT_STATED_HTML),
                     h.text(f.tone), SOURCING_LABELS[f.sourcing], loaded, flags])
    rubric = links.rel(PAGE, links.METHODOLOGY, "tone-and-sourcing-are-the-brief-writers-judgement")
    return h.page(
        h.heading("Sources and framing", 1)
        + as_of_html(site.analysis, len(rows))
        + h.p(f"How each source tells the story, newest first. {h.em('Tone')}, {h.em('Sourcing')} and {h.em('Loaded wording')} "
              "are the brief writer's judgement, made by the "
              f"{h.link('rubric on the methodology page', rubric)}, "
              f"not the article's words. Each source is named by its brief's title, with the article's own headline under it. {h.em('Sourcing')} says what its reporting rests on: named officials on "
              "record deserve more weight than anonymous officials, and both more than unsourced assertions. "
              f"{h.em('Flags')} counts headlines stronger than their body, unsourced claims and incoherent passages; "
              "each count links to the brief's Framing section, which lists them with citations.")
        + h.table(["Source", "Outlet", "Article date", "Author", "Tone (judgement)", "Sourcing (judgement)",
                   "Loaded wording (judgement)", "Flags"], rows))
