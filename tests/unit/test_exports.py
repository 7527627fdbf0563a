"""Exports, feed and structured data, from the models to the files (no browser).

The real site's files are checked in test_reader.py; here the fixture
project, and a copy of it holding text written to break out: a claim that
tries to close the JSON-LD script, an event that is a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import FIXTURE, REPO, cli, make_project, mkdocs_build, write
from generator import exports, feed
from generator.corpus import read_corpus
from generator.exports import _cell
from generator.render import jsonld
from generator.site import outputs, site_of

HOSTILE_CLAIM = 'Closes </script><script>alert("x")</script> & <!-- and \u2028 too.'
FORMULA_EVENT = '=HYPERLINK("http://example.invalid","click")'


def _files(corpus, name: str = "", url: str | None = None) -> dict[str, str]:
    """Path -> text of every file that is not a page."""
    return {o.uri: o.text for o in outputs(site_of(corpus, name=name, url=url)) if not o.is_page}


@pytest.fixture(scope="module")
def corpus():
    return read_corpus(FIXTURE)


def test_json_export_validates_against_its_schema_and_reads_back(corpus):
    import jsonschema

    files = _files(corpus, "Site", "https://example.org/site/")
    data = json.loads(files[exports.BRIEFS_JSON])
    schema = json.loads(files[exports.BRIEFS_SCHEMA])
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert exports.Export.model_validate(data) == exports.export_model(corpus)
    assert [b["id"] for b in data["briefs"]] == ["fixture-brief"]
    assert data["briefs"][0]["file"] == "briefs/fixture-brief.yaml"
    assert {e["id"] for e in data["entities"]} == set(corpus.entities)


def test_csv_exports_have_a_row_per_event_and_quote(corpus):
    files = _files(corpus)
    timeline = list(csv.DictReader(io.StringIO(files[exports.TIMELINE_CSV], newline="")))
    assert [r["event"] for r in timeline] == ["The minister spoke about the plan."]
    assert timeline[0]["entry"] == "minister-statement"
    assert (timeline[0]["date"], timeline[0]["precision"], timeline[0]["basis"]) == ("2025-11-03", "day", "inferred")
    assert timeline[0]["expected"] == "false"
    quotes = list(csv.DictReader(io.StringIO(files[exports.QUOTES_CSV], newline="")))
    assert [(q["speaker"], q["quote"], q["page"]) for q in quotes] == [("The Minister", "under review", "briefs/fixture-brief/")]
    assert files[exports.QUOTES_CSV].splitlines()[0] == ",".join(exports.QUOTE_COLUMNS)


def test_the_data_page_counts_are_the_rows_of_the_csv_files():
    """The Data page counts rows without making them; the counts must be the
    rows the files hold, on the real briefs, where events are shared."""
    from conftest import REPO

    analysis = site_of(read_corpus(REPO)).analysis
    assert exports.timeline_row_count(analysis) == len(exports.timeline_rows(analysis)) > 0
    assert exports.quote_row_count(analysis) == len(exports.quote_rows(analysis)) > 0


def test_feed_without_a_site_address_is_still_valid_atom(corpus):
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse(feed.atom_feed(site_of(corpus)))
    assert not parsed.bozo, parsed.get("bozo_exception")
    (entry,) = parsed.entries
    assert entry.id.startswith("urn:uuid:") and entry.link == "briefs/fixture-brief/"
    assert entry.title == "Minister says the plan is under review"
    assert entry.published == "2025-11-02T00:00:00Z" and parsed.feed.updated == "2025-11-02T00:00:00Z"
    assert [t.term for t in entry.tags] == ["decision-status"]


def test_jsonld_cannot_close_its_script_and_reads_back():
    text = jsonld.dumps({"text": HOSTILE_CLAIM})
    assert not re.search(r"[<>&\u2028]", text) and text.isascii()
    assert json.loads(text) == {"text": HOSTILE_CLAIM}


def test_site_info_reads_mkdocs_yml_with_python_tags(tmp_path):
    write(tmp_path / "mkdocs.yml", """
        site_name: A site
        site_url: https://example.org/x
        markdown_extensions:
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
        """)
    assert exports.site_info(tmp_path) == {"site_name": "A site", "site_url": "https://example.org/x/"}
    assert exports.site_info(tmp_path / "missing") == {"site_name": "", "site_url": None}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The fixture project with hostile text, rendered by the CLI and built by MkDocs."""
    root = make_project(tmp_path_factory.mktemp("hostile") / "project")
    brief = root / "briefs" / "fixture-brief.yaml"
    text = brief.read_text(encoding="utf-8")
    text = text.replace("claim: The plan is under review and no decision has been taken.",
                        f"claim: {json.dumps(HOSTILE_CLAIM)}")
    text = text.replace("text: The minister spoke about the plan.", f"text: {json.dumps(FORMULA_EVENT)}")
    brief.write_text(text, encoding="utf-8")
    rendered = cli(root, "render", "out")
    assert rendered.returncode == 0, rendered.stderr
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr
    return root


