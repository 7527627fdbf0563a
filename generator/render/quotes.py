"""Every verbatim quote, by speaker and date, each linked to its brief."""

from __future__ import annotations

from ..context import Site
from ..output import Output
from . import links
from .common import NOT_STATED, cites, quote_context, when
from .text import link, md, quoted

PAGE = links.QUOTES
#: Quotes shown per speaker here; the speaker's own page has the rest.
PER_SPEAKER = 25


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_quotes(site), in_nav=True, meta={"title": "Quotes"})]


def render_quotes(site: Site) -> str:
    speakers = site.analysis.quotes
    out = ["# Quotes\n",
           "Every direct quotation in the briefs, checked word for word against the archived article, "
           "by speaker and then by the date it was said (undated last).\n"]
    for sq in speakers:
        quotes = sq.quotes
        out.append(f"## {md(sq.speaker.name)}\n")
        for s in quotes[:PER_SPEAKER]:
            r, q = s.record, s.item
            bits = [when(q.date) if q.date else "date not stated"]
            if q.venue:
                bits.append(md(q.venue))
            context = quote_context(q)
            out.append(f"- {quoted(q.text)} — {', '.join(bits)}; "
                       f"{link(r.brief.title, links.rel(PAGE, links.brief(r.id)))} {cites(PAGE, r, q.cite)}"
                       + (f"  \n  {context}" if context else ""))
        if len(quotes) > PER_SPEAKER:
            out.append(f"- {link(f'All {len(quotes)} quotes', links.rel(PAGE, links.entity(sq.speaker.id)))}")
        out.append("")
    if not speakers:
        out.append(NOT_STATED)
    return "\n".join(out)
