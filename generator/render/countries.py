"""Countries: who is named as contributing troops, and who objects to whom."""

from __future__ import annotations

from collections import Counter

from ..analyse import TopicClaims, answer_key
from ..corpus import Corpus
from ..model import ATTRIBUTION_LABELS
from . import links
from .common import cites, entity, table, topic
from .text import front_matter, link, md

PAGE = "countries.md"
CONTRIBUTORS_TOPIC = "troop-contributors"
PER_COUNTRY = 12


def render_countries(corpus: Corpus, claims: dict[str, TopicClaims]) -> str:
    countries = {e.id: e for e in corpus.entities.values() if e.kind == "country"}
    # A claim on the contributors topic names a country when its answer lists
    # the country's name or one of its aliases.
    names = {n.lower(): cid for cid, e in countries.items() for n in [e.name, *e.aliases]}
    named: dict[str, list] = {}
    for claims_ in (claims.get(CONTRIBUTORS_TOPIC).answers.values() if CONTRIBUTORS_TOPIC in claims else []):
        for r, c in claims_:
            for item in answer_key(c.answer):
                if item in names:
                    named.setdefault(names[item], []).append((r, c))
    out = [front_matter("Countries"), "# Countries\n",
           "## Contributors and would-be contributors\n",
           "Countries a source names as offering, expected or considered to contribute troops to the ISF, "
           "with who the source says makes the claim.\n"]
    rows = []
    for cid in sorted(named, key=lambda c: countries[c].name.lower()):
        for r, c in named[cid][:PER_COUNTRY]:
            rows.append([entity(corpus, PAGE, cid), md(c.claim), ATTRIBUTION_LABELS[c.attribution],
                         link(r.brief.title, links.rel(PAGE, links.brief(r.id))), cites(PAGE, links.brief(r.id), c.cite)])
    out.append(table(["Country", "Claim", "Attribution", "Source", "Paragraphs"], rows) if rows else "None reported.\n")

    out.append("## Stances and objections\n")
    out.append("Positions the sources attribute to countries other than Pakistan (Pakistan's own are on the "
               f"{link('conditions tracker', 'conditions.md')} and its entity page).\n")
    rows = []
    for r in corpus.records:
        for p in r.brief.positions:
            if p.actor in countries and p.actor != "pakistan":
                rows.append((countries[p.actor].name.lower(), r.id, [
                    entity(corpus, PAGE, p.actor), topic(corpus, p.topic), md(p.stance), ATTRIBUTION_LABELS[p.attribution],
                    link(r.brief.title, links.rel(PAGE, links.brief(r.id))), cites(PAGE, links.brief(r.id), p.cite)]))
    rows.sort(key=lambda x: x[:2])
    per_country: Counter[str] = Counter()
    kept = []
    for name, _, row in rows:
        per_country[name] += 1
        if per_country[name] <= PER_COUNTRY:
            kept.append(row)
    out.append(table(["Country", "Topic", "Position", "Attribution", "Source", "Paragraphs"], kept)
               if rows else "None reported.\n")
    return "\n".join(out)
