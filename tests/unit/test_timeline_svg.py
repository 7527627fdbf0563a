"""generator/render/timeline_svg.py: a linked mark per dated event, every text escaped."""

from __future__ import annotations

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
    assert "<b>" not in svg and "&#60;b&#62;said&#60;/b&#62; &#34;in process&#34;" in svg
    cleaned = clean(svg)  # nh3 writes the same characters its own way, and removes nothing
    for part in ("<svg ", "<title>", "<line ", "<text ", "<circle ", 'xlink:href="#event-', 'class="timeline-chart__'):
        assert cleaned.count(part) == svg.count(part), part


def test_no_events_no_picture():
    assert timeline_svg([]) == ""


@pytest.mark.parametrize("href", ["https://example.org/", "javascript:alert(1)", "#a\"onclick=x", "page.md#x"])
def test_marks_link_only_to_anchors_on_the_page(href):
    with pytest.raises(ValueError, match="a timeline mark links only to an anchor on its page"):
        timeline_svg([Mark((2025, 1, 1), "1 January 2025", "x", href)])
