"""generator/render/timeline_svg.py: a linked mark per dated event, every text escaped."""

from __future__ import annotations

import html
import itertools
import re

import pytest

from generator.render.timeline_svg import Mark, timeline_svg
from generator.sanitize import clean

MARKS = [
    Mark((2025, 10, 28), "28 October 2025", "Asif <b>said</b> \"in process\"", "#event-3"),
    Mark((1960, 0, 0), "1960", "Peacekeeping began", "#event-1"),
    Mark((2025, 10, 28), "28 October 2025", "Officials inclined", "#event-4"),
]


def test_one_linked_mark_per_event_in_date_order():
    svg = timeline_svg(MARKS)
    hrefs = re.findall(r'<a class="timeline-chart__mark" xlink:href="(#[^"]+)">', svg)
    assert hrefs == ["#event-1", "#event-3", "#event-4"]
    assert svg.count("<circle ") == 3
    # One stop per date: the two events of 28 October stand one above the other.
    assert re.findall(r"<text [^>]*>([^<]*)</text>", svg) == ["1960", "28 October 2025"]
    cx = re.findall(r'<circle cx="([^"]+)" cy="([^"]+)"', svg)
    assert cx[1][0] == cx[2][0] and cx[1][1] != cx[2][1]


def test_text_is_escaped_and_the_picture_survives_the_sanitizer():
    svg = timeline_svg(MARKS)
    assert "<b>" not in svg and "&lt;b&gt;said&lt;/b&gt; &quot;in process&quot;" in svg
    cleaned = clean(svg)  # nh3 writes the same characters its own way, and removes nothing
    for part in ("<svg ", "<title>", "<line ", "<text ", "<circle ", 'xlink:href="#event-', 'class="timeline-chart__'):
        assert cleaned.count(part) == svg.count(part), part


def test_no_events_no_picture():
    assert timeline_svg([]) == ""


@pytest.mark.parametrize("href", ["https://example.org/", "javascript:alert(1)", "#a\"onclick=x", "page.md#x"])
def test_marks_link_only_to_anchors_on_the_page(href):
    with pytest.raises(ValueError, match="a timeline mark links only to an anchor on its page"):
        timeline_svg([Mark((2025, 1, 1), "1 January 2025", "x", href)])


def _labels(svg: str) -> list[tuple[float, int, str, str]]:
    """Each date label: x in percent, y, its anchor, its text (unescaped enough to measure)."""
    out = []
    for cls, x, y, text in re.findall(r'<text class="timeline-chart__label([^"]*)" x="([^"]+)%" y="(\d+)">([^<]*)</text>',
                                      svg):
        anchor = "start" if "--start" in cls else "end" if "--end" in cls else "middle"
        out.append((float(x), int(y), anchor, html.unescape(text)))
    return out


def _overlaps(svg: str, width: float) -> list[tuple[str, str]]:
    from generator.render.timeline_svg import CHAR_PX

    spans: dict[int, list[tuple[float, float, str]]] = {}
    for x, y, anchor, text in _labels(svg):
        w, at = len(text) * CHAR_PX, x / 100 * width
        left = at if anchor == "start" else at - w if anchor == "end" else at - w / 2
        spans.setdefault(y, []).append((left, left + w, text))
    return [(a[2], b[2]) for row in spans.values() for a, b in itertools.pairwise(row) if b[0] < a[1]]


def test_no_two_date_labels_overlap_on_a_phone():
    # The real site's stops, with the long label of a day and month without a year among them.
    labels = ["1960", "2022", "late 2024", "October 2025", "5 October (year not stated)", "27 October 2025",
              "28 October 2025", "17 November 2025"]
    marks = [Mark((i, 0, 0), label, "x", f"#event-{i}") for i, label in enumerate(labels, 1)]
    svg = timeline_svg(marks)
    assert [t for *_, t in _labels(svg)] == labels  # every one shown
    assert _overlaps(svg, 358) == []  # a 390 px phone's text column


def test_a_crowded_axis_keeps_its_rows_and_every_mark():
    from generator.render.timeline_svg import MAX_ROWS

    marks = [Mark((2025, 1 + i // 28, 1 + i % 28), f"{1 + i % 28} Month 2025", f"event {i}", f"#event-{i}")
             for i in range(60)]
    svg = timeline_svg(marks)
    labels = _labels(svg)
    assert 0 < len(labels) < 60 and len({y for _, y, _, _ in labels}) <= MAX_ROWS
    assert _overlaps(svg, 358) == []
    assert svg.count("<circle ") == 60 and svg.count('class="timeline-chart__tick"') == 60
    # A stop without a label still says its date, in its mark's own title.
    assert "<title>1 Month 2025: event 0</title>" in svg


def test_where_labels_must_go_the_oldest_go_and_the_newest_stays():
    labels = ["1960", "2022", "late 2024", "October 2025", "5 October (year not stated)", "late October 2025",
              "27 October 2025", "28 October 2025", "17 November 2025"]
    svg = timeline_svg([Mark((i, 0, 0), label, "x", f"#event-{i}") for i, label in enumerate(labels, 1)])
    shown = [t for *_, t in _labels(svg)]
    assert "17 November 2025" in shown and "28 October 2025" in shown and len(shown) < len(labels)
    assert _overlaps(svg, 358) == []
