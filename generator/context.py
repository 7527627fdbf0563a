"""The one context every view and export reads: the checked briefs, their
analysis and the site's settings, built once per build (site.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .analyse import Analysis
from .corpus import Corpus, Memo

#: The home page when docs/index.md holds no introduction.
DEFAULT_INTRO = "# Briefing\n"


@dataclass(frozen=True)
class Site:
    corpus: Corpus
    analysis: Analysis
    intro: str = DEFAULT_INTRO  # the hand-written start of the home page (docs/index.md)
    name: str = ""  # mkdocs.yml's site_name
    url: str | None = None  # mkdocs.yml's site_url, ending in /
    memo: Memo | None = None  # under `serve`, what the last build read and rendered (corpus.Memo)
