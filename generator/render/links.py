"""Where each generated page and file lives, and relative links between them.

Every path in the site the generator writes or links to is named here and
nowhere else.  Links are written between .md source paths, as MkDocs
expects, so that `validation:` in mkdocs.yml checks every one of them on a
strict build.
"""

from __future__ import annotations

import posixpath
from functools import cache

from . import html
from .text import md

# The views, as paths in the docs tree.
HOME = "index.md"
BRIEFS = "briefs/index.md"
SOURCES = "sources.md"
CONTRADICTIONS = "contradictions.md"
CONDITIONS = "conditions.md"
COUNTRIES = "countries.md"
QUOTES = "quotes.md"
ENTITIES = "entities/index.md"
TIMELINE = "timeline/index.md"
SITUATION = "situation.md"
DATA = "data/index.md"
REFERENCE = "reference.md"
METHODOLOGY = "methodology.md"

# The files that are not pages.
BRIEFS_JSON = "data/briefs.json"
BRIEFS_SCHEMA = "data/briefs.schema.json"
TIMELINE_CSV = "data/timeline.csv"
QUOTES_CSV = "data/quotes.csv"
FEED = "feed.xml"



def brief(brief_id: str) -> str:
    return f"briefs/{brief_id}.md"


def entity(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def timeline_period(period: str, part: int = 1) -> str:
    """A period's own timeline page (`YYYY-MM`, `YYYY` or `undated`), in parts of a fixed size."""
    return f"timeline/{period}.md" if part == 1 else f"timeline/{period}-part-{part}.md"


def site_path(brief_id: str) -> str:
    """A brief's page relative to the site's root (MkDocs' directory URLs), for the exports and feed."""
    return f"briefs/{brief_id}/"


#: The brief page's Framing section, which the sources page links to (render/brief.py).
FRAMING = "framing"


def question_anchor(topic_id: str) -> str:
    """A question's heading on the contradictions page: the topic's id, which outlives a change of its name."""
    return topic_id


def tension_anchor(topic_id: str) -> str:
    """The same question's heading among the tensions, set against a position."""
    return f"tension-{topic_id}"


def para_anchor(n: int) -> str:
    return f"p-{n}"


#: Characters of a cited paragraph shown in its link's preview (its tooltip).
PREVIEW_CHARS = 200


def cite(from_page: str, brief_id: str, source_title: str, n: int, paragraph: str) -> str:
    """A "¶n" link to paragraph ``n`` of a brief's evidence list.  Its accessible
    name says what it opens ("paragraph 9 of <source>"), and its title, which
    the theme shows as a tooltip (`content.tooltips`), previews the paragraph.
    Both are article or brief text, escaped by md (attr_list keeps the
    character references as they are).  The source's title in the name is cut
    like a preview: a brief's title may be 4,000 characters, repeated in every link."""
    href = rel(from_page, brief(brief_id), para_anchor(n))
    return (f'[¶{n}]({href}){{ aria-label="paragraph {n} of {md(preview(source_title))}" '
            f'title="{md(preview(paragraph))}" }}')


def cite_html(from_page: str, brief_id: str, source_title: str, n: int, paragraph: str) -> str:
    """`cite` for a view written as HTML (render/html.py): the same link and attributes."""
    return html.a(f"¶{n}", rel(from_page, brief(brief_id), para_anchor(n)),
                  aria_label=f"paragraph {n} of {preview(source_title)}", title=preview(paragraph))


def preview(paragraph: str) -> str:
    """The start of a paragraph, cut at a word and marked when cut."""
    if len(paragraph) <= PREVIEW_CHARS:
        return paragraph
    return paragraph[:PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"


def rel(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link from one page's source path to another's (and an anchor)."""
    if from_page == to_page:
        return f"#{anchor}" if anchor else posixpath.basename(to_page)
    folder, _, name = to_page.rpartition("/")
    up = _folder_rel(from_page.rpartition("/")[0], folder)
    return (name if up == "." else f"{up}/{name}") + (f"#{anchor}" if anchor else "")


@cache
def _folder_rel(from_folder: str, to_folder: str) -> str:
    # posixpath.relpath makes both paths absolute (a getcwd() call each time);
    # pages link between a handful of folders a hundred thousand times at
    # scale, so the answer is kept per pair of folders.
    return posixpath.relpath(to_folder or ".", from_folder or ".")
