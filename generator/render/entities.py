"""People, organisations and countries: an index, and one page per entity
with its roles as each source gives them, its quotes and positions across
sources, and the briefs that mention it."""

from __future__ import annotations

from ..analyse import EntityFacts
from ..corpus import Corpus
from ..model import ATTRIBUTION_LABELS
from . import links
from .common import NOT_STATED, cites, table, topic, when
from .text import front_matter, link, md, quoted

INDEX = "entities/index.md"
KINDS = [("person", "People"), ("organisation", "Organisations"), ("country", "Countries")]


def render_entity_index(corpus: Corpus, facts: dict[str, EntityFacts]) -> str:
    out = [front_matter("People, organisations and countries"), "# People, organisations and countries\n"]
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


def render_entity(corpus: Corpus, entity_id: str, f: EntityFacts) -> str:
    e = corpus.entities[entity_id]
    page = links.entity(entity_id)
    out = [front_matter(e.name), f"# {md(e.name)}\n", f"*{md(e.kind)}*" + (f" — {md(e.description)}" if e.description else "") + "\n"]
    if e.aliases:
        out.append("**Also written:** " + ", ".join(md(a) for a in e.aliases) + "\n")

    if f.mentions:
        out.append("## As each source names it\n")
        rows = [[link(r.brief.title, links.rel(page, links.brief(r.id))),
                 ", ".join(md(n) for n in m.named_as), md(m.role, empty=NOT_STATED),
                 cites(page, links.brief(r.id), m.cite)] for r, m in f.mentions]
        out.append(table(["Source", "Named as", "Role given", "Paragraphs"], rows))

    if f.quotes:
        out.append("## Quotes\n")
        for r, q in f.quotes:
            said = [link(r.brief.title, links.rel(page, links.brief(r.id)))]
            if q.venue:
                said.append(md(q.venue))
            if q.date:
                said.append(when(q.date))
            out.append(f"> {quoted(q.text)}\n>\n> — {', '.join(said)} {cites(page, links.brief(r.id), q.cite)}\n")

    if f.positions:
        out.append("## Positions\n")
        rows = [[topic(corpus, p.topic), p.kind.replace("-", " "), md(p.stance), ATTRIBUTION_LABELS[p.attribution],
                 link(r.brief.title, links.rel(page, links.brief(r.id))), cites(page, links.brief(r.id), p.cite)]
                for r, p in f.positions]
        out.append(table(["Topic", "Kind", "Position", "Attribution", "Source", "Paragraphs"], rows))

    if not (f.mentions or f.quotes or f.positions):
        out.append("No brief mentions this entry yet.\n")
    return "\n".join(out)
