"""The built site as a reader gets it: one strict build of the real briefs,
checked as files (feed, structured data, exports) and in a real browser.

The browser is Debian's Chromium driven by Playwright (Playwright's own
browser download cannot work on these machines); the browser tests skip
when it is missing.  One browser, one page and one build serve every test.
The pages' layout, with screenshots, is checked in tests/system/test_layout.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import REPO
from site_browser import REQUIRED, base_url, browser, needs_chromium, search, server, session, site  # noqa: F401 (fixtures)

BROWSER_DIR = REPO / "tests" / "browser"  # package.json pins axe-core; npm installs it here
AXE = BROWSER_DIR / "node_modules" / "axe-core" / "axe.min.js"
BRIEF_IDS = sorted(p.stem for p in (REPO / "briefs").glob("*.yaml"))
OFFER_BRIEF = "pakistan-rules-out-disarming-hamas-weighs-gaza-force"  # Dar: Indonesia offered 20,000 troops



def _config(key: str) -> str:
    return re.search(rf"^{key}:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)


REPO_URL = _config("repo_url")


# ---- the build, and reading its HTML ---------------------------------------------------


class Head(HTMLParser):
    """The <link> elements in <head> and the text of every JSON-LD script."""

    def __init__(self, html: str):
        super().__init__()
        self.links: list[dict] = []
        self.jsonld: list[str] = []
        self._in_head = self._in_jsonld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif tag == "link" and self._in_head:
            self.links.append(a)
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def page_html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def jsonld(site: Path, path: str) -> dict:
    scripts = Head(page_html(site, path)).jsonld
    assert len(scripts) == 1, f"{path}: {len(scripts)} JSON-LD scripts"
    return json.loads(scripts[0])


# ---- feed ---------------------------------------------------------------------------


def test_feed_is_advertised_in_every_page_head(site, base_url):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for html in pages:
        feeds = [link for link in Head(html.read_text(encoding="utf-8")).links
                 if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"]
        assert len(feeds) == 1, html
        # Resolved against the page's own address, the link reaches the feed.
        page_url = base_url + html.relative_to(site).as_posix()
        assert urljoin(page_url, feeds[0]["href"]) == base_url + "feed.xml", html


def test_feed_has_an_entry_per_brief_newest_first(site, base_url):
    feedparser = pytest.importorskip("feedparser")
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    links = [e.link for e in feed.entries]
    assert sorted(links) == sorted(f"{base_url}briefs/{b}/" for b in BRIEF_IDS)
    for link in links:  # each entry's page is in the build
        assert (site / link[len(base_url):] / "index.html").is_file()
    # Newest article first, an undated one by the latest event it reports: the
    # article written after 17 November leads, then the dated ones, newest first.
    assert links[0] == f"{base_url}briefs/pakistan-rules-out-disarming-hamas-weighs-gaza-force/"
    dated = [e.published_parsed for e in feed.entries if "published_parsed" in e]
    assert dated == sorted(dated, reverse=True)
    assert len({e.id for e in feed.entries}) == len(BRIEF_IDS)


# ---- structured data ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus():
    from generator.corpus import read_corpus

    return read_corpus(REPO)


def test_brief_pages_carry_newsarticle_quotation_and_claim(site, corpus):
    for record in corpus.records:
        brief = record.brief
        data = jsonld(site, f"briefs/{record.id}")
        assert data["@context"] == "https://schema.org"
        types = [node["@type"] for node in data["@graph"]]
        assert types.count("NewsArticle") == 1
        assert types.count("Quotation") == len(brief.quotes)
        assert types.count("Claim") == len(brief.claims)
        article = data["@graph"][types.index("NewsArticle")]
        source = brief.source
        # Only what the article states: a null field is absent, never guessed.
        assert article.get("headline") == source.headline
        assert article.get("url") == source.url
        assert article.get("author") == source.author
        assert article.get("publisher") == ({"@type": "Organization", "name": source.outlet} if source.outlet else None)
        stated = source.published.date if source.published.basis == "stated" else None
        assert article.get("datePublished") == stated
        quotes = [n for n in data["@graph"] if n["@type"] == "Quotation"]
        assert [q["text"] for q in quotes] == [q.text for q in brief.quotes]
        assert all(q["isPartOf"] == {"@id": article["@id"]} for q in quotes)
        claims = [n for n in data["@graph"] if n["@type"] == "Claim"]
        assert [c["text"] for c in claims] == [c.claim for c in brief.claims]


def test_person_pages_carry_person(site, corpus):
    people = [e for e in corpus.entities.values() if e.kind == "person"]
    assert people
    for person in people:
        data = jsonld(site, f"entities/{person.id}")
        assert data["@type"] == "Person" and data["name"] == person.name


def test_pages_without_structured_data_have_none(site):
    assert Head(page_html(site, "")).jsonld == []
    assert Head(page_html(site, "timeline")).jsonld == []


# ---- exports ------------------------------------------------------------------------------


def test_exports_are_linked_from_the_data_page_and_valid(site):
    import jsonschema

    html = page_html(site, "data")
    for name in ("briefs.json", "briefs.schema.json", "timeline.csv", "quotes.csv", "../feed.xml"):
        assert f'href="{name}"' in html
    data = json.loads((site / "data" / "briefs.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "briefs.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert [b["id"] for b in data["briefs"]] == BRIEF_IDS
    assert all(b["file"] == f"briefs/{b['id']}.yaml" for b in data["briefs"])

    events = sum(len(b["brief"]["events"]) for b in data["briefs"])
    quotes = sum(len(b["brief"]["quotes"]) for b in data["briefs"])
    for name, rows, column in (("timeline.csv", events, "event"), ("quotes.csv", quotes, "quote")):
        table = list(csv.DictReader(io.StringIO((site / "data" / name).read_text(encoding="utf-8"), newline="")))
        assert len(table) == rows, name
        assert all(row[column] and (site / row["page"] / "index.html").is_file() for row in table), name
    offers = [row for row in csv.DictReader(io.StringIO((site / "data" / "timeline.csv").read_text(encoding="utf-8")))
              if "20,000" in row["event"]]
    assert offers and offers[0]["brief_id"] == OFFER_BRIEF


# ---- the browser ---------------------------------------------------------------------------


@pytest.fixture
def page(session, base_url):
    page, _, _ = session
    page.goto(base_url)
    return page


@needs_chromium
def test_search_indonesia_shows_the_20000_troop_offer(page):
    from playwright.sync_api import expect

    results = search(page, "Indonesia")
    expect(results.locator(".md-search-result__item").filter(has_text="offered 20,000 troops").first).to_be_visible()


@needs_chromium
def test_brief_edit_link_opens_its_yaml(page, base_url):
    page.goto(f"{base_url}briefs/{OFFER_BRIEF}/")
    edit = page.locator('a.md-content__button[title="Edit this page"]')
    href = edit.get_attribute("href")
    assert href.startswith(REPO_URL + "/") and href.endswith(f"/briefs/{OFFER_BRIEF}.yaml"), href


@needs_chromium
def test_light_dark_toggle(page):
    from playwright.sync_api import expect

    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    light = body.evaluate("b => getComputedStyle(b).backgroundColor")
    page.locator('label[for="__palette_1"]').click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert body.evaluate("b => getComputedStyle(b).backgroundColor") != light
    page.locator('label[for="__palette_0"]').click()  # back, for the tests that follow
    expect(body).to_have_attribute("data-md-color-scheme", "default")


@needs_chromium
def test_glossary_tooltip_appears(page, base_url):
    from playwright.sync_api import expect

    page.goto(f"{base_url}briefs/{OFFER_BRIEF}/")
    isf = page.locator("article.md-content__inner abbr", has_text="ISF").first
    expect(isf).to_have_attribute("title", re.compile("International Stabilization Force"))
    isf.hover()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("International Stabilization Force")


@needs_chromium
def test_instant_navigation_keeps_the_page(session, base_url):
    from playwright.sync_api import expect

    page, _, _ = session
    # The theme intercepts only links listed in sitemap.xml, which it fetches
    # after the page loads: wait for it, and for the network to go quiet.
    with page.expect_response(lambda r: r.url == base_url + "sitemap.xml"):
        page.goto(base_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__notReloaded = true")
    # A tab at the top of the page: following a link further down would
    # scroll, and the theme would put that section's anchor in the address.
    page.locator(".md-tabs__link", has_text="Timeline").click()
    page.wait_for_url(base_url + "timeline/")
    expect(page.locator("article.md-content__inner h1")).to_contain_text("Timeline")
    expect(page).to_have_title(re.compile(r"^Timeline\b"))
    assert page.evaluate("window.__notReloaded === true"), "following a link reloaded the page"


@pytest.fixture(scope="module")
def axe_script() -> Path:
    """axe-core from the npm registry, at the version package-lock.json pins."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            (pytest.fail if REQUIRED else pytest.skip)(
                "npm is missing: it installs axe-core for the accessibility test (apt-get install npm)")
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BROWSER_DIR,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
    return AXE


