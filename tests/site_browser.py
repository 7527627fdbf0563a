"""The built site in Debian's Chromium, for the browser tests and the bench (served as GitHub Pages serves it: 404.html for a missing path).

Playwright's own browser download cannot work on these machines, so it
drives /usr/bin/chromium (or $CHROMIUM).  `serve` puts a built site on a free
port of 127.0.0.1; `search` types into the site's own search box as a reader
does; `search_downloads` records what one search fetches.  The fixtures (one
build of the real briefs, one browser, one recorded page per test module)
are imported by the browser test modules.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# .ci/run sets BROWSER_TESTS=required: there a missing browser fails the run.
REQUIRED = os.environ.get("BROWSER_TESTS") == "required"
NO_CHROMIUM = f"no Chromium at {CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM to run the browser tests"
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists() and not REQUIRED, reason=NO_CHROMIUM)
#: Screenshots of the pages, for people to look at (gitignored).
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
#: The search box's line before the first key (javascripts/search.js), once Pagefind is loaded.
READY = "Type to start searching"


class _Pages(SimpleHTTPRequestHandler):
    """The site's folder, with its 404.html for any missing path, as GitHub Pages does."""

    def log_message(self, *args):  # the test output is no place for an access log
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def launch() -> Iterator:
    """Chromium, headless, from Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` served on a free port of 127.0.0.1; yields its address, ending in /."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Pages, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A local web server for the site, started first so the build knows its address."""
    root = tmp_path_factory.mktemp("reader") / "project"
    with serve(root / "site") as url:
        yield root, url


@pytest.fixture(scope="module")
def site(server) -> Path:
    """The real briefs, built for the address they are served at."""
    from conftest import make_project, mkdocs_build

    root, url = server
    make_project(root, real=True)
    # Instant navigation only follows links that sitemap.xml lists, and it
    # lists them at site_url: build for the address the site is served at,
    # as `mkdocs serve` does.
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8"), flags=re.M),
                      encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def base_url(server, site) -> str:
    return server[1]


#: How long a step may wait for the page (search builds its index in a
#: worker); generous because other builds may be loading the machine.
WAIT_MS = 30_000


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(NO_CHROMIUM)
    sync_api = pytest.importorskip("playwright.sync_api")
    sync_api.expect.set_options(timeout=WAIT_MS)
    with launch() as browser:
        yield browser


@pytest.fixture(scope="module")
def session(browser, base_url):
    """One page for every test, with every request and every console error recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))

    def local_only(route):
        # Nothing leaves the machine even if a page asks: the request is
        # recorded above and fails here (and the privacy test reports it).
        host = urlsplit(route.request.url).hostname
        route.continue_() if host == "127.0.0.1" else route.abort()

    context.route("**/*", local_only)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    yield page, requests, errors
    context.close()


def search(page, query: str):
    """Type ``query`` into the header's search box; the result panel."""
    from playwright.sync_api import expect

    box = page.locator(".md-search__input")
    box.click()
    # A query typed while Pagefind is still loading is dropped: wait for it.
    expect(page.locator(".md-search-result__meta")).to_have_text(READY)
    box.fill("")
    box.press_sequentially(query)  # the box searches on input events, as a reader types
    return page.locator(".md-search-result")


@dataclass(frozen=True)
class Downloads:
    """What one search fetched after the page had loaded: bytes by address."""

    by_url: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_url.values())


def search_downloads(browser, url: str, query: str) -> Downloads:
    """Open ``url`` in a fresh context (empty cache), search for ``query``, wait
    for the results, and sum the bodies of every response since the page loaded."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    finished = []
    page.on("requestfinished", lambda r: finished.append(r))
    search(page, query).locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    downloads = Downloads({r.url: r.sizes()["responseBodySize"] for r in finished})
    context.close()
    return downloads
