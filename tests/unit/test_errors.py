"""Messages reach terminals and CI logs: no character in them may start a line
of its own, reorder what is shown, or drive the terminal."""

from __future__ import annotations

import pytest

from generator.errors import Problem, visible


@pytest.mark.parametrize("raw, shown", [
    ("a\n::notice ::forged", "a\\n::notice ::forged"),
    ("a\r\nb", "a\\r\\nb"),
    ("tab\there", "tab\\there"),
    ("esc \x1b[31mred", "esc \\x1b[31mred"),
    ("del \x7f c1 \x85 \x9b", "del \\x7f c1 \\x85 \\x9b"),
    ("line\u2028para\u2029", "line\\u2028para\\u2029"),
    ("bidi \u202e \u2066 \u200f \u061c", "bidi \\u202e \\u2066 \\u200f \\u061c"),
    ("plain Urdu اردو\u200cمتن and curly “quotes”", "plain Urdu اردو\u200cمتن and curly “quotes”"),
])
def test_visible_escapes_what_a_terminal_would_act_on(raw, shown):
    assert visible(raw) == shown


def test_every_message_form_is_one_line():
    p = Problem("briefs/a\nb.yaml", 2, 3, "`x` is `v\n::notice file=x::owned`", "use \u202eone\r")
    assert p.format() == "briefs/a\\nb.yaml:2:3: `x` is `v\\n::notice file=x::owned` (hint: use \\u202eone\\r)"
    assert p.github() == ("::error file=briefs/a\\nb.yaml,line=2,col=3::`x` is `v\\n::notice file=x::owned` "
                          "(hint: use \\u202eone\\r)")
    assert Problem("a%,:.yaml", 0, 0, "100%").github() == "::error file=a%25%2C%3A.yaml::100%25"
