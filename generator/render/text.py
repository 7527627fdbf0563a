"""Turning brief text into Markdown that can only ever render as text.

Text from YAML is untrusted (briefs arrive in pull requests).  Every
character that Markdown, its extensions or HTML could read as syntax becomes
a numeric character reference, which Python-Markdown passes through
untouched and a browser shows as the character.  White space is folded to
single spaces so that no text can start a block (a list, a heading, code).
"""

from __future__ import annotations

import functools
import json
import re

# ASCII punctuation with a meaning to Markdown, the extensions in mkdocs.yml
# (tables, attr_list, abbr, pymdownx) or HTML, wherever it stands.  Prose
# punctuation (. , ; : ? / % - and the apostrophe) passes unchanged: it only
# means something at the start of a line, handled by _LINE_START.
_SPECIAL = "\\`*_{}[]()#+!|<>&~=^$\"@"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_ANY_SPECIAL = re.compile(f"[{re.escape(_SPECIAL)}]")
# _TABLE as a regex substitution: str.translate looks every character up in a
# dict once the text is not ASCII (a curly quote is enough), five times slower
# than substituting the few special characters a text holds.
_ESCAPE = functools.partial(_ANY_SPECIAL.sub, lambda m: _TABLE[ord(m[0])])
# A list item ("1." "1)" "-" ":"), which text could otherwise start.
_LINE_START = re.compile(r"^(\d*)([-:.)])")
_SPACE = re.compile(r"\s+")
_PAGE_TITLE_UNSAFE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "\\": "∖"})
# Characters PyYAML refuses or reads as line breaks.  json.dumps leaves them
# raw (it escapes only C0 controls), and when MkDocs cannot parse a page's
# front matter it renders the whole block as Markdown, raw HTML included.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def yaml_json(value: object) -> str:
    """A JSON value that YAML reads back unchanged, whatever characters it holds."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def md(text: str | None, *, empty: str = "") -> str:
    """Inline Markdown that renders exactly ``text``."""
    if text is None:
        return empty
    # The same as _SPACE.sub(" ", text).strip().translate(_TABLE) and a
    # _LINE_START.sub, several times as fast: this runs hundreds of times per
    # brief (tests/unit/test_render.py pins the two as equal).
    out = _ESCAPE(" ".join(text.split()))
    m = _LINE_START.match(out)
    return out if m is None else f"{m.group(1)}&#{ord(m.group(2))};{out[m.end():]}"


def quoted(text: str) -> str:
    return f"“{md(text)}”"


def page_title(text: str) -> str:
    """A page title for front matter, safe where themes strip tags and unescape entities.

    MkDocs themes print titles unescaped (`striptags` even decodes entities),
    so characters that make markup are swapped for look-alikes.  Validation
    already rejects them in titles; this is the second layer.
    """
    return yaml_json(_SPACE.sub(" ", text).strip().translate(_PAGE_TITLE_UNSAFE))


def link(label: str, target: str, title: str | None = None) -> str:
    """A link whose label (and title, the theme's tooltip) is escaped text;
    targets are always generator-made paths."""
    return f"[{md(label)}]({target}" + (f' "{md(title)}")' if title is not None else ")")
