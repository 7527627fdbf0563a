"""The page for one brief: what one article says, section by section."""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..context import Site
from ..corpus import Corpus, Record
from ..dating import ArticleDate
from ..fields import ATTRIBUTION_LABELS, SOURCING_LABELS
from ..model import Passage, cited_paragraphs
from ..output import Output
from ..stances import KIND_LABELS
from . import common, jsonld, links
from .common import (
    NOT_STATED,
    date_text,
    entity,
    heading,
    outlet,
    quote_context,
    table,
    topic,
    when,
)
from .text import md, quoted


def outputs(site: Site) -> list[Output]:
    """A page per brief; its edit link opens the brief's YAML."""
    corpus = site.corpus
    return [Output(links.brief(r.id), render_brief(corpus, r, site.analysis.dates[r.id],
                                                   site.analysis.cited_elsewhere.get(r.id, frozenset())), r.path,
                   meta={"jsonld": jsonld.dumps(jsonld.brief_data(corpus, r)), "title": r.brief.title,
                         "tags": [corpus.tags[t].name for t in r.brief.tags]})
            for r in corpus.records]


def render_brief(corpus: Corpus, record: Record, written: ArticleDate | None = None,
                 elsewhere: frozenset[int] = frozenset()) -> str:
    """``elsewhere``: paragraphs other pages cite in this brief (analyse.py), which
    its evidence list holds too."""
    b = record.brief
    page = links.brief(record.id)

    # A brief cites its few paragraphs over a hundred times: each link is made once.
    cite = functools.cache(functools.partial(common.cite, page, record))

    def c(numbers: list[int]) -> str:
        return common.ranged(numbers, cite)

    # Search finds a brief by its title, bottom line and tags; every other section
    # is kept out of the index (render/common.py says why).
    # The bottom line first, where a reader's first screen shows it; then where it comes from.
    out = [f"# {md(b.title)}\n", f'!!! abstract "Bottom line"\n\n    {md(b.summary)}\n',
           _source_card(record, written, c)]

    out.append(heading("Key points"))
    out += [f"{i}. {md(kp.text)} {c(kp.cite)}" for i, kp in enumerate(b.key_points, 1)]
    out.append("")

    if b.quotes:
        out.append(heading("Quotes"))
        for q in b.quotes:
            said = [entity(corpus, page, q.speaker)]
            if q.venue:
                said.append(md(q.venue))
            if q.date:
                said.append(when(q.date))
            out.append(f"> {quoted(q.text)}\n>\n> — {', '.join(said)} {c(q.cite)}\n")
            if context := quote_context(q):
                out.append(f"{context}\n")

    if b.events:
        out.append(heading("Events"))
        rows = [[when(e.when), md(e.when.note) if e.when.note else "", md(e.text), c(e.cite)] for e in b.events]
        out.append(table(["Date", "How the date is known", "What happened", "Source"], rows))

    if b.positions:
        out.append(heading("Positions, conditions and red lines"))
        rows = [[entity(corpus, page, p.actor), topic(corpus, p.topic), KIND_LABELS[p.kind], md(p.stance),
                 ATTRIBUTION_LABELS[p.attribution] + (f" ({entity(corpus, page, p.speaker)})" if p.speaker else ""),
                 c(p.cite)] for p in b.positions]
        out.append(table(["Actor", "Topic", "Kind", "Position", "Attribution", "Source"], rows))

    if b.claims:
        out.append(heading("Claims"))
        rows = [[topic(corpus, cl.topic), md(cl.answer), md(cl.claim), ATTRIBUTION_LABELS[cl.attribution], c(cl.cite)]
                for cl in b.claims]
        out.append(table(["Topic", "Answer", "Claim", "Attribution", "Source"], rows))

    out.append(_framing(record, c))

    if b.assessments:
        out.append(heading("Assessments"))
        out.append('!!! warning "The brief writer\'s judgement, not the article\'s"\n')
        for a in b.assessments:
            out.append(f"    - **{md(a.likelihood)}**, {md(a.confidence)} confidence: {md(a.text)}"
                       f" *Basis:* {md(a.basis)} {c(a.cite)}")
        out.append("")

    if b.open_questions:
        out.append(heading("Open questions"))
        out += [f"- {md(q)}" for q in b.open_questions]
        out.append("")

    if b.mentions:
        out.append(heading("Who the article names"))
        rows = [[entity(corpus, page, m.id), ", ".join(md(n) for n in m.named_as), md(m.role, empty=NOT_STATED), c(m.cite)]
                for m in b.mentions]
        out.append(table(["Entity", "Named as", "Role given", "Source"], rows))

    out.append(_evidence(record, elsewhere))
    return "\n".join(out)


