"""Reproducible builds: the site's one date comes from the last commit, not the clock.

Everything else the generator writes is a function of the files (inputs are
read in sorted order, nothing uses the time or randomness), so the only
wall-clock value in a built site is MkDocs' own build date, in sitemap.xml
and the gzip header of sitemap.xml.gz.  MkDocs takes it from
`SOURCE_DATE_EPOCH` when that is set (https://reproducible-builds.org/specs/source-date-epoch/).
The Makefile exports it from `git log`; this does the same for a bare
`mkdocs build` or `mkdocs serve`, so that two builds of one commit give
byte-identical sites however they are started.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"


def last_commit_time(root: Path) -> str | None:
    """The committer time of HEAD, in seconds, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                                text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def pin_build_date(root: Path) -> None:
    """Set SOURCE_DATE_EPOCH from the last commit, unless it is already set."""
    if VARIABLE not in os.environ and (value := last_commit_time(root)) is not None:
        os.environ[VARIABLE] = value
