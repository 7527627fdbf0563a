"""Under `mkdocs serve`: each page as the theme rendered it, kept between rebuilds.

Why: after a save, most pages come out of the page cache (page_cache.py)
with the HTML they had, but the theme still renders each of them into its
template again, navigation and all: about 15 ms a page, so seconds at
hundreds of briefs on every save, for pages that did not change.  A page
whose template inputs are all what they were renders to what it rendered
to, so that output is kept and given again.

The key of a page's rendering holds what the theme reads:

- for the whole build: this package's code and the renderers' versions,
  mkdocs.yml as written and the site's address, the theme's templates
  (Material's version and every file of `custom_dir`), the site's file list
  and the navigation (every title and address in it);
- for the page: its address, title, HTML, table of contents, front matter,
  edit link, and the tag links the tags plugin gives it;
- and any other template variable a plugin adds, as long as it is plain
  data; a page whose context holds anything else is simply rendered.

On a hit the kept output is handed to `overrides/main.html`, which then
extends `generator-kept.html` (which prints it) instead of the theme's
`base.html`; every plugin's `on_post_page` then runs on it as on a fresh
rendering, because what is kept is the template's own output.

Only under serve, and in memory (compressed): `mkdocs build` renders every
page, so the published site never depends on this key; a preview that did
would show a stale page until its inputs change.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

#: The template variable overrides/main.html looks for.
KEPT = "generator_kept_output"
#: Template variables the key reads itself (get_context in mkdocs/commands/build.py).
KNOWN = frozenset({"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
                   "build_date_utc", "config", "page"})


@dataclass
class ThemeCache:
    """What one `serve` process keeps: ``begin`` each build, then ``lookup`` in
    each page's `on_page_context` and ``keep`` in its `on_post_page`."""

    kept: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # page src_uri -> (key, output compressed)
    _site: str | None = None  # the whole build's part of every key, made at the first page
    _inputs: tuple[MkDocsConfig, Files, str] | None = None
    _pending: dict[str, str] = field(default_factory=dict)  # page src_uri -> the key it renders under
    hits: int = 0
    misses: int = 0

    def begin(self, config: MkDocsConfig, files: Files, code_key: str) -> None:
        self._inputs = (config, files, code_key)
        self._site = None
        self._pending.clear()
        self.hits = self.misses = 0
        live = {f.src_uri for f in files.documentation_pages()}
        for uri in [u for u in self.kept if u not in live]:  # a page gone from the site
            del self.kept[uri]

    def lookup(self, context: dict[str, Any], page: Page, nav: Navigation, tags_variable: str | None) -> None:
        """Put the kept output into ``context`` when the page renders as it did."""
        if self._inputs is None:
            return
        if self._site is None:  # now: every page's title is known, and the nav with it
            self._site = _site_key(*self._inputs, nav, context.get("build_date_utc"))
        key = _page_key(self._site, context, page, tags_variable)
        if key is None:
            self.misses += 1
            return
        kept = self.kept.get(page.file.src_uri)
        if kept is not None and kept[0] == key:
            context[KEPT] = zlib.decompress(kept[1]).decode("utf-8")
            self.hits += 1
            return
        self._pending[page.file.src_uri] = key
        self.misses += 1

    def keep(self, output: str, page: Page) -> None:
        """A page was rendered: keep its output for the next build."""
        key = self._pending.pop(page.file.src_uri, None)
        if key is not None:
            self.kept[page.file.src_uri] = (key, zlib.compress(output.encode("utf-8"), 1))


def _digest(parts: list[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def _site_key(config: MkDocsConfig, files: Files, code_key: str, nav: Navigation, built: Any) -> str:
    parts = [code_key, f"mkdocs-material=={version('mkdocs-material')}", str(config.site_url),
             Path(config.config_file_path).read_text(encoding="utf-8")]
    templates = []
    custom = config.theme.custom_dir
    if custom:
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                templates += [path.relative_to(custom).as_posix(), path.read_bytes().decode("utf-8", "replace")]
    parts += templates
    # The build date changes on every build outside a git checkout (reproducible.py
    # pins it to the last commit's): Material's templates do not print it, so it is
    # in the key only for another theme or an override that names it.
    if config.theme.name != "material" or any("build_date_utc" in text for text in templates[1::2]):
        parts.append(str(built))
    parts += sorted(f"{f.src_uri}\0{f.dest_uri}" for f in files)
    parts.append(json.dumps(_nav(nav.items)))
    return _digest(parts)


def _nav(items: list) -> list:
    out: list = []
    for item in items:
        if isinstance(item, Section):
            out.append(["section", item.title, _nav(item.children)])
        elif isinstance(item, Link):
            out.append(["link", item.title, item.url])
        else:
            out.append(["page", item.title, item.url, _nav(item.children or [])])
    return out


def _page_key(site: str, context: dict[str, Any], page: Page, tags_variable: str | None) -> str | None:
    """The key of this page's rendering, or None when its context holds something the key cannot read."""
    parts = [site, page.file.src_uri, str(page.url), str(page.title), page.content or "",
             json.dumps(_toc(page.toc)), json.dumps(page.meta, sort_keys=True, default=str),
             str(page.edit_url), str(page.canonical_url), str(context.get("base_url"))]
    for name in sorted(set(context) - KNOWN):
        value = context[name]
        if name == tags_variable:
            parts += [name, json.dumps([[t.name, t.url, bool(getattr(t, "hidden", False))] for t in value or []])]
        elif isinstance(value, (str, int, float, bool, type(None))):
            parts += [name, json.dumps(value)]
        else:
            return None  # a plugin's own object: render the page
    return _digest(parts)


def _toc(items: Any) -> list:
    return [[item.level, item.id, item.title, _toc(item.children)] for item in items]

