"""The home page: the bottom line across all sources, every figure from the briefs.

Hand-written introduction text comes from docs/index.md; everything after it
is generated.  Each section has a fixed size, linking to its full view.
"""

from __future__ import annotations

from ..context import Site
from ..fields import ATTRIBUTION_LABELS
from ..output import Output
from . import links
from .common import article_when, as_of, cites, table, when
from .text import link, md

PAGE = links.HOME
STATUS_TOPIC = "decision-status"
CONTRIBUTORS_TOPIC = "troop-contributors"
SHOWN = 8


def _claim_rows(site: Site, topic_id: str) -> list[list[str]]:
    t = site.analysis.claims(topic_id)
    if t is None:
        return []
    return [[article_when(site.analysis.dates[s.record.id]), f"**{md(s.item.answer)}**", md(s.item.claim),
             ATTRIBUTION_LABELS[s.item.attribution],
             link(s.record.brief.title, links.rel(PAGE, links.brief(s.record.id))) + " "
             + cites(PAGE, links.brief(s.record.id), s.item.cite)]
            for s in t.claims[:SHOWN]]


def outputs(site: Site) -> list[Output]:
    # The intro is docs/index.md, which this page replaces: its edit link opens it.
    return [Output(PAGE, render_overview(site), "docs/index.md", in_nav=True)]


def render_overview(site: Site) -> str:
    corpus, analysis = site.corpus, site.analysis
    out = [site.intro.rstrip() + "\n", as_of(analysis) + f" *Built from {len(corpus.records)} briefs.*\n"]

    out.append("## Where Pakistan stands\n")
    out.append("The status of Pakistan's decision as each source reports it, newest article first. "
               f"Sources disagree: see {link('claims and contradictions', links.CONTRADICTIONS)}.\n"
               if (status := analysis.finding(STATUS_TOPIC)) and status.verdict == "contradicts" else
               "The status of Pakistan's decision as each source reports it, newest article first.\n")
    rows = _claim_rows(site, STATUS_TOPIC)
    out.append(table(["Article date", "Status", "Claim", "Attribution", "Source"], rows) if rows else "No source reports it.\n")

    out.append("## Pakistan's conditions\n")
    rows = [[md(c.topic.name), str(len(c.cells)), str(c.on_record)] for c in analysis.conditions if c.cells]
    out.append(f"Conditions and red lines the sources attribute to Pakistan; the {link('conditions tracker', links.CONDITIONS)} "
               "shows each source's wording.\n")
    out.append(table(["Condition", "Sources", "Of which on record"], rows) if rows else "None reported.\n")

    out.append("## Who is offering troops\n")
    rows = _claim_rows(site, CONTRIBUTORS_TOPIC)
    out.append(f"Countries named as contributors, with how many troops where a source says. See {link('countries', links.COUNTRIES)}.\n")
    out.append(table(["Article date", "Countries", "Claim", "Attribution", "Source"], rows) if rows else "No source reports it.\n")

    out.append("## Key dates\n")
    dated = [t for t in analysis.timeline if t.when.precision == "day"][-SHOWN:]
    out += [f"- **{when(t.when)}** — {md(t.text)} "
            + " ".join(cites(PAGE, links.brief(s.record.id), s.item.cite) for s in t.reports) for t in reversed(dated)]
    out.append(f"\nThe {link('timeline', links.TIMELINE)} has every event.\n")

    out.append("## Open questions\n")
    out.append("What the newest sources leave unanswered.\n")
    for r in analysis.newest_first[:3]:
        for q in r.brief.open_questions[:3]:
            out.append(f"- {md(q)} ({link(r.brief.title, links.rel(PAGE, links.brief(r.id)))})")
    return "\n".join(out) + "\n"
