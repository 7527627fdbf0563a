"""The Zensical path: `make zensical` renders the pages with the CLI and builds
them with Zensical from the same mkdocs.yml; every brief page is in that site."""

from __future__ import annotations

import html as html_lib
import importlib.util
import re
import sys

import pytest

from conftest import IN_GITHUB_ACTIONS, REPO, make_project, run
from generator.corpus import read_corpus

SCRIPT = REPO / "tools" / "zensical_build.py"

HAVE_ZENSICAL = importlib.util.find_spec("zensical") is not None
needs_zensical = pytest.mark.skipif(
    not HAVE_ZENSICAL and not IN_GITHUB_ACTIONS,  # the workflow installs it: never skip there
    reason="zensical is not installed (optional): `.venv/bin/pip install -r requirements-dev.txt`")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("zensical") / "project", real=True)
    result = run([sys.executable, str(SCRIPT)], cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return root


@needs_zensical
def test_every_brief_has_its_page_in_the_zensical_site(built):
    site = built / "build/zensical/site"
    corpus = read_corpus(built)
    assert len(corpus.records) >= 5
    for record in corpus.records:
        html = (site / "briefs" / record.id / "index.html").read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        # The heading's text, without the glossary's <abbr> and the permalink.
        text = html_lib.unescape(re.sub(r"<a [^>]*headerlink.*?</a>|<[^>]+>", "", h1)).strip()
        assert text == record.brief.title
    for index in ("index.html", "briefs/index.html", "entities/index.html", "methodology/index.html"):
        assert (site / index).is_file(), index
    # The hand-written page that includes CONTRIBUTING.md (pymdownx.snippets) works there too.
    assert "How the provenance checks work" in (site / "contributing/index.html").read_text(encoding="utf-8")


@needs_zensical
def test_the_build_stays_in_its_folder(built):
    """Config and docs are copies, the rest links: nothing is written at the project root."""
    out = built / "build/zensical"
    assert (out / "mkdocs.yml").read_text(encoding="utf-8") == (built / "mkdocs.yml").read_text(encoding="utf-8")
    assert not (out / "mkdocs.yml").is_symlink() and not (out / "docs").is_symlink()
    assert (out / "generator").is_symlink()
    assert not (built / ".cache").exists() and not (built / "site").exists()
    assert sorted(p.name for p in (built / "docs").iterdir()) == sorted(p.name for p in (REPO / "docs").iterdir())


def test_without_zensical_it_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("zensical_build", SCRIPT)  # a script, not a package's module
    zensical_build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(zensical_build)
    monkeypatch.setattr(zensical_build.importlib.util, "find_spec", lambda name: None)
    assert zensical_build.main(tmp_path) == 1
    assert capsys.readouterr().err == (
        "zensical is not installed: run `.venv/bin/pip install -r requirements-dev.txt` "
        "(it pins the Zensical release this build is tested with)\n")
    assert not (tmp_path / "build").exists()


def test_make_zensical_runs_the_script():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^zensical: \$\(STAMP\)\n\t\$\(PY\) tools/zensical_build\.py$", makefile, re.M)
