"""The sanitizer's quick way: `is_clean` may only pass HTML nh3 would leave alone.

generator/sanitize.py skips nh3 for a page its grammar accepts.  That is
safe only if everything the grammar accepts is HTML from which nh3, with the
site's allow-lists, removes nothing.  nh3 itself is the judge: the same
input through the site's cleaner and through a permissive one (many more
tags, event handlers, any scheme, comments kept) must come out the same,
because both parse and write HTML the same way and differ only in what they
remove.  Hypothesis builds inputs from the pieces an attack would use.
"""

from __future__ import annotations

import os

import nh3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.sanitize import ATTRIBUTES, TAGS, clean, is_clean

_HOSTILE_TAGS = {"script", "style", "img", "iframe", "svg", "object", "embed", "textarea", "title", "form",
                 "input", "noscript", "template", "xmp", "base", "meta", "link"}
_EVERY_ATTRIBUTE = set().union(*ATTRIBUTES.values()) | {
    "href", "onclick", "onerror", "onload", "style", "src", "srcset", "formaction", "action", "data-x", "lang"}
PERMISSIVE = nh3.Cleaner(
    tags=set(TAGS) | _HOSTILE_TAGS, clean_content_tags=set(), attributes={"*": _EVERY_ATTRIBUTE},
    url_schemes={"http", "https", "mailto", "javascript", "data", "vbscript", "file"},
    strip_comments=False, link_rel=None,
)


@pytest.mark.parametrize("html, quick", [
    # What Python-Markdown writes for the real pages.
    ('<h2 data-search-exclude="true" id="key-points">Key points<a class="headerlink" href="#key-points"'
     ' title="Permanent link">&para;</a></h2>', True),
    ('<p>&#40;x&#41; <abbr title="International Monetary Fund">IMF</abbr> <a href="#p-1">¶1</a></p>', True),
    ('<td><a href="../../briefs/x/">x</a><br />y &amp; z</td>', True),
    ('<a href="https://example.org/a?b=1&amp;c=2#d">x</a>', True),
    ('<a href="mailto:a@example.org">x</a>', True),
    ('<p>1 &gt; 0 > -1</p>', True),
    # Anything else goes through nh3.
    ("<p>a<!-- hidden -->b</p>", False),
    ("<script>alert(1)</script>", False),
    ("<SCRIPT>alert(1)</SCRIPT>", False),
    ('<img src=x onerror="alert(1)">', False),
    ('<p onclick="alert(1)">x</p>', False),
    ('<a href="javascript:alert(1)">x</a>', False),
    ('<a href="JavaScript:alert(1)">x</a>', False),
    ('<a href=" javascript:alert(1)">x</a>', False),
    ('<a href="java\tscript:alert(1)">x</a>', False),
    ('<a href="jav&#97;script:alert(1)">x</a>', False),
    ('<a href="javascript&colon;alert(1)">x</a>', False),
    ('<a href="data:text/html,x">x</a>', False),
    ("<a href='#x'>x</a>", False),
    ("<a href=#x>x</a>", False),
    ('<a\u00a0href="#x">x</a>', False),
    ('<div data-search-exclude>x</div>', False),
    ('<p data-search-exclude="true">x</p>', False),
    ('<p title="a<b">x</p>', False),
    ("<p>a &copy b</p>", False),
    ("<p>a < b</p>", False),
    ("<!DOCTYPE html><p>x</p>", False),
    ("<![CDATA[x]]>", False),
    ("<?php x ?>", False),
    ('<p title="unclosed>x</p>', False),
])
def test_what_takes_the_quick_way(html, quick):
    assert is_clean(html) is quick
    if quick:
        assert PERMISSIVE.clean(html) == clean(html)


