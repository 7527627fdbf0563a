"""What an article's text shows, for a draft brief: a headline line, date
stamps, a byline, datelines, layout lines, where a second article seems to
begin, the dates it states, quotations and the names near them, and the
registry entities it names.  Every item keeps the number of its paragraph.
Nothing here decides a value of the brief; generator/draft_yaml.py writes
what is found as values to check or as comments.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .seeds import Seed

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ISO = re.compile(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b([0-9]{{1,2}})\s+({_MONTH_RE})\s*,?\s+([0-9]{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_RE})\s+([0-9]{{1,2}})(?:st|nd|rd|th)?\s*,?\s+([0-9]{{4}})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\s+([0-9]{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*[0-9]{{4}})")
_WEEKDAY = re.compile(r"\b(?:on |last |this |next |earlier this week on )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A date stamp: a short line such as "Updated 29 October 2025", or the
# "date 2025-10-28" marker some archives put at the very start of the text.
_STAMP = re.compile(r"^(?:(?:last\s+)?updated|published|posted|first published|date)\b\s*:?\s*(.*)$", re.I)
_STAMP_MAX = 80
_RELATIVE = re.compile(r"\b(?:ago|[0-9]{1,2}:[0-9]{2}|hours?|hrs?|minutes?|mins?)\b", re.I)
_BYLINE = re.compile(r"^By\s+([^|,•–—]+?)\s*(?:[|,•–—].*)?$")
_NAME = re.compile(r"^(?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|bin|al|ul|ud|de|van|von))*$")
_BIO = re.compile(r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+is\s+an?\s+(?:[\w-]+\s+){0,3}"
                  r"(?:journalist|reporter|correspondent|editor|writer|columnist|analyst|contributor)\b", re.I)
_DATELINE = re.compile(r"^([A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+)*)(?:,\s*[A-Z][A-Za-z .]+)?\s*[:—–]\s")
# Lines that belong to a web page's furniture, not to the article.
_LAYOUT = {"short url", "follow", "share", "advertisement", "read more", "also read", "related", "comments",
           "subscribe", "print", "email", "listen", "copy link", "share this article", "related articles"}
# Quotations: curly or straight double quotes (a curly opening mark may be
# closed by a straight one: some sites mix them), and curly single quotes that
# open at a word start and close before a non-letter (so apostrophes, as in
# "Pakistan’s", are not taken for quotation marks).
_QUOTES = [re.compile(r"“([^“”\"]+)(?:[”\"]|$)"), re.compile(r'"([^"]+)(?:"|$)'),
           re.compile(r"(?<![\w])‘([^‘’]+?(?:’\w[^‘’]*?)*)’(?![\w])")]
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:bin|al|ul|ud|of|de)\s+)?[A-Z][\w'’.-]*)*")
# Capitalised words that start sentences or name no one.
_NOT_NAMES = set("""A An The This That These Those It Its He She His Her They Their We Our I In On At As If But And
Or For From By To Of With After Before Since While When Where Why How What Who Earlier Later Meanwhile However Still
Such Any Some Many Most Several Both Each Another Other Responding Questioned According Given Now So Yet Also Even
Although Instead Beyond Ideally Reports Officials Analysts Experts Military Government Several Not Pakistanis
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()) | {m.capitalize() for m in _MONTHS}


def _headline_like(p: str) -> bool:
    """Short, starting with a capital, and not ending a sentence (a quoted
    sentence on its own line ends inside its quotation marks)."""
    words = p.split()
    end = p.rstrip().rstrip("\"”’')")
    return (2 <= len(words) <= 30 and len(p) <= 200 and (p[:1].isupper() or p[:1].isdigit())
            and not end.endswith((".", ",", ";", ":")))


def _date_of(text: str) -> tuple[str, str] | None:
    """(date, precision) of the first full date in ``text``, if any."""
    if m := _ISO.search(text):
        year, number, day = (int(x) for x in m.groups())
    elif m := _DAY_MONTH_YEAR.search(text):
        day_text, month, year_text = m.groups()
        day, year = int(day_text), int(year_text)
    elif m := _MONTH_DAY_YEAR.search(text):
        month, day_text, year_text = m.groups()
        day, year = int(day_text), int(year_text)
    else:
        return None
    if m.re is not _ISO:
        number = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(month.rstrip(".").lower()[:3]))
    try:
        return datetime.date(int(year), number, int(day)).isoformat(), "day"
    except ValueError:  # "31 November 2025" is text, not a date to fill in
        return None


