"""Cross-source views are built only from briefs and registries: a new brief
appears in every view it belongs to without editing any other file."""

from __future__ import annotations

import pytest

from conftest import FIXTURE, write
from generator.site import build

SECOND = """
    # yaml-language-server: $schema=schema/brief.schema.json
    title: Second source says a decision was taken
    source:
      seed: second.txt
      headline: null
      outlet: Second Outlet
      author: null
      published: {date: 2025-11-05, precision: day}
      url: null
      scope: {first: 1, last: 3}
    summary: A second source says the decision was taken. It quotes the minister.
    key_points:
      - {text: A decision was taken., cite: [2]}
    quotes:
      - {text: We have decided, speaker: the-minister, venue: Parliament, cite: [2]}
    events:
      - key: minister-statement
        when: {date: 2025-11-03, precision: day}
        text: The minister spoke about the plan.
        cite: [2]
      - when: {date: 2025-12, precision: month}
        expected: true
        text: Troops are expected to deploy.
        cite: [3]
    positions:
      - {actor: the-country, topic: un-mandate, kind: condition, stance: Wants a UN mandate., attribution: on-record, speaker: the-minister, cite: [3]}
    claims:
      - {topic: decision-status, answer: decided, claim: The decision has been taken., attribution: on-record, cite: [2]}
    mentions:
      - {id: the-minister, named_as: [Minister X], role: Minister of Things, cite: [2]}
    framing: {tone: critical, sourcing: named-on-record}
    tags: [decision-status]
    """

SEED = "Headline here\nThe minister said \"We have decided\" on Monday.\nTroops would go in December under a UN mandate.\n"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    import shutil

    root = tmp_path_factory.mktemp("views") / "p"
    shutil.copytree(FIXTURE, root)
    write(root / "briefs" / "second-source.yaml", SECOND)
    (root / "seeds" / "second.txt").write_text(SEED, encoding="utf-8")
    return {p.uri: p.text for p in build(root) if p.is_page}


@pytest.mark.parametrize("uri", [
    "index.md", "briefs/index.md", "sources.md", "contradictions.md", "conditions.md", "quotes.md",
    "timeline/index.md", "entities/the-minister.md",
])
def test_new_brief_appears_in_view(pages, uri):
    assert "second-source.md" in pages[uri]


def test_same_event_from_two_sources_is_one_timeline_entry(pages):
    timeline = pages["timeline/index.md"]
    assert timeline.count("— The minister spoke about the plan") == 1  # once in the list (the picture has its mark)
    assert "<em>2 sources:</em>" in timeline
    assert "<h2>December 2025</h2>" in timeline and "timeline/2025-12.md" in pages


def _with_a_day_month_event(tmp_path) -> dict[str, str]:
    """The fixture and SECOND, whose second event is "20 October" without a year, built: text by uri."""
    import shutil

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    write(root / "briefs" / "second-source.yaml", SECOND.replace("when: {date: 2025-12, precision: month}",
                                                                 "when: {date: --10-20, precision: day-month}"))
    (root / "seeds" / "second.txt").write_text(SEED, encoding="utf-8")
    return {p.uri: p.text for p in build(root)}


def test_a_day_and_month_without_a_year_is_pictured_in_its_article_s_year(tmp_path):
    """The list places "20 October" in the year of the article that gives it
    (analyse.py); the picture above it must show the marks in the same order."""
    import html
    import re

    timeline = _with_a_day_month_event(tmp_path)["timeline/index.md"]
    picture = html.unescape(timeline[timeline.index("&lt;svg"):timeline.index("&lt;/svg&gt;")])  # a raw block
    marks = re.findall(r"<a [^>]*><title>([^<]*)</title>", picture)
    deploy = next(i for i, m in enumerate(marks) if "Troops are expected" in m)
    spoke = next(i for i, m in enumerate(marks) if "The minister spoke" in m)
    assert deploy < spoke, marks  # 20 October (of 2025, the article's year) before 3 November 2025
    assert marks[deploy].startswith("20 October (year not stated):")  # kept as the text gives it