@needs_chromium
@pytest.mark.parametrize("path", ["", f"briefs/{OFFER_BRIEF}/", "timeline/"], ids=["home", "brief", "timeline"])
def test_no_serious_accessibility_violations(session, base_url, axe_script, path):
    page, _, _ = session
    page.goto(base_url + path)
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}"
               for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


@needs_chromium
def test_a_brief_opens_with_its_title_and_lists_its_tags_after_the_page(page, base_url):
    page.goto(base_url + f"briefs/{OFFER_BRIEF}/")
    # Two rows of tag chips above the title filled a phone's first screen (overrides/partials/content.html).
    order = page.evaluate("""() => { const h1 = document.querySelector('.md-content h1'),
                                          tags = document.querySelector('.md-content .md-tags');
                                    return tags && (h1.compareDocumentPosition(tags) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    assert order, "the tags come after the title"


@needs_chromium
def test_situation_brief_prints_on_one_page(page, base_url):
    from playwright.sync_api import expect

    page.goto(base_url + "situation/")
    page.emulate_media(media="print")
    try:
        expect(page.locator(".md-header")).to_be_hidden()
        expect(page.locator(".situation h2", has_text="Possible troop contributors")).to_be_visible()
        # An item cut to fit the sheet ends in an ellipsis, not silently mid-sentence.
        assert page.evaluate("getComputedStyle(document.querySelector('.situation li')).webkitLineClamp") == "2"
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper)
            assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) == 1, f"{paper}: more than one page"
    finally:
        page.emulate_media(media="screen")


@needs_chromium
def test_no_console_errors(session, base_url):
    page, _, errors = session
    for path in ("", "briefs/", f"briefs/{OFFER_BRIEF}/", "timeline/", "contradictions/", "situation/", "data/"):
        page.goto(base_url + path)
    assert errors == []


@needs_chromium
def test_every_request_stays_on_this_machine(session, base_url):
    """No web fonts, CDN, analytics or API calls: every request the pages made went to the local server."""
    page, requests, _ = session
    page.goto(base_url)
    search(page, "Pakistan")  # the search index and its worker
    page.locator(".md-search-result__item").first.wait_for()
    assert requests
    elsewhere = sorted({u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                        and urlsplit(u).hostname != "127.0.0.1"})
    assert elsewhere == []


def test_without_chromium_browser_tests_skip_or_fail_in_ci(tmp_path):
    """Elsewhere a missing browser skips with its reason; under .ci/run it fails."""
    missing = tmp_path / "no-chromium"
    reason = (f"no Chromium at {missing}: install it (apt-get install chromium) "
              "or set CHROMIUM to run the browser tests")
    env = {k: v for k, v in os.environ.items() if k != "BROWSER_TESTS"} | {"CHROMIUM": str(missing)}
    args = [sys.executable, "-m", "pytest", "-q", "-rsf", "-p", "no:cacheprovider", "tests/system/test_reader.py", "-k", "indonesia"]
    skipped = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert skipped.returncode == 0 and f": {reason}" in skipped.stdout and "1 skipped" in skipped.stdout, skipped.stdout
    failed = subprocess.run(args, cwd=REPO, env=env | {"BROWSER_TESTS": "required"}, capture_output=True, text=True, timeout=600)
    assert failed.returncode == 1 and f"Failed: {reason}" in failed.stdout, failed.stdout
