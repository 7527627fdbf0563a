"""The archived articles: paragraphs, and finding a quotation in them.

A paragraph is a non-empty line, numbered from 1, so that editors can count
them with `grep -v '^\\s*$' seeds/FILE | cat -n`.  Each seed is read once
per build however many briefs cite it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

# Folded when comparing a quote with its article: white space (including
# no-break spaces) and the straight/curly forms of quotation marks, because
# editors' keyboards and YAML quoting change exactly these.  Nothing else.
_QUOTE_MARKS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})
_SPACE = re.compile(r"[\s\u00a0\u2007\u202f]+")


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


@dataclass(frozen=True)
class Seed:
    name: str
    text: str

    @cached_property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]

    @cached_property
    def _folded(self) -> list[str]:
        return [fold(p) for p in self.paragraphs]

    def paragraph(self, number: int) -> str:
        return self.paragraphs[number - 1]

    def find(self, quote: str) -> list[int]:
        """Numbers of the paragraphs that contain ``quote`` verbatim (after folding)."""
        q = fold(quote)
        return [i for i, p in enumerate(self._folded, 1) if q in p]

    def closest(self, quote: str, within: list[int] | range | None = None) -> tuple[int, str]:
        """The paragraph and passage most like ``quote``, to show on a failed match."""
        q = fold(quote)
        best = (0, 0, "")
        numbers = within or range(1, len(self.paragraphs) + 1)
        for n in numbers:
            p = self._folded[n - 1]
            m = difflib.SequenceMatcher(None, q, p, autojunk=False).find_longest_match(0, len(q), 0, len(p))
            if m.size > best[0]:
                start = max(0, m.b - m.a)
                best = (m.size, n, p[start:start + len(q)])
        return best[1], best[2]


def load_seed(path: Path) -> Seed:
    return Seed(path.name, path.read_text(encoding="utf-8"))