def _source_card(record: Record, written: ArticleDate | None, c: Callable[[list[int]], str]) -> str:
    s = record.brief.source
    published = when(s.published)
    if s.published.note:
        published += f" — {md(s.published.note)}"
    if written is not None and written.after is not None:
        how = "the latest event the article reports" if written.derived else md(written.after.note, empty="the editor's reading")
        published += (f"; written on or after {date_text(written.after)} "
                      f"({how} {c(list(written.cite))})")
    fields = [["Headline", md(s.headline)], ["Outlet", outlet(s) if s.outlet or s.author_bio else ""],
              ["Author", md(s.author)], ["Published", published], ["URL", md(s.url)]]
    rows = [row for row in fields if row[1]]
    rows.append(["Archived article text", f"paragraphs {s.scope.first}–{s.scope.last}"])
    if s.scope.note:
        rows.append(["Scope", md(s.scope.note)])
    body = table(["Field", "What the article states"], rows)
    # The fields the article does not give share one line: "Outlet, author and URL not stated."
    missing = [name for name, value in fields if not value]
    if missing:
        words = [missing[0]] + [name if name == "URL" else name.lower() for name in missing[1:]]
        listed = ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]
        body += f"\n{listed} not stated.\n"
    return '!!! info "Source"\n\n' + "\n".join("    " + line if line else "" for line in body.splitlines()) + "\n"


def _framing(record: Record, c: Callable[[list[int]], str]) -> str:
    f = record.brief.framing
    rubric = links.rel(links.brief(record.id), links.METHODOLOGY)
    out = [heading("Framing"),
           f"*The brief writer's judgement, by the [rubric on the methodology page]({rubric}#tone-and-sourcing-are-the-brief-writers-judgement), "
           "not the article's words.*\n",
           f"- **Tone:** {md(f.tone)}" + (f" — {md(f.tone_note)}" if f.tone_note else ""),
           f"- **Sourcing:** {SOURCING_LABELS[f.sourcing]}" + (f" — {md(f.sourcing_note)}" if f.sourcing_note else "")]
    groups: list[tuple[str, list[Passage]]] = [
        ("Loaded wording", f.loaded_wording), ("Headline against body", f.headline_vs_body),
        ("Unsourced claims", f.unsourced_claims), ("Incoherent passages", f.incoherent_passages),
    ]
    for label, passages in groups:
        if passages:
            out.append(f"\n**{label}**\n")
            out += ["- " + (f"{quoted(p.text)}: " if p.text else "") + f"{md(p.note)} {c(p.cite)}" for p in passages]
    return "\n".join(out) + "\n"


def _evidence(record: Record, elsewhere: frozenset[int]) -> str:
    """Every cited paragraph, with an anchor each citation links to: the brief's
    own, and those only other pages cite (an entity's description, the home
    page's status), marked as such, whose links would otherwise lead nowhere."""
    own = cited_paragraphs(record.brief)
    out = [heading("Cited paragraphs"), "From the archived article text, numbered from its first line.\n"]
    for n in sorted(own | elsewhere):
        mark = "" if n in own else " *(cited on other pages of the site, not by this brief)*"
        out.append(f"**¶{n}** {md(record.seed.paragraph(n))}{mark}\n{{: #{links.para_anchor(n)} .evidence }}\n")
    return "\n".join(out)
