"""People, organisations and countries: an index, and one page per entity
with its roles as each source gives them, its quotes and positions across
sources, and the briefs that mention it."""

from __future__ import annotations

from ..analyse import EntityFacts, Sourced
from ..context import Site
from ..corpus import Corpus, Record
from ..fields import ATTRIBUTION_LABELS
from ..model import Entity, Mention
from ..output import Output
from ..stances import KIND_LABELS
from . import html as h
from . import jsonld, links
from .common import NOT_STATED_HTML, as_of_html, cites_html, quote_block_html

INDEX = links.ENTITIES
REGISTRY = "briefs/registry/entities.yaml"
#: Rows per section of an entity page, and sources listed per naming variant.
PER_SECTION = 40
PER_VARIANT = 5
KINDS = [("person", "People"), ("organisation", "Organisations"), ("country", "Countries")]


def outputs(site: Site) -> list[Output]:
    out = [Output(INDEX, render_entity_index(site), REGISTRY, in_nav=True,
                  meta={"title": "People, organisations and countries"})]
    for eid, facts in site.analysis.entities.items():
        out.append(Output(links.entity(eid), render_entity(site.corpus, facts), REGISTRY,
                          meta={"jsonld": jsonld.dumps(jsonld.entity_data(facts.entity)), "title": facts.entity.name}))
    return out


def render_entity_index(site: Site) -> str:
    corpus, facts = site.corpus, site.analysis.entities
    out = [h.heading("People, organisations and countries", 1), as_of_html(site.analysis, len(corpus.records)),
           h.p("Everyone and everything the briefs name, with the other names the articles use for them. Each page "
               "gives the editors' one-line description, shown here too (marked as background where no article states it), then the "
               "roles, positions and quotes the sources attribute to them, each source in its own words.")]
    in_bios = sorted((f.entity for f in facts.values() if f.only_in_author_bios), key=lambda e: e.name.lower())
    apart = {e.id for e in in_bios}
    for kind, label in KINDS:
        rows = []
        for e in sorted((e for e in corpus.entities.values() if e.kind == kind and e.id not in apart),
                        key=lambda e: e.name.lower()):
            f = facts[e.id]
            # Who each is, in the registry's line: a list of bare names says nothing on a phone.
            who = "" if e.description is None else h.text(e.description) + (
                "" if e.described_in else f" {h.em('(background)')}")
            rows.append([h.link(e.name, links.rel(INDEX, links.entity(e.id))), who,
                         ", ".join(h.text(a) for a in e.aliases), str(len(f.briefs)), str(len(f.quotes))])
        if rows:
            out.append(h.heading(label))
            out.append(h.table(["Name", "Who or what", "Also written", "Briefs", "Quotes"], rows))
    if in_bios:
        # Listed with the story's organisations, a journalist's past employers read as part of it.
        out.append(h.heading("Named only in an author's bio"))
        out.append(h.p("People and outlets that an article names only in its author's bio (the author, and where "
                       "they have worked); they play no part in the story: " + ", ".join(h.link(e.name, links.rel(INDEX, links.entity(e.id))) for e in in_bios)
                       + "."))
    return h.page("".join(out))


def _description(corpus: Corpus, page: str, e: Entity) -> str:
    """The registry's line, with the paragraphs that support it, or marked as background."""
    if not e.described_in:
        return f"{h.text(e.description)} {h.em('(background, not from the articles)')}"
    records = corpus.by_id
    where = "; ".join(f"{h.link(records[d.brief].brief.title, links.rel(page, links.brief(d.brief)))} "
                      f"{cites_html(page, records[d.brief], d.cite)}" for d in e.described_in)
    return f"{h.text(e.description)} (as the articles state it: {where})"


def render_entity(corpus: Corpus, f: EntityFacts) -> str:
    """Sections are newest first and capped, so a page stays the same size
    however many briefs mention the entity; they are kept out of search,
    which finds the entity by its name, aliases and description."""
    e = f.entity
    page = links.entity(e.id)

    def source(r: Record) -> str:
        return h.link(r.brief.title, links.rel(page, links.brief(r.id)))

    def more(shown: int, total: int) -> str:
        return h.p(f"Showing the newest {shown} of {total}; the {h.link('briefs index', links.rel(page, links.BRIEFS))} "
                   "lists every source.") if total > shown else ""

    out = [h.heading(h.text(e.name), 1),
           h.p(h.em(h.text(e.kind)) + (f" — {_description(corpus, page, e)}" if e.description else ""))]
    if e.aliases:
        out.append(h.p(h.strong("Also written:") + " " + ", ".join(h.text(a) for a in e.aliases)))

    if f.mentions:
        # One row per way of naming it, so spelling variants and roles stand side by side.
        variants: dict[tuple, list[Sourced[Mention]]] = {}
        for s in f.mentions:
            variants.setdefault((tuple(s.item.named_as), s.item.role), []).append(s)
        out.append(h.heading("As each source names it"))
        rows = [[", ".join(h.text(n) for n in named), h.text(role, empty=NOT_STATED_HTML), str(len(group)),
                 "; ".join(f"{source(s.record)} {cites_html(page, s.record, s.item.cite)}"
                           for s in group[:PER_VARIANT])
                 + (f"; and {len(group) - PER_VARIANT} more" if len(group) > PER_VARIANT else "")]
                for (named, role), group in list(variants.items())[:PER_SECTION]]
        out.append(h.table(["Named as", "Role given", "Sources", "Newest sources"], rows))

    if f.quotes:
        out.append(h.heading("Quotes"))
        out.append(more(min(len(f.quotes), PER_SECTION), len(f.quotes)))
        out.extend(quote_block_html(sq.item, source(sq.record), cites_html(page, sq.record, sq.item.cite))
                   for sq in f.quotes[:PER_SECTION])

    if f.positions:
        out.append(h.heading("Positions"))
        out.append(more(min(len(f.positions), PER_SECTION), len(f.positions)))
        rows = [[h.text(corpus.topics[p.topic].name), KIND_LABELS[p.kind], h.text(p.stance),
                 ATTRIBUTION_LABELS[p.attribution], source(s.record), cites_html(page, s.record, p.cite)]
                for s in f.positions[:PER_SECTION] for p in [s.item]]
        out.append(h.table(["Topic", "Kind", "Position", "Attribution", "Source", "Paragraphs"], rows))

    if not (f.mentions or f.quotes or f.positions):
        out.append(h.p("No brief mentions this entry yet."))
    return h.page("".join(out))
