"""Pieces every page uses: dates, citations, entity links."""

from __future__ import annotations

from ..corpus import Corpus
from ..model import When
from . import links
from .text import link, md

NOT_STATED = "*not stated*"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]


def when(w: When | None, *, marks: bool = True) -> str:
    """A date as precise as it is known, with inferred dates marked."""
    if w is None or w.date is None:
        return NOT_STATED
    parts = [int(p) for p in w.date.split("-")]
    if w.precision == "day":
        text = f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"
    elif w.precision == "month":
        text = f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    else:
        text = str(parts[0])
    if marks and w.basis == "inferred":
        text += " (inferred)"
    return text


def cites(page: str, brief_page: str, numbers: list[int]) -> str:
    """Links to the cited paragraphs, shown on the brief page's evidence list."""
    return " ".join(f"[¶{n}]({links.rel(page, brief_page, links.para_anchor(n))})" for n in numbers)


def entity(corpus: Corpus, page: str, entity_id: str | None) -> str:
    if entity_id is None:
        return NOT_STATED
    return link(corpus.entities[entity_id].name, links.rel(page, links.entity(entity_id)))


def topic(corpus: Corpus, topic_id: str) -> str:
    return md(corpus.topics[topic_id].name)


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


# ---- search ------------------------------------------------------------------------
# Every reader downloads the whole search index, so a page that grows with the
# number of briefs must keep that growth out of it (target: 4 KB per brief,
# docs/performance.md).  Material's search skips a heading's section, or a block,
# marked with this attribute (attr_list / md_in_html); sanitize.py lets it through.

# With a value, so that the search plugin also strips it from the page it writes.
NOT_SEARCHED = '{ data-search-exclude="true" }'


def unsearched_heading(title: str, level: int = 2) -> str:
    """A heading (fixed text, not brief text) whose section stays out of search."""
    return f"{'#' * level} {title} {NOT_SEARCHED}\n"


def unsearched_block(markdown: str) -> str:
    """Markdown blocks (an admonition, a table) kept out of search."""
    return f'<div data-search-exclude="true" markdown>\n\n{markdown}\n</div>\n'
