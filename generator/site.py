"""Stage 5 assembled: a checked Corpus -> every generated file.

One function serves both deliveries, the MkDocs hook and the CLI, so what
they publish is the same by construction.  The corpus is analysed once into
a `Site` (context.py), and every view and export is a function of it,
`(site) -> list[Output]`, listed once in `VIEWS`.
"""

from __future__ import annotations

from pathlib import Path

from . import exports, feed
from .analyse import analyse
from .context import DEFAULT_INTRO, Site
from .corpus import Corpus, Memo, read_corpus
from .output import Output, unique
from .render import (
    brief,
    briefs_index,
    conditions,
    contradictions,
    countries,
    data,
    entities,
    overview,
    quotes,
    reference,
    situation,
    sources,
    timeline,
)

#: Every view and export, each `(site) -> list[Output]`.
VIEWS = (
    overview.outputs, briefs_index.outputs, sources.outputs, contradictions.outputs, conditions.outputs,
    countries.outputs, quotes.outputs, entities.outputs, reference.outputs, timeline.outputs, brief.outputs,
    situation.outputs, data.outputs, exports.outputs, feed.outputs,
)
#: Hand-written text the home page starts with, relative to the docs folder.
INTRO = "index.md"


def site_of(corpus: Corpus, intro: str = DEFAULT_INTRO, name: str = "", url: str | None = None,
            memo: Memo | None = None) -> Site:
    return Site(corpus, analyse(corpus), intro, name, url, memo)


def outputs(site: Site) -> list[Output]:
    """Every generated page and file; two at one path are an error (output.unique)."""
    return unique(out for view in VIEWS for out in view(site))


def read_intro(root: Path, docs_dir: Path | None) -> str:
    """The hand-written start of the home page, or a bare heading."""
    intro_file = (docs_dir or root / "docs") / INTRO
    return intro_file.read_text(encoding="utf-8") if intro_file.is_file() else DEFAULT_INTRO


def build(root: Path, docs_dir: Path | None = None, site_name: str = "", site_url: str | None = None,
          memo: Memo | None = None) -> list[Output]:
    """Read, check and render everything under ``root``; raises BriefsInvalid.
    ``memo``: briefs kept from the last build of a `serve` (corpus.Memo)."""
    return outputs(site_of(read_corpus(root, memo), read_intro(root, docs_dir), site_name, site_url, memo))
