"""Pieces every page uses: dates, citations, entity links.  The views written as HTML
(render/html.py) use the `_html` forms; the home, situation, data and field reference
pages, which embed hand-written Markdown or are small, still use the Markdown ones."""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..analyse import Analysis, ArticleDate
from ..corpus import Corpus, Record
from ..model import Quote, Source, When
from . import html as h
from . import links
from .text import link

NOT_STATED = "*not stated*"
#: NOT_STATED in a view written as HTML (render/html.py); the `_html` helpers below are its forms of the others.
NOT_STATED_HTML = "<em>not stated</em>"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]


def plural(count: int, noun: str) -> str:
    """ "1 brief", "5 briefs": a count with its noun, for every view's sentences."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def date_text(w: When) -> str:
    """A known date in words, exactly as precise as the text: "17 November 2025",
    "17 November (year not stated)", "early November 2025", "late 2024"."""
    year, month, day = w.parts
    qualifier = f"{w.qualifier} " if w.qualifier else ""
    if w.precision == "day":
        return f"{day} {_MONTHS[month - 1]} {year}"
    if w.precision == "day-month":
        return f"{day} {_MONTHS[month - 1]} (year not stated)"
    if w.precision == "month":
        return f"{qualifier}{_MONTHS[month - 1]} {year}"
    return f"{qualifier}{year}"


def when(w: When | None, *, marks: bool = True) -> str:
    """A date as precise as it is known, with inferred dates marked."""
    if w is None or w.date is None:
        return NOT_STATED
    text = date_text(w)
    if marks and w.basis == "inferred":
        text += " (inferred)"
    return text


def article_when(d: ArticleDate) -> str:
    """When an article was written, for a table: its date, or for an undated
    article the earliest date it can have been written."""
    if d.published.date:
        return when(d.published, marks=False)
    if d.after is not None:
        return f"not stated ({date_text(d.after)} or later)"
    return NOT_STATED


def article_short(d: ArticleDate) -> str:
    """The shortest name for an article by its date, where a line cites several:
    "28 October 2025", "undated, 17 November 2025 or later", "an undated article".
    A bound is the earliest day the article can have been written, so "or later",
    not "after", which would leave out that day."""
    if d.published.date:
        return date_text(d.published)
    if d.after is not None:
        return f"undated, {date_text(d.after)} or later"
    return "an undated article"


#: Words of a brief's title that tell apart two sources of the same date.
TITLE_WORDS = 5


def source_name(analysis: Analysis, record: Record, label: Callable[[ArticleDate], str] = article_short) -> str:
    """A source named by its article's date (`article_short`, or `article_label` in
    prose), with the start of its headline (or its brief's title) when another source
    shares that date: two "an undated article" links on one line cannot be told
    apart on a phone, where the title in the link's tooltip does not show."""
    name = label(analysis.dates[record.id])
    if record.id not in analysis.same_date:
        return name
    # The article's own headline where it has one; else the brief's title, said to be
    # the brief's, since words in quotation marks read as the article's.
    headline = record.brief.source.headline
    words = (headline or record.brief.title).split()
    start = f"“{' '.join(words[:TITLE_WORDS])}{' …' if len(words) > TITLE_WORDS else ''}”"
    return f"{name}, headlined {start}" if headline else f"{name}, briefed as {start}"


def source_link(page: str, analysis: Analysis, record: Record,
                label: Callable[[ArticleDate], str] = article_short) -> str:
    """A Markdown link from ``page`` to a brief, named by `source_name`, its title the
    tooltip: the one way views name a source by date (callers add the ¶ links)."""
    return link(source_name(analysis, record, label), links.rel(page, links.brief(record.id)), record.brief.title)


def source_link_html(page: str, analysis: Analysis, record: Record,
                     label: Callable[[ArticleDate], str] = article_short) -> str:
    """`source_link` for a view written as HTML."""
    return h.a(h.text(source_name(analysis, record, label)), links.rel(page, links.brief(record.id)),
               title=record.brief.title)


def article_label(d: ArticleDate) -> str:
    """A short name for an article by its date: "the article of 29 October 2025"."""
    if d.published.date:
        return f"the article of {date_text(d.published)}"
    if d.after is not None:
        return f"the undated article ({date_text(d.after)} or later)"
    return "an undated article"


def as_of(analysis: Analysis, *, lead: bool = True) -> str:
    """The sentence saying when the picture holds, for the home and situation pages;
    without its ``lead`` ("As of …") where a heading above already says it."""
    d = analysis.as_of
    if d is None:
        return "No source is dated, so the date this picture holds for is not known."
    if d.published.date:
        return (f"**As of {date_text(d.published)}**, the date of the newest source." if lead
                else "That is the date of the newest source.")
    assert d.after is not None
    why = "the latest event it reports" if d.derived else "what it reports"
    inferred = " (its year inferred by the brief writer)" if d.after.basis == "inferred" else ""
    # The newest date stamp as well: a bound is not a date, and a reader weighs both.
    dated = next((analysis.dates[r.id].published for r in analysis.newest_first
                  if analysis.dates[r.id].published.date), None)
    also = f"; the newest dated source is of {date_text(dated)}" if dated is not None else "; no source is dated"
    return ((f"**As of {date_text(d.after)} or later.** " if lead else "")
            + f"The newest source is undated, but {why}{inferred} shows it was written then or after{also}.")


def as_of_html(analysis: Analysis, sources: int) -> str:
    """The one line that dates a view: a reader who lands on it from a search
    sees what the picture holds for before its first table."""
    d = analysis.as_of
    newest = "the only source" if sources == 1 else f"the newest of {sources} sources"
    if d is None:
        return h.p(f"No source is dated, so the date this view holds for is not known ({sources} "
                   f"source{'s' if sources != 1 else ''}).")
    if d.published.date:
        return h.p(f"{h.strong('As of ' + date_text(d.published))}, the date of {newest}.")
    assert d.after is not None
    return h.p(f"{h.strong('As of ' + date_text(d.after) + ' or later')}: {newest} is undated "
               "but was written then or after.")


_FORMS = {"written": "written, not spoken", "printed": "printed text, not speech", "slogan": "a slogan, not speech"}


#: Consecutive paragraphs from which a citation shows a range ("¶4–¶7"), not every number.
MIN_RANGE = 3


def cites(page: str, record: Record, numbers: list[int]) -> str:
    """Links to the cited paragraphs, shown on the brief page's evidence list, in
    the order the brief gives them (see ranged)."""
    return ranged(numbers, functools.partial(cite, page, record))


def cite(page: str, record: Record, n: int) -> str:
    """The link to paragraph ``n`` of a brief's evidence list (links.cite)."""
    return links.cite(page, record.id, record.brief.title, n, record.seed.paragraph(n))


def cites_html(page: str, record: Record, numbers: list[int]) -> str:
    """`cites` for a view written as HTML (render/html.py)."""
    return ranged(numbers, functools.partial(cite_html, page, record))


def cite_html(page: str, record: Record, n: int) -> str:
    """`cite` for a view written as HTML (links.cite_html)."""
    return links.cite_html(page, record.id, record.brief.title, n, record.seed.paragraph(n))


#: The dash of a range of paragraphs ("¶33–¶36"), marked so that reader.css can
#: space it evenly between its two links (a citation's padding is on its left).
RANGE_DASH = '<span class="cite-range">–</span>'


def ranged(numbers: list[int], link: Callable[[int], str]) -> str:
    """``link(n)`` for each number, but a run of MIN_RANGE or more consecutive
    paragraphs is a range between two links, to its first and last paragraph:
    the evidence list shows every paragraph between them, in order, so each
    stays traceable, and an item citing fifty paragraphs costs the page (and
    the build, which spends most of its time on these links) two links, not fifty."""
    return " ".join(f"{link(run[0])}{RANGE_DASH}{link(run[-1])}" if len(run) >= MIN_RANGE else " ".join(map(link, run))
                    for run in runs(numbers))


def runs(numbers: list[int]) -> list[list[int]]:
    """The numbers cut into runs of consecutive ascending ones: [4, 5, 6, 9, 2] -> [[4, 5, 6], [9], [2]]."""
    out: list[list[int]] = []
    for n in numbers:
        if out and n == out[-1][-1] + 1:
            out[-1].append(n)
        else:
            out.append([n])
    return out


def indent(markdown: str, by: int = 4) -> str:
    """Markdown moved inside a block (an admonition, a collapsible block)."""
    return "\n".join(" " * by + line if line else line for line in markdown.splitlines()) + "\n"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def _plain(markdown_free: str) -> str:
    """A helper's text above (no markup but NOT_STATED) as HTML."""
    return NOT_STATED_HTML if markdown_free == NOT_STATED else h.text(markdown_free)


def when_html(w: When | None, *, marks: bool = True) -> str:
    return _plain(when(w, marks=marks))


def article_when_html(d: ArticleDate) -> str:
    return _plain(article_when(d))


def quote_context_html(q: Quote) -> str:
    """What a reader must know to read a quote right, wherever it is shown: words
    that are not speech say so, and the brief's context and attribution notes follow."""
    parts = [h.em(f"({_FORMS[q.form]})")] if q.form in _FORMS else []
    if q.context:
        parts.append(f"{h.em('Context:')} {h.text(q.context)}")
    if q.note:
        parts.append(f"{h.em('Attribution:')} {h.text(q.note)}")
    return " ".join(parts)


def quote_block_html(q: Quote, who: str, cites: str) -> str:
    """A quotation as a block: its words, then who said it (``who``, HTML), where,
    when and the paragraphs (``cites``, HTML), then what a reader must know to read it."""
    said = [who]
    if q.venue:
        said.append(h.text(q.venue))
    if q.date:
        said.append(when_html(q.date))
    by = h.p(f"— {', '.join(said)} {cites}")
    out = f"<blockquote>\n{h.p(h.quoted(q.text))}{by}</blockquote>\n"
    if context := quote_context_html(q):
        out += h.p(context)
    return out


def outlet_html(source: Source) -> str:
    """The outlet as the article names it; else not stated, with what an author bio says, as the bio's words."""
    if source.outlet:
        return h.text(source.outlet)
    if source.author_bio:
        return f"{NOT_STATED_HTML} (the author bio says: {h.quoted(source.author_bio.text)})"
    return NOT_STATED_HTML


def entity_html(corpus: Corpus, page: str, entity_id: str | None) -> str:
    if entity_id is None:
        return NOT_STATED_HTML
    return h.link(corpus.entities[entity_id].name, links.rel(page, links.entity(entity_id)))