@dataclass
class Stamp:
    number: int
    text: str
    date: tuple[str, str] | None


@dataclass
class Candidate:
    text: str
    cite: list[int]
    near: list[str]


@dataclass
class Reading:
    """What the draft could see in the article; every item names its paragraph."""

    seed: Seed
    headline: tuple[int, str] | None = None
    headline_repeats: list[int] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    byline: tuple[int, str] | None = None
    bio: tuple[int, str] | None = None
    datelines: list[tuple[int, str]] = field(default_factory=list)
    layout: list[tuple[int, str]] = field(default_factory=list)
    subheads: list[int] = field(default_factory=list)
    second_article: int | None = None  # first paragraph of what looks like another article
    dates: list[tuple[int, str]] = field(default_factory=list)
    quotes: list[Candidate] = field(default_factory=list)
    mentions: dict[str, dict] = field(default_factory=dict)  # entity id -> {"names": [...], "cite": [...]}
    others: list[str] = field(default_factory=list)  # capitalised names not in the registry
    tags: list[str] = field(default_factory=list)

    @property
    def last(self) -> int:
        """The suggested last paragraph: the hint lists stop there."""
        return self.second_article - 1 if self.second_article else len(self.seed.paragraphs)


def _fold_letters(p: str) -> str:
    return re.sub(r"\W+", "", p).lower()


def _stamp(n: int, p: str) -> Stamp | None:
    """A date stamp: a short "Updated ..." line, a line that is only a date,
    or the "date 2025-10-28" marker some archives put before the text."""
    m = _STAMP.match(p)
    if m:
        rest = m.group(1)
        if len(p) <= _STAMP_MAX and (_date_of(rest) or _RELATIVE.search(rest)):
            return Stamp(n, p, _date_of(rest))
        if n == 1 and (iso := _ISO.match(rest)):  # only the leading date of a long first paragraph
            return Stamp(n, p[: m.start(1)] + iso.group(0), (iso.group(0), "day"))
        return None
    span = _date_span(p)
    if len(p) <= 40 and span and len(span) >= len(p) - 12:
        return Stamp(n, p, _date_of(p))
    return None


def read_article(seed: Seed, entities: dict, tags: list[str]) -> Reading:
    ps = seed.paragraphs
    r = Reading(seed, tags=tags)
    for n, p in enumerate(ps, 1):
        if (s := _stamp(n, p)) is not None:
            r.stamps.append(s)
    stamped = {s.number for s in r.stamps}
    if ps and 1 not in stamped and _headline_like(ps[0]):
        r.headline = (1, ps[0])
        r.headline_repeats = [n for n, p in enumerate(ps[1:], 2) if _fold_letters(p) == _fold_letters(ps[0])]
    for n, p in enumerate(ps, 1):
        if n in stamped:
            pass
        elif p.lower() in _LAYOUT:
            r.layout.append((n, p))
        elif r.byline is None and len(p) <= 80 and (m := _BYLINE.match(p)) and _NAME.match(m.group(1)):
            r.byline = (n, m.group(1).strip())
        elif _BIO.match(p):
            r.bio = (n, p)
        elif n > 1 and n not in r.headline_repeats and _headline_like(p) and len(p.split()) <= 14:
            r.subheads.append(n)
        if m := _DATELINE.match(p):
            r.datelines.append((n, m.group(1)))
    # A later date stamp, past some text, usually belongs to another article
    # saved into the same seed (a "more from this site" block); its headline
    # sits just above it.  Stamps close together ("Published …", "Updated …")
    # are one article's.
    later = [s for s in r.stamps if r.stamps and s.number > r.stamps[0].number + 3]
    if later:
        start = later[0].number
        if _headline_like(ps[start - 2]):
            start -= 1
        r.second_article = start
        r.subheads = [n for n in r.subheads if n <= r.last]
    for n, p in enumerate(ps[: r.last], 1):
        if n in stamped:
            continue
        found = [m.group(0) for rx in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_DAY) for m in rx.finditer(p)]
        found += [m.group(0) for m in _WEEKDAY.finditer(p)]
        r.dates.extend((n, d) for d in dict.fromkeys(found))
    patterns = _entity_patterns(entities)
    _find_names(r, patterns)
    _find_quotes(r, patterns)
    return r


