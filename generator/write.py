"""Writing pages to disk for `generator render`: atomically, and tidily.

Each file is written to a temporary name and renamed into place, so a
reader never sees half a page.  A manifest records what this command wrote;
on the next run only files listed there and no longer generated are
removed, so anything else in the folder (hand-written docs) is left alone.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MANIFEST = ".generator-manifest.json"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_bytes() == data:
        return  # unchanged: keep the mtime, so watchers do not rebuild
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_pages(pages, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / MANIFEST
    try:
        before = set(json.loads(manifest.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        before = set()
    now = set()
    for page in pages:
        _atomic_write(out / page.uri, page.markdown.encode("utf-8"))
        now.add(page.uri)
    for stale in sorted(before - now):
        target = out / stale
        # The manifest is a file in the output folder: never follow it outside.
        if target.resolve().is_relative_to(out.resolve()) and target.is_file():
            target.unlink()
    _atomic_write(manifest, json.dumps(sorted(now), indent=1).encode("utf-8"))
    return len(now)
