"""Golden files: every page generated from the fixture project, byte for byte.

After an intended change to the output, update them with `make goldens` and
review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURE
from generator.site import build

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
PAGES = {out.uri: out.text for out in build(FIXTURE) if out.is_page}

if UPDATE:
    for old in GOLDEN.rglob("*.md"):
        old.unlink()
    for uri, text in PAGES.items():
        (GOLDEN / uri).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / uri).write_text(text, encoding="utf-8")


def test_no_stale_goldens():
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert on_disk == set(PAGES), "run `make goldens` to add or remove golden pages"


@pytest.mark.parametrize("uri", sorted(PAGES))
def test_page_matches_golden(uri):
    golden = GOLDEN / uri
    assert golden.exists(), f"no golden for {uri}: run `make goldens`"
    assert PAGES[uri] == golden.read_text(encoding="utf-8"), f"{uri} changed: if intended, run `make goldens`"
