"""The fixes `make bench` led to (tests/bench/, docs/performance.md): each is a
faster form of something plainer, pinned here to give the same answers."""

from __future__ import annotations

import gc
import posixpath
import re
import typing

import pytest
from pydantic import BaseModel

from conftest import REPO
from generator.corpus import read_corpus
from generator.model import Brief, EntityRegistry, TagRegistry, TopicRegistry, cited_paragraphs, walk
from generator.perf import paused_gc
from generator.render import text
from generator.render.links import rel
from generator.validate import PAGE_TITLE_FIELDS, _title_branches

RECORDS = read_corpus(REPO).records


def test_relative_links_match_posixpath():
    pages = ["index.md", "quotes.md", "briefs/a.md", "briefs/b.md", "entities/x.md", "timeline/2025-10.md",
             "a/b/c.md", "a/d.md"]
    for start in pages:
        for target in pages:
            if start != target:
                expected = posixpath.relpath(target, posixpath.dirname(start) or ".")
                assert rel(start, target) == expected
                assert rel(start, target, "p-1") == expected + "#p-1"


def _plain_walk(node, loc=()):
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield loc + (name,), name, getattr(node, name)
            yield from _plain_walk(getattr(node, name), loc + (name,))
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from _plain_walk(item, loc + (i,))


def test_walk_visits_every_field_in_order():
    for record in RECORDS:
        assert list(walk(record.brief)) == list(_plain_walk(record.brief))


def test_walk_by_names_is_the_full_walk_filtered():
    names = frozenset({"cite", "speaker", "topic", "tags", "id"})
    for record in RECORDS:
        assert list(walk(record.brief, names=names)) == [x for x in _plain_walk(record.brief) if x[1] in names]


def test_page_titles_are_looked_for_wherever_a_model_with_one_can_be():
    """The check descends only into fields whose type can hold a page-title
    model; every such model anywhere in the schemas is reached."""
    def models(tp, seen):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp not in seen:
                seen.add(tp)
                for info in tp.model_fields.values():
                    models(info.annotation, seen)
        for arg in typing.get_args(tp):
            models(arg, seen)
        return seen

    def reached(model):
        found = {model} & set(PAGE_TITLE_FIELDS)
        for name in _title_branches(model):
            for inner in models(model.model_fields[name].annotation, set()):
                found |= reached(inner)
        return found

    for top in (Brief, EntityRegistry, TopicRegistry, TagRegistry):
        assert reached(top) == models(top, set()) & set(PAGE_TITLE_FIELDS)
    assert _title_branches(Brief) == ()  # its own title is the only one: nothing below is walked


def test_cited_paragraphs_are_the_cite_fields_walk_finds():
    for record in RECORDS:
        expected = {n for _loc, name, value in walk(record.brief) if name == "cite" for n in value}
        assert cited_paragraphs(record.brief) == expected and expected


def test_escaping_is_the_plain_definition():
    def plain(s: str) -> str:
        out = re.sub(r"\s+", " ", s).strip().translate(text._TABLE)
        return text._LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", out, count=1)

    samples = [v for r in RECORDS for _loc, _name, v in walk(r.brief) if isinstance(v, str)]
    samples += ["1. a", "- x", "12) y", ":z", "  - lead", "a\u00a0\u2028b\u3000c", ".", "", "1.", "-", " \t\n ",
                "<b>&amp;</b> [x](y) `z` *a* _b_ | {c} #d !e ~f =g ^h $i \"j\" @k \\l"]
    samples += ["x" + chr(c) + "y" for c in range(0x3100)]  # every space and punctuation mark up to U+3000
    for s in samples:
        assert text.md(s) == plain(s), s
    assert text.md(None, empty="-") == "-"


def test_paused_gc_restores_the_collector():
    seen = []
    inner = paused_gc(lambda: seen.append(gc.isenabled()))
    outer = paused_gc(lambda: (inner(), seen.append(gc.isenabled())))
    assert gc.isenabled()
    outer()
    assert seen == [False, False] and gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        paused_gc(lambda: 1 / 0)()
    assert gc.isenabled()


def test_brief_pages_leave_all_but_title_bottom_line_and_tags_out_of_search():
    """4 KB of search index per brief (docs/performance.md): a brief page's
    sections and its source card are marked for Material's search to skip."""
    from generator.render.brief import render_brief
    from generator.render.common import NOT_SEARCHED

    corpus = read_corpus(REPO)
    for record in corpus.records:
        page = render_brief(corpus, record)
        headings = [line for line in page.splitlines() if line.startswith("## ")]
        assert headings and all(line.endswith(NOT_SEARCHED) for line in headings)
        top = page.split("\n## ", 1)[0]
        card, rest = top.split("</div>", 1)
        assert '<div data-search-exclude="true" markdown>' in card and "Bottom line" in rest


def test_briefs_json_is_what_json_dumps_would_write():
    import json

    from generator.exports import BRIEFS_JSON, build_exports, export_model

    corpus = read_corpus(REPO)
    plain = json.dumps(export_model(corpus).model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    assert build_exports(corpus, "x", "https://example.org/")[BRIEFS_JSON] == plain
