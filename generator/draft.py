"""`python -m generator new seeds/FILE.txt`: a first draft of a brief.

The draft holds only what the article itself shows (a headline line, a date
stamp, a byline), each with a `# check:` comment naming its paragraph.
Everything a person must write is left `null` or `[]` with a `# TODO:`
comment.  Those values are invalid on purpose: `generator check`, and every
build, refuses an unfinished draft with one error on each TODO line, so a
draft can never be published by accident; once the TODOs are written the
brief validates.

Nothing is guessed.  No URL, no outlet (a page layout is not evidence of a
publisher) and no speaker are ever filled in.  What could help the writer
(quotations and the names near them, registry entities, dates, the dateline,
layout lines, where a second article seems to begin) is listed in comments,
which the writer copies from; comments never become values by accident.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import load_registries
from .paths import BRIEF_SCHEMA_REF, BRIEFS_DIR, SEEDS_DIR, inside
from .errors import Problems
from .load import read_text
from .model import ID_PATTERN, SEED_PATTERN
from .seeds import Seed
from .validate import SCHEMA_FIRST_LINE


class DraftError(Exception):
    """A user error: the message says what to do."""


# ---- reading the article ------------------------------------------------------------

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
_BREAKS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


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
        day, month, year = m.groups()
    elif m := _MONTH_DAY_YEAR.search(text):
        month, day, year = m.groups()
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


# ---- writing the draft --------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text``."""
    out = json.dumps(text, ensure_ascii=False)
    # JSON leaves these raw, but YAML reads them as line breaks.
    return out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def _c(text: str, limit: int = 160) -> str:
    """Article text made safe for a one-line comment, and shortened."""
    text = _BREAKS.sub(" ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ranges(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def render_draft(r: Reading, seed_rel: str) -> str:
    ps = r.seed.paragraphs
    count = len(ps)
    out = [
        SCHEMA_FIRST_LINE + BRIEF_SCHEMA_REF,
        f"# Draft made by `python -m generator new {seed_rel}`.",
        "# Lines marked TODO are yours to write: until they are, `python -m generator check`",
        "# (and every build) refuses this brief with an error on each of them. Values marked",
        "# `check` were read from the article: confirm them against the paragraph named.",
        "# Nothing is guessed: a field stays null unless the article itself states it.",
        f"# Paragraphs are the non-empty lines of the seed, from 1: grep -v '^\\s*$' {seed_rel} | cat -n",
        "title: null  # TODO: the brief's own title, short and neutral",
        "source:",
        f"  seed: {_q(r.seed.name)}",
    ]
    if r.headline:
        n, text = r.headline
        repeats = f"; repeated in paragraph {_ranges(r.headline_repeats)}, compare them" if r.headline_repeats else ""
        out.append(f"  headline: {_q(text)}  # check: paragraph {n}{repeats}")
    else:
        out.append("  headline: null  # check: paragraph 1 does not read as a headline; copy one only if the text prints it")
    out.append("  outlet: null  # only where the text names the publisher; a page layout is not evidence")
    if r.byline:
        out.append(f"  author: {_q(r.byline[1])}  # check: byline in paragraph {r.byline[0]}")
    elif r.bio:
        out.append(f"  author: null  # check: paragraph {r.bio[0]} may name the author: \"{_c(r.bio[1], 90)}\"")
    else:
        out.append("  author: null  # no byline found")
    out.append("  published:")
    stamp = next((s for s in r.stamps if s.date), None)
    if stamp:
        date, precision = stamp.date  # type: ignore[misc]
        updated = " (an update time: first publication may be earlier)" if stamp.text.lower().startswith(("updated", "last updated")) else ""
        out += [f"    date: {_q(date)}  # check: paragraph {stamp.number} reads \"{_c(stamp.text, 60)}\"{updated}",
                f"    precision: {precision}",
                "    basis: stated",
                f"    note: {_q('The article' + chr(39) + f's own stamp reads {_c(stamp.text, 60)!r} (paragraph {stamp.number}).')}"]
    else:
        out += ["    date: null",
                "    precision: null  # TODO: no date stamp found. Give the article's own date (YYYY-MM-DD and `day`),"
                " or write `unknown` if it has none",
                "    note: null"]
    out.append("  url: null  # only where the text states the article's address")
    out += ["  scope:", "    first: 1"]
    if r.second_article:
        start = r.second_article
        out.append(f"    last: null  # TODO: paragraph {start} looks like the start of another article"
                   f" (\"{_c(ps[start - 1], 60)}\"); this one probably ends at paragraph {start - 1}")
        out.append(f"    note: null  # say what paragraphs {start}-{count} hold and why they are left out")
    else:
        out.append(f"    last: {count}  # check: the whole seed, {count} paragraphs; narrow it if part is another article")
        out.append("    note: null")
    hints = []
    if r.layout:
        hints.append("Layout lines, not part of the article and not evidence of an outlet: "
                     + ", ".join(f"{n} ({_c(t, 30)!r})" for n, t in r.layout) + ".")
    if r.subheads:
        hints.append(f"Short lines that read like subheads: paragraph{'s' * (len(r.subheads) > 1)} {_ranges(r.subheads)}.")
    if r.datelines:
        n, place = r.datelines[0]
        hints.append(f"Dateline: {place} (paragraph {n}), where the article was filed.")
    for s in r.stamps:
        if s is not stamp:
            hints.append(f"Another date stamp in paragraph {s.number}: \"{_c(s.text, 60)}\".")
    if hints:
        out.append("# About the seed:")
        out += [f"#   {_c(h, 400)}" for h in hints]
    out += [
        "summary: null  # TODO: the bottom line up front, 2 to 4 sentences",
        "key_points: []  # TODO: at least one, each cited, e.g. - {text: \"...\", cite: [3]}",
        "quotes: []",
    ]
    if r.quotes:
        out.append("# Candidate quotes: words the article prints in quotation marks, with the paragraph and the")
        out.append("# names near them. Copy the ones the brief needs above; `speaker` is an entity id.")
        for c in r.quotes:
            out.append(f"#  - text: {_c(_q(c.text), 1000)}")
            out.append("#    speaker: TODO")
            out.append(f"#    cite: [{_ranges(c.cite)}]")
            if c.near:
                out.append(f"#    # near: {_c('; '.join(c.near), 300)}")
    out.append("events: []")
    if r.dates:
        out.append("# Dates the text states (the article's own stamp and photo captions are not events):")
        out += [f"#   paragraph {n}: {_c(d, 60)}" for n, d in r.dates]
    out += ["positions: []", "claims: []", "mentions: []"]
    if r.mentions:
        out.append("# Candidate mentions: registry entities whose name or alias appears in the text.")
        for eid, entry in r.mentions.items():
            names = ", ".join(_q(x) for x in entry["names"])
            out.append(f"#  - {{id: {eid}, named_as: [{_c(names, 300)}], cite: [{_ranges(entry['cite'])}]}}")
    if r.others:
        out.append("# Names not in briefs/registry/entities.yaml (add the ones the brief needs):")
        out.append(f"#   {_c('; '.join(r.others), 2000)}")
    out += [
        "framing:",
        "  tone: null  # TODO: neutral, analytical, favourable, critical or sensational",
        "  sourcing: null  # TODO: named-on-record, mixed, anonymous or unsourced",
        "assessments: []",
        "open_questions: []",
        "tags: []" + (f"  # available: {_c(', '.join(r.tags), 400)}" if r.tags else ""),
    ]
    return "\n".join(out) + "\n"


# ---- the command --------------------------------------------------------------------


def draft(root: Path, seed_path: Path) -> str:
    """The draft brief for ``seed_path`` (a file in root/seeds/), as YAML text."""
    shown = seed_path.as_posix()
    if not seed_path.is_file():
        raise DraftError(f"no such file: {shown}")
    seeds = root / SEEDS_DIR
    if not (inside(seed_path, seeds) and seed_path.resolve().parent == seeds.resolve()):
        raise DraftError(f"`{shown}` is not in {SEEDS_DIR}/: copy the article into {SEEDS_DIR}/ unchanged, "
                         f"then run `python -m generator new {SEEDS_DIR}/{seed_path.name}`")
    if not re.fullmatch(SEED_PATTERN, seed_path.name):
        raise DraftError(f"`{seed_path.name}` cannot be a seed name: use letters, digits, `_`, `.` and `-`, ending in `.txt`")
    rel = f"{SEEDS_DIR}/{seed_path.name}"
    problems = Problems()
    text = read_text(seed_path, rel, problems)
    if text is None:
        raise DraftError(next(iter(problems)).format())
    seed = Seed(seed_path.name, text)
    if not seed.paragraphs:
        raise DraftError(f"{rel} has no text: a paragraph is a non-empty line")
    registry_problems = Problems()
    registries = load_registries(root, registry_problems)
    # A broken registry must not stop a draft: it only loses the name hints.
    entities = {} if registry_problems else registries.entities
    tags = [] if registry_problems else list(registries.tags)
    return render_draft(read_article(seed, entities, tags), rel)


def other_briefs(root: Path, seed_name: str) -> list[str]:
    """Briefs that already name this seed (a seed may hold two articles, so this is only a note)."""
    pattern = re.compile(r"^\s*seed:\s*[\"']?" + re.escape(seed_name) + r"[\"']?\s*(?:#.*)?$", re.M)
    folder = root / BRIEFS_DIR
    found = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            if pattern.search(path.read_text(encoding="utf-8")):
                found.append(f"{BRIEFS_DIR}/{path.name}")
        except (OSError, UnicodeDecodeError):
            continue
    return found


def write_draft(root: Path, brief_id: str, text: str) -> str:
    """Write the draft to briefs/ID.yaml, never over an existing file; return its path."""
    if not re.fullmatch(ID_PATTERN, brief_id):
        raise DraftError(f"`{brief_id}` is not a valid brief id: use lower-case letters, digits and hyphens, "
                         "e.g. `asif-says-decision-pending`")
    rel = f"{BRIEFS_DIR}/{brief_id}.yaml"
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x": create only, so a brief written since the check is not lost either.
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise DraftError(f"{rel} already exists; choose another --id or delete the file first") from None
    return rel


def todo_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if "# TODO" in line and not line.lstrip().startswith("#"))