# Inputs are mostly what the grammar accepts, with hostile choices mixed in
# at every point (tag and attribute names, spaces, quotes, values, text), so
# that many accepted inputs carry something an attacker would try.
_HOSTILE_TAG_NAMES = sorted(_HOSTILE_TAGS) + ["A", "P", "Script", "a\u00a0", "!--", "!DOCTYPE", "?php"]
_HOSTILE_ATTRIBUTES = ["onclick", "onerror", "style", "src", "formaction", "HREF", "Title", "on", "xlink:href"]
_VALUES = [
    "x", "#p-1", "../x/", "https://example.org/a?b=1&amp;c", "mailto:a@example.org", "//example.org/", "/x:y", "x:y",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "java\tscript:x", "jav&#97;script:x",
    "javascript&colon;x", "&#106;avascript:x", "data:text/html,x", "vbscript:x", "a<b", "a>b", "&amp;", "&quot;",
    "&copy", "", "true",
]


def _mostly(usual: list[str], hostile: list[str]) -> st.SearchStrategy[str]:
    """One of ``usual`` four times in five, else one of ``hostile``."""
    return st.integers(0, 4).flatmap(lambda n: st.sampled_from(usual if n else hostile))


@st.composite
def _start_tag(draw) -> str:
    name = draw(_mostly(sorted(TAGS), _HOSTILE_TAG_NAMES))
    allowed = sorted(ATTRIBUTES["*"] | ATTRIBUTES.get(name, set()))
    attributes = ""
    for _ in range(draw(st.integers(0, 3))):
        space = draw(_mostly([" "], ["  ", "\n", "\t", "\u00a0", "/", ""]))
        attribute = draw(_mostly(allowed, _HOSTILE_ATTRIBUTES))
        quote = draw(_mostly(['"{}"'], ["'{}'", "{}", '"{}', " = \"{}\""]))
        attributes += f"{space}{attribute}={quote.format(draw(st.sampled_from(_VALUES)))}"
    if draw(st.booleans()) and draw(st.booleans()):
        attributes += draw(st.sampled_from([" open", " data-search-exclude", " href"]))
    return f"<{name}{attributes}{draw(_mostly(['>', ' />'], ['/>', '', chr(9) + '>', ' x>']))}"


_END = st.builds(lambda name, space: f"</{name}{space}>", _mostly(sorted(TAGS), _HOSTILE_TAG_NAMES),
                 _mostly([""], [" ", " x", "\n"]))
_TEXT = _mostly(["text", " ", "\n", "&amp;", "&para;", "&#40;", "&#x27;", "¶", ">", '"', "'"],
                ["&copy", "&", "<", "<!--", "-->", "]]>", "<![CDATA[", "\x00", "\u00a0", "&#0;"])
_HTML = st.lists(_start_tag() | _END | _TEXT, max_size=8).map("".join)


def _check(html: str) -> None:
    if is_clean(html):
        assert clean(html) == PERMISSIVE.clean(html), html


def test_every_tag_attribute_and_value():
    """Each tag with each attribute and each value, as the quick way's shape
    (double quotes, one space), one attribute at a time."""
    names = sorted(set().union(*ATTRIBUTES.values()) | set(_HOSTILE_ATTRIBUTES))
    for tag in sorted(TAGS) + _HOSTILE_TAG_NAMES:
        for name in names:
            for value in _VALUES:
                _check(f'<{tag} {name}="{value}">x</{tag}>')


def test_every_spelling_of_a_tag():
    """Spaces, quotes and endings of a tag, on a link and on a plain element."""
    for tag, name, value in (("a", "href", "#x"), ("a", "href", "javascript:x"), ("p", "title", "t"),
                             ("p", "onclick", "x")):
        for space in (" ", "  ", "\n", "\t", "\f", "\r", "\u00a0", "\u2028", "/", ""):
            for quote in ('="{}"', "='{}'", "={}", '="{}', ' = "{}"', "{}"):
                for end in (">", " />", "/>", "", "\t>", " x>", " >"):
                    _check(f"<{tag}{space}{name}{quote.format(value)}{end}x</{tag}>")


@given(_HTML)
@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "500")), deadline=None,
          derandomize="FUZZ_EXAMPLES" not in os.environ, database=None,
          suppress_health_check=[HealthCheck.too_slow])
def test_the_quick_way_passes_only_what_nh3_would_keep(html):
    if is_clean(html):
        assert clean(html) == PERMISSIVE.clean(html)