def _date_span(p: str) -> str:
    for rx in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        if m := rx.search(p):
            return m.group(0)
    return ""


def _entity_patterns(entities: dict) -> list[tuple[str, re.Pattern]]:
    """One pattern per registry entity, longest name first, whole words only."""
    out = []
    for eid, e in entities.items():
        names = sorted({e.name, *e.aliases}, key=len, reverse=True)
        out.append((eid, re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")))
    return out


def _capitalised(text: str) -> list[str]:
    """Runs of capitalised words that could be names, sentence starters dropped."""
    names = []
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        # "Egypt. The visits": a full stop inside the run ends a sentence (but
        # not an initial such as "U.S." or "M.").
        for i, w in enumerate(words[:-1]):
            if w.endswith(".") and len(w.rstrip(".").replace(".", "")) > 1:
                words = words[: i + 1]
                break
        words[-1:] = [words[-1].rstrip(".")] if words else []
        # "Pakistan’s Defense Minister Khawaja Asif": the name follows the possessive.
        for i in range(len(words) - 1, -1, -1):
            if words[i].endswith(("’s", "'s")):
                words = words[i + 1:]
                break
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        name = " ".join(words).strip("'’‘\"“”")
        if len(name) >= 3 and not (len(words) == 1 and name.isupper()):  # ISF, UN: not people
            names.append(name)
    return names


def _known(name: str, patterns: list[tuple[str, re.Pattern]]) -> bool:
    """Whether a registry entity's name is part of ``name`` ("Defense Minister Khawaja Asif")."""
    return any(rx.search(name) for _, rx in patterns)


def _names_in(text: str, patterns: list[tuple[str, re.Pattern]]) -> list[str]:
    """Registry ids (with the words matched), then other capitalised names, in ``text``."""
    ids = [f"{eid} ({m.group(1)})" for eid, rx in patterns if (m := rx.search(text))]
    # One capitalised word ("Islamic", "Pakistani") is too weak a hint to show.
    others = [n for n in _capitalised(text) if " " in n and not _known(n, patterns)]
    return list(dict.fromkeys(ids)) + list(dict.fromkeys(others))


def _find_names(r: Reading, patterns: list[tuple[str, re.Pattern]]) -> None:
    skip = {1, *r.subheads, *r.headline_repeats, *(n for n, _ in r.layout), *(s.number for s in r.stamps)}
    others: dict[str, None] = {}
    for n, p in enumerate(r.seed.paragraphs[: r.last], 1):
        for eid, rx in patterns:
            for m in rx.finditer(p):
                entry = r.mentions.setdefault(eid, {"names": [], "cite": []})
                if m.group(1) not in entry["names"]:
                    entry["names"].append(m.group(1))
                if n not in entry["cite"]:
                    entry["cite"].append(n)
        if n not in skip:  # headlines capitalise every word
            for name in _capitalised(p):
                if len(name.split()) >= 2 and not _known(name, patterns):
                    others[name] = None
    r.others = list(others)


def _find_quotes(r: Reading, patterns: list[tuple[str, re.Pattern]]) -> None:
    ps = r.seed.paragraphs
    by_text: dict[str, Candidate] = {}
    for n, p in enumerate(ps[: r.last], 1):
        spans: list[tuple[int, int]] = []
        for rx in _QUOTES:
            for m in rx.finditer(p):
                if any(a <= m.start() < b for a, b in spans):
                    continue  # inside a quotation already taken
                spans.append(m.span())
                text = m.group(1).strip().rstrip(",").strip()
                if len(text) < 3:
                    continue
                near = _names_in(p[: m.start()] + " … " + p[m.end():], patterns)
                if not near and n > 1:  # "he added": the speaker is named just before
                    near = [f"{x} (paragraph {n - 1})" for x in _names_in(ps[n - 2], patterns)]
                # The same words in several paragraphs (headline, subhead, body) are one candidate.
                c = by_text.setdefault(text, Candidate(text, [], []))
                if n not in c.cite:
                    c.cite.append(n)
                c.near = list(dict.fromkeys(c.near + near))[:6]
    r.quotes = list(by_text.values())
