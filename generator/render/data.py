"""The Data page: what each export holds, with links to the files and the feed.

The files themselves come from exports.py; this page only describes them,
with counts of the same rows (tests/unit/test_exports.py checks that they agree).
"""

from __future__ import annotations

import posixpath

from ..context import Site
from ..exports import QUOTE_COLUMNS, TIMELINE_COLUMNS, quote_row_count, timeline_row_count
from ..output import Output
from . import links
from .common import as_of_html, plural, table
from .links import BRIEFS_JSON, BRIEFS_SCHEMA, FEED, QUOTES_CSV, TIMELINE_CSV

PAGE = links.DATA


def _href(path: str) -> str:
    return posixpath.relpath(path, posixpath.dirname(PAGE))


def _columns(names: list[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_data(site), in_nav=True, meta={"title": "Data and feed"})]


def render_data(site: Site) -> str:
    corpus = site.corpus
    events = timeline_row_count(site.analysis)
    quotes = quote_row_count(site.analysis)
    rows = [
        [f"[briefs.json]({_href(BRIEFS_JSON)})",
         f"Every brief ({len(corpus.records)}) with its id and file, and the registries of "
         f"{len(corpus.entities)} {'entity' if len(corpus.entities) == 1 else 'entities'}, {plural(len(corpus.topics), 'topic')} and {plural(len(corpus.tags), 'tag')}, "
         "exactly as validated."],
        [f"[briefs.schema.json]({_href(BRIEFS_SCHEMA)})",
         "The JSON Schema (draft 2020-12) of briefs.json, generated from the same models as the checks."],
        [f"[timeline.csv]({_href(TIMELINE_CSV)})",
         f"{plural(events, 'row')}, one per source reporting an event, in timeline order; rows with the same `entry` "
         f"are one happening. Columns: {_columns(TIMELINE_COLUMNS)}."],
        [f"[quotes.csv]({_href(QUOTES_CSV)})",
         f"{plural(quotes, 'row')}, one per verbatim quote, by speaker and date. Columns: {_columns(QUOTE_COLUMNS)}."],
        [f"[feed.xml]({_href(FEED)})",
         "An Atom feed with an entry per brief, newest article first. Feed readers find it from any page."],
    ]
    return "\n".join([
        "# Data and feed\n",
        as_of_html(site.analysis, len(corpus.records)),
        "Everything on this site is built from the briefs and registries below; "
        "the files are rebuilt with the site and may be reused with attribution to each source article.\n",
        table(["File", "What it holds"], rows),
        "## Notes\n",
        "- CSV files are UTF-8, comma-separated, with a header row (RFC 4180). Lists within a cell "
        "(actors, paragraphs) are separated by `;`. Paragraph numbers count the non-empty lines of the "
        "archived article.",
        "- `page` is the brief's page, relative to this site's address.",
        "- A CSV cell that would start with `=`, `+`, `-` or `@` starts with an apostrophe instead, so "
        "spreadsheets do not run it as a formula; briefs.json has every text exactly.",
        "- Dates are as precise as the article allows: `precision` says whether `date` is a day, a day and "
        "month without a year (written `--MM-DD`, as ISO 8601 does), a month, a year or unknown, and `basis` "
        "whether the article states it or the brief writer inferred it. In the CSV a `--MM-DD` date starts "
        "with an apostrophe too: a spreadsheet would read `--10-05` as a sum.",
        "- `expected` is `true` for a happening the article says is still to come, `false` for one it reports.\n",
    ])
