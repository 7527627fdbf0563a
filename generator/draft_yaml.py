"""The draft brief as YAML text: the values read from the article, each with
a `# check:` comment naming its paragraph, `# TODO:` on everything a person
must write, and what could help the writer as comments.

The draft always loads (generator/load.py), whatever the article holds:
values are double-quoted, article text in comments loses line breaks,
control and invisible characters, and text holding a character the loader
refuses in a value (a zero-width space, a bidi override) is never made a
value: a `check` comment says why the field is left null.
"""

from __future__ import annotations

import json
import re

from . import chars  # what the loader refuses in any value
from .article import Reading
from .paths import BRIEF_SCHEMA_REF
from .validate import SCHEMA_FIRST_LINE

_BREAKS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _without_refused(text: str) -> str:
    """``text`` with every character the loader refuses (chars.py) made a space."""
    while (i := chars.refused(text)) is not None:
        text = text[:i] + " " + text[i + 1:]
    return text


def _q(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text``."""
    out = json.dumps(text, ensure_ascii=False)
    # JSON leaves these raw, but YAML reads them as line breaks.
    return out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def _c(text: str, limit: int = 160) -> str:
    """Article text made safe for a one-line comment, and shortened."""
    text = _without_refused(_BREAKS.sub(" ", text[: limit * 2]))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _refused(text: str) -> str | None:
    """The first character of ``text`` that the loader refuses in a value, as U+XXXX."""
    found = chars.refused(text)
    return None if found is None else f"U+{ord(text[found]):04X}"


def _cannot_hold(char: str) -> str:
    return f"holds {char}, a control or invisible character a brief cannot hold"


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
    if r.headline and (char := _refused(r.headline[1])):
        out.append(f"  headline: null  # check: paragraph {r.headline[0]} reads like a headline but"
                   f" {_cannot_hold(char)}: copy it without that character")
    elif r.headline:
        n, text = r.headline
        repeats = f"; repeated in paragraph {_ranges(r.headline_repeats)}, compare them" if r.headline_repeats else ""
        out.append(f"  headline: {_q(text)}  # check: paragraph {n}{repeats}")
    else:
        out.append("  headline: null  # check: paragraph 1 does not read as a headline; copy one only if the text prints it")
    out.append("  outlet: null  # only where the text names the publisher; a page layout is not evidence")
    if r.byline and (char := _refused(r.byline[1])):
        out.append(f"  author: null  # check: the byline in paragraph {r.byline[0]} {_cannot_hold(char)}:"
                   " write the name without it")
    elif r.byline:
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
    quotes = [c for c in r.quotes if not _refused(c.text)]  # no brief could quote the others
    if quotes:
        out.append("# Candidate quotes: words the article prints in quotation marks, with the paragraph and the")
        out.append("# names near them. Copy the ones the brief needs above; `speaker` is an entity id.")
        for c in quotes:
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
