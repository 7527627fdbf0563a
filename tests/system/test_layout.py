"""The reader's layout (issue 15): the real site in Chromium on a phone
(390x844) and a laptop (1280x800).

No table needs sideways scrolling, the timeline is a top-level tab, the
editors' pages are apart from the reader's, the home page opens with the
status and its "as of" date, a brief's bottom line is on its
first screen, every "¶" citation says what it opens, the timeline's picture
has a mark per dated event, and a missing address offers search and the
main views.  Screenshots of each page at both sizes land in test-artifacts/.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from site_browser import ARTIFACTS, WAIT_MS, base_url, browser, needs_chromium, server, site  # noqa: F401 (fixtures)

BRIEF_IDS = sorted(p.stem for p in (REPO / "briefs").glob("*.yaml"))
#: The main pages, by screenshot name; every brief is checked, the first one is photographed.
PAGES = {"home": "", "brief": f"briefs/{BRIEF_IDS[0]}/", "contradictions": "contradictions/",
         "sources": "sources/", "timeline": "timeline/", "conditions": "conditions/"}
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
#: Pages for the people who write briefs and run the site; the reader's sections hold none.
EDITORS_PAGES = {"contributing.md", "reference.md", "performance.md"}


def _nav() -> list:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]


def _entries(items: list) -> list[tuple[str | None, str]]:
    """(label, page) for every page in a nav list, sections flattened; a bare path has no label."""
    out = []
    for item in items:
        if isinstance(item, str):
            out.append((None, item))
            continue
        (label, value), = item.items()
        out += _entries(value) if isinstance(value, list) else [(label, value)]
    return out


class _Page(HTMLParser):
    """A built page's H1 text and every element id."""

    def __init__(self, html: str):
        super().__init__()
        self.h1, self.ids, self._in_h1 = "", set(), False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        self._in_h1 = self._in_h1 and tag != "h1"

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def _built(site: Path, page: str) -> _Page:
    folder = page.removesuffix(".md").removesuffix("index").rstrip("/")
    return _Page((site / folder / "index.html").read_text(encoding="utf-8"))


# ---- navigation --------------------------------------------------------------------------


def test_navigation_labels_match_page_titles(site):
    labelled = [(label, page) for label, page in _entries(_nav()) if label]
    assert len(labelled) > 10
    for label, page in labelled:
        if page == "index.md":
            assert label == "Home"  # the site's name is the home page's heading; its tab says where it leads
            continue
        assert _built(site, page).h1.replace("¶", "").strip() == label, page


def test_the_timeline_is_a_tab_and_editors_pages_are_apart():
    tabs = {label: value for item in _nav() for label, value in item.items()}
    assert tabs["Timeline"] == "timeline/index.md"
    assert {page for _, page in _entries(tabs["Editors"])} == EDITORS_PAGES
    readers = [page for label, value in tabs.items() if label != "Editors"
               for _, page in _entries(value if isinstance(value, list) else [value])]
    assert EDITORS_PAGES.isdisjoint(readers)


# ---- citations and the timeline's picture, in the built files ---------------------------


def test_every_citation_names_its_paragraph_and_previews_it(site):
    from generator.corpus import read_corpus

    records = {r.id: r for r in read_corpus(REPO).records}
    cite = re.compile(r'<a aria-label="paragraph (\d+) of ([^"]+)" href="([^"#]*)#p-(\d+)" title="([^"]+)">¶(\d+)</a>')
    any_cite = re.compile(r">¶\d+</a>")
    count = 0
    for name, path in PAGES.items():
        html = (site / path / "index.html").read_text(encoding="utf-8")
        found = cite.findall(html)
        assert len(found) == len(any_cite.findall(html)), name
        count += len(found)
        for n, title, href, anchor, preview, shown in found:
            assert n == anchor == shown, name
            target = (site / path / href).resolve() / "index.html" if href else site / path / "index.html"
            record = records[target.parent.name]
            assert unescape(title) == " ".join(record.brief.title.split()), name
            words = " ".join(record.seed.paragraph(int(n)).split()[:4])
            assert unescape(preview).startswith(words), (name, n)
            assert f"p-{n}" in _Page(target.read_text(encoding="utf-8")).ids, (name, href, n)
    assert count > 100


