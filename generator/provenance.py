"""Stage 2b, provenance: every line of a brief traces back to its article.

Checks, for one validated brief: the seed exists inside seeds/; every cite
is a paragraph of the seed inside the brief's scope; every quote appears
verbatim in the paragraphs it cites; every entity, topic and tag id exists.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from pydantic import BaseModel

from .errors import Problems
from .fields import MAX_BRIEF_CITES
from .load import Document
from .marks import CITES, Found, Ref, find
from .model import Brief

if TYPE_CHECKING:  # corpus.py imports this module
    from .corpus import Record
from .seeds import Seed, fold

REGISTRY_FILES = {"entities": "briefs/registry/entities.yaml", "topics": "briefs/registry/topics.yaml",
                  "tags": "briefs/registry/tags.yaml"}
_UNKNOWN = {"entities": "unknown entity id `{}`", "topics": "unknown topic id `{}`", "tags": "unknown tag `{}`"}


def check_brief(brief: Brief, doc: Document, seed: Seed, registries: Registries, problems: Problems) -> None:
    count = len(seed.paragraphs)
    scope = brief.source.scope
    if scope.last > count:
        line, col = doc.where(("source", "scope", "last"))
        problems.add(doc.path, line, col,
                     f"`source.scope.last` is {scope.last}, but {seed.name} has only {count} paragraphs",
                     "a paragraph is a non-empty line; count with: grep -v '^\\s*$' seeds/FILE | cat -n")
    first, last = scope.first, min(scope.last, count)

    marks = find(brief)
    for mark in marks:
        if mark.marker is CITES:
            for j, n in enumerate(mark.value):
                if not first <= n <= last:
                    line, col = doc.where(mark.loc + (j,))
                    why = (f"{seed.name} has {count} paragraphs" if n > count
                           else f"the brief's scope is paragraphs {first}-{last}")
                    problems.add(doc.path, line, col, f"cites paragraph {n}, but {why}",
                                 "cite paragraphs inside `source.scope`; count non-empty lines from 1")
    check_total(marks, doc, problems)
    _check_ref_marks(marks, doc, registries, problems)
    _check_answers(brief, doc, registries, problems)
    bio = brief.source.author_bio
    if bio is not None and not any(fold(bio.text) in fold(seed.paragraph(n)) for n in bio.cite if first <= n <= last):
        problems.add(doc.path, *doc.where(("source", "author_bio", "text")),
                     f"the author bio does not appear verbatim in the cited paragraphs of {seed.name}",
                     "copy the bio's words exactly from the article and cite their paragraph")

    for i, quote in enumerate(brief.quotes):
        cited = sorted({n for n in quote.cite if first <= n <= last})
        if not cited:
            continue  # already reported as a bad cite
        if _spans(fold(quote.text), seed, cited):
            continue
        line, col = doc.where(("quotes", i, "text"))
        found = [n for n in seed.find(quote.text) if first <= n <= last]
        if found:
            problems.add(doc.path, line, col,
                         f"the quote is in paragraph {found[0]}, not in the cited paragraphs {_list(cited)}",
                         f"cite paragraph {found[0]}")
            continue
        # Cited paragraphs first: on a tie the one the editor pointed at wins.
        chosen = set(cited)
        n, passage = seed.closest(quote.text, cited + [n for n in range(first, last + 1) if n not in chosen])
        problems.add(doc.path, line, col, f"the quote does not appear verbatim in {seed.name}",
                     f"closest passage, paragraph {n}: \"{passage}\"" if n else "copy the words exactly from the article")


def _check_answers(brief: Brief, doc: Document, registries: Registries, problems: Problems) -> None:
    """A qualifier belongs to a list answer only: on any other question it would
    be shown before the answer but left out of the comparison."""
    if "topics" in registries.broken:
        return
    for i, claim in enumerate(brief.claims):
        topic = registries.topics.get(claim.topic)
        if topic is None:
            continue  # an unknown topic is reported as such
        if topic.relation != "set" and claim.qualifier is not None:
            problems.add(doc.path, *doc.where(("claims", i, "qualifier")),
                         f"`claims[{i}].qualifier` is for a list answer, but the topic `{topic.id}` takes no list "
                         f"(its relation is `{topic.relation}`)", "put the words in `answer`, or remove `qualifier`")


def check_total(marks: list[Found], doc: Document, problems: Problems) -> None:
    """At most MAX_BRIEF_CITES cites in the whole brief (``marks``: its walk,
    marks.find): each is a link on its pages, and the per-item caps alone
    would allow a brief that takes minutes to build.  Reported once, at the
    first cite past the cap in the file, where an editor reading it down
    reaches the limit (the walk goes in the schema's order, which a brief
    need not keep)."""
    lists = sorted((mark for mark in marks if mark.marker is CITES), key=lambda mark: doc.where(mark.loc))
    total = sum(len(mark.value) for mark in lists)
    seen = 0
    for mark in lists:
        if total > MAX_BRIEF_CITES and seen + len(mark.value) > MAX_BRIEF_CITES:
            problems.add(doc.path, *doc.where(mark.loc + (MAX_BRIEF_CITES - seen,)),
                         f"the brief has {total:,} cites in all, over the limit of {MAX_BRIEF_CITES:,}",
                         "keep only what the article supports; the README's Limits table gives every cap")
            return
        seen += len(mark.value)


def _spans(quote: str, seed: Seed, cited: list[int]) -> bool:
    """Whether the folded ``quote`` lies within one cited paragraph, or runs
    across cited paragraphs that follow one another in the article, in their
    order.  ``cited`` is sorted and without repeats, so neither the end of a
    paragraph joined to a distant one nor to its own beginning can pass."""
    run: list[str] = []
    for k, n in enumerate(cited):
        if k and n != cited[k - 1] + 1:  # a gap: the run so far ends
            if quote in " ".join(run):
                return True
            run = []
        run.append(seed.folded(n))
    return quote in " ".join(run)


def _list(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def check_refs(node: BaseModel, doc: Document, registries: Registries, problems: Problems) -> None:
    """Every id in a field typed as a reference (fields.EntityRef and the like) exists in its registry."""
    _check_ref_marks(find(node), doc, registries, problems)


def _check_ref_marks(marks: list[Found], doc: Document, registries: Registries, problems: Problems) -> None:
    for mark in marks:
        marker = mark.marker
        if not isinstance(marker, Ref) or mark.value is None or marker.registry in registries.broken:
            continue
        known = registries.of(marker.registry)
        if mark.value not in known:
            problems.add(doc.path, *doc.where(mark.loc), _UNKNOWN[marker.registry].format(mark.value),
                         registries.suggest(mark.value, known, REGISTRY_FILES[marker.registry]))


def check_described_in(registries: Registries, records: dict, problems: Problems) -> None:
    """An entity description that says it comes from the articles cites paragraphs
    of a brief's article, inside that brief's scope."""
    if "entities" not in registries.read:
        return
    doc, reg = registries.read["entities"]
    for i, e in enumerate(reg.entities):
        if e.description is not None and _bare(e.description) in {_bare(n) for n in [e.name, *e.aliases]}:
            # "The International Monetary Fund." under that name tells a reader nothing.
            line, col = doc.where(("entities", i, "description"))
            problems.add(doc.path, line, col,
                         f"`entities[{i}].description` only repeats the name of `{e.id}`",
                         "say in one line who or what it is, or leave `description` out")
        for j, source in enumerate(e.described_in):
            check_brief_cite(source.brief, source.cite, doc, ("entities", i, "described_in", j), records, problems)


def _bare(name: str) -> str:
    """A name without case, a leading "the" or a full stop."""
    name = name.strip(" .").lower()
    return name[4:] if name.startswith("the ") else name


def check_brief_cite(brief_id: str, cite: list[int], doc: Document, loc: tuple, records: dict[str, Record | None],
                     problems: Problems) -> Record | None:
    """A cite of another file (a registry, the status block) into a brief: the brief
    exists and the paragraphs lie in its scope.  ``records``: brief id -> its Record,
    or None for a brief that failed to load.  Returns the brief's Record, or None."""
    if brief_id in records and records[brief_id] is None:
        return None  # the brief exists but did not load: its own problems are reported
    record = records.get(brief_id)
    if record is None:
        problems.add(doc.path, *doc.where(loc + ("brief",)), f"no brief `{brief_id}` to cite",
                     "give the id of a brief (its file name without .yaml)")
        return None
    scope = record.brief.source.scope
    for k, n in enumerate(cite):
        if not scope.first <= n <= min(scope.last, len(record.seed.paragraphs)):
            problems.add(doc.path, *doc.where(loc + ("cite", k)),
                         f"cites paragraph {n}, but the brief `{brief_id}` covers paragraphs "
                         f"{scope.first}-{scope.last}", "cite a paragraph of that brief's article")
    return record


class Registries:
    """The shared registries, as id -> model maps."""

    def __init__(self, entities: dict, topics: dict, tags: dict, broken: frozenset[str] = frozenset(),
                 read: dict | None = None):
        self.entities = entities
        self.topics = topics
        self.tags = tags
        self.read = read or {}  # registry name -> (its Document, its model), for checks across files
        # Registries that failed to load (already reported): ids are not
        # checked against them, or one broken file would flag every brief.
        self.broken = broken

    def of(self, registry: str) -> dict:
        return {"entities": self.entities, "topics": self.topics, "tags": self.tags}[registry]

    @staticmethod
    def suggest(ref: str, known: dict, where: str) -> str:
        close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
        return f"did you mean `{close[0]}`?" if close else f"add it to {where} or use an existing id"
