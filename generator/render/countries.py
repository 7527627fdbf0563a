"""Countries: who is named as contributing troops, and who objects to whom."""

from __future__ import annotations

from collections import Counter

from ..analyse import CONTRIBUTORS_TOPIC, Sourced, answer_parts
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
PER_COUNTRY = 12


def outputs(site: Site) -> list[Output]:
    return [Output(PAGE, render_countries(site), in_nav=True, meta={"title": "Countries"})]


def _source(site: Site, r: Record, cite: list[int]) -> str:
    """The source by its article's date (its title the tooltip) and the paragraphs:
    a reader weighs a claim by when it was made, and a cell of titles ran longest."""
    return f"{source_link_html(PAGE, site.analysis, r)} {cites_html(PAGE, r, cite)}"


def _called(answer: str, names: dict[str, str]) -> str:
    """What a claim calls the countries it names: its answer without the names
    ("offered" of "offered; Indonesia"), or "named" when the answer is only names."""
    words = [part for part in answer_parts(answer) if part.lower() not in names]
    return "; ".join(words) or "named"


def _claim_id(number: int) -> str:
    return f"claim-{number}"


def render_countries(site: Site) -> str:
    corpus = site.corpus
    countries = {e.id: e for e in corpus.entities.values() if e.kind == "country"}
    # A claim on the contributors topic names a country when its answer lists
    # the country's name or one of its aliases.
    names = {n.lower(): cid for cid, e in countries.items() for n in [e.name, *e.aliases]}
    named: dict[str, list[Sourced[Claim]]] = {}
    contributors = site.analysis.claims(CONTRIBUTORS_TOPIC)
    claims = list(contributors.claims) if contributors else []  # newest source first
    for s in claims:
        for item in answer_parts(s.item.answer):
            if item.lower() in names:
                named.setdefault(names[item.lower()], []).append(s)
    out = [h.heading("Countries", 1), as_of_html(site.analysis, len(site.corpus.records)), h.heading("Contributors and would-be contributors"),
           h.p("Countries a source names as offering, expected or considered to contribute troops to the ISF. "
               "The first table gives each country with what each claim calls it, newest source first; the second "
               "gives each claim once, in full, with its source.")]
    if named:
        # One claim often names several countries: a row per country and claim
        # repeated its whole text on every row, so a row here names only the
        # claim's own words for the country ("offered"), and the text follows once.
        number = {id(s): i for i, s in enumerate(claims, 1)}
        rows = []
        for cid in sorted(named, key=lambda c: countries[c].name.lower()):
            rows.append([entity_html(corpus, PAGE, cid), h.ul(
                f"{h.strong(h.text(_called(s.item.answer, names)))} ({ATTRIBUTION_LABELS[s.item.attribution]}) — "
                f"{h.a(f'claim {number[id(s)]}', '#' + _claim_id(number[id(s)]))}, {cites_html(PAGE, s.record, s.item.cite)}"
                for s in named[cid][:PER_COUNTRY])])
        out.append(h.table(["Country", "What the sources call it"], rows))
        out.append(h.heading("The claims", 3))
        out.append(h.table(["Claim", "Answer and text", "Attribution", "Source"], [
            [h.span(str(number[id(s)]), id=_claim_id(number[id(s)])),
             f"{h.strong(h.text(s.item.answer))} — {h.text(s.item.claim)}",
             ATTRIBUTION_LABELS[s.item.attribution], _source(site, s.record, s.item.cite)]
            for s in claims if any(s in v for v in named.values())]))
    else:
        out.append(h.p("None reported."))

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
