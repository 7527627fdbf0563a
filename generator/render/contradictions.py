"""Claims side by side: where the sources really contradict each other, and how else they differ.

The relations come from relations.py (a contradiction needs two different
sources; a list holding another adds detail; a dated change is a change).  Each
question opens with one plain line saying how its answers relate; the claims
themselves are behind a collapsible block, so the page reads as a summary.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analyse import Answer, Tension, answer_text
from ..context import Site
from ..fields import ATTRIBUTION_LABELS
from ..output import Output
from ..relations import STRENGTH, Difference, Finding
from ..stances import KIND_LABELS
from . import html as h
from . import links
from .common import (
    article_label,
    article_when_html,
    as_of_html,
    cites_html,
    entity_html,
    plural,
    source_link_html,
    source_name,
)

PAGE = links.CONTRADICTIONS
#: Sources shown per answer; the count says how many more there are.
PER_ANSWER = 12
#: Each section: where a question goes (Finding.section), its heading, and its line in the summary at the top.
SECTIONS = (
    ("contradicts", "Where sources contradict each other", "Contradict each other"),
    ("changed", "What changed over time", "Changed over time"),
    ("cannot be ordered", "Differences that cannot be dated", "Differ, and a source is undated"),
    ("adds detail", "Where one source adds detail", "One source adds detail"),
    ("leaves open", "Where a source leaves the question open", "A source leaves the question open"),
    ("names different items", "Where sources name different items", "Lists name different items"),
    ("agree", "Where sources agree", "Agree"),
    ("one source", "Answered by one source only", "Answered by one source only"),
)


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_contradictions(site), "briefs/registry/topics.yaml", in_nav=True,
                   meta={"title": "Claims and contradictions"})]


def _short(answer_text: str) -> str:
    """An answer as the brief writer shortened a claim: in italics, never in
    quotation marks, which would make it read as the article's own words."""
    return h.em(h.text(answer_text))


def _answer(site: Site, answer: Answer) -> str:
    """An answer and who gives it: <em>General</em> (1 source: 17 November 2025), each date
    a link to its brief, titled with the brief's title, so that the line can be traced
    without opening the table of every claim."""
    records = list({s.record.id: s.record for s in answer.claims}.values())  # newest article first
    shown = [source_link_html(PAGE, site.analysis, r) for r in records[:PER_ANSWER]]
    more = f"; and {len(records) - PER_ANSWER} more" if len(records) > PER_ANSWER else ""
    return f"{_short(answer.text)} ({plural(len(records), 'source')}: {'; '.join(shown)}{more})"


def relation(site: Site, d: Difference) -> str:
    """One difference in words."""
    if d.kind == "contradicts":
        return f"{_answer(site, d.a)} {h.strong('contradicts')} {_answer(site, d.b)}."
    if d.kind == "changed":
        assert d.earlier is not None and d.later is not None
        # "the undated article (… or later)", not "not stated (… or later)", which reads as no date at all.
        earlier, later = (h.text(source_name(site.analysis, r, article_label)) for r in (d.earlier, d.later))
        return (f"{h.strong('Changed')} between {earlier} and {later}: from {_short(d.a.text)} to {_short(d.b.text)}.")
    if d.kind == "adds detail":
        more, less = (d.a, d.b) if len(d.a.key) >= len(d.b.key) else (d.b, d.a)
        return f"{_answer(site, more)} {h.strong('adds detail')} to {_answer(site, less)}."
    if d.kind == "leaves open":
        return (f"{_answer(site, d.a)} {h.strong('leaves the question open')}, where {_answer(site, d.b)} "
                "answers it: an answer that only says the question is open contradicts no other.")
    if d.kind == "names different items":
        return f"{_answer(site, d.a)} and {_answer(site, d.b)} {h.strong('name different items')}."
    return (f"{_answer(site, d.a)} and {_answer(site, d.b)} {h.strong('differ')}, and a source is undated, so whether "
            "this is a change or a contradiction cannot be told.")


def _unordered(site: Site, f: Finding) -> list[str]:
    """Differences whose order in time cannot be told, one line per answer from undated sources."""
    lines: dict[frozenset[str], str] = {}
    for d in f.differences:
        if d.kind == "cannot be ordered":
            for answer in (d.a, d.b):
                if all(not site.analysis.dates[s.record.id].published.date for s in answer.claims):
                    lines.setdefault(answer.key, f"{_answer(site, answer)} differs from other answers, and its "
                                     "source is undated, so whether that is a change or a contradiction cannot be told.")
    return list(lines.values())


