"""Reproducible builds: two builds of one commit give byte-identical sites.

The real briefs are committed to a throwaway git repository with a fixed
date and cloned to a second folder.  One clone is built with `make build`,
the other with a bare `mkdocs build --strict` (no SOURCE_DATE_EPOCH: the
hook reads the commit date itself), under another hash seed, time zone and
locale, in another path; the two site/ trees must hash the same, and the one
date in a site (the sitemap's) must be the commit's.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENV, REPO, make_project

COMMIT_DATE = "2025-11-05T12:00:00+00:00"
COMMIT_DAY = 1762300800  # 2025-11-05T00:00:00Z: MkDocs dates the gzip header by the build's day


def _git(root: Path, *args: str) -> None:
    env = {**ENV, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _make_build(root: Path, **env: str) -> subprocess.CompletedProcess:
    for lock in ("requirements.txt", "requirements-test.txt"):
        os.utime(root / lock, (0, 0))  # so the Makefile sees its (test) stamp as fresh
    (root / "installed.stamp").touch()
    environ = {k: v for k, v in {**ENV, **env}.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(["make", "--no-print-directory", "build", f"PY={sys.executable}",
                           "STAMP=installed.stamp"],  # relative: make cannot take a path with spaces
                          cwd=root, env=environ, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def clones(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("reproducible")
    first = make_project(base / "first", real=True)
    shutil.copy(REPO / "Makefile", first / "Makefile")
    shutil.copytree(REPO / "tools", first / "tools", ignore=shutil.ignore_patterns("__pycache__"))  # `make build`
    for lock in ("requirements.txt", "requirements-test.txt"):
        shutil.copy(REPO / lock, first / lock)
    _git(first, "init", "-q")
    _git(first, "add", "-A")
    _git(first, "commit", "-q", "-m", "one commit")
    _git(base, "clone", "-q", str(first), "a second, longer path")
    return first, base / "a second, longer path"


@pytest.fixture(scope="module")
def sites(clones) -> tuple[Path, Path]:
    first, second = clones
    one = _make_build(first, PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C")
    assert one.returncode == 0, one.stderr
    env = {k: v for k, v in ENV.items() if k != "SOURCE_DATE_EPOCH"}
    two = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=second, capture_output=True,
                         text=True, timeout=600, env={**env, "PYTHONHASHSEED": "4242", "TZ": "Asia/Karachi",
                                                      "LC_ALL": "C.UTF-8"})
    assert two.returncode == 0, two.stderr
    return first / "site", second / "site"


def test_two_builds_of_one_commit_are_byte_identical(sites):
    one, two = (_tree(s) for s in sites)
    assert len(one) > 50
    assert one == two


@pytest.mark.parametrize("which", [0, 1], ids=["make", "bare-mkdocs"])
def test_the_sitemap_is_dated_by_the_commit(sites, which):
    site = sites[which]
    assert "<lastmod>2025-11-05</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    raw = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") == COMMIT_DAY  # the gzip header's time
    assert gzip.decompress(raw) == (site / "sitemap.xml").read_bytes()

