"""The printable situation brief: the state of things on one sheet of paper.

Every section has a fixed number of items, and the print stylesheet
(docs/stylesheets/print.css) cuts each item at two lines, so the page
prints on one A4 or Letter sheet however many briefs there are and however
long their texts (a browser test prints it and counts the pages).
"""

from __future__ import annotations

from ..analyse import Analysis
from ..context import Site
from ..fields import ATTRIBUTION_LABELS
from ..output import Output
from . import links
from .common import as_of, when
from .text import link, md

PAGE = links.SITUATION
STATUS_TOPIC = "decision-status"
CONTRIBUTORS_TOPIC = "troop-contributors"
ANSWERS = 4
CONDITIONS = 6
OFFERS = 4
DATES = 5
QUESTIONS = 3


def _answers(analysis: Analysis, topic_id: str) -> list[str]:
    """Each distinct answer once, most-reported first, with who reports it."""
    t = analysis.claims(topic_id)
    if t is None:
        return []
    groups = sorted(t.answers, key=lambda a: (-a.sources, a.text.lower()))
    out = []
    for g in groups[:ANSWERS]:
        sources = g.sources
        on_record = sum(1 for s in g.claims if s.item.attribution == "on-record")
        kinds = sorted({ATTRIBUTION_LABELS[s.item.attribution] for s in g.claims})
        out.append(f"- **{md(g.text)}** — {sources} source{'s' if sources != 1 else ''}"
                   + (f", {on_record} on record" if on_record else f" ({', '.join(kinds)})"))
    if len(groups) > ANSWERS:
        out.append(f"- and {len(groups) - ANSWERS} other answers")
    return out


def _offers(analysis: Analysis) -> list[str]:
    t = analysis.claims(CONTRIBUTORS_TOPIC)
    if t is None:
        return []
    # On-record claims first (they carry figures such as troop numbers), then the newest.
    claims = sorted(t.claims, key=lambda s: s.item.attribution != "on-record")
    return [f"- **{md(c.answer)}**: {md(c.claim)} ({ATTRIBUTION_LABELS[c.attribution]})"
            for c in (s.item for s in claims[:OFFERS])]


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_situation(site), in_nav=True,
                   meta={"title": "Situation brief", "hide": ["navigation", "toc"]})]


def render_situation(site: Site) -> str:
    corpus, analysis = site.corpus, site.analysis
    newest = analysis.newest_first
    out = ['<div class="situation" markdown="block">\n',
           "# Situation brief\n",
           f"{as_of(analysis)}\n",
           f"*From {len(corpus.records)} brief{'s' if len(corpus.records) != 1 else ''}. Each item is drawn from the briefs, which cite the articles "
           f"paragraph by paragraph. Print this page for a one-sheet summary; the {link('home page', links.HOME)} "
           "has the sources.*\n"]

    out += ["## Decision status\n", *(_answers(analysis, STATUS_TOPIC) or ["- No source reports it."]), ""]

    out.append("## Conditions attributed to Pakistan\n")
    rows = [c for c in analysis.conditions if c.cells]
    for c in rows[:CONDITIONS]:
        out.append(f"- {md(c.topic.name)} — {len(c.cells)} source{'s' if len(c.cells) != 1 else ''}"
                   + (f", {c.on_record} on record" if c.on_record else ""))
    if len(rows) > CONDITIONS:
        out.append(f"- and {len(rows) - CONDITIONS} more on the {link('conditions tracker', links.CONDITIONS)}")
    if not rows:
        out.append("- None reported.")
    out.append("")

    out += ["## Troop offers\n", *(_offers(analysis) or ["- No source reports one."]), ""]

    out.append("## Latest dates\n")
    days = [t for t in analysis.timeline if t.when.precision == "day"][-DATES:]
    out += [f"- **{when(t.when)}** — {md(t.text)}" for t in reversed(days)] or ["- None."]
    out.append("")

    if newest and newest[0].brief.open_questions:
        out.append("## Open questions\n")
        out += [f"- {md(q)}" for q in newest[0].brief.open_questions[:QUESTIONS]]
        out.append("")
    out.append("</div>\n")
    return "\n".join(out)
