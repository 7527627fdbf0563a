"""Seeds: one rule for paragraphs, and no hidden or control characters."""

from __future__ import annotations

import subprocess

import pytest

from generator.errors import Problems
from generator.seeds import Seed, read_seed
from unit.inputs import SEED, edit, problems

INVISIBLE = "(hint: delete it: such characters make text display differently from what it says)"
BREAK = "(hint: lines end only at a line feed; replace it with a new line)"


def _read(tmp_path, text: str) -> tuple[Seed | None, list[str]]:
    path = tmp_path / "s.txt"
    path.write_bytes(text.encode("utf-8"))
    found = Problems()
    return read_seed(path, "seeds/s.txt", found), found.lines()


@pytest.mark.parametrize("text, paragraphs", [
    ("one\n\ntwo\n", ["one", "two"]),
    ("one\r\n\r\ntwo\r\n", ["one", "two"]),          # CRLF is one break
    ("one\n  \t \ntwo", ["one", "two"]),             # spaces and tabs only: not a paragraph
    ("  one  \n\u00a0two\u00a0\n", ["one", "two"]),  # a no-break space beside text is text's
])
def test_paragraphs_are_lines_with_text_split_at_line_feeds(tmp_path, text, paragraphs):
    seed, found = _read(tmp_path, text)
    assert found == [] and seed.paragraphs == paragraphs


@pytest.mark.parametrize("text, line", [
    ("one\n\ntwo\r\n", None),
    ("one\n \u00a0 \ntwo\n", "seeds/s.txt:2:1: a line of white space that is not all plain spaces "
                              "(hint: empty the line: a paragraph is a line with text on it)"),
    ("one\rtwo\n", f"seeds/s.txt:1:4: line break character U+000D in the article {BREAK}"),
    ("one\n\u2028two\n", f"seeds/s.txt:2:1: line break character U+2028 in the article {BREAK}"),
    ("one\u2029two\n", f"seeds/s.txt:1:4: line break character U+2029 in the article {BREAK}"),
    ("one\x0ctwo\n", "seeds/s.txt:1:4: control character U+000C in text "
                     "(hint: delete it: control characters are never part of an article's text)"),
    ("one\n\x85two\n", "seeds/s.txt:2:1: control character U+0085 in text "
                       "(hint: delete it: control characters are never part of an article's text)"),
    ("a\x0bb\x1cc", "seeds/s.txt:1:2: control character U+000B in text "
                    "(hint: delete it: control characters are never part of an article's text)"),
])
def test_the_generator_counts_what_grep_counts(tmp_path, text, line):
    """Every character str.splitlines breaks at but grep does not is refused,
    so the README's `grep -v '^\\s*$' FILE | cat -n` numbers the paragraphs."""
    seed, found = _read(tmp_path, text)
    assert found == ([line] if line else [])
    if seed is not None:
        (tmp_path / "s.txt").write_bytes(text.encode("utf-8"))
        grep = subprocess.run(f"grep -v '^\\s*$' {tmp_path / 's.txt'} | cat -n", shell=True,
                              capture_output=True, text=True, env={"LC_ALL": "C.UTF-8"}).stdout
        assert len(grep.splitlines()) == len(seed.paragraphs)


@pytest.mark.parametrize("char", [
    "\u202e", "\u2066", "\u200b", "\u00ad", "\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u180e",
    "\ufe0f", "\U000e0041", "\U000e007f", "\U000e0100", "\ufeff", "\u2060", "\U000f0000", "\u0378",
])
def test_hidden_characters_in_a_seed_are_refused_with_their_place(tmp_path, char):
    seed, found = _read(tmp_path, f"Head\nSome text{char} here\n")
    assert seed is None and len(found) == 1
    assert found[0].startswith("seeds/s.txt:2:10: ") and f"U+{ord(char):04X} in text" in found[0]


def test_a_hidden_character_in_the_fixture_seed_names_the_seed(project):
    seed = project / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("the plan was", "the \u202eplan was"), encoding="utf-8")
    assert problems(project) == [f"seeds/fixture.txt:4:47: invisible or direction-changing character U+202E in text {INVISIBLE}"]


URDU = "وزیر نے کہا کہ منصوبہ زیرِ غور ہے اور ابھی کوئی فیصلہ نہیں ہوا"  # holds no joiner yet
URDU_QUOTE = "فیصلہ نہیں\u200cہوا"  # "no decision [has been] taken", with a ZWNJ between two letters


def test_an_urdu_quote_with_a_zero_width_non_joiner_is_accepted(project):
    text = URDU.replace("نہیں ہوا", "نہیں\u200cہوا")
    seed = project / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("An unrelated", text + "\nAn unrelated"), encoding="utf-8")
    edit(project, "  - text: under review\n", f"  - text: {URDU_QUOTE}\n")
    edit(project, "      note: '\"On Monday\" read against the article''s date.'\n    cite: [3]",
         "      note: '\"On Monday\" read against the article''s date.'\n    cite: [6]")
    edit(project, "    last: 5\n", "    last: 6\n")
    assert problems(project) == []


@pytest.mark.parametrize("text, ok", [
    ("می\u200cخواهم", True),       # Persian: between two letters
    ("क्\u200dष", True),            # Devanagari: after a virama (a mark), before a letter
    ("ad\u200cmin", False),         # between ASCII letters it only hides
    ("\u200cاردو", False),          # at the start
    ("اردو\u200c", False),          # at the end
    ("اردو\u200c اردو", False),     # before a space
    ("اردو\u200c\u200cاردو", False),  # two in a row
])
def test_joiners_stand_only_between_letters_of_scripts_that_use_them(text, ok):
    from generator.chars import refused

    assert (refused(text) is None) is ok


def test_fold_is_the_plain_definition():
    """fold() is written for speed; it must equal the plain rule: the quotation
    marks straightened, every run of white space one space, none at the ends."""
    import re

    from generator.seeds import _QUOTE_MARKS, fold

    table = str.maketrans(dict(_QUOTE_MARKS))

    def plain(s: str) -> str:
        return re.sub(r"[\s\u00a0\u2007\u202f]+", " ", s.translate(table)).strip()

    every = "".join(chr(c) for c in range(0x3100))  # every space, mark and control up to CJK
    for s in [every, every[::-1], "  \u201cHe said\u201d \u00a0\u2007 it\u2019s\x1c\x85 done.\u2029 ", "", " ", "\u2033"]:
        assert fold(s) == plain(s), repr(s[:40])