def test_the_timeline_picture_has_a_linked_mark_per_dated_event(site):
    from generator import analyse
    from generator.corpus import read_corpus

    dated = [t for t in analyse.analyse(read_corpus(REPO)).timeline if t.when.date]
    html = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="timeline-chart__svg".*?</svg>', html, re.S)[0]
    marks = re.findall(r'<a class="timeline-chart__mark" xlink:href="#([^"]+)"><title>([^<]*)</title><circle ', svg)
    assert len(marks) == len(dated) > 0
    numbers = [int(anchor.removeprefix("event-")) for anchor, _ in marks]
    assert numbers == sorted(numbers)  # in the list's order, a day and month without a year too
    ids = _Page(html).ids
    for anchor, title in marks:
        assert anchor in ids, anchor
        entry = re.search(rf'<li id="{anchor}"><strong>([^<]+)</strong>', html)[1]
        date = re.sub(r" \((?:(?:month|year) only)?(?:, )?(?:inferred)?\)$", "", entry)  # the entry's marks
        assert title.startswith(date + ":"), (anchor, entry, title)
    assert re.search(r"<(script|foreignObject)|style=", svg) is None


# ---- in the browser ------------------------------------------------------------------------


@pytest.fixture(scope="module", params=list(SIZES))
def screen(request, browser, base_url):
    context = browser.new_context(viewport=SIZES[request.param], color_scheme="light")
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    yield request.param, page
    context.close()


#: Tables whose box, or whose content, reaches past the viewport's right edge.
_OVERFLOWING_TABLES = """() => [...document.querySelectorAll("article table")]
  .filter(t => t.getBoundingClientRect().right > innerWidth + 1 || t.scrollWidth > t.clientWidth + 1
            || (w => w !== null && w.scrollWidth > w.clientWidth + 1)(t.closest(".md-typeset__scrollwrap")))
  .map(t => t.querySelector("th, td")?.textContent.trim())"""


@needs_chromium
def test_no_table_is_wider_than_the_screen(screen, base_url):
    size, page = screen
    ARTIFACTS.mkdir(exist_ok=True)
    paths = {**PAGES, **{f"brief-{i}": f"briefs/{b}/" for i, b in enumerate(BRIEF_IDS)}}
    for name, path in paths.items():
        page.goto(base_url + path)
        assert page.evaluate(_OVERFLOWING_TABLES) == [], f"{name} at {size}"
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), f"{name} at {size} scrolls sideways"
        if name in PAGES:
            page.screenshot(path=str(ARTIFACTS / f"{name}-{size}.png"), full_page=True)


#: Headings whose permalink sits on a line below the heading's last word.
_PERMALINK_ALONE = """() => [...document.querySelectorAll("article :is(h1, h2, h3, h4)")].flatMap(h => {
  const link = h.querySelector(".headerlink");
  if (link === null || link.getClientRects().length === 0) return [];
  const text = document.createRange(); text.setStart(h, 0); text.setEndBefore(link);
  const last = Math.max(...[...text.getClientRects()].map(r => r.top));
  return link.getBoundingClientRect().top > last + 5 ? [h.textContent.trim()] : [];
})"""


@needs_chromium
def test_no_heading_leaves_its_permalink_on_a_blank_line_on_a_phone(screen, base_url):
    size, page = screen
    if size != "phone":
        pytest.skip("a laptop shows the permalink on hover, as the theme does")
    # These headings wrapped exactly so at 390 px before the phone hid the permalink.
    for path in (*PAGES.values(), "situation/", "methodology/", "timeline/undated/"):
        page.goto(base_url + path)
        assert page.evaluate(_PERMALINK_ALONE) == [], path


#: Citations with a gap of more than 2 px between their last character and a ")" right after them.
_GAPS_BEFORE_PAREN = """() => [...document.querySelectorAll('.md-content a[aria-label^="paragraph "]')]
  .filter(a => a.nextSibling?.nodeType === 3 && a.nextSibling.textContent.startsWith(")"))
  .filter(a => { const r = document.createRange();
                 r.selectNodeContents(a); const end = r.getBoundingClientRect().right;
                 r.setStart(a.nextSibling, 0); r.setEnd(a.nextSibling, 1);
                 return r.getBoundingClientRect().left - end > 2; })
  .map(a => a.textContent)"""


@needs_chromium
def test_no_gap_between_a_citation_and_the_parenthesis_that_closes_it(screen, base_url):
    size, page = screen
    page.goto(base_url)
    closing = """() => [...document.querySelectorAll('.md-content a[aria-label^="paragraph "]')]
      .filter(a => a.nextSibling?.nodeType === 3 && a.nextSibling.textContent.startsWith(")")).length"""
    assert page.evaluate(closing) > 0  # the page has such citations: the test checks something
    # "(the article of 29 October 2025 ¶16 )": the citation's padding once stood before the ")".
    assert page.evaluate(_GAPS_BEFORE_PAREN) == [], size


