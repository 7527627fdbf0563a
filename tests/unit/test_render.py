"""Rendering helpers pinned to their plain definitions, and the brief page's order; each is a
faster form of something plainer, pinned here to give the same answers."""

from __future__ import annotations

import posixpath
import re

from pydantic import BaseModel

from conftest import REPO
from generator.corpus import read_corpus
from generator.render import text
from generator.render.links import rel

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


def _strings(node):
    """Every text value in a model tree."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _strings(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _strings(item)
    elif isinstance(node, str):
        yield node


def test_escaping_is_the_plain_definition():
    def plain(s: str) -> str:
        out = re.sub(r"\s+", " ", s).strip().translate(text._TABLE)
        return text._LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", out, count=1)

    samples = [v for r in RECORDS for v in _strings(r.brief)]
    samples += ["1. a", "- x", "12) y", ":z", "  - lead", "a\u00a0\u2028b\u3000c", ".", "", "1.", "-", " \t\n ",
                "<b>&amp;</b> [x](y) `z` *a* _b_ | {c} #d !e ~f =g ^h $i \"j\" @k \\l"]
    samples += ["x" + chr(c) + "y" for c in range(0x3100)]  # every space and punctuation mark up to U+3000
    for s in samples:
        assert text.md(s) == plain(s), s
    assert text.md(None, empty="-") == "-"


def test_a_brief_page_opens_with_its_title_then_its_bottom_line():
    from generator.render.brief import render_brief

    corpus = read_corpus(REPO)
    for record in corpus.records:
        page = render_brief(corpus, record)
        heading, bottom_line = page.split("\n")[1:3]
        assert heading.startswith("<h1>")
        assert bottom_line == '<div class="admonition abstract">'


def test_briefs_json_is_what_json_dumps_would_write():
    import json

    from generator.exports import BRIEFS_JSON, export_model
    from generator.site import outputs, site_of

    corpus = read_corpus(REPO)
    plain = json.dumps(export_model(corpus).model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    assert {o.uri: o.text for o in outputs(site_of(corpus))}[BRIEFS_JSON] == plain


def test_a_country_is_called_by_the_claim_s_qualifier():
    from generator.model import Claim
    from generator.render.countries import _called

    def claim(qualifier):
        return Claim(topic="q", answer="Indonesia and UAE", qualifier=qualifier, claim="c", attribution="outlet",
                     cite=[1])

    assert _called(claim("reportedly willing")) == "reportedly willing"
    assert _called(claim(None)) == "named"  # only names: the claim calls them nothing
