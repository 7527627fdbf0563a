"""Pakistan's conditions and red lines (rows) against sources (columns)."""

from __future__ import annotations

from ..context import Site
from ..output import Output
from . import links
from .common import table
from .text import link, md

PAGE = links.CONDITIONS
#: Source columns in the matrix (newest first); totals cover every source.
MAX_COLUMNS = 10


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_conditions(site), "briefs/registry/topics.yaml", in_nav=True,
                   meta={"title": "Conditions tracker"})]


def render_conditions(site: Site) -> str:
    conditions = site.analysis.conditions
    reporting = {bid for c in conditions for bid in c.cells}
    columns = [r for r in site.analysis.newest_first if r.id in reporting][:MAX_COLUMNS]
    out = ["# Pakistan's conditions and red lines\n",
           "Each row is a condition, red line or demand the sources attribute to Pakistan; each column a source, "
           "newest first. A cell says how that source reports it: **on record** (a named official says it), "
           "**reported** (anonymous officials, unnamed reports, analysts or the outlet itself), or — (not mentioned). "
           "Each cell links to the paragraph.\n"]
    if len(reporting) > len(columns):
        out.append(f"The table shows the newest {len(columns)} of {len(reporting)} sources; the totals count them all.\n")
    header = ["Condition", "On record", "Reported"] + [link(f"S{i}", links.rel(PAGE, links.brief(r.id)))
                                                        for i, r in enumerate(columns, 1)]
    rows = []
    for c in conditions:
        row = [md(c.topic.name), str(c.on_record), str(c.reported)]
        for r in columns:
            status = c.status(r.id)
            if status is None:
                row.append("—")
                continue
            anchor = links.para_anchor(c.cells[r.id][0].cite[0])
            row.append(link(status, links.rel(PAGE, links.brief(r.id), anchor)))
        rows.append(row)
    out.append(table(header, rows))
    out.append("**Sources:** " + "; ".join(f"S{i}: {link(r.brief.title, links.rel(PAGE, links.brief(r.id)))}"
                                         for i, r in enumerate(columns, 1)) + "\n")
    return "\n".join(out)
