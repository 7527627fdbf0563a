"""CONTRIBUTING.md: one text, shown by GitHub and published as the site's
contributing page (docs/contributing.md includes it with pymdownx.snippets).

Its links are reference-style and each place defines them for itself, so
the tests check both sets of definitions, that nothing in the text links in
a way only one place could follow, and that it stays true to the project:
every brief field, command and make target it names exists."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import REPO, make_project, mkdocs_build
from generator.cli import main
from generator.model import Brief, Source

TEXT = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
PAGE = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
START, END = "<!-- --8<-- [start:body] -->", "<!-- --8<-- [end:body] -->"
BODY = TEXT[TEXT.index(START) + len(START):TEXT.index(END)]
DEFINITION = re.compile(r"^\[([^\]]+)\]: (\S+)$", re.M)


def definitions(text: str) -> dict[str, str]:
    return dict(DEFINITION.findall(text))


def used_labels() -> set[str]:
    return set(re.findall(r"\]\[([^\]]+)\]", BODY))


def test_the_page_includes_the_body_of_contributing_md():
    assert TEXT.count(START) == 1 and TEXT.count(END) == 1 and TEXT.startswith(START)
    assert '--8<-- "CONTRIBUTING.md:body"' in PAGE.splitlines()


def test_links_work_in_both_places():
    # Inline links could point to only one of GitHub and the site: only
    # anchors on the page itself and absolute addresses are allowed inline.
    for target in re.findall(r"\]\(([^)]*)\)", BODY):
        assert target.startswith(("#", "https://", "http://")), target
    for target in re.findall(r"<(https?://[^>]+)>", BODY):
        assert target.startswith("http")
    assert not DEFINITION.search(BODY)  # definitions live outside the included part
    github, site = definitions(TEXT[TEXT.index(END):]), definitions(PAGE)
    assert used_labels() == set(github) == set(site)
    for target in github.values():
        assert target.startswith("https://") or (REPO / target).exists(), target
    for label, target in site.items():
        # Relative targets are pages: hand-written ones in docs/, or reference.md, which the
        # generator makes (the strict build below proves every one resolves).
        assert target.startswith("https://") or (REPO / "docs" / target).exists() or target == "reference.md", label


def test_the_published_addresses_follow_mkdocs_yml():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url: (\S+)$", config, re.M).group(1)
    assert definitions(TEXT)["reference"] == site_url + "reference/"
    assert f"<http://127.0.0.1:8000{urlsplit(site_url).path}>" in BODY  # where `make serve` serves it


def test_it_covers_what_an_editor_needs():
    for name in [*Brief.model_fields, *Source.model_fields]:
        assert f"`{name}`" in BODY, f"the field `{name}` is not described"


def test_the_commands_it_names_exist():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make (\w+)`", BODY)):
        assert re.search(rf"^{target}:", makefile, re.M), target
    for command in set(re.findall(r"python -m generator (\w+)", BODY)):
        assert command in main.commands, command
    for path in ("requirements-dev.txt", ".pre-commit-config.yaml", "briefs/registry/entities.yaml",
                 "briefs/registry/topics.yaml", "briefs/registry/tags.yaml", "generator/model.py"):
        assert path in BODY and (REPO / path).exists(), path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("contributing") / "project")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_the_site_publishes_it_with_working_links(site):
    html = (site / "contributing" / "index.html").read_text(encoding="utf-8")
    for heading in re.findall(r"^## (.+)$", BODY, re.M):
        assert f">{heading}<" in html
    assert 'href="../reference/"' in html and 'href="../methodology/"' in html
    assert "--8&lt;--" not in html and "[start:body]" not in html
