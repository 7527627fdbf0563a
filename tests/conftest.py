"""Shared test helpers: throwaway copies of the project, and running its commands.

A test that needs briefs of its own gets a copy of the project (mkdocs.yml,
docs/, generator/, schemas) in a temp folder with the fixture briefs, or the
real ones, and changes what it likes there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "project"
# Inside GitHub Actions `generator check` adds `::error` lines to its output.
# Tests pin that output as it is everywhere else, so the variable is taken out
# of the test process (the tests of that feature set it themselves); whether
# this run is in Actions is kept here, for tests that must not skip there.
IN_GITHUB_ACTIONS = os.environ.pop("GITHUB_ACTIONS", None) == "true"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def make_project(dest: Path, *, real: bool = False) -> Path:
    """A runnable copy of the project at ``dest``: the fixture briefs, or the real ones."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, dest / name)
    for name in ("docs", "generator"):
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for extra in ("CONTRIBUTING.md",):
        if (REPO / extra).exists():
            shutil.copy(REPO / extra, dest / extra)
    if (REPO / "overrides").is_dir():  # theme.custom_dir in mkdocs.yml
        shutil.copytree(REPO / "overrides", dest / "overrides")
    source = REPO if real else FIXTURE
    shutil.copytree(source / "briefs", dest / "briefs", ignore=shutil.ignore_patterns("schema"))
    shutil.copytree(REPO / "briefs" / "schema", dest / "briefs" / "schema")
    shutil.copytree(source / "seeds", dest / "seeds")
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project holding the fixture brief."""
    return make_project(tmp_path / "project")


@pytest.fixture
def real_project(tmp_path: Path) -> Path:
    """A copy of the project holding the real briefs."""
    return make_project(tmp_path / "project", real=True)


def run(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=600, **kw)


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` run in ``root``, as an editor would."""
    return run([sys.executable, "-m", "generator", *args], cwd=root)


def mkdocs_build(root: Path, *args: str) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of ``root`` into root/site."""
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=root)


def write(path: Path, text: str) -> Path:
    """Write dedented text (tests state their input inline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def pagefind_records(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page of a built site (gzip, a signature, then JSON), by address."""
    import gzip
    import json

    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        out[record["url"]] = record
    return out
