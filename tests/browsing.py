"""The built site in a browser: shared by tests/test_reader.py and tests/system/.

One strict build of the real briefs per test module, served on a local port
the way GitHub Pages serves it (404.html for a missing path), and Debian's
Chromium driven by Playwright (Playwright's own browser download cannot work
on these machines).  A test module imports the fixtures it uses by name.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import REPO, make_project, mkdocs_build

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "test-artifacts"

# .ci/run sets BROWSER_TESTS=required: there a missing browser fails the run.
REQUIRED = os.environ.get("BROWSER_TESTS") == "required"
NO_CHROMIUM = (f"no Chromium at {CHROMIUM}: install it (apt-get install chromium) "
               "or set CHROMIUM to run the browser tests")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists() and not REQUIRED, reason=NO_CHROMIUM)

#: How long a step may wait for the page (search builds its index in a
#: worker); generous because other builds may be loading the machine.
WAIT_MS = 30_000


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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A local web server for the site, started first so the build knows its address."""
    root = tmp_path_factory.mktemp("reader") / "project"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Pages, directory=str(root / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site(server) -> Path:
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


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(NO_CHROMIUM)
    sync_api = pytest.importorskip("playwright.sync_api")
    sync_api.expect.set_options(timeout=WAIT_MS)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
