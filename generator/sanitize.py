"""Second layer against script injection: generated pages' HTML through nh3.

The first layer is the escaping of every brief text: render/html.py on the
pages written as HTML, render/text.py (every character Markdown or HTML could
read as syntax) on those written as Markdown, so a brief cannot make markup.  This pass assumes that layer has a hole: after
Python-Markdown has turned a generated page into HTML (the MkDocs
`on_page_content` event), nh3, a binding to the Rust sanitizer ammonia,
keeps only the elements and attributes Markdown and its extensions make
for these pages, and links only to http, https, mailto and relative
addresses.  Scripts, event handlers, `javascript:` URLs, styles, forms,
frames and comments cannot survive it.

Every generated page goes through nh3, whatever it holds: the well-kept
sanitiser is the boundary, not a guess about which pages need it.

Hand-written pages in docs/ are reviewed like code and left as they are.
tests/system/test_injection.py checks that the pass removes nothing from the real
pages; when a new view needs another element, add it here.
"""

from __future__ import annotations

import nh3
from mkdocs.structure.pages import Page

# What Python-Markdown and the extensions in mkdocs.yml produce (tables,
# admonitions, abbr, attr_list, toc permalinks, details), and plain text
# markup a view might use.  No img, no media, no forms, no style.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    # The timeline's picture (render/timeline_svg.py): shapes, text and links, no style, script or foreignObject.
    "svg", "title", "line", "circle", "text",
})
ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href", "aria-label"},  # citations say what they open (render/links.py)
    "ol": {"start"},
    "td": {"colspan", "rowspan", "data-label"},  # generator/tables.py
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "details": {"open"},
    "svg": {"width", "height"},
    "line": {"x1", "y1", "x2", "y2"},
    "circle": {"cx", "cy", "r"},
    "text": {"x", "y"},
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


def page_content(html: str, page: Page) -> str:
    """The `on_page_content` pass: every page the generator made is cleaned."""
    return html if page.file.generated_by is None else clean(html)
