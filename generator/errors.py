"""User-facing errors: every problem names a file, a line and a column.

Errors are collected, never raised one at a time, so an editor sees every
mistake in every file from a single run (as MkDocs collects config errors
before aborting once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file.

    ``line`` and ``col`` are 1-based; they are 0 when the file has no lines
    to point at (a missing or unreadable file).
    """

    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def github(self) -> str:
        """The problem as a GitHub workflow command, shown on the PR line."""
        text = self.message + (f" (hint: {self.hint})" if self.hint else "")
        # Workflow commands end at a newline and treat % specially.
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        # Property values also end at `,` and `:` (a badly named file can hold them).
        path = self.path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        loc = f"file={path.replace(':', '%3A').replace(',', '%2C')}"
        if self.line:
            loc += f",line={self.line},col={self.col}"
        return f"::error {loc}::{text}"


@dataclass
class Problems:
    """An ordered collection of problems, reported together."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, line: int, col: int, message: str, hint: str = "") -> None:
        self.items.append(Problem(str(path), line, col, message, hint))

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(sorted(set(self.items)))

    def lines(self) -> list[str]:
        return [p.format() for p in self]


class BriefsInvalid(Exception):
    """Raised once, after every problem in every file has been collected."""

    def __init__(self, problems: Problems):
        self.problems = problems
        count = len(list(problems))
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the briefs")
