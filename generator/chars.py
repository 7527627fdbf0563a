"""Which characters may stand in a brief's text or in an archived article.

Decided by Unicode category, not by a hand list, so that a character of a
kind nobody listed is refused too:

- Cc (controls, C0 and C1 and DEL), except tab, line feed and carriage
  return, which YAML and plain text use to lay out lines;
- Cf (format characters: bidi controls, zero-width marks, the soft hyphen,
  the tag block U+E0000-E007F, the Mongolian vowel separator...), except
  ZERO WIDTH NON-JOINER (U+200C) and ZERO WIDTH JOINER (U+200D) where they
  do their work, see below;
- Co (private use), Cs (surrogates) and Cn (unassigned in the Unicode
  version Python's unicodedata knows, and the noncharacters U+FFFE, U+FFFF);
- the default-ignorable code points that are not Cf: the combining grapheme
  joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the
  Khmer inherent vowels U+17B4 and U+17B5, the Mongolian free variation
  selectors U+180B-180D and U+180F, and the variation selectors
  U+FE00-FE0F and U+E0100-E01EF.

The joiners: Urdu, Persian and other scripts written with them need
U+200C (and U+200D) inside words, so either is accepted between two
letters or combining marks that are not ASCII (a joiner inside Latin text,
`ad\u200cmin`, only hides).  Anywhere else it is refused.
"""

from __future__ import annotations

import re
import unicodedata

_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
_IGNORABLE = frozenset([0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x3164, 0xFFA0,
                        *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)])
_JOINERS = "\u200c\u200d"
# Every character that could be refused: what is not printable ASCII or a
# tab, LF or CR.  Most text has few, so each is looked at on its own.
_CANDIDATE = re.compile("[^\t\n\r\x20-\x7e]")


def refused(text: str) -> int | None:
    """The index of the first character in ``text`` that may not stand there, or None."""
    # search, not finditer: this runs on every scalar of every brief, most of
    # them plain ASCII, and one search is the whole answer for those.
    m = _CANDIDATE.search(text)
    while m is not None:
        c = m.group()
        if ord(c) in _IGNORABLE:
            return m.start()
        if unicodedata.category(c) in _REFUSED_CATEGORIES and not (c in _JOINERS and _joins(text, m.start())):
            return m.start()
        m = _CANDIDATE.search(text, m.end())
    return None


def _joins(text: str, i: int) -> bool:
    """Whether the joiner at ``text[i]`` stands between two non-ASCII letters or marks."""
    return 0 < i < len(text) - 1 and all(
        not c.isascii() and unicodedata.category(c)[0] in "LM" for c in (text[i - 1], text[i + 1]))


def problem(c: str, owner: str = "a brief") -> tuple[str, str]:
    """(message, hint) for a refused character ``c`` in the text of ``owner``."""
    code = f"U+{ord(c):04X}"
    category = unicodedata.category(c)
    if category == "Cc":
        return (f"control character {code} in text",
                f"delete it: control characters are never part of {owner}'s text")
    if category in ("Co", "Cs", "Cn"):
        return (f"unassigned or private-use character {code} in text",
                "delete it: such characters have no agreed meaning and show differently on each reader's screen")
    return (f"invisible or direction-changing character {code} in text",
            "delete it: such characters make text display differently from what it says")