def summary(f: Finding) -> str:
    """One plain line for a question."""
    kinds: list[str] = [d.kind for d in f.differences]
    if not kinds:
        answer = f": {f.claims.answers[0].text}" if len(f.claims.answers) == 1 else ""
        return (f"Only 1 source answers it{answer}." if f.claims.sources == 1
                else f"{plural(f.claims.sources, 'source')} give the same answer{answer}.")
    parts = []
    for kind, label in (("contradicts", "contradiction"), ("changed", "change over time"),
                        ("cannot be ordered", "undated difference"), ("adds detail", "added detail")):
        if kind == "cannot be ordered" and kind in kinds:
            parts.append("answers that cannot be dated")
        elif kinds.count(kind):
            parts.append(plural(kinds.count(kind), label))
    if "leaves open" in kinds:  # the open answers, counted once each, not the pairs
        opened = len({d.a.key for d in f.differences if d.kind == "leaves open"})
        parts.append(f"{plural(opened, 'answer')} leaving it open")
    if "names different items" in kinds:
        if not parts:
            return f"{plural(f.claims.sources, 'source')} give lists that name different items."
        parts.append("lists naming different items")
    return f"{', '.join(parts).capitalize()} among {plural(f.claims.sources, 'source')}."


def _claims(site: Site, f: Finding) -> str:
    rows = []
    for answer in f.claims.answers:
        for s in answer.claims[:PER_ANSWER]:
            r, c = s.record, s.item
            rows.append([h.strong(h.text(answer_text(c))), h.text(c.claim), h.link(r.brief.title, links.rel(PAGE, links.brief(r.id))),
                         ATTRIBUTION_LABELS[c.attribution], article_when_html(site.analysis.dates[r.id]),
                         cites_html(PAGE, r, c.cite)])
        if len(answer.claims) > PER_ANSWER:
            rows.append([h.strong(h.text(answer.text)), f"and {len(answer.claims) - PER_ANSWER} more sources", "", "", "", ""])
    return h.table(["Answer", "Claim", "Source", "Attribution", "Article date", "Paragraphs"], rows)


def _question(site: Site, f: Finding) -> str:
    topic = f.claims.topic
    out = [h.heading(h.text(topic.name), 3, links.question_anchor(topic.id)),
           h.p(h.strong(h.text(summary(f))) + (f" {h.text(topic.question)}" if topic.question else ""))]
    if topic.description:  # why two look-alike questions are kept apart, say: labelled as the editors'
        out.append(h.p(h.em("The editors' note:") + f" {h.text(topic.description)}"))
    ordered = sorted((d for d in f.differences if d.kind != "cannot be ordered"), key=lambda d: -STRENGTH[d.kind])
    if f.verdict == "names different items":
        # Every pair says the same thing; the lists once each say it better.
        items = [_answer(site, a) for a in f.claims.answers]
    else:
        items = [relation(site, d) for d in ordered] + _unordered(site, f)
    for same in f.same_source:
        items.append(f"One source, {h.link(same.record.brief.title, links.rel(PAGE, links.brief(same.record.id)))}, "
                     f"gives {plural(len(same.answers), 'answer')} ({', '.join(_short(a.text) for a in same.answers)}): "
                     "that article's own inconsistency, or a difference of attribution within it, not a contradiction "
                     "between sources.")
    if items:
        out.append(h.ul(items))
    out.append(h.details("note", f"Every claim on this question ({plural(len(f.claims.claims), 'claim')})", _claims(site, f)))
    return "".join(out)


def _tension(site: Site, t: Tension) -> str:
    page = PAGE
    out = [h.heading(h.text(t.topic.name), 3, links.tension_anchor(t.topic.id))]
    if t.topic.tension:
        out.append(h.p(h.em("The editors' framing:") + f" {h.text(t.topic.tension)}"))
    if t.claims is not None:
        out.append(h.p(h.strong(f"{h.text(t.topic.name)}, as the sources report it:")))
        out.append(h.ul(f"{_short(answer_text(s.item))}: {h.text(s.item.claim)} ({ATTRIBUTION_LABELS[s.item.attribution]}; "
                        f"{source_link_html(page, site.analysis, s.record)} "
                        f"{cites_html(page, s.record, s.item.cite)})" for s in t.claims.claims))
    out.append(h.p(h.strong("Against it:")))
    out.append(h.ul(f"{entity_html(site.corpus, page, s.item.actor)}, {KIND_LABELS[s.item.kind]}: {h.text(s.item.stance)} "
                    f"({ATTRIBUTION_LABELS[s.item.attribution]}; {source_link_html(page, site.analysis, s.record)} "
                    f"{cites_html(page, s.record, s.item.cite)})" for s in t.positions))
    return "".join(out)