def test_cli_render_writes_the_exports_beside_the_pages(hostile):
    out = hostile / "out"
    for path in ("feed.xml", "data/briefs.json", "data/briefs.schema.json", "data/timeline.csv", "data/quotes.csv",
                 "data/index.md", "situation.md"):
        assert (out / path).is_file(), path
    # The same bytes as the build publishes.
    for path in ("feed.xml", "data/briefs.json", "data/timeline.csv"):
        assert (out / path).read_bytes() == (hostile / "site" / path).read_bytes(), path


def test_hostile_claim_stays_inside_the_jsonld_script(hostile):
    html = (hostile / "site" / "briefs" / "fixture-brief" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    claims = [n for n in json.loads(scripts[0])["@graph"] if n["@type"] == "Claim"]
    assert [c["text"] for c in claims] == [HOSTILE_CLAIM]
    assert "<script>alert" not in html


def test_formula_cells_are_defused_in_csv_but_exact_in_json(hostile):
    site = hostile / "site" / "data"
    (row,) = csv.DictReader(io.StringIO((site / "timeline.csv").read_text(encoding="utf-8"), newline=""))
    assert row["event"] == "'" + FORMULA_EVENT
    data = json.loads((site / "briefs.json").read_text(encoding="utf-8"))
    assert data["briefs"][0]["brief"]["events"][0]["text"] == FORMULA_EVENT


# ---- CSV cells: no cell, however a spreadsheet splits the row, starts a formula. ----

@pytest.mark.parametrize("text, cell", [
    ("=1+1", "'=1+1"),
    ("+1", "'+1"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "\t'=1"),
    ("\r=1", "\r'=1"),
    ("  =1", "  '=1"),                         # leading white space
    ("a;=HYPERLINK(\"x\")", "a;'=HYPERLINK(\"x\")"),  # a `;` separator starts a cell
    ("a; -2", "a; '-2"),
    ("a,+b", "a,'+b"),
    ("a|@x", "a|'@x"),
    ("a\tb=1", "a\tb=1"),                      # `=` inside a cell is no formula
    ("a\n=1", "a\n'=1"),
    ("\uff1dcmd", "'\uff1dcmd"),                # full-width `=`
    ("AT&T says - nothing new", "AT&T says - nothing new"),
    ("", ""),
    (None, ""),
    (3, "3"),
])
def test_formula_starts_are_neutralised(text, cell):
    assert _cell(text) == cell


def test_the_timeline_csv_says_which_happenings_are_only_expected():
    from generator.analyse import analyse

    real = analyse(read_corpus(REPO))
    rows = [dict(zip(exports.TIMELINE_COLUMNS, r, strict=True)) for r in exports.timeline_rows(real)]
    expected = sorted(r["event"] for r in rows if r["expected"] == "true")
    assert expected == [
        "A meeting between Munir and the US Central Command (CENTCOM) Commander is expected.",
        "An announcement from the federal government on the decision is expected, according to officials close to the discussions.",
        "Pakistan is expected to take a final decision on a troop contribution.",
        "Separate diplomatic engagements with US Secretary of State Marco Rubio are expected.",
    ]
    assert {r["expected"] for r in rows} == {"true", "false"}


def test_an_undated_article_s_feed_entry_is_dated_by_the_earliest_day_it_can_have_been_written():
    from xml.etree import ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    files = _files(read_corpus(REPO))
    feed = ET.fromstring(files["feed.xml"])
    entries = {e.findtext(f"{atom}title"): e for e in feed.iter(f"{atom}entry")}
    newest = entries["Pakistan rules out disarming Hamas as it weighs a role in the Gaza stabilization force"]
    assert newest.find(f"{atom}published") is None  # it has no date stamp of its own
    assert newest.findtext(f"{atom}updated") == "2025-11-17T00:00:00Z"  # not the newest stamp, 29 October
    assert feed.findtext(f"{atom}updated") == "2025-11-17T00:00:00Z"
    dated = entries["Asif: decision on deploying Pakistani troops in Gaza peace force 'still under process'"]
    assert dated.findtext(f"{atom}published") == dated.findtext(f"{atom}updated") == "2025-10-29T00:00:00Z"
    # A feed reader shows `updated` as the item's date: the summary says what the article's date really is.
    assert newest.findtext(f"{atom}summary").startswith("The undated article (17 November 2025 or later). ")
    assert dated.findtext(f"{atom}summary").startswith("The article of 29 October 2025. ")
    undated = [e for e in entries.values() if e.findtext(f"{atom}summary").startswith("An undated article. ")]
    assert len(undated) == 2  # neither a date nor a bound: the feed's date stands in, and the summary says so
