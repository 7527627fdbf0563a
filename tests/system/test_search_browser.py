"""Full-text search in the built site (generator/search.py, javascripts/search.js),
in Chromium: phrases that stand only in a brief's body find that brief, a
result links to the section it matches with a readable snippet, following it
keeps the page (instant navigation), and nothing is asked of another host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from site_browser import base_url, browser, needs_chromium, search, server, session, site  # noqa: F401 (fixtures)

# Each phrase stands in the body of one brief (key points, events, quotes),
# not in its title, bottom line or tags.
PHRASES = {
    "Abraham Accords": "pakistan-reportedly-seeks-isf-command",
    "Rubio": "pakistan-reportedly-seeks-isf-command",
    "demilitarization zones": "pakistan-considering-isf-troops-israel-may-object",
}


@pytest.fixture
def page(session, base_url):
    page, _, _ = session
    page.goto(base_url)
    return page


def test_the_phrases_stand_only_in_brief_bodies():
    from conftest import REPO
    from generator.corpus import read_corpus

    briefs = {r.id: r.brief for r in read_corpus(REPO).records}
    for phrase, brief_id in PHRASES.items():
        text = (REPO / "briefs" / f"{brief_id}.yaml").read_text(encoding="utf-8")
        assert phrase.lower() in text.lower(), phrase
        brief = briefs[brief_id]
        assert phrase.lower() not in " ".join([brief.title, brief.summary, *brief.tags]).lower(), phrase


@needs_chromium
@pytest.mark.parametrize("phrase", PHRASES)
def test_a_phrase_of_a_brief_body_finds_the_brief(page, base_url, phrase):
    from playwright.sync_api import expect

    results = search(page, phrase)
    brief = f"{base_url}briefs/{PHRASES[phrase]}/"
    item = results.locator(".md-search-result__item").filter(
        has=page.locator(f'a.md-search-result__link[href="{urlsplit(brief).path}"]'))
    expect(item).to_have_count(1)
    # A section of the brief, with its anchor, and a snippet that shows the words found.
    section = item.locator('a.md-search-result__link[href*="#"]').filter(has=page.locator("mark")).first
    expect(section).to_be_visible()
    assert re.fullmatch(re.escape(urlsplit(brief).path) + r"#[a-z0-9-]+", section.get_attribute("href"))
    snippet = section.locator("p").inner_text()
    assert phrase.split()[0].lower() in snippet.lower()
    assert "¶" not in snippet and "|" not in snippet  # no citation marks, no flattened table markup


@needs_chromium
def test_briefs_rank_above_views_and_entity_pages(page):
    from playwright.sync_api import expect

    # "Pakistan" is in every brief's title and in views' and entity pages' titles.
    first = search(page, "Pakistan").locator(".md-search-result__item").first.locator("a").first
    expect(first).to_have_attribute("href", re.compile(r"/briefs/[a-z0-9-]+/$"))


@needs_chromium
def test_a_table_row_reads_as_labelled_text(page):
    from playwright.sync_api import expect

    results = search(page, "Rubio")
    events = results.locator('a.md-search-result__link[href$="#events"]').first
    expect(events).to_contain_text("What happened: ")


@needs_chromium
def test_following_a_result_opens_its_section_without_a_reload(page, base_url):
    from playwright.sync_api import expect

    with page.expect_response(lambda r: r.url == base_url + "sitemap.xml"):
        page.goto(base_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__notReloaded = true")
    section = search(page, "Abraham Accords").locator('a.md-search-result__link[href*="#key-points"]').first
    section.click()
    page.wait_for_url(f"{base_url}briefs/{PHRASES['Abraham Accords']}/#key-points")
    expect(page.locator("#__search")).not_to_be_checked()
    assert page.evaluate("window.__notReloaded === true"), "following a result reloaded the page"
    # The box still answers on the new page.
    expect(search(page, "Rubio").locator(".md-search-result__item").first).to_be_visible()


@needs_chromium
def test_arrow_keys_move_through_the_results_and_enter_follows_one(page, base_url):
    from playwright.sync_api import expect

    results = search(page, "Abraham Accords")
    links = results.locator(".md-search-result__link")
    expect(links.first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(links.first).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}briefs/{PHRASES['Abraham Accords']}/")


@needs_chromium
def test_no_result_says_so(page):
    from playwright.sync_api import expect

    results = search(page, "qqqzzz")
    expect(results.locator(".md-search-result__meta")).to_have_text("No matching documents")
    expect(results.locator(".md-search-result__item")).to_have_count(0)


@needs_chromium
def test_results_in_dark_mode_use_the_dark_scheme(page):
    from playwright.sync_api import expect

    page.locator('label[for="__palette_1"]').click()
    try:
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        item = search(page, "Rubio").locator(".md-search-result__item").first
        expect(item).to_be_visible()
        # Material's dark background behind the results, not a light one.
        colour = page.locator(".md-search__output").evaluate("e => getComputedStyle(e).backgroundColor")
        r, g, b = (int(x) for x in re.findall(r"\d+", colour)[:3])
        assert r + g + b < 3 * 128, colour
    finally:
        page.keyboard.press("Escape")
        page.locator('label[for="__palette_0"]').click()


@needs_chromium
def test_every_search_request_stays_on_the_site(session, base_url):
    page, requests, errors = session
    page.goto(base_url)
    search(page, "Pakistan").locator(".md-search-result__item").first.wait_for()
    assert any("/pagefind/" in u for u in requests)
    assert sorted({u for u in requests if urlsplit(u).hostname != "127.0.0.1"}) == []
    assert errors == []
