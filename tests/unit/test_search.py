"""generator/search.py: the HTML Pagefind reads for a page, from the page's article."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.search import ARCHIVED_TEXT_WEIGHT, BOTTOM_LINE_WEIGHT, VIEW_TITLE_WEIGHT, page_url, search_html

START = '<html><body><article class="md-content__inner md-typeset">'
END = "</article></body></html>"


def indexed(path: str, article: str) -> str | None:
    html = search_html(path, START + article + END)
    return None if html is None else html.split("<main data-pagefind-body>", 1)[1].rsplit("</main>", 1)[0]


@pytest.mark.parametrize("rel, url", [
    ("index.html", "/"), ("briefs/x/index.html", "/briefs/x/"), ("timeline/2025-10/index.html", "/timeline/2025-10/"),
])
def test_page_url(rel, url):
    assert page_url(Path("site"), Path("site") / rel) == url


def test_a_page_without_an_article_is_not_indexed():
    assert search_html("briefs/x/", "<html><body><p>no article</p></body></html>") is None


def test_a_brief_is_indexed_whole_with_its_bottom_line_and_archived_text_weighted():
    article = ('<h1 id="t">T<a class="headerlink" href="#t">&para;</a></h1>'
               '<div class="admonition abstract"><p>Bottom.</p></div>'
               '<h2 id="key-points">Key points</h2><ol><li>Point <a href="#p-3">¶3</a></li></ol>'
               '<h2 id="cited-paragraphs">Cited</h2><p class="evidence" id="p-3">Archived.</p>')
    assert indexed("briefs/x/", article) == (
        '<h1 id="t">T<a data-pagefind-ignore class="headerlink" href="#t">&para;</a></h1>'
        f'<div class="admonition abstract" data-pagefind-weight="{BOTTOM_LINE_WEIGHT}"><p>Bottom.</p></div>'
        '<h2 id="key-points">Key points</h2><ol><li>Point </li></ol>'
        f'<h2 id="cited-paragraphs">Cited</h2><p class="evidence" data-pagefind-weight="{ARCHIVED_TEXT_WEIGHT}" '
        'id="p-3">Archived.</p>')


@pytest.mark.parametrize("path", ["timeline/", "quotes/", "entities/marco-rubio/", "", "briefs/"])
def test_views_and_indexes_are_indexed_by_title_and_introduction(path):
    assert indexed(path, "<h1>View</h1><p>Intro.</p><h2>Rows</h2><p>One per brief.</p>") == \
        f'<h1 data-pagefind-weight="{VIEW_TITLE_WEIGHT}">View</h1><p>Intro.</p>'


def test_a_fixed_page_is_indexed_whole():
    assert indexed("methodology/", "<h1>M</h1><h2>A</h2><p>x</p>") == "<h1>M</h1><h2>A</h2><p>x</p>"


def test_a_table_row_reads_as_labelled_text_without_empty_cells_or_citations():
    table = ("<table>\n<thead>\n<tr>\n<th>Date</th>\n<th>What happened</th>\n<th>Source</th>\n</tr>\n</thead>\n"
             "<tbody>\n<tr>\n<td><em>not stated</em></td>\n<td>Dar spoke.</td>\n"
             '<td data-label="Source"><a aria-label="paragraph 5 of A" href="#p-5" title="Dar spoke.">¶5</a> '
             '<a href="../b/#p-6">¶6</a></td>\n</tr>\n</tbody>\n</table>')
    assert indexed("briefs/x/", table) == "<p>Date: <em>not stated</em>; What happened: Dar spoke.</p>"


def test_a_two_column_table_reads_as_field_and_value():
    table = ("<table><thead><tr><th>Field</th><th>What the article states</th></tr></thead>"
             "<tbody><tr><td>Author</td><td>A. Writer</td></tr><tr><td>Scope</td><td></td></tr></tbody></table>")
    assert indexed("briefs/x/", table) == "<p>Author: A. Writer</p>"



def _site(folder: Path, title: str) -> Path:
    page = folder / "briefs" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(START + f"<h1>{title}</h1><p>Body text.</p>" + END, encoding="utf-8")
    return folder


def test_the_same_documents_copy_the_kept_index_and_changed_ones_index_again(tmp_path, monkeypatch):
    from generator import search

    cache = tmp_path / "cache"
    first = _site(tmp_path / "one", "Title")
    search.index_site(first, cache)
    bundle = sorted(p.relative_to(first) for p in (first / search.BUNDLE).rglob("*"))
    assert bundle and [p.name for p in cache.iterdir()] != []

    runs = []
    real_run = search._pagefind
    monkeypatch.setattr(search, "_pagefind", lambda *a: runs.append(a) or real_run(*a))
    same = _site(tmp_path / "two", "Title")
    search.index_site(same, cache)
    assert runs == []  # Pagefind did not run: the kept index was copied
    assert sorted(p.relative_to(same) for p in (same / search.BUNDLE).rglob("*")) == bundle

    changed = _site(tmp_path / "three", "Another title")
    search.index_site(changed, cache)
    assert len(runs) == 1
    assert len(list(cache.iterdir())) == 1  # only the latest index is kept


def test_a_stopped_index_writes_nothing_and_keeps_the_cache(tmp_path):
    import threading

    from generator import search

    cache = tmp_path / "cache"
    site = _site(tmp_path / "one", "Title")
    stop = threading.Event()
    stop.set()
    with pytest.raises(search.Stopped):
        search.index_site(site, cache, stop)
    assert not (site / search.BUNDLE).exists() and not cache.exists()


def test_stopping_kills_a_running_pagefind(tmp_path):
    import sys
    import threading
    import time

    from generator import search

    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    start = time.monotonic()
    with pytest.raises(search.Stopped):
        search._pagefind([sys.executable, "-c", "import time; time.sleep(60)"], stop)
    assert time.monotonic() - start < 30  # killed, not waited for


def test_pagefind_output_is_returned_with_its_status():
    import sys
    import threading

    from generator import search

    command = [sys.executable, "-c", "import sys; print('bad site', file=sys.stderr); sys.exit(3)"]
    assert search._pagefind(command, threading.Event()) == (3, "bad site")


def test_under_serve_the_last_index_answers_while_the_new_one_is_written(tmp_path, monkeypatch):
    from generator import search

    cache = tmp_path / "cache"
    first = _site(tmp_path / "one", "Title")
    search.index_site(first, cache)
    kept = sorted(p.relative_to(first) for p in (first / search.BUNDLE).rglob("*"))

    # The next build's folder has no index; while Pagefind runs, the kept one is in place.
    seen = []
    real_run = search._pagefind
    changed = _site(tmp_path / "two", "Another title")
    monkeypatch.setattr(search, "_pagefind", lambda *a: seen.append(
        sorted(p.relative_to(changed) for p in (changed / search.BUNDLE).rglob("*"))) or real_run(*a))
    search.index_site(changed, cache, keep_serving=True)
    assert seen == [kept]
    # ...and the new index then replaces it whole: none of the old files is left over.
    new = sorted(p.relative_to(changed) for p in (changed / search.BUNDLE).rglob("*"))
    fresh = _site(tmp_path / "three", "Another title")
    monkeypatch.setattr(search, "_pagefind", real_run)
    search.index_site(fresh, None)
    assert new == sorted(p.relative_to(fresh) for p in (fresh / search.BUNDLE).rglob("*")) != kept


def test_a_build_does_not_put_an_old_index_in_place(tmp_path, monkeypatch):
    from generator import search

    cache = tmp_path / "cache"
    search.index_site(_site(tmp_path / "one", "Title"), cache)
    changed = _site(tmp_path / "two", "Another title")
    seen = []
    real_run = search._pagefind
    monkeypatch.setattr(search, "_pagefind", lambda *a: seen.append((changed / search.BUNDLE).exists()) or real_run(*a))
    search.index_site(changed, cache)
    assert seen == [False]
