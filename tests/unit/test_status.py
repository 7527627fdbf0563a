"""status.py: the home page's status block is checked like a brief; every error pinned."""

from __future__ import annotations

import pytest

from generator.corpus import read_corpus
from generator.errors import BriefsInvalid

STATUS = "briefs/registry/status.yaml"


def _problems(root, old: str, new: str) -> list[str]:
    path = root / STATUS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(root)
    return [line for line in e.value.problems.lines() if line.startswith(STATUS)]


def _at(root, value: str, after: str = "") -> str:
    """`line:col` of ``value`` (first found after ``after``) in the status file as
    edited: editors change the real file, so the tests find where the edit landed
    instead of pinning line numbers."""
    text = (root / STATUS).read_text(encoding="utf-8")
    before = text[:text.index(after + value) + len(after)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def test_the_real_status_block_is_valid_and_cited(real_project):
    status = read_corpus(real_project).status
    assert status is not None and status.rests_on and status.judgement and status.key_figures


def test_a_status_that_cites_nothing_is_refused(real_project):
    text = (real_project / STATUS).read_text(encoding="utf-8")
    head, _, rest = text.partition("rests_on:\n")
    rest = rest.split("judgement:", 1)[1]
    (real_project / STATUS).write_text(head + "rests_on: []\njudgement:" + rest, encoding="utf-8")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(real_project)
    assert [p for p in e.value.problems.lines() if p.startswith(STATUS)] == [
        f"{STATUS}:{_at(real_project, '[]', 'rests_on: ')}: `rests_on` is empty (hint: give at least one item)"]


def test_a_figure_must_stand_in_the_paragraph_it_cites(real_project):
    problems = _problems(real_project, 'figure: "20,000"', 'figure: "25,000"')
    where = _at(real_project, '"25,000"', "figure: ")
    assert problems == [
        f"{STATUS}:{where}: `25,000` does not appear in the cited paragraphs of "
        "`pakistan-rules-out-disarming-hamas-weighs-gaza-force` (hint: write the figure exactly as the article does, "
        "and cite its paragraph)"]


def test_a_cite_must_name_a_brief_and_a_paragraph_in_its_scope(real_project):
    assert _problems(real_project, "{brief: asif-gaza-force-decision-still-under-process, cite: [9, 13]}\n  - {brief",
                     "{brief: no-such-brief, cite: [9, 13]}\n  - {brief") == [
        f"{STATUS}:{_at(real_project, 'no-such-brief')}: no brief `no-such-brief` to cite (hint: give the id of a brief (its file name without .yaml))"]


def test_an_entity_description_cites_a_brief_that_exists(real_project):
    path = real_project / "briefs/registry/entities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{brief: pakistan-rules-out-disarming-hamas-weighs-gaza-force, cite: [9]}",
                                 "{brief: pakistan-rules-out-disarming-hamas-weighs-gaza-force, cite: [99]}", 1),
                    encoding="utf-8")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(real_project)
    (line,) = [p for p in e.value.problems.lines() if p.startswith("briefs/registry/entities.yaml")]
    assert line == ("briefs/registry/entities.yaml:30:78: cites paragraph 99, but the brief `pakistan-rules-out-disarming-hamas-weighs-gaza-force` "
                         "covers paragraphs 1-39 (hint: cite a paragraph of that brief's article)")
