"""The printable situation brief: the state of things on one sheet of paper.

Every section has a fixed number of items, and the print stylesheet
(docs/stylesheets/print.css) cuts each item at two lines, so the page
prints on one A4 or Letter sheet however many briefs there are and however
long their texts (a browser test prints it and counts the pages).

Each item names the sources it rests on, by their article's date (the
brief's title is the link's tooltip), and the paragraphs they cite: a
one-sheet summary is where a reader most needs to check a line quickly.
Where an item's text is long, its sources come first, so that the cut
takes the text's end, not the citation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..analyse import CONTRIBUTORS_TOPIC, Analysis, answer_text
from ..context import Site
from ..corpus import Record
from ..dating import ArticleDate
from ..fields import ATTRIBUTION_LABELS
from ..output import Output
from . import links
from .common import article_label, article_short, as_of, cites, source_link, when
from .text import link, md

PAGE = links.SITUATION
STATUS_TOPIC = "decision-status"
ANSWERS = 4
CONDITIONS = 6
OFFERS = 4
DATES = 5
QUESTIONS = 3


def _sources(analysis: Analysis, cited: Iterable[tuple[Record, Iterable[int]]],
             label: Callable[[ArticleDate], str] = article_short) -> str:
    """"28 October 2025 ¶2; 27 October 2025 ¶1 ¶4": each source once, in the order
    given, with every paragraph it is cited for there."""
    by_brief: dict[str, tuple[Record, dict[int, None]]] = {}
    for record, numbers in cited:
        by_brief.setdefault(record.id, (record, {}))[1].update(dict.fromkeys(numbers))
    return "; ".join(f"{source_link(PAGE, analysis, r, label)} {cites(PAGE, r, list(ns))}" for r, ns in by_brief.values())


def _from(analysis: Analysis, cited: Iterable[tuple[Record, Iterable[int]]]) -> str:
    """" (28 October 2025 ¶2; …)" after a line, or nothing."""
    parts = _sources(analysis, cited)
    return f" ({parts})" if parts else ""


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
                   + (f", {on_record} on record" if on_record else f" ({', '.join(kinds)})")
                   + _from(analysis, ((s.record, s.item.cite) for s in g.claims)))
    if len(groups) > ANSWERS:
        out.append(f"- and {len(groups) - ANSWERS} other answers")
    return out


def _offers(analysis: Analysis) -> list[str]:
    t = analysis.claims(CONTRIBUTORS_TOPIC)
    if t is None:
        return []
    # On-record claims first (they carry figures such as troop numbers), then the newest.
    claims = sorted(t.claims, key=lambda s: s.item.attribution != "on-record")
    # Who says it and where come before the claim, which is long: on paper an item
    # is cut at two lines, and the cut must take the claim's end, not its source.
    return [f"- **{md(answer_text(s.item))}** — {ATTRIBUTION_LABELS[s.item.attribution]}"
            f"{_from(analysis, [(s.record, s.item.cite)])}: {md(s.item.claim)}" for s in claims[:OFFERS]]


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_situation(site), in_nav=True,
                   meta={"title": "Situation brief", "hide": ["navigation", "toc"]})]


def render_situation(site: Site) -> str:
    corpus, analysis = site.corpus, site.analysis
    newest = analysis.newest_first
    out = ['<div class="situation" markdown="block">\n',
           "# Situation brief\n",
           f"{as_of(analysis)}\n",
           f"*From {len(corpus.records)} brief{'s' if len(corpus.records) != 1 else ''}. Each item names the sources it rests on, "
           f"by their article's date, and the paragraphs of the article they cite. Print this page for a one-sheet summary "
           f"(on paper each item is cut at two lines; this page has them whole); the {link('home page', links.HOME)} has the sources.*\n"]

    out += ["## Decision status\n", *(_answers(analysis, STATUS_TOPIC) or ["- No source reports it."]), ""]

    out.append("## Conditions attributed to Pakistan\n")
    rows = [c for c in analysis.conditions if c.cells]
    for c in rows[:CONDITIONS]:
        out.append(f"- {md(c.topic.name)} — {len(c.cells)} source{'s' if len(c.cells) != 1 else ''}"
                   + (f", {c.on_record} on record" if c.on_record else "")
                   + _from(analysis, ((corpus.by_id[bid], p.cite) for bid, ps in c.cells.items() for p in ps)))
    if len(rows) > CONDITIONS:
        out.append(f"- and {len(rows) - CONDITIONS} more on the {link('conditions tracker', links.CONDITIONS)}")
    if not rows:
        out.append("- None reported.")
    out.append("")

    # Not "offers": the sources' answers run from an offer to US officials' guesses.
    out += ["## Possible troop contributors\n", *(_offers(analysis) or ["- No source reports one."]), ""]

    out.append("## Latest dates\n")
    days = [t for t in analysis.timeline if t.when.precision == "day"][-DATES:]
    # The sources before the text, as for the offers: the cut on paper takes the text's end.
    # "in the article of …", not a second date in brackets beside the event's own.
    out += [f"- **{when(t.when)}**, in {_sources(analysis, ((s.record, s.item.cite) for s in t.reports), article_label)}: "
            f"{md(t.text)}" for t in reversed(days)] or ["- None."]
    out.append("")

    if newest and newest[0].brief.open_questions:
        r = newest[0]
        out.append("## Open questions\n")
        # The brief writer's questions, not the article's: say whose they are.
        out.append(f"What the brief of the newest source "
                   f"({source_link(PAGE, analysis, r)}) leaves open:\n")
        out += [f"- {md(q)}" for q in r.brief.open_questions[:QUESTIONS]]
        if len(r.brief.open_questions) > QUESTIONS:
            out.append(f"- and {len(r.brief.open_questions) - QUESTIONS} more on "
                       f"{link('its brief', links.rel(PAGE, links.brief(r.id)))}")
        out.append("")
    out.append("</div>\n")
    return "\n".join(out)
