"""What an editor waits for: from saving a brief to the served page showing it.

`mkdocs serve` runs as `make serve` runs it, on a free port.  Once the first
build is served, the title of brief 0 is changed on disk (the way an editor's
save does it: the whole file written anew), and the brief's page is polled
until it shows the new title; the time from the write to that response is one
figure.  MkDocs' server holds a request back while it rebuilds, so a response
with the new title means the rebuild is done.  Wall seconds, not CPU: this is
what a person waits for.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

#: The flags `make serve` gives `mkdocs serve` (Makefile), less the address.
SERVE_ARGS = ["serve"]
FIRST_BUILD_TIMEOUT = 1800  # seconds: the first build of 500 briefs is a clean build
SAVE_TIMEOUT = 600


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _base_path(root: Path) -> str:
    """The path `mkdocs serve` serves the site under: that of site_url ("/briefing-site/")."""
    from urllib.parse import urlsplit

    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", "rb") as fh:
        path = urlsplit(yaml_load(fh).get("site_url") or "/").path
    return path if path.endswith("/") else path + "/"


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=SAVE_TIMEOUT) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, timeout: float, server: subprocess.Popen) -> float:
    """Poll ``url`` until its page holds ``text``; the time it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            raise SystemExit(f"bench: mkdocs serve stopped (status {server.returncode})")
        page = _get(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"bench: {url} did not show {text!r} within {timeout:.0f} s")


def latency(root: Path, brief_id: str, env: dict, saves: int = 3) -> dict:
    """Seconds from saving brief ``brief_id`` to its page being served anew, for ``saves`` saves."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}{_base_path(root)}briefs/{brief_id}/"
    brief = root / "briefs" / f"{brief_id}.yaml"
    original = brief.read_text(encoding="utf-8")
    marker = "(synthetic 0)"
    if marker not in original:
        raise SystemExit(f"bench: brief {brief_id} has no {marker!r} in its title to edit")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", *SERVE_ARGS, "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        first = _wait_for(url, marker, FIRST_BUILD_TIMEOUT, server)
        seconds = []
        for n in range(1, saves + 1):
            time.sleep(1.0)  # let the watcher settle after the last rebuild
            edited = f"(synthetic 0, save {n})"
            start = time.perf_counter()
            brief.write_text(original.replace(marker, edited, 1), encoding="utf-8")
            _wait_for(url, edited, SAVE_TIMEOUT, server)
            seconds.append(round(time.perf_counter() - start, 3))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        brief.write_text(original, encoding="utf-8")
    return {"first_build_s": round(first, 1), "save_to_page_s": seconds, "median_s": sorted(seconds)[len(seconds) // 2]}