def test_a_brief_page_lists_its_events_oldest_first_whatever_the_brief_s_order(tmp_path):
    page = _with_a_day_month_event(tmp_path)["briefs/second-source.md"]  # 3 November 2025 listed first
    events = page[page.index("<h2>Events</h2>"):]
    assert "<p>Oldest first.</p>" in events
    assert events.index("Troops are expected") < events.index("The minister spoke")  # in its article's year, 2025


def test_differing_answers_are_flagged(pages):
    page = pages["contradictions.md"]
    assert ('<li><strong>Contradict each other</strong> (1 question): <a href="#decision-status">Status of the decision</a>'
            in page)
    assert '<h2>Where sources contradict each other</h2>\n<h3 id="decision-status">Status of the decision</h3>' in page
    # The home page says so too, and links to the place.
    assert "- **Contradict each other:** [Status of the decision](contradictions.md#decision-status) (*" in pages["index.md"]
    assert "<strong>contradicts</strong>" in page


def test_conditions_cells_say_how_each_source_reports(pages):
    row = next(line for line in pages["conditions.md"].splitlines() if line.startswith("<tr><td>A UN mandate"))
    assert row.startswith("<tr><td>A UN mandate</td><td>1</td><td>1</td>")
    assert '<a href="briefs/second-source.md#p-3">on record (condition)</a>' in row
    assert '<a href="briefs/fixture-brief.md#p-5">reported (condition)</a>' in row


def test_entity_page_shows_roles_as_each_source_gives_them(pages):
    page = pages["entities/the-minister.md"]
    assert "<td>Minister X</td><td>Minister of Things</td>" in page and "<td>minister</td>" in page


def test_undated_outlet_and_author_show_not_stated(pages):
    row = next(line for line in pages["sources.md"].splitlines() if "fixture-brief.md" in line)
    assert row.count("<em>not stated</em>") == 2  # outlet and author


def test_views_stay_bounded_at_scale(tmp_path):
    """At hundreds of events and quotes, pages split or cap instead of growing."""
    import shutil

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    brief = root / "briefs" / "fixture-brief.yaml"
    # 400 events over two briefs: a brief's list holds at most 200 items (fields.MAX_ITEMS).
    events = "".join(f"  - when: {{date: 2025-11-{1 + i % 28:02d}, precision: day}}\n    text: Event {i}.\n    cite: [3]\n"
                     for i in range(199))  # and the fixture's own
    quotes = "".join("  - {text: under review, speaker: the-minister, cite: [3]}\n" for _ in range(100))
    text = brief.read_text(encoding="utf-8").replace("events:\n", "events:\n" + events, 1)
    (root / "briefs" / "fixture-copy.yaml").write_text(text, encoding="utf-8")
    brief.write_text(text.replace("quotes:\n", "quotes:\n" + quotes, 1), encoding="utf-8")
    pages = {p.uri: p.text for p in build(root) if p.is_page}
    assert {"timeline/2025-11.md", "timeline/2025-11-part-2.md", "timeline/2025-11-part-3.md"} <= set(pages)
    assert "This page shows the newest 150 of 399 entries" in pages["timeline/index.md"]  # the shared event is one
    assert pages["timeline/2025-11-part-2.md"].count("<li><strong>") == 150
    assert "Showing the newest 40 of 102" in pages["entities/the-minister.md"]
    assert pages["quotes.md"].count("<li>“under review”") == 25  # list items (citation previews quote the paragraph)


def paragraph_links_that_lead_nowhere(pages: dict[str, str]) -> list[str]:
    """Every link to a paragraph anchor (`x.md#p-3`, `#p-3`), in Markdown or HTML,
    whose target page holds no such anchor."""
    import posixpath
    import re

    anchors = {uri: set(re.findall(r'<p class="evidence" id="(p-\d+)">', text)) for uri, text in pages.items()}
    missing = []
    for uri, text in pages.items():
        for path, anchor in re.findall(r'(?:\]\(|href=")([^)"\s#]*)#(p-\d+)[)"]', text):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path)) if path else uri
            if anchor not in anchors.get(target, set()):
                missing.append(f"{uri} -> {target}#{anchor}")
    return missing


