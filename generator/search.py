"""Full-text search: a Pagefind index of the built site, written after each build.

Material's own search sends its whole index to every reader (2.4 MB at
1,000 briefs with bottom lines only).  Pagefind splits the index into
chunks and each page's text into a fragment, and a search loads only the
chunks for its words and the fragments of the results it shows, so one
search costs about the same at 1,000 briefs as at 10,000 (README, "Search").

The hook calls `index_site` from `on_post_build`, on the folder MkDocs has
just written (`mkdocs serve` builds into a temporary one, each time anew).
The built pages themselves are not changed: Pagefind reads, for each page,
the HTML `search_html` makes from its article, in memory:

- a brief page, whole: its title and bottom line weigh more than its body,
  and its body more than the archived article's cited paragraphs;
- a page of `FULL_PAGES` (hand-written or fixed text), whole;
- every other page (the views, the indexes, entity pages) by its title
  (weighted under a brief's) and introduction only: their rows each come from a brief, which is found
  itself, and their length grows with the number of briefs, so indexing it
  would drown the briefs and make one fragment as large as the corpus;
- a table row as one line of "Header: cell" pairs, so a result's snippet
  reads as text, not as a flattened row; citation marks are left out.

No Pagefind filters (by tag, source, person): Pagefind 1.5 writes its filter
index in a different order on each run, and two builds of one commit must be
byte-identical (tests/system/test_reproducible.py).

Brief text in the pages is escaped already (render/html.py, render/text.py, sanitize.py);
this module only adds fixed attributes around it and never decodes it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"  # the folder of the site Pagefind writes its index and scripts into
FULL_PAGES = frozenset({"methodology/", "contributing/", "reference/", "performance/"})
#: Weights (Pagefind's scale: 1 is body text, headings 5 to 7).
BOTTOM_LINE_WEIGHT = 5
ARCHIVED_TEXT_WEIGHT = 0.3
#: The title of a view, index or entity page: under a brief's (Pagefind gives an h1 7).
VIEW_TITLE_WEIGHT = 3

_ARTICLE_START = '<article class="md-content__inner md-typeset">'
_BRIEF_URL = re.compile(r"briefs/[^/]+/")
# Pieces of a page that are not its text: permalinks and the edit button (ignored),
# citation marks (taken out, so that a table cell of them reads as empty).
_IGNORED = ('class="headerlink"', 'class="md-content__button')
_CITE = re.compile(r'<a\s[^>]*href="[^"]*#p-\d+"[^>]*>¶\d+</a>')  # any attributes (aria-label, title)
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)  # not <thead>
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td(?:\s[^>]*)?>(.*?)</td>", re.S)
_TAG = re.compile(r"<[^>]*>")


class Stopped(Exception):
    """Indexing was stopped before it finished: a newer build supersedes it (live.py)."""


@dataclass(frozen=True)
class Document:
    """One page as Pagefind reads it: its address from the site's root, and HTML."""

    url: str
    html: str


def page_url(site_dir: Path, path: Path) -> str:
    """``briefs/x/index.html`` -> ``/briefs/x/`` (Pagefind's form of a page's address)."""
    rel = path.relative_to(site_dir).as_posix()
    return "/" + rel.removesuffix("index.html")


def documents(site_dir: Path) -> Iterator[Document]:
    """Every page of the built site that search should know, as Pagefind will read it."""
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith(BUNDLE + "/"):
            continue
        url = page_url(site_dir, path)
        html = search_html(url.lstrip("/"), path.read_text(encoding="utf-8"))
        if html is not None:
            yield Document(url, html)


def search_html(path: str, page: str) -> str | None:
    """The HTML Pagefind indexes for the page at ``path`` (``briefs/x/``), or None."""
    start = page.find(_ARTICLE_START)
    if start < 0:
        return None
    article = page[start + len(_ARTICLE_START):page.index("</article>", start)]
    if _BRIEF_URL.fullmatch(path):
        article = _weighted(article)
    elif path not in FULL_PAGES:
        article = _introduction(article)
    article = _TABLE.sub(_rows, _CITE.sub("", article))
    for marker in _IGNORED:
        article = article.replace(marker, "data-pagefind-ignore " + marker)
    return f'<html lang="en"><body><main data-pagefind-body>{article}</main></body></html>'


def _weighted(article: str) -> str:
    """A brief's bottom line (the abstract admonition) and archived paragraphs, weighted."""
    article = article.replace('<div class="admonition abstract">',
                              f'<div class="admonition abstract" data-pagefind-weight="{BOTTOM_LINE_WEIGHT}">', 1)
    return article.replace('<p class="evidence"', f'<p class="evidence" data-pagefind-weight="{ARCHIVED_TEXT_WEIGHT}"')


def _introduction(article: str) -> str:
    """A page up to its first section: its title, weighted under a brief's, and the paragraphs under it."""
    end = article.find("<h2")
    article = article if end < 0 else article[:end]
    return article.replace("<h1", f'<h1 data-pagefind-weight="{VIEW_TITLE_WEIGHT}"', 1)


