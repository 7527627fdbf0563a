"""Countries: who is named as contributing troops, and who objects to whom."""

from __future__ import annotations

from collections import Counter

from ..analyse import Sourced, answer_key
from ..context import Site
from ..corpus import Record
from ..fields import ATTRIBUTION_LABELS
from ..model import Claim
from ..output import Output
from ..stances import KIND_LABELS
from . import html as h
from . import links
from .common import as_of_html, cites_html, entity_html, source_link_html

PAGE = links.COUNTRIES
CONTRIBUTORS_TOPIC = "troop-contributors"
PER_COUNTRY = 12


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_countries(site), in_nav=True, meta={"title": "Countries"})]


def _source(site: Site, r: Record, cite: list[int]) -> str:
    """The source by its article's date (its title the tooltip) and the paragraphs:
    a reader weighs a claim by when it was made, and a cell of titles ran longest."""
    return f"{source_link_html(PAGE, site.analysis, r)} {cites_html(PAGE, r, cite)}"


def render_countries(site: Site) -> str:
    corpus = site.corpus
    countries = {e.id: e for e in corpus.entities.values() if e.kind == "country"}
    # A claim on the contributors topic names a country when its answer lists
    # the country's name or one of its aliases.
    names = {n.lower(): cid for cid, e in countries.items() for n in [e.name, *e.aliases]}
    named: dict[str, list[Sourced[Claim]]] = {}
    contributors = site.analysis.claims(CONTRIBUTORS_TOPIC)
    for s in contributors.claims if contributors else ():  # newest source first
        for item in answer_key(s.item.answer):
            if item in names:
                named.setdefault(names[item], []).append(s)
    out = [h.heading("Countries", 1), as_of_html(site.analysis, len(site.corpus.records)), h.heading("Contributors and would-be contributors"),
           h.p("Countries a source names as offering, expected or considered to contribute troops to the ISF, "
               "with who the source says makes the claim.")]
    rows = []
    for cid in sorted(named, key=lambda c: countries[c].name.lower()):
        for s in named[cid][:PER_COUNTRY]:
            # The answer first ("offered", "leading contenders"): what the claim says of the country.
            rows.append([entity_html(corpus, PAGE, cid), f"{h.strong(h.text(s.item.answer))} — {h.text(s.item.claim)}",
                         ATTRIBUTION_LABELS[s.item.attribution], _source(site, s.record, s.item.cite)])
    out.append(h.table(["Country", "Claim", "Attribution", "Source"], rows) if rows else h.p("None reported."))

    out.append(h.heading("Stances and objections"))
    out.append(h.p("Positions the sources attribute to countries other than Pakistan (Pakistan's own are on the "
                   f"{h.link('conditions tracker', links.CONDITIONS)} and its entity page)."))
    # By country, then newest source first, as every view lists sources.
    stances: list[tuple[str, int, list[str]]] = []
    for rank, r in enumerate(site.analysis.newest_first):
        for p in r.brief.positions:
            if p.actor in countries and p.actor != "pakistan":
                stances.append((countries[p.actor].name.lower(), rank, [
                    entity_html(corpus, PAGE, p.actor), h.text(corpus.topics[p.topic].name), KIND_LABELS[p.kind],
                    h.text(p.stance), ATTRIBUTION_LABELS[p.attribution], _source(site, r, p.cite)]))
    stances.sort(key=lambda x: x[:2])
    per_country: Counter[str] = Counter()
    kept = []
    for name, _, row in stances:
        per_country[name] += 1
        if per_country[name] <= PER_COUNTRY:
            kept.append(row)
    out.append(h.table(["Country", "Topic", "Kind", "Position", "Attribution", "Source"], kept)
               if stances else h.p("None reported."))
    return h.page("".join(out))
