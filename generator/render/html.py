"""Writing a view as HTML instead of Markdown, for Python-Markdown not to parse.

Why: parsing the views' Markdown was most of a rebuild under `mkdocs serve`
(a title edit changes some twenty of them).  A view written with these
functions is one HTML fragment; generator/prerendered.py hands it to
Python-Markdown as a finished tree, so only the tree's own passes run on it:
the glossary's abbreviations, the headings' ids and permalinks, and MkDocs'
link rewriting and checking, exactly as for a Markdown page.

The safety rule is render/text.py's: every brief text goes through `text`
(or `attr` in an attribute), which escapes what HTML reads as markup.  The
fragment must be well-formed XML, because it is parsed as such; `text` also
replaces the few characters XML cannot hold (validation refuses them in
briefs already: generator/chars.py).  nh3 still runs on every page.

Links are written between .md source paths, as in Markdown (render/links.py):
MkDocs rewrites and checks them in the tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The line a page's Markdown starts its HTML with (generator/prerendered.py).
MARKER = "<!-- generator: html -->"
#: The element that holds HTML kept as written (`raw`); no page has it.
RAW = "generator-raw"
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# What HTML reads as markup, and the characters XML 1.0 cannot hold.
_SPECIAL = re.compile("[&<>\"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(m: re.Match[str]) -> str:
    return _ESCAPES.get(m[0], "\ufffd")


def text(value: str | None, *, empty: str = "") -> str:
    """HTML that shows exactly ``value``, its white space folded to single spaces."""
    if value is None:
        return empty
    return _SPECIAL.sub(_escape, " ".join(value.split()))


attr = text  # an attribute value is escaped the same way (quotes included)


def quoted(value: str) -> str:
    return f"“{text(value)}”"


def link(label: str, target: str) -> str:
    """A link whose label is text; targets are generator-made .md paths."""
    return a(text(label), target)


def _attributes(attributes: dict[str, str]) -> str:
    """Attributes from keyword arguments, values as text (``aria_label`` is aria-label)."""
    return "".join(f' {name.replace("_", "-")}="{attr(value)}"' for name, value in attributes.items())


def a(label_html: str, target: str, **attributes: str) -> str:
    """A link whose label is HTML already; attribute values are text (``aria_label`` is aria-label)."""
    return f'<a href="{attr(target)}"{_attributes(attributes)}>{label_html}</a>'


def span(html: str, **attributes: str) -> str:
    """An inline element to hang attributes on (an ``id`` a link can jump to)."""
    return f"<span{_attributes(attributes)}>{html}</span>"


def strong(html: str) -> str:
    return f"<strong>{html}</strong>"


def em(html: str) -> str:
    return f"<em>{html}</em>"


def p(html: str) -> str:
    return f"<p>{html}</p>\n"


def heading(html: str, level: int = 2, anchor: str | None = None) -> str:
    """A section heading; the toc extension gives it its id and permalink, as in Markdown.
    A heading other pages link to has its ``anchor`` written here: a builder without
    the toc extension (Zensical) gives HTML pages' headings no id."""
    attrs = f' id="{attr(anchor)}"' if anchor else ""
    return f"<h{level}{attrs}>{html}</h{level}>\n"


def ul(items: Iterable[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"


def table(header: list[str], rows: list[list[str]], labels: list[str] | None = None) -> str:
    """A table as the `tables` extension writes one; cells are HTML already.
    ``labels``, text, name the columns on a phone's cards where a header is too
    short to (generator/tables.py); an empty one keeps the header's own text."""
    head = "".join(f'<th data-label="{attr(label)}">{h}</th>' if label else f"<th>{h}</th>"
                   for h, label in zip(header, labels or [""] * len(header), strict=True))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def page(body: str) -> str:
    """A page's content: the marker line, then its HTML."""
    return f"{MARKER}\n{body}"


def admonition(kind: str, title_html: str, body_html: str) -> str:
    """An admonition as the `admonition` extension writes `!!! kind "title"`."""
    return f'<div class="admonition {kind}">\n<p class="admonition-title">{title_html}</p>\n{body_html}</div>\n'


def details(kind: str, summary_html: str, body_html: str) -> str:
    """A collapsed block as pymdownx.details writes `??? kind "summary"`."""
    return f'<details class="{kind}">\n<summary>{summary_html}</summary>\n{body_html}</details>\n'


def raw(html_block: str) -> str:
    """A block of HTML that Python-Markdown keeps as written, as it keeps raw HTML in Markdown:
    the timeline's picture, whose `xlink:href` links MkDocs' link pass cannot read.  It must be
    the generator's own markup with every text escaped (timeline_svg.py)."""
    return f"<{RAW}>{text_block(html_block)}</{RAW}>\n" if html_block else ""


def text_block(value: str) -> str:
    """``value`` escaped with its line breaks kept."""
    return _SPECIAL.sub(_escape, value)
