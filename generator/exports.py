"""Delivered beside the pages: the data as files, and the Atom feed.

`outputs(site)` returns them as `Output`s, like the pages: the hook adds
each as a generated file and `generator render` writes them next to the
pages, so the two deliveries publish the same bytes.  Nothing here reads the clock: the
output depends only on the briefs, so builds are reproducible.

- data/briefs.json: every brief and registry, as validated (ids included);
- data/briefs.schema.json: its JSON Schema, derived from the same models;
- data/timeline.csv and data/quotes.csv: one row per report / per quote;
- feed.xml: an Atom feed with an entry per brief (see feed.py).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from .analyse import Analysis
from .context import Site
from .corpus import Corpus
from .fields import Id
from .model import Brief, Entity, Tag, Topic, When
from .output import Output
from .render.links import BRIEFS_JSON, BRIEFS_SCHEMA, QUOTES_CSV, TIMELINE_CSV
from .render.links import site_path as page_path

# ---- JSON ----------------------------------------------------------------------------


class ExportedBrief(BaseModel):
    """One brief with where it comes from."""

    model_config = ConfigDict(extra="forbid")
    id: Id = Field(description="The brief's id: its file name without `.yaml`.")
    file: str = Field(description="The brief's YAML file in the repository.")
    page: str = Field(description="The brief's page on the site, relative to the site's root.")
    brief: Brief = Field(description="The brief as validated.")


class Export(BaseModel):
    """All briefs and the shared registries, as the site was built from them."""

    model_config = ConfigDict(extra="forbid")
    briefs: list[ExportedBrief] = Field(description="Every brief, by id.")
    entities: list[Entity] = Field(description="briefs/registry/entities.yaml")
    topics: list[Topic] = Field(description="briefs/registry/topics.yaml")
    tags: list[Tag] = Field(description="briefs/registry/tags.yaml")


def export_model(corpus: Corpus) -> Export:
    return Export(
        briefs=[ExportedBrief(id=r.id, file=r.path, page=page_path(r.id), brief=r.brief) for r in corpus.records],
        entities=list(corpus.entities.values()),
        topics=list(corpus.topics.values()),
        tags=list(corpus.tags.values()),
    )


@functools.cache
def export_schema() -> dict:
    # Serialization mode: the schema describes the file as written, defaults included.
    # Cached: it depends only on the models, and pydantic takes ~50 ms to make it.
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            **Export.model_json_schema(mode="serialization")}


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


# ---- CSV -----------------------------------------------------------------------------

TIMELINE_COLUMNS = ["entry", "date", "precision", "basis", "date_note", "event", "expected", "actors",
                    "brief_id", "brief_title", "paragraphs", "page"]
QUOTE_COLUMNS = ["speaker_id", "speaker", "date", "precision", "venue", "quote", "note",
                 "brief_id", "brief_title", "paragraphs", "page"]
# Spreadsheets run a cell that starts with a formula character (`=`, `+`,
# `-`, `@`, their full-width forms, or a tab or CR before one); briefs arrive
# in pull requests, so such a cell gets a leading apostrophe (OWASP's advice
# on CSV injection).  A spreadsheet that splits on another separator (`;` in
# many locales, a tab, a line break, `|`) starts a cell inside the text, so a
# formula character after a separator and any white space gets an apostrophe
# too.  The JSON export keeps every text exactly.
_FORMULA = re.compile("(^|[,;|\t\r\n])([ \t\r\n]*)([=+@\uff1d\uff0b\uff0d\uff20-])")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A function, not the template r"\1\2'\3": for a template, re looks up its
    # parse and makes a filter in Python on every call, and this runs for every cell.
    return _FORMULA.sub(lambda m: f"{m[1]}{m[2]}'{m[3]}", text)


def _date_cells(w: When | None) -> list[str]:
    if w is None:
        return ["", "unknown", "", ""]
    return [w.date or "", w.precision, w.basis, w.note or ""]


def timeline_rows(analysis: Analysis) -> list[list[str]]:
    """One row per report of a happening, in timeline order; `entry` groups the reports of one happening."""
    rows = []
    for t in analysis.timeline:
        for s in t.reports:
            r, e = s.record, s.item
            rows.append([t.key, *_date_cells(e.when), e.text, "true" if e.expected else "false", ";".join(e.actors),
                         r.id, r.brief.title, ";".join(map(str, e.cite)), page_path(r.id)])
    return rows


def timeline_row_count(analysis: Analysis) -> int:
    """len(timeline_rows(...)) without making the rows (the Data page's count)."""
    return sum(len(t.reports) for t in analysis.timeline)


def quote_row_count(analysis: Analysis) -> int:
    """len(quote_rows(...)) without making the rows (the Data page's count)."""
    return sum(len(sq.quotes) for sq in analysis.quotes)


def quote_rows(analysis: Analysis) -> list[list[str]]:
    """One row per quote, by speaker name and then by the date it was said, as on the Quotes page."""
    rows = []
    for sq in analysis.quotes:
        eid = sq.speaker.id
        for s in sq.quotes:
            r, q = s.record, s.item
            date, precision, _basis, _note = _date_cells(q.date)
            rows.append([eid, sq.speaker.name, date, precision, q.venue or "", q.text, q.note or "",
                         r.id, r.brief.title, ";".join(map(str, q.cite)), page_path(r.id)])
    return rows


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


# ---- all of it -----------------------------------------------------------------------


def outputs(site: Site) -> list[Output]:
    """Every data file (the feed is feed.py's)."""
    return [
        # pydantic's own serializer writes the same text as _json(model_dump(...))
        # five times faster: json.dumps with indent runs in pure Python (make bench).
        Output(BRIEFS_JSON, export_model(site.corpus).model_dump_json(indent=2) + "\n"),
        Output(BRIEFS_SCHEMA, _json(export_schema())),
        Output(TIMELINE_CSV, _csv(TIMELINE_COLUMNS, timeline_rows(site.analysis))),
        Output(QUOTES_CSV, _csv(QUOTE_COLUMNS, quote_rows(site.analysis))),
    ]


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` or `!ENV` tags are not needed here."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def site_info(root: Path) -> dict[str, str | None]:
    """`site_name` and `site_url` from the project's mkdocs.yml, for `generator render`."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    url = config.get("site_url") if isinstance(config.get("site_url"), str) else None
    if url and not url.endswith("/"):
        url += "/"  # as MkDocs does
    name = config.get("site_name") if isinstance(config.get("site_name"), str) else ""
    return {"site_name": name, "site_url": url}
