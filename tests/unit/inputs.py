"""Helpers for the input-side unit tests: a fixture project edited in place,
checked in-process, and the lines `python -m generator check` would print."""

from __future__ import annotations

from pathlib import Path

from generator.corpus import read_corpus
from generator.errors import BriefsInvalid

BRIEF = "briefs/fixture-brief.yaml"
SEED = "seeds/fixture.txt"


def edit(project: Path, old: str, new: str, path: str = BRIEF) -> None:
    f = project / path
    text = f.read_text(encoding="utf-8")
    assert old in text, old
    f.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(project: Path) -> list[str]:
    """The problem lines for ``project``, [] when it is valid."""
    try:
        read_corpus(project)
    except BriefsInvalid as e:
        return e.problems.lines()
    return []
