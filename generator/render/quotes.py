"""Every verbatim quote, by speaker and date, each linked to its brief."""

from __future__ import annotations

from ..context import Site
from ..output import Output
from . import html as h
from . import links
from .common import (
    NOT_STATED_HTML,
    article_label,
    as_of_html,
    cites_html,
    quote_context_html,
    source_link_html,
    when_html,
)

PAGE = links.QUOTES
#: Quotes shown per speaker here; the speaker's own page has the rest.
PER_SPEAKER = 25


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_quotes(site), in_nav=True, meta={"title": "Quotes"})]


def render_quotes(site: Site) -> str:
    speakers = site.analysis.quotes
    out = [h.heading("Quotes", 1), as_of_html(site.analysis, len(site.corpus.records)),
           h.p("Every direct quotation in the briefs, checked word for word against the archived article, "
               "by speaker and then by the date it was said (undated last).")]
    for sq in speakers:
        quotes = sq.quotes
        out.append(h.heading(h.text(sq.speaker.name)))
        items = []
        for s in quotes[:PER_SPEAKER]:
            r, q = s.record, s.item
            bits = [when_html(q.date) if q.date else "date not stated"]
            if q.venue:
                bits.append(h.text(q.venue))
            context = quote_context_html(q)
            # The source by its article's date, its title the tooltip: a title beside a
            # quotation read as more of it, and the article's date dates an undated remark.
            items.append(f"{h.quoted(q.text)} — {', '.join(bits)}; in "
                         f"{source_link_html(PAGE, site.analysis, r, article_label)} {cites_html(PAGE, r, q.cite)}"
                         + (f"<br />\n{context}" if context else ""))
        if len(quotes) > PER_SPEAKER:
            items.append(h.link(f"All {len(quotes)} quotes", links.rel(PAGE, links.entity(sq.speaker.id))))
        out.append(h.ul(items))
    if not speakers:
        out.append(h.p(NOT_STATED_HTML))
    return h.page("".join(out))