#: Cards (a phone's table rows) whose "Attribution" cell takes more than one line.
_TALL_SHORT_CELLS = """() => [...document.querySelectorAll('article td[data-label="Attribution"]')]
  .filter(td => { const line = parseFloat(getComputedStyle(td).lineHeight);
                  const pad = parseFloat(getComputedStyle(td).paddingTop) + parseFloat(getComputedStyle(td).paddingBottom);
                  return td.getBoundingClientRect().height - pad > 1.5 * line; })
  .map(td => td.textContent)"""


@needs_chromium
def test_a_card_s_label_runs_in_with_its_value_on_a_phone(screen, base_url):
    size, page = screen
    if size != "phone":
        pytest.skip("a laptop shows tables, not cards")
    # A label on a line of its own doubled every card: "Attribution" above "on record".
    page.goto(base_url)
    assert page.locator('article td[data-label="Attribution"]').count() > 0
    assert page.evaluate(_TALL_SHORT_CELLS) == []


#: Names in the first column of a two-column table that are cut over two lines.
_CUT_NAMES = """() => [...document.querySelectorAll("article table")]
  .filter(t => t.querySelectorAll("thead th").length === 2)
  .flatMap(t => [...t.querySelectorAll("tbody td:first-child :is(a, code)")])
  .filter(name => name.getClientRects().length > 1).map(name => name.textContent)"""


@needs_chromium
def test_a_two_column_table_keeps_each_file_or_field_name_on_one_line(screen, base_url):
    size, page = screen
    # "briefs.schema.json" broke after "schem" at 390 px, the column squeezed to its letters.
    for path in ("data/", "contributing/", f"briefs/{BRIEF_IDS[0]}/"):
        page.goto(base_url + path)
        assert page.evaluate(_CUT_NAMES) == [], f"{path} at {size}"


@needs_chromium
def test_timeline_in_the_top_navigation_and_no_editors_page_in_the_readers(screen, base_url):
    from playwright.sync_api import expect

    size, page = screen
    page.goto(base_url)
    if size == "laptop":
        expect(page.locator(".md-tabs").get_by_role("link", name="Timeline", exact=True)).to_be_visible()
        labels = [t.strip() for t in page.locator(".md-tabs__link").all_inner_texts()]
        assert labels.index("Timeline") < labels.index("Editors"), labels
    # The primary navigation (the drawer on a phone): Timeline at its top level,
    # editors' pages only inside the Editors section.
    top = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item").all()
    labels = [item.locator(".md-ellipsis").first.text_content().strip() for item in top]
    assert "Timeline" in labels and "Editors" in labels, labels
    for label, item in zip(labels, top, strict=True):
        hrefs = item.locator("a.md-nav__link").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        editors = [h for h in hrefs if any(f"{p.removesuffix('.md')}/" in h for p in EDITORS_PAGES)]
        assert editors == [] or label == "Editors", (label, editors)


@needs_chromium
def test_the_home_pages_first_screen_has_the_status_and_its_as_of_date(screen, base_url):
    size, page = screen
    page.goto(base_url)
    block = page.locator(".admonition.abstract").first
    title = block.locator(".admonition-title").inner_text()
    assert re.fullmatch(r"Where things stand — as of \d{1,2} \w+ \d{4}( or later)?", title), title
    status = block.locator("p strong").first
    box = status.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SIZES[size]["height"], (size, box)
    assert "No decision reported" in status.inner_text()
    assert "The brief writer's judgement" in block.inner_text()  # labelled as judgement


@needs_chromium
def test_a_briefs_bottom_line_is_on_its_first_screen(screen, base_url):
    size, page = screen
    for brief in BRIEF_IDS:
        page.goto(f"{base_url}briefs/{brief}/")
        box = page.locator(".admonition.abstract").bounding_box()
        assert box is not None and box["y"] + min(box["height"], 80) <= SIZES[size]["height"], (brief, size, box)


@needs_chromium
def test_citations_have_accessible_names_preview_and_land_highlighted(screen, base_url):
    from playwright.sync_api import expect

    size, page = screen
    page.goto(f"{base_url}briefs/{BRIEF_IDS[0]}/")
    cites = page.locator("article a", has_text=re.compile(r"^¶\d+$"))
    count = cites.count()
    assert count > 0
    named = page.get_by_role("link", name=re.compile(r"^paragraph \d+ of \S"))
    expect(named).to_have_count(count)
    first = named.first
    n = re.search(r"\d+", first.inner_text())[0]
    if size == "laptop":  # a pointer to hover with
        first.hover()
        expect(page.locator(".md-tooltip2--active")).to_contain_text(
            page.locator(f"#p-{n}").inner_text().removeprefix(f"¶{n}").split()[0])
    # The theme puts the section scrolled to in the address (navigation.tracking); a
    # click while it does so is taken for a new page.  A reader scrolls, then reads, then clicks.
    first.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    first.click()
    target = page.locator(f"#p-{n}")
    expect(target).to_be_in_viewport()
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"