def test_a_paragraph_only_other_files_cite_is_in_the_brief_s_evidence_list(tmp_path):
    """An entity's description and the status block may cite a paragraph the brief
    itself does not (the fixture brief cites 1, 3, 4 and 5): the brief page lists it
    too, marked, so that the links from the entity page and the home page land."""
    import shutil

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    registry = root / "briefs" / "registry"
    entities = registry / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    old = "aliases: [Minister]}"
    assert text.count(old) == 1
    entities.write_text(text.replace(old, "aliases: [Minister], description: Updates the plan.,"
                                          " described_in: [{brief: fixture-brief, cite: [2]}]}"), encoding="utf-8")
    write(registry / "status.yaml", """
        # yaml-language-server: $schema=../schema/status.schema.json
        line: The plan is under review.
        rests_on:
          - {brief: fixture-brief, cite: [2, 3]}
        """)
    pages = {p.uri: p.text for p in build(root) if p.is_page}
    assert "briefs/fixture-brief.md#p-2" in pages["entities/the-minister.md"] and "#p-2" in pages["index.md"]
    assert paragraph_links_that_lead_nowhere(pages) == []
    evidence = pages["briefs/fixture-brief.md"].split("<h2>Cited paragraphs</h2>", 1)[1]
    assert ("<strong>¶2</strong> Updated 2 November 2025 <em>(cited on other pages of the site, not by this brief)</em>"
            in evidence)
    assert "<strong>¶3</strong> " in evidence and evidence.count("not by this brief") == 1  # the brief's own are not marked


def test_every_paragraph_link_of_the_real_briefs_lands():
    from conftest import REPO

    assert paragraph_links_that_lead_nowhere({p.uri: p.text for p in build(REPO) if p.is_page}) == []


def test_every_line_of_the_situation_brief_names_its_sources_and_paragraphs(pages):
    items = [line for line in pages["situation.md"].splitlines() if line.startswith("- ")]
    facts = [line for line in items if not line.startswith(("- No source", "- None", "- When will"))]
    assert len(facts) >= 4
    for line in facts:
        assert "#p-" in line, line
    # Each source is named by its article's date, with its title as the tooltip.
    decided = next(line for line in facts if line.startswith("- **decided**"))
    assert '([5 November 2025](briefs/second-source.md "Second source says a decision was taken") [¶2]' in decided


@pytest.mark.parametrize("uri", ["conditions.md", "countries.md", "contradictions.md", "quotes.md", "sources.md",
                                 "entities/index.md", "timeline/index.md", "timeline/2025-11.md", "briefs/index.md",
                                 "data/index.md"])
def test_every_view_says_what_date_it_holds_for_before_its_first_table(pages, uri):
    text = pages[uri]
    line = "<p><strong>As of 5 November 2025</strong>, the date of the newest of 2 sources.</p>"
    assert line in text
    assert text.index(line) < text.find("<table>") or "<table>" not in text


def test_a_country_s_positions_are_listed_newest_source_first(pages):
    stances = pages["countries.md"].partition("Stances and objections")[2]
    assert stances.index("briefs/second-source.md") < stances.index("briefs/fixture-brief.md")


def test_the_conditions_key_comes_before_the_table_it_explains(pages):
    text = pages["conditions.md"]
    key = text.index("<strong>Sources, newest first:</strong> S1, 5 November 2025: ")
    assert key < text.index("<table>")


def test_a_happening_a_source_only_expects_is_marked_expected(pages):
    assert "<strong>December 2025 (month only, expected)</strong> — Troops are expected to deploy." in pages["timeline/index.md"]
    assert "December 2025 <em>(expected)</em>" in pages["briefs/second-source.md"]


@pytest.mark.parametrize(("headline", "shown"), [
    ("headline: The U.S. plan is under review.", "    **The U.S. plan is under review.** Officials say so. *Rests on:*"),
    ("", "    Officials say so. *Rests on:*"),  # no headline: nothing is bolded, no sentence is guessed at
])
def test_the_status_headline_is_its_own_field_not_the_line_s_first_sentence(tmp_path, headline, shown):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    write(root / "briefs" / "registry" / "status.yaml", f"""
        # yaml-language-server: $schema=../schema/status.schema.json
        {headline or "# no headline"}
        line: Officials say so.
        rests_on:
          - {{brief: fixture-brief, cite: [3]}}
        """)
    home = next(p.text for p in build(root) if p.uri == "index.md")
    assert shown in home
