"""A picture of the timeline, drawn at build time as inline SVG.

One mark per dated event, in date order, each a link to its entry on the
page.  The dates are evenly spaced stops rather than a scale: the events run
from decades back to single days, and on a scale every recent one would
fall on the same point.  Events of the same date stack up at their stop.

No script and no style attribute: colours come from reader.css through
classes and `currentColor`, so the picture follows light and dark and
prints.  Horizontal positions are percentages, so the picture takes the
page's width with its text at reading size.  Every text goes through md
(render/text.py); links can only be `#anchors`, written as `xlink:href`:
the theme's instant navigation rewrites every element's `href` on loading
a page, and an SVG link's `href` cannot be set that way (a script error).  The elements and
attributes used here are the ones generator/sanitize.py admits for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import md

_ANCHOR = re.compile(r"#[A-Za-z][A-Za-z0-9_-]*")
#: Vertical layout, in pixels: the gap between stacked marks, a mark's radius.
STEP, RADIUS = 16, 6
#: Rows of date labels under the axis.
ROWS = 3
#: Horizontal margins, in percent of the width, so the outer labels fit.
LEFT, RIGHT = 8.0, 92.0


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
    height = axis + 18 + 14 * ROWS  # labels take turns on ROWS rows, so that neighbours never overlap
    span = (RIGHT - LEFT) / (len(stops) - 1) if len(stops) > 1 else 0.0
    out = [f'<svg class="timeline-chart__svg" width="100%" height="{height}">',
           f"<title>{len(marks)} dated event{'s' if len(marks) > 1 else ''}, in date order; "
           "select one to go to its entry</title>",
           f'<line class="timeline-chart__axis" x1="{LEFT:g}%" y1="{axis}" x2="{RIGHT:g}%" y2="{axis}"></line>']
    for i, stop in enumerate(stops):
        x = f"{LEFT + span * i if span else (LEFT + RIGHT) / 2:.2f}%"
        out.append(f'<line class="timeline-chart__tick" x1="{x}" y1="{axis}" x2="{x}" y2="{axis + 5}"></line>')
        # The outermost labels run inwards from their marks, so that they stay inside the picture.
        end = (" timeline-chart__label--start" if i == 0 and span else
               " timeline-chart__label--end" if i and i == len(stops) - 1 else "")
        y = axis + 18 + 14 * (i % ROWS)
        out.append(f'<text class="timeline-chart__label{end}" x="{x}" y="{y}">{md(stop[0].label)}</text>')
        for k, m in enumerate(stop):
            cy = axis - 6 - RADIUS - STEP * k
            out.append(f'<a class="timeline-chart__mark" xlink:href="{m.href}">'
                       f'<title>{md(m.label)}: {md(m.text)}</title>'
                       f'<circle cx="{x}" cy="{cy}" r="{RADIUS}"></circle></a>')
    out.append("</svg>")
    return ('<figure class="timeline-chart">\n' + "".join(out) + "\n<figcaption>Every dated event, oldest first: "
            "the marks are in date order, evenly spaced, not to scale. Select one to go to its entry.</figcaption>\n"
            "</figure>\n")
