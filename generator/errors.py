"""User-facing errors: every problem names a file, a line and a column.

Errors are collected, never raised one at a time, so an editor sees every
mistake in every file from a single run (as MkDocs collects config errors
before aborting once).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Characters that must not reach a terminal or a CI log as they are: C0 and
# C1 controls and DEL (a newline in a value would start a line of its own,
# such as a forged `::notice` command in a GitHub Actions log; ESC starts
# terminal escapes), the line and paragraph separators, and the bidi controls
# (which reorder what is shown, CVE-2021-42574).
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with each character above written as an escape (``\\n``,
    ``\\x1b``, ``\\u202e``), so a message is always one line that shows
    what the file holds."""
    return _UNSHOWABLE.sub(_escape, text)


def _escape(m: re.Match) -> str:
    c = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (
        f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


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
        return visible(f"{where}: {self._text()}")

    def _text(self) -> str:
        return self.message + (f" (hint: {self.hint})" if self.hint else "")

    def github(self) -> str:
        """The problem as a GitHub workflow command, shown on the PR line."""
        # Workflow commands end at a newline (none is left) and treat % specially.
        text = visible(self._text()).replace("%", "%25")
        # Property values also end at `,` and `:` (a badly named file can hold them).
        path = visible(self.path).replace("%", "%25")
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

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(set(self.items)))

    def lines(self) -> list[str]:
        return [p.format() for p in self]


class BriefsInvalid(Exception):
    """Raised once, after every problem in every file has been collected."""

    def __init__(self, problems: Problems):
        self.problems = problems
        count = len(list(problems))
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the briefs")
