"""Whole-site tests: one strict `mkdocs build` of the real briefs, and a broken one."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, cli, make_project, mkdocs_build, pagefind_records, write

BRIEF_IDS = sorted(p.stem for p in (REPO / "briefs").glob("*.yaml"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("real") / "project", real=True)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return root / "site"


def test_five_real_briefs_exist():
    assert len(BRIEF_IDS) >= 5


@pytest.mark.parametrize("brief_id", BRIEF_IDS)
def test_a_page_per_brief_with_edit_link_to_yaml(site, brief_id):
    html = (site / "briefs" / brief_id / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'href="([^"]+)"[^>]*title="Edit this page"', html)
    assert edit and edit.group(1).endswith(f"/edit/main/briefs/{brief_id}.yaml")
    assert 'id="p-' in html  # cited paragraphs are on the page, each with an anchor


def test_every_paragraph_link_lands_on_an_anchor(site):
    """Every link to a cited paragraph (`../briefs/<id>/#p-9`, `#p-9`), on every
    page, finds an element with that id on its target page: MkDocs checks
    anchors only of links it writes from Markdown, not of raw HTML."""
    import posixpath

    ids: dict[str, set[str]] = {}

    def anchors(page: str) -> set[str]:
        if page not in ids:
            ids[page] = set(re.findall(r'\bid="(p-\d+)"', (site / page).read_text(encoding="utf-8")))
        return ids[page]

    links = 0
    for html in site.rglob("*.html"):
        page = html.relative_to(site).as_posix()
        for path, anchor in re.findall(r'href="([^"#]*)#(p-\d+)"', html.read_text(encoding="utf-8")):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path + "index.html")) if path else page
            assert anchor in anchors(target), f"{page} links to {target}#{anchor}, which is not there"
            links += 1
    assert links > 100


def test_search_index_covers_every_brief(site):
    assert {f"/briefs/{b}/" for b in BRIEF_IDS} <= pagefind_records(site).keys()


def test_briefs_index_lists_every_brief(site):
    html = (site / "briefs" / "index.html").read_text(encoding="utf-8")
    for brief_id in BRIEF_IDS:
        assert f'href="{brief_id}/"' in html


def test_nothing_is_written_into_docs(site):
    assert sorted(p.name for p in (site.parent / "docs").iterdir()) == sorted(p.name for p in (REPO / "docs").iterdir())


def test_broken_brief_fails_check_and_build_with_position(project):
    brief = project / "briefs" / "fixture-brief.yaml"
    brief.write_text(brief.read_text(encoding="utf-8").replace("summary:", "sumary:"), encoding="utf-8")
    expected = "briefs/fixture-brief.yaml:17:1: unknown field `sumary` (hint: did you mean `summary`?)"
    checked = cli(project, "check")
    assert checked.returncode == 1 and expected in checked.stderr.splitlines()
    built = mkdocs_build(project)
    assert built.returncode == 1
    assert f"ERROR   -  {expected}" in built.stderr.splitlines()
    assert "Traceback" not in built.stderr + checked.stderr
    assert not (project / "site" / "briefs").exists()


def test_deleted_brief_page_disappears(project):
    (project / "briefs" / "fixture-brief.yaml").unlink()
    assert mkdocs_build(project).returncode == 0
    assert not (project / "site" / "briefs" / "fixture-brief").exists()


def test_tags_allowed_drift_is_a_clean_error(project):
    tags = project / "briefs" / "registry" / "tags.yaml"
    tags.write_text(tags.read_text(encoding="utf-8").replace("name: Decision status", "name: Decision state"), encoding="utf-8")
    built = mkdocs_build(project)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    lines = [line for line in built.stderr.splitlines() if line.startswith("ERROR")]
    assert lines[0] == (
        "ERROR   -  briefs/registry/tags.yaml: the tag `Decision state` is missing from `tags_allowed` in mkdocs.yml "
        "(hint: add it there too, under plugins > tags > tags_allowed)")


def test_a_hand_written_file_at_a_generated_path_is_an_error(project):
    write(project / "docs" / "conditions.md", "# My own conditions page\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert ("ERROR   -  docs/conditions.md: a hand-written file stands where the generator writes one "
            "(hint: move or rename it: this path is generated from the briefs)") in result.stderr
    assert "hand-written files stand at generated paths: fix the lines above" in result.stderr
