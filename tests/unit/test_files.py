"""Only plain files are read: a named pipe, a link loop or a folder where a
brief, registry or seed should be is a clean `path: message (hint: ...)`."""

from __future__ import annotations

import os

import pytest

from generator.errors import Problems
from generator.load import MAX_BYTES, read_text
from unit.inputs import BRIEF, SEED, problems

PIPE = "not a plain file but a named pipe (hint: briefs, registries and seeds must be plain files; replace it with the file itself)"
FOLDER = "not a plain file but a folder (hint: briefs, registries and seeds must be plain files; replace it with the file itself)"
LOOP = ("cannot read the file: Too many levels of symbolic links "
        "(hint: the link leads round in a loop; replace it with the file itself)")
PLACES = ["briefs/extra.yaml", "briefs/registry/tags.yaml", SEED]


def _replace(project, rel):
    path = project / rel
    if path.exists():
        path.unlink()
    return path


@pytest.mark.parametrize("rel", PLACES)
def test_a_named_pipe_is_refused_without_being_opened_for_reading(project, rel):
    os.mkfifo(_replace(project, rel))  # opening it to read would wait for a writer for ever
    assert problems(project) == [f"{rel}: {PIPE}"]


@pytest.mark.parametrize("rel", PLACES)
def test_a_link_loop_is_refused(project, rel):
    _replace(project, rel).symlink_to(os.path.basename(rel))  # points at itself
    assert problems(project) == [f"{rel}: {LOOP}"]


def test_a_loop_of_two_links(project):
    (project / "briefs" / "a.yaml").symlink_to("b.yaml")
    (project / "briefs" / "b.yaml").symlink_to("a.yaml")
    assert problems(project) == [f"briefs/a.yaml: {LOOP}", f"briefs/b.yaml: {LOOP}"]


@pytest.mark.parametrize("rel", ["briefs/x.yaml", "briefs/registry/tags.yaml", SEED])
def test_a_folder_with_a_file_name_is_refused_not_skipped(project, rel):
    _replace(project, rel).mkdir()
    assert problems(project) == [f"{rel}: {FOLDER}"]


def test_a_link_to_a_folder_is_refused(project):
    (project / "briefs" / "x.yaml").symlink_to("registry")
    assert problems(project) == [f"briefs/x.yaml: {FOLDER}"]


def test_a_huge_file_is_measured_not_read(tmp_path):
    """A 50 MB seed: refused from its size, with at most the cap + 1 byte read."""
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(50 * 2**20)  # sparse: no 50 MB written
    found = Problems()
    assert read_text(huge, "seeds/huge.txt", found, too_big="keep only the article's text") is None
    assert found.lines() == [f"seeds/huge.txt:1:1: the file is {50 * 2**20:,} bytes, over the limit of {MAX_BYTES:,} "
                             "bytes (hint: keep only the article's text)"]


def test_a_brief_removed_while_it_was_a_pipe_leaves_nothing_stuck(project):
    pipe = project / "briefs" / "extra.yaml"
    os.mkfifo(pipe)
    assert problems(project) == [f"briefs/extra.yaml: {PIPE}"]
    pipe.unlink()
    assert problems(project) == []
    assert (project / BRIEF).is_file()
