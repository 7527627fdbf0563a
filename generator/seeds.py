"""The archived articles: paragraphs, and finding a quotation in them.

A paragraph is a line that holds more than white space, numbered from 1.
Lines end at a line feed (LF); a CRLF counts as one.  Nothing else breaks a
line: when a seed is read, every other character that some tool would take
for a line break (a lone CR, form feed, vertical tab, U+001C-001E, U+0085,
U+2028, U+2029) is refused, with the other controls and hidden characters
chars.py refuses, and so is a line of white space that is not all ASCII
(a no-break space alone).  So the generator counts exactly the paragraphs
editors count with `grep -v '^\\s*$' seeds/FILE | cat -n`.  Each seed is
read once per build however many briefs cite it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import chars
from .errors import Problems
from .load import read_text

# Folded when comparing a quote with its article: white space (including
# no-break spaces) and the straight/curly forms of quotation marks, because
# editors' keyboards and YAML quoting change exactly these.  Nothing else.
_QUOTE_MARKS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
}.items()
#: Length of the character runs closest() compares a failed quote by.
GRAM = 4


def fold(text: str) -> str:
    # str.replace per mark, not str.translate: translate looks every character up
    # in a dict once the text is not ASCII, several times slower for an article.
    for mark, plain in _QUOTE_MARKS:
        text = text.replace(mark, plain)
    # Runs of white space (str.isspace, no-break spaces included) to one space.
    return " ".join(text.split())


@dataclass(frozen=True)
class Seed:
    name: str
    text: str

    @cached_property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    @cached_property
    def _folded(self) -> list[str]:
        return [fold(p) for p in self.paragraphs]

    def paragraph(self, number: int) -> str:
        return self.paragraphs[number - 1]

    def folded(self, number: int) -> str:
        """Paragraph ``number`` as quotes are compared with it (see fold)."""
        return self._folded[number - 1]

    def find(self, quote: str) -> list[int]:
        """Numbers of the paragraphs that contain ``quote`` verbatim (after folding)."""
        q = fold(quote)
        return [i for i, p in enumerate(self._folded, 1) if q in p]

    @cached_property
    def _grams(self) -> list[dict[str, int]]:
        """For each folded paragraph, where each of its GRAM-character runs first stands."""
        out = []
        for p in self._folded:
            first: dict[str, int] = {}
            for i in range(max(len(p) - GRAM + 1, 1)):
                first.setdefault(p[i:i + GRAM], i)
            out.append(first)
        return out

    def closest(self, quote: str, within: list[int]) -> tuple[int, str]:
        """The paragraph and passage most like ``quote``, to show on a failed match:
        the paragraph of ``within`` sharing the most GRAM-character runs with the
        quote (the earlier in ``within`` on a tie), and in it the passage where
        most of the shared runs line up.  Linear in the length of the quote and
        of the paragraphs, where a longest-common-substring search was not."""
        q = fold(quote)
        runs = {q[i:i + GRAM]: i for i in range(max(len(q) - GRAM + 1, 1))[::-1]}  # first place of each
        best, score = 0, 0
        for n in within:
            shared = len(runs.keys() & self._grams[n - 1].keys())
            if shared > score:
                best, score = n, shared
        if not best:
            return 0, ""
        where = self._grams[best - 1]
        shifts = Counter(where[g] - i for g, i in runs.items() if g in where)
        start = max(0, min(shifts, key=lambda s: (-shifts[s], s)))
        return best, self._folded[best - 1][start:start + len(q)]


# Breaks no line by the rule above, but would in other tools: refused.
_OTHER_BREAK = re.compile("\r(?!\n)|[\u2028\u2029]")
# A line of white space only, holding some that is not a space, tab or CR.
_BLANK_NOT_ASCII = re.compile(r"^(?=[^\S\n]*[^\S \t\r\n])[^\S\n]*$", re.M)


def read_seed(path: Path, display: str, problems: Problems) -> Seed | None:
    """Read and screen a seed; on a problem, record it (file, line, column) and return None."""
    text = read_text(path, display, problems, too_big="keep only the article's text")
    if text is None:
        return None
    found = [(i, *chars.problem(text[i], "an article")) for i in [chars.refused(text)] if i is not None]
    if m := _OTHER_BREAK.search(text):
        found.append((m.start(), f"line break character U+{ord(m.group()):04X} in the article",
                      "lines end only at a line feed; replace it with a new line"))
    if m := _BLANK_NOT_ASCII.search(text):
        found.append((m.start(), "a line of white space that is not all plain spaces",
                      "empty the line: a paragraph is a line with text on it"))
    if not found:
        return Seed(path.name, text)
    i, message, hint = min(found)
    problems.add(display, text.count("\n", 0, i) + 1, i - text.rfind("\n", 0, i), message, hint)
    return None
