"""Pakistan's conditions and red lines (rows) against sources (columns)."""

from __future__ import annotations

from ..context import Site
from ..fields import ATTRIBUTION_LABELS
from ..output import Output
from ..stances import KIND_LABELS
from . import html as h
from . import links
from .common import article_short, as_of_html, cites_html

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
    out = [h.heading("Pakistan's conditions and red lines", 1), as_of_html(site.analysis, len(site.corpus.records)),
           h.p("Each row is a condition or red line the sources attribute to Pakistan: what a source says participation "
               "depends on, or what Pakistan will not do. Stances, demands and preferences on the same subjects are not "
               "counted; they are listed below the table with their kind. Each column is a source, newest first. A cell "
               f"says how that source reports it: {h.strong('on record')} (a named official says it, quoted or paraphrased), "
               f"{h.strong('reported')} (anonymous officials, unnamed reports, analysts or the outlet itself), "
               "with its kind; a blank cell, that the source does not give it as a condition. Each cell links to the "
               "paragraph.")]
    if len(reporting) > len(columns):
        out.append(h.p(f"The table shows the newest {len(columns)} of {len(reporting)} sources; the totals count them all."))
    # The key comes before the table: on a phone the table is a stack of cards
    # labelled S1, S2, and a reader should know what they stand for first.
    if columns:
        out.append(h.p(h.strong("Sources, newest first:") + " " + "; ".join(
            f"S{i}, {h.text(article_short(site.analysis.dates[r.id]))}: "
            f"{h.link(r.brief.title, links.rel(PAGE, links.brief(r.id)))}" for i, r in enumerate(columns, 1))))
    header = ["Condition", "On record", "Reported"] + [h.a(f"S{i}", links.rel(PAGE, links.brief(r.id)), title=r.brief.title)
                                                        for i, r in enumerate(columns, 1)]
    # On a phone each row is a card, far below the key: a card's "S1" says its source's date too.
    labels = ["", "", ""] + [f"S{i}, {article_short(site.analysis.dates[r.id])}" for i, r in enumerate(columns, 1)]
    rows = []
    for c in conditions:
        row = [h.text(c.topic.name), str(c.on_record), str(c.reported)]
        for r in columns:
            status = c.status(r.id)
            if status is None:
                row.append("")  # blank: not given as a condition (on a phone's card, left out)
                continue
            anchor = links.para_anchor(c.cells[r.id][0].cite[0])
            row.append(h.link(f"{status} ({c.kinds(r.id)})", links.rel(PAGE, links.brief(r.id), anchor)))
        rows.append(row)
    out.append(h.table(header, rows, labels) if rows else h.p("No source attributes a condition or red line to Pakistan."))
    other = [(c, s) for c in site.analysis.conditions for s in c.other]
    if other:
        out.append(h.heading("Related positions that are not conditions"))
        out.append(h.p("What sources report on the same subjects as a stance, a demand or a preference."))
        out.append(h.table(["Subject", "Kind", "Position", "Attribution", "Source"], [
            [h.text(c.topic.name), KIND_LABELS[s.item.kind], h.text(s.item.stance), ATTRIBUTION_LABELS[s.item.attribution],
             h.link(s.record.brief.title, links.rel(PAGE, links.brief(s.record.id))) + " "
             + cites_html(PAGE, s.record, s.item.cite)] for c, s in other]))
    return h.page("".join(out))
