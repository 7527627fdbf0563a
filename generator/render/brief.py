"""The page for one brief: what one article says, section by section."""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..analyse import answer_text
from ..context import Site
from ..corpus import Corpus, Record
from ..dating import ArticleDate
from ..fields import ATTRIBUTION_LABELS, SOURCING_LABELS
from ..model import Passage, cited_paragraphs
from ..output import Output
from ..stances import KIND_LABELS
from . import common, jsonld, links
from . import html as h
from .common import NOT_STATED_HTML, date_text, entity_html, outlet_html, quote_block_html, when_html


def outputs(site: Site) -> list[Output]:
    """A page per brief; its edit link opens the brief's YAML."""
    return [_output(site, r) for r in site.corpus.records]


def _output(site: Site, r: Record) -> Output:
    """Under `serve`, a brief page is rendered again only when something it
    shows changed: its brief, its article, its dates, the paragraphs other
    pages cite in it, or the registries (corpus.Memo empties itself then).
    At 500 briefs, rendering them all was a fifth of every save."""
    written, elsewhere = site.analysis.dates[r.id], site.analysis.cited_elsewhere.get(r.id, frozenset())
    inputs = (r.brief, r.id, r.seed.text, written, elsewhere)
    if site.memo is not None and (kept := site.memo.pages.get(r.path)) is not None:
        before, page = kept
        if before[0] is r.brief and before[1:] == inputs[1:] and isinstance(page, Output):
            return page
    corpus = site.corpus
    page = Output(links.brief(r.id), render_brief(corpus, r, written, elsewhere), r.path,
                  meta={"jsonld": jsonld.dumps(jsonld.brief_data(corpus, r)), "title": r.brief.title,
                        "tags": [corpus.tags[t].name for t in r.brief.tags]})
    if site.memo is not None:
        site.memo.pages[r.path] = (inputs, page)
    return page


def render_brief(corpus: Corpus, record: Record, written: ArticleDate | None = None,
                 elsewhere: frozenset[int] = frozenset()) -> str:
    """``elsewhere``: paragraphs other pages cite in this brief (analyse.py), which
    its evidence list holds too."""
    b = record.brief
    page = links.brief(record.id)

    # A brief cites its few paragraphs over a hundred times: each link is made once.
    cite = functools.cache(functools.partial(common.cite_html, page, record))

    def c(numbers: list[int]) -> str:
        return common.ranged(numbers, cite)

    def topic(topic_id: str) -> str:
        return h.text(corpus.topics[topic_id].name)

    # Search finds a brief by its title, bottom line and tags; every other section
    # is kept out of the index (render/common.py says why).
    # The bottom line first, where a reader's first screen shows it; then where it comes from.
    out = [h.heading(h.text(b.title), 1), h.admonition("abstract", "Bottom line", h.p(h.text(b.summary))),
           _source_card(record, written, c)]

    out.append(h.heading("Key points"))
    out.append("<ol>\n" + "".join(f"<li>{h.text(kp.text)} {c(kp.cite)}</li>\n" for kp in b.key_points) + "</ol>\n")

    if b.quotes:
        out.append(h.heading("Quotes"))
        out.extend(quote_block_html(q, entity_html(corpus, page, q.speaker), c(q.cite)) for q in b.quotes)

    if b.events:
        out.append(h.heading("Events"))
        # Oldest first, as on the timeline, whatever order the brief lists them in; a day and
        # month without a year in its article's year, an undated event last (When.placed).
        year = written.year if written is not None else None
        events = sorted(b.events, key=lambda e: (e.when.placed(year), e.expected))
        if sum(e.when.date is not None for e in events) > 1:  # an order worth saying
            out.append(h.p("Oldest first."))
        rows = [[when_html(e.when) + (f" {h.em('(expected)')}" if e.expected else ""), h.text(e.when.note),
                 h.text(e.text), c(e.cite)] for e in events]
        out.append(h.table(["Date", "How the date is known", "What happened", "Source"], rows))

    if b.positions:
        out.append(h.heading("Positions, conditions and red lines"))
        rows = [[entity_html(corpus, page, p.actor), topic(p.topic), KIND_LABELS[p.kind], h.text(p.stance),
                 ATTRIBUTION_LABELS[p.attribution] + (f" ({entity_html(corpus, page, p.speaker)})" if p.speaker else ""),
                 c(p.cite)] for p in b.positions]
        out.append(h.table(["Actor", "Topic", "Kind", "Position", "Attribution", "Source"], rows))

    if b.claims:
        out.append(h.heading("Claims"))
        rows = [[topic(cl.topic), h.text(answer_text(cl)), h.text(cl.claim), ATTRIBUTION_LABELS[cl.attribution], c(cl.cite)]
                for cl in b.claims]
        out.append(h.table(["Topic", "Answer", "Claim", "Attribution", "Source"], rows))

    out.append(_framing(record, c))

    if b.assessments:
        out.append(h.heading("Assessments"))
        out.append(h.admonition("warning", "The brief writer's judgement, not the article's", h.ul(
            f"{h.strong(h.text(a.likelihood))}, {h.text(a.confidence)} confidence: {h.text(a.text)} "
            f"{h.em('Basis:')} {h.text(a.basis)} {c(a.cite)}" for a in b.assessments)))

    if b.open_questions:
        out.append(h.heading("Open questions"))
        out.append(h.ul(h.text(q) for q in b.open_questions))

    if b.mentions:
        out.append(h.heading("Who the article names"))
        rows = [[entity_html(corpus, page, m.id), ", ".join(h.text(n) for n in m.named_as),
                 h.text(m.role, empty=NOT_STATED_HTML), c(m.cite)] for m in b.mentions]
        out.append(h.table(["Entity", "Named as", "Role given", "Source"], rows))

    out.append(_evidence(record, elsewhere))
    return h.page("".join(out))