def _rows(table: re.Match) -> str:
    """A table as one paragraph a row: "Header: cell; Header: cell", empty cells left out.
    A two-column table reads "first cell: second cell" (a field and its value)."""
    headers = _HEADER.findall(table.group(1))
    lines = []
    for row in _ROW.findall(table.group(1)):
        cells = [cell.strip() for cell in _CELL.findall(row)]
        if not cells:
            continue  # the header row
        if len(cells) == 2:
            pairs = [(cells[0], cells[1])]
        else:
            pairs = list(zip(headers, cells, strict=False))  # a short row leaves the last columns empty
        text = "; ".join(f"{label}: {cell}" for label, cell in pairs if _TAG.sub("", cell).strip())
        if text:
            lines.append(f"<p>{text}</p>")
    return "\n".join(lines)


def index_site(site_dir: Path, cache: Path | None = None, stop: threading.Event | None = None,
               keep_serving: bool = False) -> None:
    """Write the Pagefind index and its scripts into ``site_dir``/pagefind.

    The documents are written to a temporary folder for Pagefind's own
    binary (from the pagefind-bin-extended wheel): its Python API waits a
    tenth of a second per page, a minute and a half at 1,000 briefs.

    With a ``cache`` folder, the index is kept there with a hash of the
    documents it was made from, and a build whose documents hash the same
    copies it instead of running Pagefind: the same documents give the same
    bytes (the builds are reproducible), so on a rebuild after an edit that
    search does not see, or after none, indexing again is work for nothing.

    Once ``stop`` is set, indexing ends as soon as it can (Pagefind is
    killed) and raises `Stopped`, leaving the cache as it was: under serve a
    new save's build does not wait seconds for an index of pages it replaces.

    With ``keep_serving`` (under serve, where this runs after the pages are
    served), the last index kept in ``cache`` is put in place first, so that
    search answers from the last build's pages while the new index is written
    instead of failing; the new one then replaces it whole."""
    from mkdocs.exceptions import PluginError
    from pagefind.service import get_executable

    stop = stop or threading.Event()
    if keep_serving and cache is not None and not (site_dir / BUNDLE).exists():
        _restore_latest(cache, site_dir / BUNDLE)
    binary = get_executable()
    if binary is None:
        raise PluginError("Pagefind is not installed (hint: .venv/bin/pip install -r requirements.txt)")
    docs = []
    for doc in documents(site_dir):
        if stop.is_set():
            raise Stopped
        docs.append(doc)
    key = _key(docs, Path(binary))
    if cache is not None and (cache / key).is_dir():
        _put(cache / key, site_dir / BUNDLE)
        return
    with tempfile.TemporaryDirectory(prefix="search-") as tmp:
        pages, bundle = Path(tmp, "pages"), Path(tmp, BUNDLE)
        for doc in docs:
            target = pages / doc.url.lstrip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(doc.html, encoding="utf-8")
        returncode, output = _pagefind([str(binary), "--site", str(pages), "--output-path", str(bundle),
                                        "--force-language", "en", "--quiet"], stop)
        if returncode != 0:
            raise PluginError(f"Pagefind could not index the site: {output}")
        _put(bundle, site_dir / BUNDLE)
        if cache is not None:
            _keep(bundle, cache, key)


def _put(bundle: Path, dest: Path) -> None:
    """A whole index in place of whatever index ``dest`` holds: never a mix of two."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(bundle, dest)


def _restore_latest(cache: Path, bundle: Path) -> None:
    """The index the cache keeps (the latest only: see _keep) copied to ``bundle``."""
    kept = [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".tmp-")] if cache.is_dir() else []
    if len(kept) == 1:
        _put(kept[0], bundle)


def _pagefind(command: list[str], stop: threading.Event) -> tuple[int, str]:
    """Run Pagefind to its end, or kill it once ``stop`` is set; its exit status and output."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        while True:
            try:
                output, _ = proc.communicate(timeout=0.05)
                return proc.returncode, (output or "").strip()
            except subprocess.TimeoutExpired:
                if stop.is_set():
                    proc.kill()
                    proc.communicate()
                    raise Stopped from None


def _key(docs: list[Document], binary: Path) -> str:
    h = hashlib.sha256(str(binary.stat().st_size).encode() + binary.name.encode())  # another Pagefind, another index
    for doc in docs:
        for part in (doc.url, doc.html):
            data = part.encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def _keep(bundle: Path, cache: Path, key: str) -> None:
    """The cache holds the latest index only, put in place whole (a rename) or not at all."""
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=cache, prefix=".tmp-"))
        shutil.copytree(bundle, tmp / "bundle")
        (tmp / "bundle").rename(cache / key)
        shutil.rmtree(tmp)
        for old in cache.iterdir():
            if old.name != key:
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass  # without a cache the next build indexes again; nothing else depends on it
