"""A cache of rendered pages: a rebuild runs Python-Markdown only for pages whose inputs changed.

Why: rendering a page (Python-Markdown, or for a page written as HTML the
tree passes of generator/prerendered.py, then the link checks, the cell
labels and nh3) is work done again for nothing on a rebuild (`mkdocs serve`
after a save, `make build` after a pull), where almost every page is what it was.  Everything a page's HTML depends on goes into its key:

- its Markdown as rendering gets it (after every plugin's `on_page_markdown`,
  so the serve banner and the tags plugin's markers are in it) and its path;
- the site's file list: links are checked against it, so adding or removing
  any page renders every page again;
- the Markdown configuration, the snippets appended to every page, the code
  of this package and the versions of the libraries that render.

An entry keeps what MkDocs learns from rendering a page: its HTML (after the
hook's own cell labels and nh3), its table of contents, the anchors it holds
and the anchors it links to (MkDocs checks those after every page is
rendered), and the warnings rendering logged.  A hit logs those warnings
again, so `--strict` fails a cached build exactly as it fails a clean one.

Not cached: a page that includes other files (`--8<--`), whose inputs are not
known here, and a page without a title in its front matter (MkDocs would take
the title from the rendered HTML).

The cache lives in `build/page-cache/` beside the project's mkdocs.yml, one
JSON file per page, each written whole or not at all; deleting the folder is
always safe.  A build removes the entries it did not use (and any temporary
file a killed build left), so the cache holds one site's pages, not every
version of them.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from .paths import PAGE_CACHE_DIR
from .write import TEMPORARY, atomic_write

FOLDER = PAGE_CACHE_DIR
#: Part of every key: change it when an entry's layout changes.
FORMAT = 1
#: A page that pulls in other files with pymdownx.snippets.
SNIPPET_MARK = "--8<--"
#: The libraries whose output is in an entry.
RENDERERS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "nh3")
PACKAGE = Path(__file__).resolve().parent

log = logging.getLogger("mkdocs.plugins.generator")


@dataclass
class Entry:
    """What rendering a page gave, as JSON can hold it."""

    html: str
    toc: list[dict]  # Python-Markdown's toc tokens: level, id, name, children
    anchors: list[str]  # the ids the page holds
    links_to_anchors: dict[str, dict[str, str]]  # linked page's src_uri -> {anchor: link as written}
    warnings: list[tuple[str, int, str]]  # logger, level, message


class _Capture(logging.Handler):
    """The warnings logged while one page renders."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class PageCache:
    """One build's use of the cache.  `begin` at the first page, then for
    every page `before_render` and `after_render`, and `finish` at the end."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self._build_key = ""
        self._used: set[str] = set()
        self._pending: dict[str, tuple[str, _Capture]] = {}  # page src_uri -> (key, its warnings)
        self._hits: dict[str, Entry] = {}  # page src_uri -> the entry to restore
        self.hits = self.misses = 0

    def begin(self, root: Path, config: MkDocsConfig, files: Files) -> None:
        self.folder = root / FOLDER
        self._build_key = _digest([str(FORMAT), code_key(), _config_key(config, root), _files_key(files)])
        self._used.clear()
        self.hits = self.misses = 0
        # What a build that failed mid-page left behind (serve keeps this object).
        for _key, capture in self._pending.values():
            logging.getLogger("mkdocs").removeHandler(capture)
        self._pending.clear()
        self._hits.clear()

    def before_render(self, page: Page, markdown: str) -> str:
        """The Markdown to render: ``markdown`` itself, or nothing when the cache holds the page."""
        if self.folder is None or SNIPPET_MARK in markdown or not page.meta.get("title"):
            return markdown
        key = _digest([self._build_key, page.file.src_uri, markdown])
        self._used.add(key)
        entry = self._read(key)
        if entry is not None:
            self._hits[page.file.src_uri] = entry
            self.hits += 1
            return ""
        capture = _Capture()
        logging.getLogger("mkdocs").addHandler(capture)
        self._pending[page.file.src_uri] = (key, capture)
        self.misses += 1
        return markdown

    def after_render(self, page: Page, html: str, finish: Callable[[str], str], files: Files) -> str:
        """The page's final HTML: ``finish(html)`` after a render (and kept),
        or the cached HTML, with what MkDocs learnt from rendering restored."""
        uri = page.file.src_uri
        if (entry := self._hits.pop(uri, None)) is not None:
            _restore(page, entry, files)
            for name, level, message in entry.warnings:
                logging.getLogger(name).log(level, message)
            return entry.html
        html = finish(html)
        if (pending := self._pending.pop(uri, None)) is not None:
            key, capture = pending
            logging.getLogger("mkdocs").removeHandler(capture)
            self._write(key, _entry(page, html, capture.records))
        return html

    def finish(self) -> None:
        """Remove the entries this build did not use, and what a killed build
        left half-written."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self._used:
                path.unlink(missing_ok=True)
        for path in self.folder.glob(TEMPORARY):
            path.unlink(missing_ok=True)

    def _read(self, key: str) -> Entry | None:
        assert self.folder is not None
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            return Entry(data["html"], data["toc"], data["anchors"], data["links_to_anchors"],
                         [tuple(w) for w in data["warnings"]])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or unreadable: render the page again

    def _write(self, key: str, entry: Entry) -> None:
        """Write the entry whole or not at all: a build killed mid-write leaves no half entry."""
        assert self.folder is not None
        # vars(), not asdict(): the fields are JSON values already, and asdict
        # deep-copies each page's table of contents.  (Most of what is left is
        # the bytes: 40 MB of HTML at 500 briefs.)
        data = json.dumps(vars(entry), ensure_ascii=False).encode("utf-8")
        try:
            atomic_write(self.folder / f"{key}.json", data)
        except OSError as e:  # a read-only checkout builds, just without the cache
            log.debug(f"page cache: cannot write {key}: {e}")