def _source_card(record: Record, written: ArticleDate | None, c: Callable[[list[int]], str]) -> str:
    s = record.brief.source
    published = when_html(s.published)
    after = written.after if written is not None else None
    if s.published.note:
        note = s.published.note.rstrip()
        # A clause starting "; " follows, and the note's own full stop would double it.
        published += f" — {h.text(note.rstrip('.;') if after is not None else note)}"
    if written is not None and after is not None:
        how = ("the latest event the article reports" if written.derived
               else h.text(after.note, empty="the editor's reading"))
        published += f"; written on or after {h.text(date_text(after))} ({how} {c(list(written.cite))})"
    fields = [["Headline", h.text(s.headline)], ["Outlet", outlet_html(s) if s.outlet or s.author_bio else ""],
              ["Author", h.text(s.author)], ["Published", published], ["URL", h.text(s.url)]]
    rows = [row for row in fields if row[1]]
    rows.append(["Archived article text", f"paragraphs {s.scope.first}–{s.scope.last}"])
    if s.scope.note:
        rows.append(["Scope", h.text(s.scope.note)])
    body = h.table(["Field", "What the article states"], rows)
    # The fields the article does not give share one line: "Outlet, author and URL not stated."
    missing = [name for name, value in fields if not value]
    if missing:
        words = [missing[0]] + [name if name == "URL" else name.lower() for name in missing[1:]]
        listed = ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]
        body += h.p(f"{listed} not stated.")
    return h.admonition("info", "Source", body)


def _framing(record: Record, c: Callable[[list[int]], str]) -> str:
    f = record.brief.framing
    rubric = links.rel(links.brief(record.id), links.METHODOLOGY, "tone-and-sourcing-are-the-brief-writers-judgement")
    out = [h.heading("Framing", anchor=links.FRAMING),
           h.p(h.em(f"The brief writer's judgement, by the {h.link('rubric on the methodology page', rubric)}, "
                    "not the article's words.")),
           h.ul([f"{h.strong('Tone:')} {h.text(f.tone)}" + (f" — {h.text(f.tone_note)}" if f.tone_note else ""),
                 f"{h.strong('Sourcing:')} {SOURCING_LABELS[f.sourcing]}"
                 + (f" — {h.text(f.sourcing_note)}" if f.sourcing_note else "")])]
    groups: list[tuple[str, list[Passage]]] = [
        ("Loaded wording", f.loaded_wording), ("Headline against body", f.headline_vs_body),
        ("Unsourced claims", f.unsourced_claims), ("Incoherent passages", f.incoherent_passages),
    ]
    for label, passages in groups:
        if passages:
            out.append(h.p(h.strong(label)))
            out.append(h.ul((f"{h.quoted(p.text)}: " if p.text else "") + f"{h.text(p.note)} {c(p.cite)}"
                            for p in passages))
    return "".join(out)


def _evidence(record: Record, elsewhere: frozenset[int]) -> str:
    """Every cited paragraph, with an anchor each citation links to: the brief's
    own, and those only other pages cite (an entity's description, the home
    page's status), marked as such, whose links would otherwise lead nowhere."""
    own = cited_paragraphs(record.brief)
    out = [h.heading("Cited paragraphs"), h.p("From the archived article text, numbered from its first line.")]
    for n in sorted(own | elsewhere):
        mark = "" if n in own else " " + h.em("(cited on other pages of the site, not by this brief)")
        out.append(f'<p class="evidence" id="{links.para_anchor(n)}">{h.strong(f"¶{n}")} '
                   f"{h.text(record.seed.paragraph(n))}{mark}</p>\n")
    return "".join(out)
