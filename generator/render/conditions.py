"""Pakistan's conditions and red lines (rows) against sources (columns)."""

from __future__ import annotations

from ..context import Site
from ..fields import ATTRIBUTION_LABELS
from ..output import Output
from ..stances import KIND_LABELS
from . import links
from .common import cites, table
from .text import link, md

PAGE = links.CONDITIONS
#: Source columns in the matrix (newest first); totals cover every source.
MAX_COLUMNS = 10


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_conditions(site), "briefs/registry/topics.yaml", in_nav=True,
                   meta={"title": "Pakistan's conditions and red lines"})]


def render_conditions(site: Site) -> str:
    conditions = [c for c in site.analysis.conditions if c.cells]
    reporting = {bid for c in conditions for bid in c.cells}
    columns = [r for r in site.analysis.newest_first if r.id in reporting][:MAX_COLUMNS]
    out = ["# Pakistan's conditions and red lines\n",
           "Each row is a condition or red line the sources attribute to Pakistan: what a source says participation "
           "depends on, or what Pakistan will not do. Stances, demands and preferences on the same subjects are not "
           "counted; they are listed below the table with their kind. Each column is a source, newest first. A cell "
           "says how that source reports it: **on record** (a named official says it), **reported** (anonymous "
           "officials, unnamed reports, analysts or the outlet itself), or — (not as a condition), with its kind. "
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
            row.append(link(f"{status} ({c.kinds(r.id)})", links.rel(PAGE, links.brief(r.id), anchor)))
        rows.append(row)
    out.append(table(header, rows) if rows else "No source attributes a condition or red line to Pakistan.\n")
    if columns:
        out.append("**Sources:** " + "; ".join(f"S{i}: {link(r.brief.title, links.rel(PAGE, links.brief(r.id)))}"
                                             for i, r in enumerate(columns, 1)) + "\n")
    other = [(c, s) for c in site.analysis.conditions for s in c.other]
    if other:
        out.append("## Related positions that are not conditions\n")
        out.append("What sources report on the same subjects as a stance, a demand or a preference.\n")
        out.append(table(["Subject", "Kind", "Position", "Attribution", "Source"], [
            [md(c.topic.name), KIND_LABELS[s.item.kind], md(s.item.stance), ATTRIBUTION_LABELS[s.item.attribution],
             link(s.record.brief.title, links.rel(PAGE, links.brief(s.record.id))) + " "
             + cites(PAGE, s.record, s.item.cite)] for c, s in other]))
    return "\n".join(out)
