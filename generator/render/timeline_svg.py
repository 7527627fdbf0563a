"""A picture of the timeline, drawn at build time as inline SVG.

One mark per dated event, in date order, each a link to its entry on the
page.  The dates are evenly spaced stops rather than a scale: the events run
from decades back to single days, and on a scale every recent one would
fall on the same point.  Events of the same date stack up at their stop.

No script and no style attribute: colours come from reader.css through
classes and `currentColor`, so the picture follows light and dark and
prints.  Horizontal positions are percentages, so the picture takes the
page's width with its text at reading size.  Every text goes through text
(render/html.py); links can only be `#anchors`, written as `xlink:href`:
the theme's instant navigation rewrites every element's `href` on loading
a page, and an SVG link's `href` cannot be set that way (a script error).  The elements and
attributes used here are the ones generator/sanitize.py admits for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .html import text

_ANCHOR = re.compile(r"#[A-Za-z][A-Za-z0-9_-]*")
#: Vertical layout, in pixels: the gap between stacked marks, a mark's radius.
#: A mark is tapped, not only clicked: reader.css gives each a transparent
#: stroke that makes it a 24 px target (WCAG 2.5.8), so stacked marks stand
#: that far apart.
STEP, RADIUS = 24, 6
#: Horizontal margins, in percent of the width, so the outer labels fit.
LEFT, RIGHT = 8.0, 92.0
#: Date labels are laid out for the narrowest page the site is made for (a
#: 390 px phone: its text column is 358 px), so that none overlaps another
#: there; wider screens have room to spare.  A label is about CHAR_PX per
#: character at its size (0.6rem in reader.css, 12 px), estimated on the wide side.
NARROWEST_PX, CHAR_PX, GAP_PX = 358, 6.6, 6
#: Rows of date labels under the axis, at most: a stop whose label fits on none
#: shows no label; its marks' own titles say their dates, as the list below does.
MAX_ROWS = 4
#: Pixels from one row of labels to the next.
ROW_PX = 14


@dataclass(frozen=True)
class Mark:
    """One dated event: where it goes, what its stop is called, what it says, where it links."""

    order: tuple[int, ...]  # sortable, e.g. (year, month, day) with 0 for a part not known
    label: str
    text: str
    href: str


def _stops(marks: list[Mark]) -> list[list[Mark]]:
    """Marks grouped by date, in date order (the input order within a date)."""
    stops: dict[tuple[int, ...], list[Mark]] = {}
    for m in sorted(marks, key=lambda m: m.order):
        stops.setdefault(m.order, []).append(m)
    return list(stops.values())


def _label_rows(labels: list[tuple[float, str, str]]) -> list[int | None]:
    """For each label (its x in percent, its text, its anchor), in order along the
    axis: a row on which it clears its neighbours there by GAP_PX on the
    narrowest page, or None when no row of MAX_ROWS has room.  Labels are
    placed newest first, right to left, so that when some must go it is the
    oldest: a reader looks for the latest dates."""
    starts: list[float] = []  # the left edge of the last label placed on each row, in pixels
    rows: list[int | None] = [None] * len(labels)
    for i in reversed(range(len(labels))):
        x, label, anchor = labels[i]
        width = len(label) * CHAR_PX
        at = x / 100 * NARROWEST_PX
        left = at if anchor == "start" else at - width if anchor == "end" else at - width / 2
        row = next((r for r, start in enumerate(starts) if left + width + GAP_PX <= start), None)
        if row is None and len(starts) < MAX_ROWS:
            row = len(starts)
            starts.append(float("inf"))
        if row is not None:
            starts[row] = left
        rows[i] = row
    return rows


def timeline_svg(marks: list[Mark]) -> str:
    """Inline SVG with a linked mark per event, or "" when there is none."""
    for m in marks:
        if not _ANCHOR.fullmatch(m.href):
            raise ValueError(f"a timeline mark links only to an anchor on its page, not {m.href!r}")
    stops = _stops(marks)
    if not stops:
        return ""
    tallest = max(len(s) for s in stops)
    axis = 10 + RADIUS + STEP * (tallest - 1) + RADIUS + 6
    span = (RIGHT - LEFT) / (len(stops) - 1) if len(stops) > 1 else 0.0
    xs = [LEFT + span * i if span else (LEFT + RIGHT) / 2 for i in range(len(stops))]
    anchors = ["start" if i == 0 and span else "end" if i and i == len(stops) - 1 else "middle"
               for i in range(len(stops))]
    rows = _label_rows([(x, stop[0].label, anchor) for x, stop, anchor in zip(xs, stops, anchors, strict=True)])
    height = axis + 18 + ROW_PX * (max((r for r in rows if r is not None), default=0) + 1)
    out = [f'<svg class="timeline-chart__svg" width="100%" height="{height}">',
           f"<title>{len(marks)} dated event{'s' if len(marks) > 1 else ''}, in date order; "
           "select one to go to its entry</title>",
           f'<line class="timeline-chart__axis" x1="{LEFT:g}%" y1="{axis}" x2="{RIGHT:g}%" y2="{axis}"></line>']
    for stop, x_pct, anchor, row in zip(stops, xs, anchors, rows, strict=True):
        x = f"{x_pct:.2f}%"
        out.append(f'<line class="timeline-chart__tick" x1="{x}" y1="{axis}" x2="{x}" y2="{axis + 5}"></line>')
        if row is not None:
            # The outermost labels run inwards from their marks, so that they stay inside the picture.
            end = "" if anchor == "middle" else f" timeline-chart__label--{anchor}"
            out.append(f'<text class="timeline-chart__label{end}" x="{x}" y="{axis + 18 + ROW_PX * row}">'
                       f'{text(stop[0].label)}</text>')
        for k, m in enumerate(stop):
            cy = axis - 6 - RADIUS - STEP * k
            out.append(f'<a class="timeline-chart__mark" xlink:href="{m.href}">'
                       f'<title>{text(m.label)}: {text(m.text)}</title>'
                       f'<circle cx="{x}" cy="{cy}" r="{RADIUS}"></circle></a>')
    out.append("</svg>")
    return ('<figure class="timeline-chart">\n' + "".join(out) + "\n<figcaption>Every dated event, oldest first: "
            "the marks are in date order, evenly spaced, not to scale. Select one to go to its entry.</figcaption>\n"
            "</figure>\n")
