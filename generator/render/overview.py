"""The home page: the bottom line across all sources, every figure from the briefs.

Hand-written introduction text comes from docs/index.md; everything after it
is generated.  Each section has a fixed size, linking to its full view.
"""

from __future__ import annotations

from ..analyse import TimelineEntry, TopicClaims, cell_status, newest_first
from ..corpus import Corpus
from ..model import ATTRIBUTION_LABELS, Position
from . import links
from .common import cites, table, when
from .text import link, md

PAGE = "index.md"
STATUS_TOPIC = "decision-status"
CONTRIBUTORS_TOPIC = "troop-contributors"
SHOWN = 8


def _claim_rows(corpus: Corpus, topics: dict[str, TopicClaims], topic_id: str) -> list[list[str]]:
    t = topics.get(topic_id)
    if t is None:
        return []
    order = {r.id: i for i, r in enumerate(newest_first(corpus))}
    claims = sorted((rc for group in t.answers.values() for rc in group), key=lambda rc: order[rc[0].id])
    return [[when(r.brief.source.published, marks=False), f"**{md(c.answer)}**", md(c.claim), ATTRIBUTION_LABELS[c.attribution],
             link(r.brief.title, links.rel(PAGE, links.brief(r.id))) + " " + cites(PAGE, links.brief(r.id), c.cite)]
            for r, c in claims[:SHOWN]]


def render_overview(corpus: Corpus, intro: str, topics: dict[str, TopicClaims],
                    matrix: dict[str, dict[str, list[Position]]], entries: list[TimelineEntry]) -> str:
    out = [intro.rstrip() + "\n", f"*Built from {len(corpus.records)} briefs.*\n"]

    out.append("## Where Pakistan stands\n")
    out.append("The status of Pakistan's decision as each source reports it, newest article first. "
               f"Sources disagree: see {link('claims and contradictions', 'contradictions.md')}.\n"
               if topics.get(STATUS_TOPIC) and topics[STATUS_TOPIC].disagree else
               "The status of Pakistan's decision as each source reports it, newest article first.\n")
    rows = _claim_rows(corpus, topics, STATUS_TOPIC)
    out.append(table(["Article date", "Status", "Claim", "Attribution", "Source"], rows) if rows else "No source reports it.\n")

    out.append("## Pakistan's conditions\n")
    rows = []
    for topic_id, cells in sorted(matrix.items(), key=lambda kv: (-len(kv[1]), corpus.topics[kv[0]].name.lower())):
        if cells:
            statuses = [cell_status(ps) for ps in cells.values()]
            rows.append([md(corpus.topics[topic_id].name), str(len(cells)), str(statuses.count("on record"))])
    out.append(f"Conditions and red lines the sources attribute to Pakistan; the {link('conditions tracker', 'conditions.md')} "
               "shows each source's wording.\n")
    out.append(table(["Condition", "Sources", "Of which on record"], rows) if rows else "None reported.\n")

    out.append("## Who is offering troops\n")
    rows = _claim_rows(corpus, topics, CONTRIBUTORS_TOPIC)
    out.append(f"Countries named as contributors, with how many troops where a source says. See {link('countries', 'countries.md')}.\n")
    out.append(table(["Article date", "Countries", "Claim", "Attribution", "Source"], rows) if rows else "No source reports it.\n")

    out.append("## Key dates\n")
    dated = [t for t in entries if t.when.precision == "day"][-SHOWN:]
    out += [f"- **{when(t.when)}** — {md(t.reports[0][1].text)} "
            + " ".join(cites(PAGE, links.brief(r.id), e.cite) for r, e in t.reports) for t in reversed(dated)]
    out.append(f"\nThe {link('timeline', 'timeline/index.md')} has every event.\n")

    out.append("## Open questions\n")
    out.append("What the newest sources leave unanswered.\n")
    for r in newest_first(corpus)[:3]:
        for q in r.brief.open_questions[:3]:
            out.append(f"- {md(q)} ({link(r.brief.title, links.rel(PAGE, links.brief(r.id)))})")
    return "\n".join(out) + "\n"
