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
from . import jsonld, links
from .common import NOT_STATED, cites, heading, quote_context, table, topic, when
from .text import link, md, quoted

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
    out = ["# People, organisations and countries\n"]
    for kind, label in KINDS:
        rows = []
        for e in sorted((e for e in corpus.entities.values() if e.kind == kind), key=lambda e: e.name.lower()):
            f = facts[e.id]
            rows.append([link(e.name, links.rel(INDEX, links.entity(e.id))),
                         ", ".join(md(a) for a in e.aliases), str(len(f.briefs)), str(len(f.quotes))])
        if rows:
            out.append(f"## {label}\n")
            out.append(table(["Name", "Also written", "Briefs", "Quotes"], rows))
    return "\n".join(out)


def _description(corpus: Corpus, page: str, e: Entity) -> str:
    """The registry's line, with the paragraphs that support it, or marked as background."""
    if not e.described_in:
        return f"{md(e.description)} *(background, not from the articles)*"
    records = corpus.by_id
    where = "; ".join(f"{link(records[d.brief].brief.title, links.rel(page, links.brief(d.brief)))} "
                      f"{cites(page, records[d.brief], d.cite)}" for d in e.described_in)
    return f"{md(e.description)} (as the articles state it: {where})"


def render_entity(corpus: Corpus, f: EntityFacts) -> str:
    """Sections are newest first and capped, so a page stays the same size
    however many briefs mention the entity; they are kept out of search,
    which finds the entity by its name, aliases and description."""
    e = f.entity
    page = links.entity(e.id)

    def source(r: Record) -> str:
        return link(r.brief.title, links.rel(page, links.brief(r.id)))

    def more(shown: int, total: int) -> str:
        return (f"Showing the newest {shown} of {total}; the {link('briefs index', links.rel(page, links.BRIEFS))} "
                "lists every source.\n") if total > shown else ""

    out = [f"# {md(e.name)}\n", f"*{md(e.kind)}*" + (f" — {_description(corpus, page, e)}" if e.description else "") + "\n"]
    if e.aliases:
        out.append("**Also written:** " + ", ".join(md(a) for a in e.aliases) + "\n")

    if f.mentions:
        # One row per way of naming it, so spelling variants and roles stand side by side.
        variants: dict[tuple, list[Sourced[Mention]]] = {}
        for s in f.mentions:
            variants.setdefault((tuple(s.item.named_as), s.item.role), []).append(s)
        out.append(heading("As each source names it"))
        rows = [[", ".join(md(n) for n in named), md(role, empty=NOT_STATED), str(len(group)),
                 "; ".join(f"{source(s.record)} {cites(page, s.record, s.item.cite)}"
                           for s in group[:PER_VARIANT])
                 + (f"; and {len(group) - PER_VARIANT} more" if len(group) > PER_VARIANT else "")]
                for (named, role), group in list(variants.items())[:PER_SECTION]]
        out.append(table(["Named as", "Role given", "Sources", "Newest sources"], rows))

    if f.quotes:
        out.append(heading("Quotes"))
        out.append(more(min(len(f.quotes), PER_SECTION), len(f.quotes)))
        for sq in f.quotes[:PER_SECTION]:
            r, q = sq.record, sq.item
            said = [source(r)]
            if q.venue:
                said.append(md(q.venue))
            if q.date:
                said.append(when(q.date))
            out.append(f"> {quoted(q.text)}\n>\n> — {', '.join(said)} {cites(page, r, q.cite)}\n")
            if context := quote_context(q):
                out.append(f"{context}\n")

    if f.positions:
        out.append(heading("Positions"))
        out.append(more(min(len(f.positions), PER_SECTION), len(f.positions)))
        rows = [[topic(corpus, p.topic), KIND_LABELS[p.kind], md(p.stance), ATTRIBUTION_LABELS[p.attribution],
                 source(s.record), cites(page, s.record, p.cite)]
                for s in f.positions[:PER_SECTION] for p in [s.item]]
        out.append(table(["Topic", "Kind", "Position", "Attribution", "Source", "Paragraphs"], rows))

    if not (f.mentions or f.quotes or f.positions):
        out.append("No brief mentions this entry yet.\n")
    return "\n".join(out)
