"""The limits in the README's "Limits" section: at the limit works, past it
gives the documented error, and the README states the numbers the code uses."""

from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import FIXTURE, REPO, make_project
from generator.cli import main
from generator.corpus import read_corpus
from generator.errors import BriefsInvalid, Problems
from generator.fields import MAX_BRIEF_CITES, MAX_CITES, MAX_ITEMS
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


def _citing(total: int) -> str:
    """The fixture brief with passages added to its framing lists until it holds
    ``total`` cites in all (its own ten, then up to five paragraphs a passage)."""
    text = BRIEF.read_text(encoding="utf-8")
    sizes = [5] * ((total - 10) // 5) + ([(total - 10) % 5] if (total - 10) % 5 else [])
    groups, room = {}, {"loaded_wording": MAX_ITEMS, "headline_vs_body": MAX_ITEMS - 1,
                        "unsourced_claims": MAX_ITEMS, "incoherent_passages": MAX_ITEMS}
    for name, free in room.items():
        groups[name] = "".join(f"    - note: Passage {i}.\n      cite: {list(range(1, size + 1))}\n"
                               for i, size in enumerate(sizes[:free]))
        sizes = sizes[free:]
    assert not sizes, "the framing lists hold too few cites for this total"
    old = "  loaded_wording: []\n  headline_vs_body:\n"
    cut = "      cite: [1, 3]\nassessments:"
    assert text.count(old) == 1 and text.count(cut) == 1
    text = text.replace(old, f"  loaded_wording:\n{groups['loaded_wording']}  headline_vs_body:\n")
    return text.replace(cut, f"      cite: [1, 3]\n{groups['headline_vs_body']}  unsourced_claims:\n"
                             f"{groups['unsourced_claims']}  incoherent_passages:\n{groups['incoherent_passages']}"
                             "assessments:")


def test_a_brief_of_exactly_max_brief_cites_is_accepted(tmp_path):
    from generator.marks import CITES, find

    root = make_project(tmp_path / "project")
    (root / "briefs" / "fixture-brief.yaml").write_text(_citing(MAX_BRIEF_CITES), encoding="utf-8")
    (record,) = read_corpus(root).records
    assert sum(len(f.value) for f in find(record.brief) if f.marker is CITES) == MAX_BRIEF_CITES


def test_one_cite_more_gives_the_documented_error_and_check_fails(tmp_path):
    root = make_project(tmp_path / "project")
    (root / "briefs" / "fixture-brief.yaml").write_text(_citing(MAX_BRIEF_CITES + 1), encoding="utf-8")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(root)
    assert e.value.problems.lines() == [
        "briefs/fixture-brief.yaml:1673:12: the brief has 4,001 cites in all, over the limit of 4,000"
        " (hint: keep only what the article supports; the README's Limits table gives every cap)"]
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 1 and "over the limit of 4,000" in result.stderr


def test_the_cite_past_the_limit_is_the_one_past_it_in_the_file(tmp_path):
    """Key points moved to the end of the brief: reading it down, the limit is
    reached in them, not in the framing lists the schema puts after them."""
    text = _citing(MAX_BRIEF_CITES + 1)
    start, end = text.index("key_points:\n"), text.index("quotes:\n")
    text = text[:start] + text[end:] + text[start:end]
    root = make_project(tmp_path / "project")
    (root / "briefs" / "fixture-brief.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(root)
    last = len(text.splitlines())
    (line,) = e.value.problems.lines()
    assert line.startswith(f"briefs/fixture-brief.yaml:{last}:12: the brief has 4,001 cites in all"), line


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
    assert f"{MAX_BRIEF_CITES:,} (`MAX_BRIEF_CITES`" in section
    assert re.search(r"the brief has 4,001 cites in all, over the limit of 4,000 \(hint: keep only", section)
