"""Pakistan's conditions and red lines (rows) against sources (columns)."""

from __future__ import annotations

from ..analyse import cell_status, newest_first
from ..corpus import Corpus
from ..model import Position
from . import links
from .common import table
from .text import front_matter, link, md

PAGE = "conditions.md"
#: Source columns in the matrix (newest first); totals cover every source.
MAX_COLUMNS = 10


def render_conditions(corpus: Corpus, matrix: dict[str, dict[str, list[Position]]]) -> str:
    reporting = {bid for cells in matrix.values() for bid in cells}
    columns = [r for r in newest_first(corpus) if r.id in reporting][:MAX_COLUMNS]
    out = [front_matter("Conditions tracker"), "# Pakistan's conditions and red lines\n",
           "Each row is a condition, red line or demand the sources attribute to Pakistan; each column a source, "
           "newest first. A cell says how that source reports it: **on record** (a named official says it), "
           "**reported** (anonymous officials, unnamed reports, analysts or the outlet itself), or — (not mentioned). "
           "Each cell links to the paragraph.\n"]
    if len(reporting) > len(columns):
        out.append(f"The table shows the newest {len(columns)} of {len(reporting)} sources; the totals count them all.\n")
    header = ["Condition", "On record", "Reported"] + [link(f"S{i}", links.rel(PAGE, links.brief(r.id)))
                                                        for i, r in enumerate(columns, 1)]
    rows = []
    for topic_id, cells in sorted(matrix.items(), key=lambda kv: (-len(kv[1]), corpus.topics[kv[0]].name.lower())):
        statuses = [cell_status(ps) for ps in cells.values()]
        row = [md(corpus.topics[topic_id].name), str(statuses.count("on record")), str(statuses.count("reported"))]
        for r in columns:
            ps = cells.get(r.id)
            if not ps:
                row.append("—")
                continue
            anchor = links.para_anchor(ps[0].cite[0])
            row.append(link(cell_status(ps), links.rel(PAGE, links.brief(r.id), anchor)))
        rows.append(row)
    out.append(table(header, rows))
    out.append("**Sources:** " + "; ".join(f"S{i}: {link(r.brief.title, links.rel(PAGE, links.brief(r.id)))}"
                                         for i, r in enumerate(columns, 1)) + "\n")
    return "\n".join(out)