def _entry(page: Page, html: str, warnings: list[tuple[str, int, str]]) -> Entry:
    links = {f.src_uri: dict(anchors) for f, anchors in (page.links_to_anchors or {}).items()}
    return Entry(html, [_token(item) for item in page.toc], sorted(page.present_anchor_ids or ()), links, warnings)


def _restore(page: Page, entry: Entry, files: Files) -> None:
    page.toc = get_toc(entry.toc)  # type: ignore[arg-type]  # tokens as JSON gives them back
    page.present_anchor_ids = set(entry.anchors)
    links = {}
    for uri, anchors in entry.links_to_anchors.items():
        if (target := files.get_file_from_path(uri)) is not None:  # the file list is in the key
            links[target] = anchors
    page.links_to_anchors = links


def _token(item: AnchorLink) -> dict:
    return {"level": item.level, "id": item.id, "name": item.title,
            "children": [_token(child) for child in item.children]}


def _digest(parts: list[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big") + data)  # lengths first: no two lists hash alike
    return h.hexdigest()


_CODE_KEY: str | None = None


def code_key() -> str:
    """This package's source and the renderers' versions: computed once a process
    (theme_cache.py's keys hold it too)."""
    global _CODE_KEY
    if _CODE_KEY is None:
        parts = [f"{name}=={version(name)}" for name in RENDERERS]
        for path in sorted(PACKAGE.rglob("*.py")):
            parts += [path.relative_to(PACKAGE).as_posix(), path.read_text(encoding="utf-8")]
        _CODE_KEY = _digest(parts)
    return _CODE_KEY


def _config_key(config: MkDocsConfig, root: Path) -> str:
    """The configuration that shapes a page's HTML, and the files appended to every page."""
    parts = [json.dumps(config["markdown_extensions"]),
             json.dumps(config["mdx_configs"], sort_keys=True, default=str),
             repr(sorted((k, repr(v)) for k, v in config.validation.items())),
             str(config.use_directory_urls)]
    snippets = config["mdx_configs"].get("pymdownx.snippets", {})
    for name in snippets.get("auto_append", []):
        path = root / name
        parts += [name, path.read_text(encoding="utf-8") if path.is_file() else ""]
    return _digest(parts)


def _files_key(files: Files) -> str:
    return _digest(sorted(f"{f.src_uri}\0{f.dest_uri}" for f in files))