@dataclass(frozen=True)
class GlanceItem:
    """A question in the summary, and the answers that differ where that is short to say."""

    name: str
    anchor: str  # its heading's id on this page
    pairs: tuple[tuple[str, str], ...] = ()  # contradicting answers, or a change's from and to


@dataclass(frozen=True)
class GlanceLine:
    """One section of the page in the summary."""

    section: str  # a key of SECTIONS, or TENSIONS
    label: str
    items: tuple[GlanceItem, ...]


TENSIONS = "tension"


def glance(site: Site) -> list[GlanceLine]:
    """Every question on the page by section, in the page's order (the home page shows the first ones)."""
    lines = []
    if tensions := site.analysis.tensions:
        lines.append(GlanceLine(TENSIONS, "A claim set against a position that rules it out",
                                tuple(GlanceItem(t.topic.name, links.tension_anchor(t.topic.id)) for t in tensions)))
    for verdict, _title, label in SECTIONS:
        items = []
        for f in (f for f in site.analysis.findings if f.section == verdict):
            pairs: dict[tuple[str, str], None] = {}
            for d in f.differences:
                if d.kind == verdict and d.kind in ("contradicts", "changed"):
                    pairs.setdefault((d.a.text, d.b.text))
            items.append(GlanceItem(f.claims.topic.name, links.question_anchor(f.claims.topic.id), tuple(pairs)))
        if items:
            lines.append(GlanceLine(verdict, label, tuple(items)))
    return lines


#: How a pair of answers reads in the summary.
PAIR_WORDS = {"contradicts": ("", " against "), "changed": ("from ", " to ")}


def _at_a_glance(site: Site) -> str:
    """Every question on the page in one short list, linked to its place: a phone
    hides the table of contents, and the page is long."""
    out = []
    for line in glance(site):
        named = []
        for item in line.items:
            name = h.link(item.name, f"#{item.anchor}")
            if item.pairs:
                before, between = PAIR_WORDS[line.section]
                name += " (" + "; ".join(f"{before}{_short(x)}{between}{_short(y)}" for x, y in item.pairs) + ")"
            named.append(name)
        count = "" if line.section == TENSIONS else f" ({plural(len(line.items), 'question')})"
        out.append(f"{h.strong(line.label)}{count}: " + "; ".join(named))
    return h.admonition("abstract", f"At a glance: {plural(len(site.analysis.findings), 'question')} the sources answer",
                        h.ul(out))


def render_contradictions(site: Site) -> str:
    findings = site.analysis.findings
    out = [h.heading("Claims and contradictions", 1), as_of_html(site.analysis, len(site.corpus.records)),
           _at_a_glance(site),
           h.p("Answers, in italics, are the brief writers' short forms of the claims, not the articles' words; "
               "each question's claims are listed in full under it. "
               "Within each section, questions are listed by how much they matter, the most important first."),
           h.details("info", "How the answers are compared",
                     h.p("A contradiction needs two different sources: two answers in one article are that article's own "
                         "inconsistency, a list holding another adds detail, two lists naming different items are neither "
                         "agreement nor contradiction, lists are compared only when the sources call their items the "
                         "same (offered, reportedly willing), and a status reported at two dates is a change. The "
                         f"{h.link('methodology', links.METHODOLOGY)} gives the rules in full."))]
    if site.analysis.tensions:
        out.append(h.heading("Tensions across kinds of statement"))
        out.append(h.p("A claim about the force set against a position that rules it out."))
        out += [_tension(site, t) for t in site.analysis.tensions]
    for verdict, title, _label in SECTIONS:
        group = [f for f in findings if f.section == verdict]
        if group:
            out.append(h.heading(title))
            if verdict == "names different items":
                out.append(h.p(f"The answers list different items (a status such as {h.em('offered')} or "
                               f"{h.em('reportedly willing')} counts as one): no answer holds every item of another, and none excludes "
                               "what another names, so "
                               "this is neither agreement nor a contradiction."))
            out += [_question(site, f) for f in group]
    return h.page("".join(out))
