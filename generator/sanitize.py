"""Second layer against script injection: generated pages' HTML through nh3.

The first layer is render/text.py: every character of brief text that
Markdown or HTML could read as syntax is escaped before Markdown sees it, so
a brief cannot make markup.  This pass assumes that layer has a hole: after
Python-Markdown has turned a generated page into HTML (the MkDocs
`on_page_content` event), nh3, a binding to the Rust sanitizer ammonia,
keeps only the elements and attributes Markdown and its extensions make
for these pages, and links only to http, https, mailto and relative
addresses.  Scripts, event handlers, `javascript:` URLs, styles, forms,
frames and comments cannot survive it.

Most pages are inside the allow-lists already, and running nh3 over them
cost a fifth of the hook's time, so a page is first matched against a
strict grammar of the HTML the allow-lists admit (`is_clean`): double-quoted
attributes from the lists, links that are relative or use an allowed scheme,
no comments, nothing else.  A page that matches is one nh3 would remove
nothing from, and is kept as Python-Markdown wrote it; anything else, the
smallest doubt included (an entity in a link, a single-quoted value), goes
through nh3.  tests/test_sanitize.py checks that claim against nh3 itself
with Hypothesis.

Hand-written pages in docs/ are reviewed like code and left as they are.
tests/test_injection.py checks that the pass removes nothing from the real
pages and that they take the quick way; when a new view needs another
element, add it here.
"""

from __future__ import annotations

import re

import nh3

# What Python-Markdown and the extensions in mkdocs.yml produce (tables,
# admonitions, abbr, attr_list, toc permalinks, details), and plain text
# markup a view might use.  No img, no media, no forms, no style.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ATTRIBUTES = {
    "*": {"class", "id", "title"},
    # Sections and blocks kept out of the search index (render/common.py); the
    # search plugin reads it after this pass, so it must survive it.
    "div": {"data-search-exclude"},
    "h2": {"data-search-exclude"},
    "h3": {"data-search-exclude"},
    "a": {"href"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "details": {"open"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


# Built once: a Cleaner keeps its allow-lists compiled between pages.
_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    strip_comments=True,
    link_rel=None,  # links are the generator's own; keep the HTML as Markdown made it
)


def clean(html: str) -> str:
    """``html`` with everything outside the allow-lists removed."""
    return _CLEANER.clean(html)


# The grammar of is_clean.  Possessive quantifiers (Python 3.11+) keep the
# match linear: nothing is ever tried twice.
_SPACE = r"[ \t\n\r\f]"  # HTML's own whitespace; Python's \s also takes U+00A0 and others
_ENTITY = "&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
_VALUE = f'"(?:[^"<&]++|{_ENTITY})*+"'
# A link: an allowed scheme, or relative (no colon before the first / ? or #).
# No entities but &amp; and no whitespace, so what the browser decodes is
# what is matched here: `jav&#97;script:` and `java\tscript:` go to nh3.
_URL_CHAR = r"[A-Za-z0-9._~!$'()*+,;=@%\[\]-]"
_URL = (f'"(?:(?:{"|".join(sorted(URL_SCHEMES))}):|{_URL_CHAR}*+(?=[/?#"]))'
        f'(?:{_URL_CHAR}++|[:/?#]|&amp;)*+"')
# The commonest first: the alternation is tried in order at every tag.
_FIRST = ("td", "a", "tr", "p", "li", "em", "strong", "abbr", "th", "h2", "ul", "table")


def _start_tag(tag: str) -> str:
    names = sorted(ATTRIBUTES.get("*", set()) | ATTRIBUTES.get(tag, set()))
    attributes = "|".join(f"{re.escape(name)}={_URL if name == 'href' else _VALUE}" for name in names)
    return f"{tag}(?:{_SPACE}++(?:{attributes}))*+{_SPACE}*+/?>"


def _grammar() -> re.Pattern:
    tags = sorted(TAGS, key=lambda t: (_FIRST.index(t) if t in _FIRST else len(_FIRST), t))
    start = "|".join(_start_tag(t) for t in tags)
    end = "|".join(tags)
    return re.compile(f"(?:[^<&]++|<(?:/(?:{end}){_SPACE}*+>|(?:{start}))|{_ENTITY})*+")


_ALLOWED_HTML = _grammar()


def is_clean(html: str) -> bool:
    """Whether ``html`` is already inside the allow-lists, by the grammar above."""
    return _ALLOWED_HTML.fullmatch(html) is not None


def page_content(html: str, page) -> str:
    """The `on_page_content` pass: pages the generator made are cleaned,
    unless they are clean already."""
    if page.file.generated_by is None or is_clean(html):
        return html
    return clean(html)
