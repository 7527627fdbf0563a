"""Stage 5 assembled: a checked Corpus -> every generated page.

One function serves both deliveries, the MkDocs hook and the CLI, so the
pages they produce are the same by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .analyse import entity_facts
from .corpus import Corpus, read_corpus
from .render import links
from .render.brief import render_brief
from .render.briefs_index import PAGE as BRIEFS_INDEX, render_index
from .schema import reference_markdown
from .render.entities import INDEX as ENTITY_INDEX, render_entity, render_entity_index


@dataclass(frozen=True)
class Page:
    """A generated Markdown page.

    ``uri`` is its path inside the docs tree; ``source`` the repository file
    an editor should change (the edit link opens it), or None.
    """

    uri: str
    markdown: str
    source: str | None = None
    in_nav: bool = False


def build_pages(corpus: Corpus) -> list[Page]:
    pages = [Page(BRIEFS_INDEX, render_index(corpus), in_nav=True),
             Page("reference.md", reference_markdown(), "generator/model.py", in_nav=True)]
    for record in corpus.records:
        pages.append(Page(links.brief(record.id), render_brief(corpus, record), record.path))
    facts = entity_facts(corpus)
    pages.append(Page(ENTITY_INDEX, render_entity_index(corpus, facts), in_nav=True))
    for eid in corpus.entities:
        pages.append(Page(links.entity(eid), render_entity(corpus, eid, facts[eid]), "briefs/registry/entities.yaml"))
    return pages


def build(root: Path) -> list[Page]:
    """Read, check and render everything under ``root``; raises BriefsInvalid."""
    return build_pages(read_corpus(root))
