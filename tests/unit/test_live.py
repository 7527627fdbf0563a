"""generator/live.py: what `mkdocs serve` keeps between rebuilds (the search index part;
the fallback to the last good site is tested through a real server, tests/system/test_serve.py)."""

from __future__ import annotations

import logging
import threading

from generator import live, search


def test_outside_serve_the_index_is_written_before_the_build_returns():
    preview = live.Preview(command="build")
    ran = []
    preview.after_build(lambda stop: ran.append(stop.is_set()))
    assert ran == [False] and preview.indexing is None


def test_under_serve_the_index_follows_the_build_and_says_so(caplog):
    preview = live.Preview(command="serve")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.generator"):
        preview.after_build(lambda stop: None)
        preview.indexing.join(timeout=30)
    assert "Search index updated" in caplog.messages


def test_a_new_build_stops_the_index_still_being_written(caplog):
    preview = live.Preview(command="serve")
    started = threading.Event()

    def slow_index(stop: threading.Event) -> None:
        started.set()
        if stop.wait(timeout=60):  # what index_site does once it sees the event
            raise search.Stopped

    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.generator"):
        preview.after_build(slow_index)
        assert started.wait(timeout=30)
        thread = preview.indexing
        preview.stop_index()  # returns once the index has given up, not after 60 s
    assert not thread.is_alive() and preview.indexing is None
    assert "Search index updated" not in caplog.messages
    assert "search index stopped: a new build has started, or serve is stopping" in caplog.messages


def test_an_index_that_fails_is_reported_and_the_preview_goes_on(caplog):
    preview = live.Preview(command="serve")

    def failing(stop: threading.Event) -> None:
        raise RuntimeError("Pagefind could not index the site: no pages")

    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.generator"):
        preview.after_build(failing)
        preview.stop_index()
    assert "the search index was not updated: Pagefind could not index the site: no pages" in caplog.messages


def test_serve_shutting_down_stops_the_index_before_its_folder_is_removed(monkeypatch):
    """MkDocs calls `on_shutdown`, then removes the served folder: Pagefind still
    writing into it made that removal fail with a traceback."""
    from generator import hook

    preview = live.Preview(command="serve")
    monkeypatch.setattr(hook, "preview", preview)
    started = threading.Event()

    def slow_index(stop: threading.Event) -> None:
        started.set()
        if stop.wait(timeout=60):
            raise search.Stopped

    preview.after_build(slow_index)
    assert started.wait(timeout=30)
    thread = preview.indexing
    hook.on_shutdown()
    assert not thread.is_alive() and preview.indexing is None
