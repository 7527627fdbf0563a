"""The home page: the bottom line across all sources, every figure from the briefs.

Hand-written introduction text comes from docs/index.md; everything after it
is generated.  Each section has a fixed size, linking to its full view.
"""

from __future__ import annotations

from ..analyse import CONTRIBUTORS_TOPIC, answer_text
from ..context import Site
from ..corpus import Record
from ..fields import ATTRIBUTION_LABELS
from ..output import Output
from ..status import BriefCite
from . import contradictions, links
from .common import (
    article_label,
    article_when,
    as_of,
    cites,
    date_text,
    indent,
    plural,
    source_link,
    source_name,
    table,
    when,
)
from .text import link, md

PAGE = links.HOME
STATUS_TOPIC = "decision-status"
SHOWN = 8
#: Developments under "What changed".
CHANGES = 5
#: The contradictions page's sections the home page repeats: the differences that matter most.
DIFFERENCES = (contradictions.TENSIONS, "contradicts", "changed", "cannot be ordered")


def _claim_rows(site: Site, topic_id: str) -> list[list[str]]:
    t = site.analysis.claims(topic_id)
    if t is None:
        return []
    return [[article_when(site.analysis.dates[s.record.id]), f"**{md(answer_text(s.item))}**", md(s.item.claim),
             ATTRIBUTION_LABELS[s.item.attribution],
             link(s.record.brief.title, links.rel(PAGE, links.brief(s.record.id))) + " "
             + cites(PAGE, s.record, s.item.cite)]
            for s in t.claims[:SHOWN]]


def outputs(site: Site) -> list[Output]:
    # The intro is docs/index.md, which this page replaces: its edit link opens it.
    return [Output(PAGE, render_overview(site), "docs/index.md", in_nav=True)]


def _cited(site: Site, record: Record, numbers: list[int]) -> str:
    """A compact link to a brief, by its article's date (the title is the link's
    tooltip: a title in every line made the phone's first screens mostly links),
    and to the paragraphs cited."""
    return f"{source_link(PAGE, site.analysis, record, article_label)} {cites(PAGE, record, numbers)}"


def _rests_on(site: Site, cited: list[BriefCite]) -> str:
    """The briefs and paragraphs a line rests on."""
    records = site.corpus.by_id
    return "; ".join(_cited(site, records[c.brief], c.cite) for c in cited)


def _status(site: Site) -> list[str]:
    """Where things stand, as of when: the editors' status line and the brief
    writer's judgement (labelled as such), each cited (status.py)."""
    status = site.corpus.status
    d = site.analysis.as_of
    when_ = "" if d is None else " — as of " + date_text(d.known) + ("" if d.published.date else " or later")  # type: ignore[arg-type]
    out = [f'!!! abstract "Where things stand{when_}"\n']
    if status is not None:
        # The headline in bold, then who reports what, plain: its own field, not the
        # line's first sentence, which "U.S." or "Gen." would cut short.
        headline = f"**{md(status.headline)}** " if status.headline else ""
        out.append(indent(f"{headline}{md(status.line)} *Rests on:* {_rests_on(site, status.rests_on)}\n"))
    # The box's title says "as of" already: its line only says why.
    out.append(indent(as_of(site.analysis, lead=d is None) + "\n"))
    if status is None:
        return out
    if (j := status.judgement) is not None:
        out.append(indent(f"*The brief writer's judgement, not a fact from the articles* "
                          f"([ICD 203 terms]({links.rel(PAGE, links.METHODOLOGY)}#facts-attribution-and-judgement)): "
                          f"{md(j.text)} Likelihood: **{md(j.likelihood)}**; confidence: **{md(j.confidence)}**. "
                          f"*Basis:* {md(j.basis)} *Rests on:* {_rests_on(site, j.rests_on)}\n"))
    return out


def _what_changed(site: Site) -> list[str]:
    """The latest developments, newest first, one line each with its date and source."""
    # Only days with a year, as on the situation sheet: a day and month without one
    # sorts in its article's year on the timeline, which says so, but is not put
    # among the latest developments on the strength of that guess.
    dated = [t for t in site.analysis.timeline if t.when.precision == "day" and not t.expected][-CHANGES:]
    out = ["## What changed\n", "The latest dated developments the sources report, newest first.\n"]
    for t in reversed(dated):
        # Every source that reports it, not "and 1 more": the reader should see them all.
        sources = "; ".join(_cited(site, s.record, s.item.cite) for s in t.reports)
        out.append(f"- **{when(t.when)}** — {md(t.text)} ({sources})")
    if not dated:
        out.append("No source reports a dated development.")
    out.append(f"\nThe {link('timeline', links.TIMELINE)} has every event.\n")
    return out


