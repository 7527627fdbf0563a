"""generator/theme_cache.py: under serve, a rebuild after a save gives the site a
clean build of the same files gives, byte for byte, while the pages whose
template inputs did not change come from the kept output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENV, make_project, mkdocs_build

# Two builds in one process, as `mkdocs serve` makes them (it reloads the config for
# each, and the hook's state lives on), with the edit given in argv between them.
SERVE_TWICE = r"""
import json, os, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, edits = sys.argv[1], json.loads(sys.argv[2])

def config():
    c = load_config("mkdocs.yml", site_dir=site)
    c.plugins.on_startup(command="serve", dirty=False)
    return c

build(config())
for path, old, new in edits:
    text = Path(path).read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    Path(path).write_text(text.replace(old, new), encoding="utf-8")
build(config())
hook = sys.modules["generator.hook"] if "generator.hook" in sys.modules else next(
    m for m in list(sys.modules.values()) if getattr(m, "themed", None) is not None and hasattr(m, "preview"))
hook.preview.stop_index()  # the search index of the last build: stopped, so the folder stays still
print(json.dumps({"hits": hook.themed.hits, "misses": hook.themed.misses}))
"""


def _serve_twice(root: Path, edits: list[tuple[str, str, str]]) -> dict:
    result = subprocess.run([sys.executable, "-c", SERVE_TWICE, str(root / "served"), json.dumps(edits)],
                            cwd=root, env=ENV, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def _files(site: Path) -> dict[str, bytes]:
    # The search index is written after the build, in the background under serve: not compared.
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and "pagefind" not in p.relative_to(site).parts}


@pytest.mark.parametrize("edits, hits", [
    # A brief's title: its page and the views that list it are rendered, the rest kept.
    ([("briefs/fixture-brief.yaml", "title: Minister says the plan is under review",
       "title: Minister says the plan is still under review")], "some"),
    # The configuration: every page is rendered again.
    ([("mkdocs.yml", "site_name: Pakistan and the Gaza Stabilization Force",
       "site_name: Pakistan and the ISF")], "none"),
    # A template of the theme's: every page is rendered again.
    ([("overrides/main.html", "{% block extrahead %}\n  {{ super() }}",
       "{% block extrahead %}\n  {{ super() }}\n  <meta name=\"x-edited\" content=\"yes\">")], "none"),
])
def test_a_rebuild_after_a_save_is_the_clean_build_of_the_saved_files(tmp_path, edits, hits):
    root = make_project(tmp_path / "p")
    counts = _serve_twice(root, edits)
    assert counts["misses"] > 0
    assert (counts["hits"] > 0) if hits == "some" else (counts["hits"] == 0), counts
    clean = mkdocs_build(root, "--site-dir", "clean")
    assert clean.returncode == 0, clean.stderr
    served, built = _files(root / "served"), _files(root / "clean")
    assert sorted(served) == sorted(built)
    assert [name for name in built if served[name] != built[name]] == []


def test_a_title_the_navigation_shows_renders_every_page_again(tmp_path):
    """A nav entry without a title of its own shows its page's title, on every page."""
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- Methodology: methodology.md", "- methodology.md"),
                      encoding="utf-8")
    counts = _serve_twice(root, [("docs/methodology.md", "# Methodology\n", "# How the briefs are made\n")])
    assert counts["hits"] == 0, counts
    clean = mkdocs_build(root, "--site-dir", "clean")
    assert clean.returncode == 0, clean.stderr
    served, built = _files(root / "served"), _files(root / "clean")
    assert b"How the briefs are made" in built["contributing/index.html"]  # in the nav of another page
    assert [name for name in built if served.get(name) != built[name]] == []
