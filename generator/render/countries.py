"""Countries: who is named as contributing troops, and who objects to whom."""

from __future__ import annotations

from collections import Counter

from ..analyse import CONTRIBUTORS_TOPIC, Sourced, answer_parts, answer_text
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


def _called(claim: Claim) -> str:
    """What a claim calls the countries it names: its qualifier ("offered"), or
    "named" when it gives none."""
    return claim.qualifier or "named"


def _claim_id(number: int) -> str:
    return f"claim-{number}"


def _called_line(s: Sourced[Claim], number: int) -> str:
    """One claim in a country's row: its words for the country, who makes it, a link
    to the claim written out below, and its paragraphs."""
    return (f"{h.strong(h.text(_called(s.item)))} ({ATTRIBUTION_LABELS[s.item.attribution]}) — "
            f"{h.a(f'claim {number}', '#' + _claim_id(number))}, {cites_html(PAGE, s.record, s.item.cite)}")


def render_countries(site: Site) -> str:
    corpus = site.corpus
    countries = {e.id: e for e in corpus.entities.values() if e.kind == "country"}
    # A claim on the contributors topic names a country when its answer lists
    # the country's name or one of its aliases.
    names = {n.lower(): cid for cid, e in countries.items() for n in [e.name, *e.aliases]}
    # The claims that name a country, newest source first, numbered in that order;
    # each country with the numbers of the claims naming it.
    numbered: list[Sourced[Claim]] = []
    named: dict[str, list[int]] = {}
    contributors = site.analysis.claims(CONTRIBUTORS_TOPIC)
    for s in contributors.claims if contributors else ():
        ids = dict.fromkeys(names[p.lower()] for p in answer_parts(s.item.answer) if p.lower() in names)
        if ids:
            numbered.append(s)
            for cid in ids:
                named.setdefault(cid, []).append(len(numbered))
    out = [h.heading("Countries", 1), as_of_html(site.analysis, len(site.corpus.records)), h.heading("Contributors and would-be contributors"),
           h.p("Countries a source names as offering, expected or considered to contribute troops to the ISF. "
               "The first table gives each country with what each claim calls it, newest source first; the second "
               "gives each claim once, in full, with its source.")]
    if named:
        # One claim often names several countries: a row per country and claim
        # repeated its whole text on every row, so a row here names only the
        # claim's own words for the country ("offered"), and the text follows once.
        rows = []
        for cid in sorted(named, key=lambda c: countries[c].name.lower()):
            rows.append([entity_html(corpus, PAGE, cid), h.ul(_called_line(numbered[n - 1], n)
                                                             for n in named[cid][:PER_COUNTRY])])
        out.append(h.table(["Country", "What the sources call it"], rows))
        out.append(h.heading("The claims", 3))
        out.append(h.table(["Claim", "Answer and text", "Attribution", "Source"], [
            [h.span(str(n), id=_claim_id(n)), f"{h.strong(h.text(answer_text(s.item)))} — {h.text(s.item.claim)}",
             ATTRIBUTION_LABELS[s.item.attribution], _source(site, s.record, s.item.cite)]
            for n, s in enumerate(numbered, 1)]))
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
