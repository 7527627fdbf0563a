"""`mkdocs serve`, as a real server on 127.0.0.1: a brief saved in a broken
state is reported as `path:line:col` in the terminal and on the page, the last
good site stays up, and the next good save recovers.

Nothing here waits a fixed time and then asserts: every wait is for a line
the server prints (bounded, so a hung server fails the test instead of
hanging it), and the only retry is re-saving a file until the watcher has
started and notices it.
"""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from conftest import ENV

BRIEF = "briefs/fixture-brief.yaml"
TITLE = "Minister says the plan is under review"
PAGE = "/briefs/fixture-brief/"
# The end of a rebuild.  Not "Documentation built in …": MkDocs logs build
# messages through a filter that drops a repeat of any earlier message, so a
# rebuild taking as long as the one before it prints no such line at all.
RELOADED = "Reloading browsers"
FAILED = "An error happened during the rebuild"
ERROR = "ERROR   -  "
INDEXED = "INFO    -  Search index updated"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def save(path: Path, text: str) -> None:
    """Write as an editor's atomic save does, so the watcher never sees half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Server:
    """`mkdocs serve` in ``root``; its output is read line by line as it comes."""

    def __init__(self, root: Path):
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        self.log: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)  # the process has ended

    def wait_for(self, *needles: str, limit: float = 120) -> tuple[str, list[str]]:
        """Lines up to the first holding one of ``needles``; fails if the server ends
        or prints nothing of the kind within ``limit`` seconds."""
        seen = []
        while True:
            try:
                line = self._lines.get(timeout=limit)
            except queue.Empty:
                pytest.fail(f"mkdocs serve printed none of {needles}:\n" + "\n".join(self.log))
            if line is None:
                pytest.fail(f"mkdocs serve ended (exit {self.proc.wait()}):\n" + "\n".join(self.log))
            self.log.append(line)
            seen.append(line)
            for needle in needles:
                if needle in line:
                    return needle, seen

    def wait_for_index(self, builds: int) -> None:
        """Until the search index of the ``builds``-th build is written: under serve
        it follows the build (generator/live.py), and says so in the terminal."""
        while sum(INDEXED in line for line in self.log) < builds:
            self.wait_for(INDEXED)

    def get(self, path: str) -> str:
        """A page, under the path site_url gives the site (MkDocs serves it there too)."""
        with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as response:
            return response.read().decode("utf-8")

    def save_until_seen(self, path: Path, text: str, attempts: int = 10) -> None:
        """Save, and save again until the watcher reports the change: its first
        snapshot is taken in a thread of its own just after the server starts."""
        for attempt in range(attempts):
            save(path, text + " " * attempt)  # a different size each time: a change whatever the clock says
            try:
                self.wait_for("Detected file changes", limit=5)
                return
            except pytest.fail.Exception:
                continue
        pytest.fail("the watcher never noticed the save:\n" + "\n".join(self.log))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def server(project):
    s = Server(project)
    try:
        _, lines = s.wait_for("Serving on")
        s.url = lines[-1].split("Serving on ", 1)[1].strip()
        assert s.url.startswith(f"http://127.0.0.1:{s.port}/")
        yield s
    finally:
        s.stop()


def test_a_broken_save_keeps_the_last_good_site_and_a_good_save_recovers(server, project):
    brief = project / BRIEF
    good = brief.read_text(encoding="utf-8")
    assert TITLE in server.get(PAGE)
    server.wait_for_index(1)
    first_index = search_index(server)

    broken = good.replace("tone: neutral", "tone: angry", 1)
    line = broken.splitlines().index("  tone: angry") + 1
    where = f"{BRIEF}:{line}:9"
    server.save_until_seen(brief, broken)
    outcome, lines = server.wait_for(RELOADED, FAILED)
    assert outcome == RELOADED
    # The terminal names the file, line and column...
    assert f"{ERROR}{where}: `framing.tone` is `angry`, which is not allowed (hint: use one of: " \
           "'neutral', 'analytical', 'favourable', 'critical' or 'sensational')" in lines
    assert "WARNING -  1 problem in the briefs: serving the last good version until they are fixed" in lines
    # ...the site is the last good one, and every page says what is wrong.
    page, home = server.get(PAGE), server.get("/")
    assert TITLE in page
    for html in (page, home):
        assert "The briefs have 1 problem: this is the last good version of the site" in html
        assert f"{where}: `framing.tone` is `angry`" in html

    fixed = good.replace(TITLE, "Minister says the plan is still under review", 1)
    server.save_until_seen(brief, fixed)
    outcome, lines = server.wait_for(RELOADED, FAILED)
    assert outcome == RELOADED
    assert not [x for x in lines if x.startswith(ERROR)]
    page = server.get(PAGE)
    assert "Minister says the plan is still under review" in page
    assert "The briefs have" not in page and "The briefs have" not in server.get("/")
    # Search works after each rebuild, on an index made from the pages of that build,
    # written once the rebuilt pages are served (generator/live.py).
    server.wait_for_index(3)
    assert "pagefind" in server.get("pagefind/pagefind.js")
    assert search_index(server) != first_index
    assert "Traceback" not in "\n".join(server.log)


def search_index(server: Server) -> str:
    """The hash Pagefind gives the index it wrote into the served site (generator/search.py)."""
    return json.loads(server.get("pagefind/pagefind-entry.json"))["languages"]["en"]["hash"]


def test_a_server_whose_first_build_fails_stops_with_the_errors(project):
    brief = project / BRIEF
    brief.write_text(brief.read_text(encoding="utf-8").replace("tone: neutral", "tone: angry", 1), encoding="utf-8")
    s = Server(project)
    try:
        _, lines = s.wait_for("Aborted with a BuildError")
        assert s.proc.wait(timeout=60) == 1
    finally:
        s.stop()
    assert [x for x in lines if x.startswith(ERROR)][-1] == \
        f"{ERROR}1 problem in the briefs: fix the lines above, then save again"
    assert any(x.startswith(f"{ERROR}{BRIEF}:") and "`framing.tone` is `angry`" in x for x in lines)


def test_the_banner_shows_problems_as_text_and_only_while_serving(monkeypatch):
    import markdown

    from generator import live
    from generator.errors import Problems

    problems = Problems()
    problems.add("briefs/x.yaml", 3, 5, "bad `x` <script>alert(1)</script>\n## not a heading", "a hint")
    for command in ("build", "gh-deploy"):
        preview = live.Preview(command)
        preview.remember(".", ["pages"])
        assert preview.fallback(".", problems) is None and preview.banner() == ""
        assert preview.last_good == {} and preview.memo(".") is None  # a build keeps nothing for a next one
    preview = live.Preview("serve")
    preview.remember(".", ["pages"])
    assert preview.fallback("elsewhere", problems) is None  # nothing good was built there
    assert preview.fallback(".", problems) == ["pages"]
    html = markdown.markdown(preview.banner() + "# Title\n", extensions=["admonition"])
    assert html == (
        '<div class="admonition failure">\n'
        '<p class="admonition-title">The briefs have 1 problem: this is the last good version of the site</p>\n'
        "<p>Fix these lines and save; the preview reloads when the briefs are valid again.</p>\n"
        "<pre><code>briefs/x.yaml:3:5: bad `x` &lt;script&gt;alert(1)&lt;/script&gt;\\n## not a heading (hint: a hint)\n"
        "</code></pre>\n"
        "</div>\n"
        "<h1>Title</h1>")
    preview.remember(".", ["newer pages"])
    assert preview.banner() == ""
