"""The limits in the README's "Limits" section: at the limit works, past it
gives the documented error, and the README states the numbers the code uses."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURE, REPO, make_project
from generator.corpus import read_corpus
from generator.errors import BriefsInvalid, Problems
from generator.fields import MAX_CITES, MAX_ITEMS
from generator.load import MAX_BYTES, MAX_DEPTH, parse
from generator.site import outputs, site_of

MOST_BRIEFS_TESTED = 1000
BRIEF = FIXTURE / "briefs" / "fixture-brief.yaml"


def test_a_brief_of_exactly_max_bytes_is_accepted(tmp_path):
    root = make_project(tmp_path / "project")
    text = BRIEF.read_bytes()
    padding = MAX_BYTES - len(text) - 2
    (root / "briefs" / "largest.yaml").write_bytes(text + b"#" + b"x" * padding + b"\n")
    assert (root / "briefs" / "largest.yaml").stat().st_size == MAX_BYTES
    assert len(read_corpus(root).records) == 2


def test_one_byte_more_gives_the_documented_error(tmp_path):
    root = make_project(tmp_path / "project")
    text = BRIEF.read_bytes()
    (root / "briefs" / "too-large.yaml").write_bytes(text + b"#" + b"x" * (MAX_BYTES - len(text) - 1) + b"\n")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(root)
    assert e.value.problems.lines() == [
        "briefs/too-large.yaml:1:1: the file is 262,145 bytes, over the limit of 262,144 bytes"
        " (hint: split the brief or shorten its text)"]


def test_nesting_at_the_limit_loads_and_past_it_is_refused():
    def nested(depth: int) -> str:  # the top-level mapping is the first level
        return "a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"

    problems = Problems()
    assert parse(nested(MAX_DEPTH), "b.yaml", problems) is not None and not problems
    parse(nested(MAX_DEPTH + 1), "b.yaml", problems)
    assert problems.lines() == [
        f"b.yaml:1:{3 + MAX_DEPTH}: nesting deeper than 20 levels (hint: briefs need only a few levels)"]


def test_the_most_briefs_tested(tmp_path):
    """One corpus of MOST_BRIEFS_TESTED briefs is read, checked and rendered.
    (The full MkDocs build at that size is `make bench`'s subject, not a test's.)"""
    root = make_project(tmp_path / "project")
    (root / "briefs" / "fixture-brief.yaml").unlink()
    for i in range(MOST_BRIEFS_TESTED):
        shutil.copy(BRIEF, root / "briefs" / f"brief-{i:04d}.yaml")
    corpus = read_corpus(root)
    assert len(corpus.records) == MOST_BRIEFS_TESTED
    uris = {out.uri for out in outputs(site_of(corpus))}
    assert {f"briefs/brief-{i:04d}.md" for i in range(MOST_BRIEFS_TESTED)} <= uris


def test_the_readme_states_the_limits_the_code_uses():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Limits and guarantees\n", 1)[1].split("\n## ", 1)[0]
    assert f"{MAX_BYTES // 1024} KiB ({MAX_BYTES:,} bytes" in section
    assert f"{MAX_DEPTH} levels" in section
    assert f"{MOST_BRIEFS_TESTED:,} briefs" in section
    assert re.search(r"over the limit of 262,144 bytes \(hint: split the brief or shorten its text\)", section)
    assert "nesting deeper than 20 levels (hint: briefs need only a few levels)" in section
    assert f"{MAX_CITES} (`MAX_CITES`" in section and f"{MAX_ITEMS} (`MAX_ITEMS`" in section
