"""The bytes one search downloads, in Chromium, against a built site.

The site is served on 127.0.0.1, a fresh browser context (empty cache) opens
the home page, and `QUERY` is typed into the header's search box; every
response after the page has loaded is summed: Pagefind's code and WebAssembly,
its entry and metadata, the index chunks for the words and the fragments of
the results shown.  Files are counted as served, without compression (a
host that compresses would send less).  The query is a word of every brief,
the costliest kind: its index entry lists every page.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))
from site_browser import CHROMIUM, launch, search_downloads, serve  # noqa: E402

QUERY = "Pakistan"


def one_search(site: Path) -> dict:
    """``{"query", "bytes", "requests"}``; bytes is None when there is no Chromium."""
    if not CHROMIUM.exists():
        print(f"bench: no Chromium at {CHROMIUM}: the bytes of one search are not measured", file=sys.stderr)
        return {"query": QUERY, "bytes": None, "requests": 0}
    with serve(site) as url, launch() as browser:
        downloads = search_downloads(browser, url, QUERY)
    return {"query": QUERY, "bytes": downloads.total, "requests": len(downloads.by_url)}
