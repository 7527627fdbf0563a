"""The page cache (generator/page_cache.py): a cached build is the clean build.

Same site, byte for byte; the same warnings, so `--strict` fails a cached
build exactly where it fails a clean one; a change to a page, to the file
list or to the configuration renders again; a damaged entry is a miss.
"""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.page_cache import FOLDER
from tests.conftest import mkdocs_build, write

# MkDocs prints a run's timing; the rest of its log must be the same.
_TIMING = re.compile(r"Documentation built in [0-9.]+ seconds")


def _log(result) -> list[str]:
    return [_TIMING.sub("Documentation built", line) for line in result.stderr.splitlines()]


def _same_tree(a: Path, b: Path) -> list[str]:
    """Paths that differ between two built sites (empty when identical)."""
    cmp = filecmp.dircmp(a, b)
    out = [str(Path(cmp.left, n)) for n in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files]
    for sub in cmp.subdirs:
        out += _same_tree(a / sub, b / sub)
    return out


def _entries(root: Path) -> list[Path]:
    return sorted((root / FOLDER).glob("*.json"))


def test_a_cached_build_is_byte_identical_to_a_clean_one(project):
    clean = mkdocs_build(project, "--site-dir", "site-clean")
    assert clean.returncode == 0, clean.stderr
    entries = _entries(project)
    assert entries, "the clean build filled the cache"
    cached = mkdocs_build(project, "--site-dir", "site-cached")
    assert cached.returncode == 0, cached.stderr
    assert _same_tree(project / "site-clean", project / "site-cached") == []
    assert _entries(project) == entries  # every entry used, none added
    assert list((project / "build" / "template-cache").iterdir())  # the theme's compiled templates


@pytest.mark.parametrize("link", ["[gone](no-such-page.md)", "[gone](methodology.md#no-such-anchor)"])
def test_a_cached_build_fails_strict_on_a_broken_link_as_a_clean_one_does(project, link):
    """The warnings of a cached page are logged again: a page link checked while
    rendering, and an anchor checked after every page is rendered."""
    page = project / "docs" / "broken.md"
    write(page, f"---\ntitle: Broken\n---\n\n# Broken\n\nSee {link}.\n")
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(nav.replace("  - Home: index.md\n", "  - Home: index.md\n  - Broken: broken.md\n"),
                                        encoding="utf-8")
    clean = mkdocs_build(project)
    assert clean.returncode == 1
    assert "no-such" in clean.stderr
    # Mark the broken page's entry, to see that the second build took it from the cache.
    entry = next(e for e in _entries(project) if "no-such" in e.read_text(encoding="utf-8"))
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["html"] = data["html"].replace("<h1", "<h1 data-from-cache", 1)
    entry.write_text(json.dumps(data), encoding="utf-8")
    cached = mkdocs_build(project)
    assert cached.returncode == 1
    assert _log(cached) == _log(clean)
    assert "data-from-cache" in (project / "site" / "broken" / "index.html").read_text(encoding="utf-8")


def test_a_changed_brief_renders_its_page_again(project):
    assert mkdocs_build(project).returncode == 0
    brief = next((project / "briefs").glob("*.yaml"))
    text = brief.read_text(encoding="utf-8")
    summary = re.search(r"^summary: (.+)$", text, re.M)
    assert summary is not None
    brief.write_text(text.replace(summary.group(0), "summary: A bottom line changed for the cache test. It has two sentences."), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "briefs" / brief.stem / "index.html").read_text(encoding="utf-8")
    assert "A bottom line changed for the cache test." in html


def test_a_changed_configuration_renders_every_page_again(project):
    assert mkdocs_build(project).returncode == 0
    before = set(_entries(project))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("permalink: true", "permalink: '#'"), encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
    after = set(_entries(project))
    assert before and after and not before & after  # the old entries were pruned, none reused


def test_a_damaged_entry_is_rendered_again(project):
    assert mkdocs_build(project, "--site-dir", "site-clean").returncode == 0
    for entry in _entries(project):
        entry.write_text("{not json", encoding="utf-8")
    result = mkdocs_build(project, "--site-dir", "site-again")
    assert result.returncode == 0, result.stderr
    assert _same_tree(project / "site-clean", project / "site-again") == []
    json.loads(_entries(project)[0].read_text(encoding="utf-8"))  # rewritten whole


def test_deleting_the_cache_is_safe(project):
    assert mkdocs_build(project, "--site-dir", "site-clean").returncode == 0
    shutil.rmtree(project / FOLDER)
    assert mkdocs_build(project, "--site-dir", "site-again").returncode == 0
    assert _same_tree(project / "site-clean", project / "site-again") == []


def test_what_a_killed_build_left_half_written_is_removed(project):
    """An entry is written to a temporary name, then renamed: a build killed
    between the two leaves the temporary file, and the next build removes it."""
    assert mkdocs_build(project, "--site-dir", "site-clean").returncode == 0
    left = project / FOLDER / f".{_entries(project)[0].name}.x1y2z3.tmp"  # as write.atomic_write names it
    left.write_text('{"html": "half', encoding="utf-8")
    assert mkdocs_build(project, "--site-dir", "site-again").returncode == 0
    assert not left.exists()
    assert _entries(project)