def _differences(site: Site) -> list[str]:
    """The strongest differences between sources, from the contradictions page's
    summary: a reader should not have to open that page to learn whether the
    sources clash, and on what."""
    lines = [line for line in contradictions.glance(site) if line.section in DIFFERENCES]
    page = links.rel(PAGE, links.CONTRADICTIONS)
    out = ["## Where the sources differ\n"]
    if not lines:
        return out + [f"No two sources give contradicting answers, and none changed over time; "
                      f"{link('claims and contradictions', page)} sets every question's answers side by side.\n"]
    out.append(f"Where different sources' answers clash, changed over time, or differ with no date to tell which; "
               f"{link('claims and contradictions', page)} sets every question's answers side by side.\n")
    for line in lines:
        named = []
        for item in line.items:
            name = link(item.name, f"{page}#{item.anchor}")
            if item.pairs:
                before, between = contradictions.PAIR_WORDS[line.section]
                name += " (" + "; ".join(f"{before}*{md(x)}*{between}*{md(y)}*" for x, y in item.pairs) + ")"
            named.append(name)
        out.append(f"- **{md(line.label)}:** " + "; ".join(named))
    return out + [""]


def _key_figures(site: Site) -> list[str]:
    status = site.corpus.status
    if status is None or not status.key_figures:
        return []
    records = site.corpus.by_id
    out = ["## Key figures\n"]
    out += [f"- **{md(f.figure)}** — {md(f.label)} ({_cited(site, records[f.source.brief], f.source.cite)})"
            for f in status.key_figures]
    return out + [""]


def _traceable(site: Site) -> str:
    """How far the archived texts say where they come from: a reader weighs a
    briefing on texts without outlet or address differently, and should not have
    to open every source to learn it."""
    sources = [r.brief.source for r in site.corpus.records]
    total = len(sources)

    def count(n: int, one: str, many: str) -> str:
        if n == 0:
            return f"none {one}"
        return f"all {many}" if n == total > 1 else f"{n} {one if n == 1 else many}"

    parts = [count(sum(s.outlet is not None for s in sources), "names its outlet", "name their outlet"),
             count(sum(s.url is not None for s in sources), "gives its address", "give their address"),
             count(sum(s.author is not None for s in sources), "gives its author", "give their author"),
             count(sum(s.published.date is not None for s in sources), "carries a date stamp", "carry a date stamp")]
    return (f"Of the {plural(total, 'archived text')}, {', '.join(parts[:-1])} and {parts[-1]}; "
            f"{link('sources and framing', links.SOURCES)} weighs each source.")


def render_overview(site: Site) -> str:
    corpus, analysis = site.corpus, site.analysis
    heading, _, about = site.intro.strip().partition("\n")
    if not heading.startswith("# "):  # no title line: the whole intro is the about text
        heading, about = "# Briefing", site.intro
    out = [heading + "\n", *_status(site), *_what_changed(site), *_differences(site), *_key_figures(site)]
    out += ["## About this briefing\n", *([about.strip() + "\n"] if about.strip() else []),
            f"*Built from {plural(len(corpus.records), 'brief')}.* {_traceable(site)}\n"]

    out.append("## Where Pakistan stands, source by source\n")
    out.append("The status of Pakistan's decision as each source reports it, newest article first. "
               f"Sources contradict each other: see {link('claims and contradictions', links.CONTRADICTIONS)}.\n"
               if (status := analysis.finding(STATUS_TOPIC)) and status.verdict == "contradicts" else
               "The status of Pakistan's decision as each source reports it, newest article first; "
               f"{link('claims and contradictions', links.CONTRADICTIONS)} says how the answers relate.\n")
    rows = _claim_rows(site, STATUS_TOPIC)
    out.append(table(["Article date", "Status", "Claim", "Attribution", "Source"], rows) if rows else "No source reports it.\n")

    out.append("## Pakistan's conditions\n")
    rows = [[md(c.topic.name), str(len(c.cells)), str(c.on_record)] for c in analysis.conditions if c.cells]
    out.append(f"Conditions and red lines the sources attribute to Pakistan (stances and demands are not counted); "
               f"the {link('conditions tracker', links.CONDITIONS)} shows each source's wording.\n")
    out.append(table(["Condition", "Sources", "Of which on record"], rows) if rows else "None reported.\n")

    out.append("## Who may send troops\n")
    rows = _claim_rows(site, CONTRIBUTORS_TOPIC)
    out.append(f"Countries named as possible contributors, from an offer to officials' guesses, with how many troops where a source says. See {link('countries', links.COUNTRIES)}.\n")
    out.append(table(["Article date", "Countries", "Claim", "Attribution", "Source"], rows) if rows else "No source reports it.\n")

    out.append("## Open questions\n")
    # Each brief's questions are about its own article, so they are grouped by source:
    # a later article may answer what an earlier one left open, and the list must not
    # read as what no source answers.
    out.append("What the three newest articles whose briefs ask questions leave unanswered, newest first, in the brief writers' words. "
               f"A later article may answer what an earlier one left open: {link('claims and contradictions', links.rel(PAGE, links.CONTRADICTIONS))} "
               "sets the sources' answers side by side.\n")
    for r in [r for r in analysis.newest_first if r.brief.open_questions][:3]:
        name = source_name(analysis, r, article_label)
        out.append(f"- {link(name[0].upper() + name[1:], links.rel(PAGE, links.brief(r.id)), r.brief.title)}:\n")
        out += [f"    - {md(q)}" for q in r.brief.open_questions[:3]]
        if len(r.brief.open_questions) > 3:
            out.append(f"    - and {len(r.brief.open_questions) - 3} more on "
                       f"{link('its brief', links.rel(PAGE, links.brief(r.id)))}")
        out.append("")
    return "\n".join(out) + "\n"
