"""Structured data (schema.org JSON-LD) for brief and entity pages.

Built from the typed models, never from rendered text.  The source article
is a NewsArticle carrying only what the article states about itself (a field
the brief records as null, or a date the writer inferred, is left out); its
quotations and claims point at it.  An entity page describes a Person,
Organization or Country.

The JSON travels in the page's front matter (key `jsonld`, output.Output.meta) and the theme
override writes it into the page head.  It is made pure ASCII with `<`, `>`
and `&` escaped as \\u003c, \\u003e and \\u0026, so no text in a brief can
close the script element or be read as markup; the template escapes again.
"""

from __future__ import annotations

import json

from ..corpus import Corpus, Record
from ..model import Entity, When

KEY = "jsonld"
CONTEXT = "https://schema.org"
ARTICLE_ID = "_:source-article"
TYPES = {"person": "Person", "organisation": "Organization", "country": "Country"}
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def dumps(data: dict) -> str:
    """JSON that is safe inside <script>, in YAML and in HTML: ASCII, no <, > or &."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).translate(_SCRIPT_SAFE)


def _date(w: When | None) -> str | None:
    # Only dates the text states; ISO 8601 allows a month or a year alone.
    return w.date if w is not None and w.date and w.basis == "stated" else None


def _thing(entity: Entity) -> dict:
    return {"@type": TYPES[entity.kind], "name": entity.name}


def _drop_empty(node: dict) -> dict:
    return {k: v for k, v in node.items() if v not in (None, "", [])}


def brief_data(corpus: Corpus, record: Record) -> dict:
    b = record.brief
    s = b.source
    article = _drop_empty({
        "@type": "NewsArticle",
        "@id": ARTICLE_ID,
        "headline": s.headline,
        # A byline may name a person or a desk: schema.org allows text here.
        "author": s.author,
        "publisher": {"@type": "Organization", "name": s.outlet} if s.outlet else None,
        "datePublished": _date(s.published),
        "url": s.url,
    })
    graph = [article]
    for q in b.quotes:
        graph.append(_drop_empty({
            "@type": "Quotation",
            "text": q.text,
            "spokenByCharacter": _thing(corpus.entities[q.speaker]),
            "dateCreated": _date(q.date),
            "isPartOf": {"@id": ARTICLE_ID},
        }))
    for c in b.claims:
        graph.append({
            "@type": "Claim",
            "text": c.claim,
            "about": {"@type": "Thing", "name": corpus.topics[c.topic].name},
            "appearance": {"@id": ARTICLE_ID},
        })
    return {"@context": CONTEXT, "@graph": graph}


def entity_data(entity: Entity) -> dict:
    return _drop_empty({
        "@context": CONTEXT,
        **_thing(entity),
        "alternateName": list(entity.aliases),
        "description": entity.description,
    })
