"""Stage 5 assembled: a checked Corpus -> every generated page.

One function serves both deliveries, the MkDocs hook and the CLI, so the
pages they produce are the same by construction.  Each analysis runs once
and feeds every view that needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import analyse
from .corpus import Corpus, read_corpus
from .perf import paused_gc
from .render import links
from .render.brief import render_brief
from .render.briefs_index import PAGE as BRIEFS_INDEX, render_index
from .render.conditions import PAGE as CONDITIONS, render_conditions
from .render.contradictions import PAGE as CONTRADICTIONS, render_contradictions
from .render.countries import PAGE as COUNTRIES, render_countries
from .render.entities import INDEX as ENTITY_INDEX, render_entity, render_entity_index
from .render.overview import PAGE as HOME, render_overview
from .render.quotes import PAGE as QUOTES, render_quotes
from .render.sources import PAGE as SOURCES, render_sources
from .render.timeline import render_timeline
from .schema import reference_markdown
# Issue 7: the Data page, the printable situation brief, structured data, exports and feed.
from .exports import build_exports
from .render import jsonld
from .render.data import PAGE as DATA, render_data
from .render.situation import PAGE as SITUATION, render_situation

#: Hand-written text the home page starts with, relative to the docs folder.
INTRO = "index.md"
DEFAULT_INTRO = "# Briefing\n"


@dataclass(frozen=True)
class Page:
    """A generated Markdown page.

    ``uri`` is its path inside the docs tree; ``source`` the repository file
    an editor should change (the edit link opens it), or None; ``in_nav``
    whether the navigation lists it (only index pages: see hook.py).
    """

    uri: str
    markdown: str
    source: str | None = None
    in_nav: bool = False


@paused_gc
def build_pages(corpus: Corpus, intro: str = DEFAULT_INTRO, *,
                facts: dict[str, analyse.EntityFacts] | None = None,
                entries: list[analyse.TimelineEntry] | None = None) -> list[Page]:
    """Every page.  ``facts`` and ``entries``: the analyses, when the caller
    has them already (build_site shares them with the exports)."""
    facts = analyse.entity_facts(corpus) if facts is None else facts
    topics = analyse.claims_by_topic(corpus)
    matrix = analyse.conditions(corpus)
    entries = analyse.timeline(corpus) if entries is None else entries

    pages = [
        Page(HOME, render_overview(corpus, intro, topics, matrix, entries), "docs/index.md", in_nav=True),
        Page(BRIEFS_INDEX, render_index(corpus), in_nav=True),
        Page(SOURCES, render_sources(corpus), in_nav=True),
        Page(CONTRADICTIONS, render_contradictions(corpus, topics), "briefs/registry/topics.yaml", in_nav=True),
        Page(CONDITIONS, render_conditions(corpus, matrix), "briefs/registry/topics.yaml", in_nav=True),
        Page(COUNTRIES, render_countries(corpus, topics), in_nav=True),
        Page(QUOTES, render_quotes(corpus, facts), in_nav=True),
        Page(ENTITY_INDEX, render_entity_index(corpus, facts), "briefs/registry/entities.yaml", in_nav=True),
        Page("reference.md", reference_markdown(), "generator/model.py", in_nav=True),
    ]
    for uri, markdown in render_timeline(corpus, entries):
        pages.append(Page(uri, markdown, in_nav=uri.endswith("index.md")))
    for record in corpus.records:
        pages.append(Page(links.brief(record.id), render_brief(corpus, record), record.path))
    for eid in corpus.entities:
        pages.append(Page(links.entity(eid), render_entity(corpus, eid, facts[eid]), "briefs/registry/entities.yaml"))
    pages.append(Page(SITUATION, render_situation(corpus, topics, matrix, entries), in_nav=True))
    pages.append(Page(DATA, render_data(corpus, entries, facts), in_nav=True))
    return jsonld.attach(corpus, pages)


def _intro(root: Path, docs_dir: Path | None) -> str:
    """The hand-written start of the home page, or a bare heading."""
    intro_file = (docs_dir or root / "docs") / INTRO
    return intro_file.read_text(encoding="utf-8") if intro_file.is_file() else DEFAULT_INTRO


def build(root: Path, docs_dir: Path | None = None) -> list[Page]:
    """Read, check and render everything under ``root``; raises BriefsInvalid."""
    return build_pages(read_corpus(root), _intro(root, docs_dir))


@paused_gc  # the whole of it: each pause that ends makes the collector walk what it kept
def build_site(root: Path, docs_dir: Path | None = None, site_name: str = "",
               site_url: str | None = None) -> tuple[list[Page], dict[str, str]]:
    """The pages, and the files that are not pages (exports, feed: path -> text),
    from one reading of the corpus; raises BriefsInvalid."""
    intro = _intro(root, docs_dir)
    corpus = read_corpus(root)
    facts, entries = analyse.entity_facts(corpus), analyse.timeline(corpus)  # once, for both
    return (build_pages(corpus, intro, facts=facts, entries=entries),
            build_exports(corpus, site_name, site_url, facts=facts, entries=entries))
