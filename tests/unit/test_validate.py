"""Cites and lists: what the schema allows, and the exact message past it."""

from __future__ import annotations

import json

import pytest

from conftest import REPO
from generator.fields import MAX_CITES, MAX_ITEMS
from generator.validate import title_problem
from unit.inputs import edit, problems

KEY_POINT_CITE = "    cite: [3]\n  - text: Anonymous"


@pytest.mark.parametrize("cite", ["1_0", "2.0", "' 3'", "+4", "٣", "07", "1e1", "0x3"])
def test_a_cite_is_written_in_digits_only_as_the_schema_reads_it(project, cite):
    edit(project, KEY_POINT_CITE, f"    cite: [{cite}]\n  - text: Anonymous")
    shown = cite.strip("'")
    assert problems(project) == [
        f"briefs/fixture-brief.yaml:20:12: `key_points[0].cite[0]` must be a whole number, not `{shown}` "
        "(hint: the site's Field reference page, under Editors, gives each field's type)"]


def test_a_repeated_cite_is_refused_at_the_repeat(project):
    edit(project, KEY_POINT_CITE, "    cite: [3, 4, 3]\n  - text: Anonymous")
    assert problems(project) == [
        "briefs/fixture-brief.yaml:20:18: `key_points[0].cite` cites paragraph 3 twice "
        "(hint: cite each paragraph once; it is already item 1 of the list)"]


def test_cites_per_item_are_capped(project):
    cites = ", ".join(["1"] + [str(n) for n in range(2, MAX_CITES + 2)])
    edit(project, KEY_POINT_CITE, f"    cite: [{cites}]\n  - text: Anonymous")
    assert problems(project)[0] == (
        f"briefs/fixture-brief.yaml:20:11: `key_points[0].cite` has {MAX_CITES + 1} items, over the limit of "
        f"{MAX_CITES} (hint: keep only what the article supports; the README's Limits table gives every cap)")


def test_items_per_list_are_capped(project):
    questions = "".join(f"  - Question {i}?\n" for i in range(MAX_ITEMS + 1))
    edit(project, "open_questions:\n  - When will the decision be taken?\n", f"open_questions:\n{questions}")
    assert problems(project) == [
        f"briefs/fixture-brief.yaml:75:3: `open_questions` has {MAX_ITEMS + 1} items, over the limit of "
        f"{MAX_ITEMS} (hint: keep only what the article supports; the README's Limits table gives every cap)"]


def test_the_caps_leave_headroom_over_the_real_briefs():
    """The largest real list and cite list, against the caps (counts, not times)."""
    import yaml

    longest_cite, longest_list = 0, 0

    def walk(node):
        nonlocal longest_cite, longest_list
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "cite":
                    longest_cite = max(longest_cite, len(value))
                elif isinstance(value, list):
                    longest_list = max(longest_list, len(value))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in (REPO / "briefs").glob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert 0 < longest_cite * 3 <= MAX_CITES and 0 < longest_list * 5 <= MAX_ITEMS


def test_the_published_schema_states_the_caps():
    schema = json.loads((REPO / "briefs" / "schema" / "brief.schema.json").read_text(encoding="utf-8"))
    cite = schema["$defs"]["KeyPoint"]["properties"]["cite"]
    assert (cite["maxItems"], cite["uniqueItems"], cite["items"]) == (MAX_CITES, True, {"minimum": 1, "type": "integer"})
    assert schema["properties"]["open_questions"]["maxItems"] == MAX_ITEMS


@pytest.mark.parametrize("title, refused", [
    ("AT&T; and Q&A", None),
    ("Rock &roll; live", None),
    ("Tom &amp; Jerry", "&amp;"),
    ("Tom &#38; Jerry", "&#38;"),
    ("Tom &#x26; Jerry", "&#x26;"),
    ("a &lt b", "&lt"),
])
def test_only_real_character_references_are_refused_in_titles(title, refused):
    found = title_problem(title)
    assert (found and found[0]) == (refused and f"contains `{refused}`, an HTML character reference, which is not "
                                    "allowed in text that becomes a page title")
