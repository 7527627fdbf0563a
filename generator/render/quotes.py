"""Every verbatim quote, by speaker and date, each linked to its brief."""

from __future__ import annotations

from ..analyse import EntityFacts
from ..corpus import Corpus
from . import links
from .common import NOT_STATED, cites, when
from .text import front_matter, link, md, quoted

PAGE = "quotes.md"
#: Quotes shown per speaker here; the speaker's own page has the rest.
PER_SPEAKER = 25


def render_quotes(corpus: Corpus, facts: dict[str, EntityFacts]) -> str:
    speakers = sorted((eid for eid, f in facts.items() if f.quotes), key=lambda e: corpus.entities[e].name.lower())
    out = [front_matter("Quotes"), "# Quotes\n",
           "Every direct quotation in the briefs, checked word for word against the archived article, "
           "by speaker and then by the date it was said (undated last).\n"]
    for eid in speakers:
        quotes = sorted(facts[eid].quotes, key=lambda rq: (rq[1].date.sort_key if rq[1].date else (9999, 99, 99), rq[0].id))
        out.append(f"## {md(corpus.entities[eid].name)}\n")
        for r, q in quotes[:PER_SPEAKER]:
            bits = [when(q.date) if q.date else "date not stated"]
            if q.venue:
                bits.append(md(q.venue))
            out.append(f"- {quoted(q.text)} — {', '.join(bits)}; "
                       f"{link(r.brief.title, links.rel(PAGE, links.brief(r.id)))} {cites(PAGE, links.brief(r.id), q.cite)}")
        if len(quotes) > PER_SPEAKER:
            out.append(f"- {link(f'All {len(quotes)} quotes', links.rel(PAGE, links.entity(eid)))}")
        out.append("")
    if not speakers:
        out.append(NOT_STATED)
    return "\n".join(out)