#: Marks that a tap 10 px off their dot's centre, sideways or upwards, would miss.
_SMALL_MARKS = """() => [...document.querySelectorAll("svg.timeline-chart__svg a.timeline-chart__mark")]
  .filter(a => { const r = a.querySelector("circle").getBoundingClientRect();
                 const x = r.left + r.width / 2, y = r.top + r.height / 2;
                 return [[x + 10, y], [x - 10, y], [x, y - 10]].some(([px, py]) =>
                   document.elementFromPoint(px, py)?.closest("a") !== a); })
  .map(a => a.getAttribute("xlink:href"))"""


#: Small links (paragraph citations by default) that a tap 10 px above or below their
#: centre, or 8 px to a side, would miss; a table head a phone hides (1 px) is skipped.
_SMALL_CITES = """(selector) => [...document.querySelectorAll(selector || '.md-content a[aria-label^="paragraph "]')]
  .filter(a => a.getClientRects().length === 1 && a.getBoundingClientRect().height > 1)
  .filter(a => { const r = a.getBoundingClientRect();
                 const x = r.left + r.width / 2, y = r.top + r.height / 2;
                 if (y < 60 || y > innerHeight - 10) return false;  // under the header, or off screen
                 return [[x + 8, y], [x - 8, y], [x, y - 10], [x, y + 10]].some(([px, py]) =>
                   document.elementFromPoint(px, py)?.closest("a") !== a); })
  .map(a => a.textContent)"""


@needs_chromium
@pytest.mark.parametrize("path", ["", "quotes/"])
def test_paragraph_citations_are_targets_a_finger_can_hit(screen, base_url, path):
    size, page = screen
    page.goto(base_url + path)
    assert page.evaluate(_SMALL_CITES) == [], size


@needs_chromium
@pytest.mark.parametrize(("path", "selector"), [("conditions/", ".md-content thead th > a"),
                                                ("sources/", '.md-content td[data-label="Flags"] a')])
def test_short_links_in_tables_are_targets_a_finger_can_hit(screen, base_url, path, selector):
    # A source's column ("S1") and a source's flags ("9 flags", once a bare "9").
    size, page = screen
    page.goto(base_url + path)
    assert page.locator(selector).count() > 0
    for link in page.locator(selector).all():
        link.scroll_into_view_if_needed()
        assert page.evaluate(f"() => ({_SMALL_CITES})({selector!r}).length") == 0, (size, link.text_content())


@needs_chromium
def test_every_timeline_mark_is_a_target_a_finger_can_hit(screen, base_url):
    size, page = screen
    page.goto(base_url + "timeline/")
    page.locator("svg.timeline-chart__svg").scroll_into_view_if_needed()
    # A 12 px dot was the whole target; its transparent stroke makes it 24 px (WCAG 2.5.8).
    assert page.evaluate(_SMALL_MARKS) == [], size


@needs_chromium
def test_the_timeline_picture_shows_in_light_and_dark(screen, base_url):
    from playwright.sync_api import expect

    size, page = screen
    page.goto(base_url + "timeline/")
    marks = page.locator("svg.timeline-chart__svg a.timeline-chart__mark")
    expect(marks.first).to_be_visible()
    colours = []
    for scheme, toggle in (("slate", "__palette_1"), ("default", "__palette_0")):
        page.locator(f'label[for="{toggle}"]').first.click(force=True)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        colours.append(marks.first.locator("circle").evaluate("c => getComputedStyle(c).fill"))
        if scheme == "slate":
            page.screenshot(path=str(ARTIFACTS / f"timeline-dark-{size}.png"))
    assert colours[0] != colours[1]
    # A mark opens its entry.
    anchor = marks.first.get_attribute("xlink:href")
    marks.first.click()
    expect(page.locator(anchor)).to_be_in_viewport()


@needs_chromium
def test_a_missing_address_offers_search_and_the_main_views(screen, base_url):
    from playwright.sync_api import expect

    size, page = screen
    response = page.goto(base_url + "no/such/deep/path")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    # The theme's stylesheet and scripts load from this depth too.
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    links = page.locator("article li a")
    hrefs = links.evaluate_all("as => as.map(a => a.href)")
    assert len(hrefs) >= 5
    for href in hrefs:
        assert page.request.get(href).status == 200, href
    page.locator("article label", has_text="Search").click()
    expect(page.locator(".md-search__input")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / f"404-{size}.png"))
