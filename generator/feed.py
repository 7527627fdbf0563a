"""The Atom feed (RFC 4287): an entry per brief, newest article first.

Built with ElementTree, which escapes all text.  An entry's dates are its
article's own date stamp (the most useful order for readers, and one that
does not change when a brief is edited).  An undated article has no
`published`; its `updated` is the earliest date it can have been written
(dating.py), so the feed does not show an article written after 17 November
as a 29 October item, and only an article with neither takes the feed's
date, the newest of all these.  Atom requires the date, and a feed reader
shows it as the item's; so every entry's summary opens with the article's
date as the site gives it ("An undated article."), and an undated article does
not pass for one of that day.  No clock is read, so the feed is the same on
every build of the same briefs.
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from .context import Site
from .output import Output
from .render.common import article_label
from .render.links import FEED, site_path
from .when import When

ATOM = "http://www.w3.org/2005/Atom"
# XML 1.0 cannot carry most control characters, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = "1970-01-01T00:00:00Z"


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _stamp(w: When | None) -> str | None:
    """An Atom date for the earliest day ``w`` can mean; none without a year."""
    if w is None or w.date is None or w.precision == "day-month":
        return None
    y, m, d = w.placed()
    return f"{y:04d}-{m:02d}-{d:02d}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _text(text)
    return el


def _entry_id(site_url: str | None, page: str, brief_id: str) -> str:
    # Atom ids must be absolute IRIs; without a site address, a name-based UUID.
    if site_url:
        return urljoin(site_url, page)
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'briefing-site:brief:' + brief_id)}"


def outputs(site: Site) -> list[Output]:
    return [Output(FEED, atom_feed(site))]


def atom_feed(site: Site) -> str:
    corpus, site_name, site_url = site.corpus, site.name, site.url
    records = site.analysis.newest_first
    published = {r.id: _stamp(r.brief.source.published) for r in records}
    bound = {r.id: _stamp(site.analysis.dates[r.id].after) for r in records}
    stamps = [s for s in [*published.values(), *bound.values()] if s]
    updated = max(stamps) if stamps else _EPOCH
    base = site_url or ""

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", f"{site_name}: briefs" if site_name else "Briefs")
    _add(feed, "subtitle", "A structured, cited brief of each source article, newest article first.")
    _add(feed, "id", site_url or "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "briefing-site:feed")))
    _add(feed, "link", rel="self", type="application/atom+xml", href=urljoin(base, "feed.xml") if base else "feed.xml")
    _add(feed, "link", rel="alternate", type="text/html", href=base or "./")
    _add(feed, "updated", updated)
    author = _add(feed, "author")
    _add(author, "name", site_name or "Briefing site")
    _add(feed, "generator", "briefing-site generator")

    for r in records:
        page = site_path(r.id)
        entry = _add(feed, "entry")
        _add(entry, "title", r.brief.title)
        _add(entry, "id", _entry_id(site_url, page, r.id))
        _add(entry, "link", rel="alternate", type="text/html", href=urljoin(base, page) if base else page)
        stamp = published[r.id]
        if stamp:
            _add(entry, "published", stamp)
        _add(entry, "updated", stamp or bound[r.id] or updated)
        dated = article_label(site.analysis.dates[r.id])  # "the undated article (17 November 2025 or later)"
        _add(entry, "summary", f"{dated[0].upper()}{dated[1:]}. {r.brief.summary}")
        for tag in r.brief.tags:
            _add(entry, "category", term=tag, label=corpus.tags[tag].name)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
