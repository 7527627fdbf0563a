"""Views written as HTML (generator/prerendered.py) are built as Markdown pages are:
their links checked by MkDocs, so `--strict` fails on a broken one, from the
page cache too; the glossary and heading permalinks applied."""

from __future__ import annotations

import re

from tests.conftest import mkdocs_build

_TIMING = re.compile(r"Documentation built in [0-9.]+ seconds")


def _log(result) -> list[str]:
    return [_TIMING.sub("Documentation built", line) for line in result.stderr.splitlines()]


def test_a_broken_link_in_an_html_view_fails_strict_from_the_cache_too(project):
    """The sources page and every brief page link to a methodology heading; without it, both builds fail alike."""
    methodology = project / "docs" / "methodology.md"
    text = methodology.read_text(encoding="utf-8")
    methodology.write_text(text.replace("## Tone and sourcing are the brief writer's judgement", "## Renamed"),
                           encoding="utf-8")
    clean = mkdocs_build(project)
    assert clean.returncode == 1
    assert re.search(r"Doc file 'sources\.md' contains a link 'methodology\.md#tone-and-sourcing-are-the-brief-"
                     r"writers-judgement', but the doc 'methodology\.md' does not contain an anchor", clean.stderr)
    assert "briefs/fixture-brief.md' contains a link '../methodology.md#tone-and-sourcing" in clean.stderr
    cached = mkdocs_build(project)
    assert cached.returncode == 1
    assert _log(cached) == _log(clean)


def test_an_html_view_gets_the_glossary_and_permalinks(project):
    assert mkdocs_build(project).returncode == 0
    brief = (project / "site" / "briefs" / "fixture-brief" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="key-points">' in brief
    assert 'class="headerlink" href="#key-points"' in brief
    assert '<a href="#key-points" class="md-nav__link">' in brief  # the table of contents
    assert "<abbr title=" in brief
    assert "generator: html" not in brief and "generatorprerendered" not in brief
