"""The printable situation brief: the state of things on one sheet of paper.

Every section has a fixed number of items, and the print stylesheet
(docs/stylesheets/print.css) cuts each item at two lines, so the page
prints on one A4 or Letter sheet however many briefs there are and however
long their texts (a browser test prints it and counts the pages).
"""

from __future__ import annotations

from ..analyse import TimelineEntry, TopicClaims, cell_status, newest_first
from ..corpus import Corpus
from ..model import ATTRIBUTION_LABELS, Position
from .common import when
from .text import front_matter, link, md

PAGE = "situation.md"
STATUS_TOPIC = "decision-status"
CONTRIBUTORS_TOPIC = "troop-contributors"
ANSWERS = 4
CONDITIONS = 6
OFFERS = 4
DATES = 5
QUESTIONS = 3


def _answers(topics: dict[str, TopicClaims], topic_id: str) -> list[str]:
    """Each distinct answer once, most-reported first, with who reports it."""
    t = topics.get(topic_id)
    if t is None:
        return []
    groups = sorted(t.answers.values(), key=lambda g: (-len({r.id for r, _ in g}), g[0][1].answer.lower()))
    out = []
    for g in groups[:ANSWERS]:
        sources = len({r.id for r, _ in g})
        on_record = sum(1 for _, c in g if c.attribution == "on-record")
        kinds = sorted({ATTRIBUTION_LABELS[c.attribution] for _, c in g})
        out.append(f"- **{md(g[0][1].answer)}** — {sources} source{'s' if sources != 1 else ''}"
                   + (f", {on_record} on record" if on_record else f" ({', '.join(kinds)})"))
    if len(groups) > ANSWERS:
        out.append(f"- and {len(groups) - ANSWERS} other answers")
    return out


def _offers(corpus: Corpus, topics: dict[str, TopicClaims]) -> list[str]:
    t = topics.get(CONTRIBUTORS_TOPIC)
    if t is None:
        return []
    order = {r.id: i for i, r in enumerate(newest_first(corpus))}
    # On-record claims first (they carry figures such as troop numbers), then the newest.
    claims = sorted((rc for g in t.answers.values() for rc in g),
                    key=lambda rc: (rc[1].attribution != "on-record", order[rc[0].id]))
    return [f"- **{md(c.answer)}**: {md(c.claim)} ({ATTRIBUTION_LABELS[c.attribution]})" for _, c in claims[:OFFERS]]


def render_situation(corpus: Corpus, topics: dict[str, TopicClaims],
                     matrix: dict[str, dict[str, list[Position]]], entries: list[TimelineEntry]) -> str:
    newest = newest_first(corpus)
    dated = [r for r in newest if r.brief.source.published.date]
    as_of = f"the newest dated article is of {when(dated[0].brief.source.published, marks=False)}" if dated else "no article is dated"
    out = [front_matter("Situation brief", hide=["navigation", "toc"]),
           '<div class="situation" markdown="block">\n',
           "# Situation brief\n",
           f"*From {len(corpus.records)} brief{'s' if len(corpus.records) != 1 else ''}; {as_of}. Each item is drawn from the briefs, which cite the articles "
           f"paragraph by paragraph. Print this page for a one-sheet summary; the {link('home page', 'index.md')} "
           "has the sources.*\n"]

    out += ["## Decision status\n", *(_answers(topics, STATUS_TOPIC) or ["- No source reports it."]), ""]

    out.append("## Conditions attributed to Pakistan\n")
    rows = sorted(((tid, cells) for tid, cells in matrix.items() if cells),
                  key=lambda kv: (-len(kv[1]), corpus.topics[kv[0]].name.lower()))
    for tid, cells in rows[:CONDITIONS]:
        on_record = [cell_status(ps) for ps in cells.values()].count("on record")
        out.append(f"- {md(corpus.topics[tid].name)} — {len(cells)} source{'s' if len(cells) != 1 else ''}"
                   + (f", {on_record} on record" if on_record else ""))
    if len(rows) > CONDITIONS:
        out.append(f"- and {len(rows) - CONDITIONS} more on the {link('conditions tracker', 'conditions.md')}")
    if not rows:
        out.append("- None reported.")
    out.append("")

    out += ["## Troop offers\n", *(_offers(corpus, topics) or ["- No source reports one."]), ""]

    out.append("## Latest dates\n")
    days = [t for t in entries if t.when.precision == "day"][-DATES:]
    out += [f"- **{when(t.when)}** — {md(t.reports[0][1].text)}" for t in reversed(days)] or ["- None."]
    out.append("")

    if newest and newest[0].brief.open_questions:
        out.append("## Open questions\n")
        out += [f"- {md(q)}" for q in newest[0].brief.open_questions[:QUESTIONS]]
        out.append("")
    out.append("</div>\n")
    return "\n".join(out)
