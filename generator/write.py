"""Writing pages to disk for `generator render`: atomically, and tidily.

Each file is written to a temporary name and renamed into place, so a
reader never sees half a page.  A manifest records what this command wrote,
with a hash of each file; on the next run only files listed there, no longer
generated and unchanged since they were written are removed, so anything
else in the folder (hand-written docs, a generated page someone has since
edited by hand) is left alone.  The manifest is written before the pages,
listing every file the run may write, so a run killed halfway still knows
its own files next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .output import Output

MANIFEST = ".generator-manifest.json"


#: How atomic_write names a file before renaming it into place.
TEMPORARY = ".*.tmp"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (also used by page_cache.py); an
    unchanged file is not written again."""
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


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(path: Path) -> dict[str, str | None]:
    """uri -> hash of what was written; an older list-form manifest has no hashes."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if isinstance(raw, list):
        return {uri: None for uri in raw if isinstance(uri, str)}
    if isinstance(raw, dict):
        return {uri: h for uri, h in raw.items() if isinstance(uri, str) and isinstance(h, str)}
    return {}  # not ours to trust: remove nothing


def _write_manifest(path: Path, entries: Mapping[str, str | None]) -> None:
    atomic_write(path, json.dumps(dict(sorted(entries.items())), indent=1).encode("utf-8"))


def _remove_stale(out: Path, uri: str, digest: str | None) -> None:
    target = out / uri
    # The manifest is a file in the output folder: never follow it outside.
    if not (target.resolve().is_relative_to(out.resolve()) and target.is_file() and not target.is_symlink()):
        return
    if digest is not None and _digest(target.read_bytes()) != digest:
        return  # edited by hand since it was generated: no longer ours
    target.unlink()
    for folder in target.parents:  # folders the generator's files alone were in
        if folder == out or not folder.is_relative_to(out) or any(folder.iterdir()):
            break
        folder.rmdir()


def write_outputs(outputs: list[Output], out: Path) -> int:
    """Write every output under ``out``; returns how many were written."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / MANIFEST
    before = _read_manifest(manifest)
    data = {o.uri: o.text.encode("utf-8") for o in outputs}
    now = {uri: _digest(blob) for uri, blob in data.items()}
    _write_manifest(manifest, {**before, **now})
    for uri, blob in data.items():
        atomic_write(out / uri, blob)
    for stale in sorted(set(before) - set(now)):
        _remove_stale(out, stale, before[stale])
    _write_manifest(manifest, now)
    return len(now)
