"""Stages 1-3 together: the project's files -> a checked, typed Corpus.

Everything that can be wrong is collected across every file before one
BriefsInvalid is raised, so an editor fixes all mistakes from one run.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from .errors import BriefsInvalid, Problems
from .load import Document, load, parse, read_text, real_path
from .model import ID_PATTERN, Brief, Entity, EntityRegistry, Tag, TagRegistry, Topic, TopicRegistry
from .paths import BRIEF_SCHEMA_REF, BRIEFS_DIR, REGISTRY_DIR, SEEDS_DIR, inside, registry_file
from .provenance import Registries, check_brief, check_described_in, check_refs
from .seeds import Seed, read_seed
from .status import Status, read_status
from .validate import check_header, to_model

T = TypeVar("T")

# Ids whose page would take the place of a generated index page
# (briefs/index.md, entities/index.md): a brief or entity by that name
# would silently replace the list of all of them.
RESERVED_IDS = {"briefs": {"index"}, "entities": {"index"}}
REGISTRIES: dict[str, tuple[type[BaseModel], str, str]] = {  # file -> (model, list field, schema reference)
    "entities": (EntityRegistry, "entities", "../schema/entities.schema.json"),
    "topics": (TopicRegistry, "topics", "../schema/topics.schema.json"),
    "tags": (TagRegistry, "tags", "../schema/tags.schema.json"),
}


@dataclass(frozen=True)
class Record:
    """A validated brief with its id, its file and its article."""

    id: str
    path: str
    brief: Brief
    seed: Seed


@dataclass(frozen=True)
class Sourced(Generic[T]):
    """One item of one brief (a claim, a quote, an event) and the brief it comes from."""

    record: Record
    item: T


@dataclass(frozen=True)
class Corpus:
    records: tuple[Record, ...]
    entities: dict[str, Entity]
    topics: dict[str, Topic]
    tags: dict[str, Tag]
    status: Status | None = None  # the home page's status block (status.py)

    @cached_property
    def by_id(self) -> dict[str, Record]:
        """Each record by its brief's id, made once for every view that looks briefs up."""
        return {r.id: r for r in self.records}


@dataclass
class Memo:
    """Briefs read before, kept by `mkdocs serve` from one rebuild to the next
    (live.Preview), so that a save reads, validates and checks again only the
    briefs it changed: at 500 briefs that is seconds of every preview.

    A brief is kept only when it was read without a problem, by its file's
    path and whole text, with the text of the article it was checked
    against.  A changed article checks the brief again; a changed registry
    (an entity, topic or tag removed) forgets every brief, since every
    reference must be checked anew."""

    registries: tuple[str | None, ...] = ()
    # path -> (its text, the brief, the article it was checked against): one entry a file, so
    # a long session of saves keeps one brief per file, not one per version of it.
    briefs: dict[str, tuple[str, Brief, str]] = field(default_factory=dict)
    #: Brief pages rendered before (render/brief.py), by brief file: what each was
    #: rendered from, and the page.  A brief taken from `briefs` is the same object
    #: as before, which is how a page knows its brief did not change.
    pages: dict[str, tuple[tuple[object, ...], object]] = field(default_factory=dict)

    def under(self, root: Path) -> Memo:
        """This memo, emptied if the registries are not those it was filled under
        (a brief page shows entity, topic and tag names from them)."""
        texts = tuple(read_text(root / registry_file(name), name, Problems()) for name in REGISTRIES)
        if texts != self.registries:
            self.registries, self.briefs, self.pages = texts, {}, {}
        return self

    def only(self, files: list[Path]) -> None:
        """Forget the briefs of files no longer there (deleted or renamed)."""
        paths, rels = {str(p) for p in files}, {f"{BRIEFS_DIR}/{p.name}" for p in files}
        self.briefs = {path: kept for path, kept in self.briefs.items() if path in paths}
        self.pages = {rel: kept for rel, kept in self.pages.items() if rel in rels}


def brief_files(root: Path, problems: Problems) -> list[Path]:
    """Every brief file, sorted; bad names and escaping symlinks are problems."""
    folder = root / BRIEFS_DIR
    real_root = root.resolve()
    out = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        rel = f"{BRIEFS_DIR}/{path.name}"
        if path.name.startswith("."):
            continue
        if path.suffix == ".yml":
            problems.add(rel, 0, 0, "brief files end in `.yaml`", f"rename it to {path.stem}.yaml")
            continue
        if path.suffix != ".yaml":
            continue
        if not re.fullmatch(ID_PATTERN, path.stem):
            problems.add(rel, 0, 0, f"`{path.stem}` is not a valid brief id",
                         "name the file with lower-case letters, digits and hyphens, e.g. `asif-says-decision-pending.yaml`")
            continue
        if path.stem in RESERVED_IDS["briefs"]:
            problems.add(rel, 0, 0, f"`{path.stem}` is reserved for the list of briefs",
                         "name the brief after what the article says, e.g. `asif-says-decision-pending.yaml`")
            continue
        real = real_path(path)  # None for a link loop: refused when it is read
        if real is not None and not real.is_relative_to(real_root):  # inside(path, root)
            problems.add(rel, 0, 0, "the brief is a link to a file outside the repository",
                         "replace the link with the file itself")
            continue
        out.append(path)
    return out


def _load_registry(root: Path, name: str, problems: Problems, loaded: dict | None = None) -> dict:
    """A registry's items by id; ``loaded`` (name -> (document, model)) keeps what
    was read, for the checks that need every registry first."""
    model, field, ref = REGISTRIES[name]
    rel = f"{REGISTRY_DIR}/{name}.yaml"
    real = real_path(root / rel)  # None for a link loop: refused when it is read
    if real is not None and not inside(root / rel, root):  # its text would be published on the site
        problems.add(rel, 0, 0, "the registry is a link to a file outside the repository",
                     "replace the link with the file itself")
        return {}
    doc = load(root / rel, rel, problems)
    if doc is None:
        return {}
    check_header(doc, ref, problems)
    reg = to_model(doc, model, problems)
    if reg is None:
        return {}
    if loaded is not None:
        loaded[name] = (doc, reg)
    items = {}
    for i, item in enumerate(getattr(reg, field)):
        if item.id in items:
            problems.add(rel, *doc.where((field, i, "id")), f"duplicate id `{item.id}`", "ids must be unique")
        if item.id in RESERVED_IDS.get(name, ()):
            problems.add(rel, *doc.where((field, i, "id")), f"`{item.id}` is reserved for the list of {name}",
                         "use another id")
        items[item.id] = item
    return items


def load_registries(root: Path, problems: Problems) -> Registries:
    before = len(problems)
    loaded: list[dict] = []
    broken: set[str] = set()
    read: dict[str, tuple] = {}
    for name in REGISTRIES:
        loaded.append(_load_registry(root, name, problems, read))
        if len(problems) > before and not loaded[-1]:  # the file could not be read at all
            broken.add(name)
        before = len(problems)
    registries = Registries(loaded[0], loaded[1], loaded[2], broken=frozenset(broken), read=read)
    for doc, reg in read.values():  # references between registries (a topic's `versus`)
        check_refs(reg, doc, registries, problems)
    return registries


def _where(doc: Document | None, text: str, rel: str, loc: tuple) -> tuple[int, int]:
    """A position in a brief, parsing again one taken from the memo (only to report a problem)."""
    doc = doc or parse(text, rel, Problems())
    return doc.where(loc) if doc is not None else (0, 0)


def read_corpus(root: Path, memo: Memo | None = None) -> Corpus:
    """Load, validate and check every brief and registry under ``root``; with a
    ``memo``, briefs read without a problem before are taken from it."""
    problems = Problems()
    registries = load_registries(root, problems)
    memo = memo.under(root) if memo is not None else None
    seeds: dict[str, Seed | None] = {}  # None: reported once, however many briefs cite it
    seeds_dir = root / SEEDS_DIR
    real_root, real_seeds = root.resolve(), real_path(seeds_dir) or seeds_dir  # as inside() does, once
    records = []
    files = brief_files(root, problems)
    if memo is not None:
        memo.only(files)
    for path in files:
        rel = f"{BRIEFS_DIR}/{path.name}"
        before = len(problems)
        text = read_text(path, rel, problems)
        if text is None:
            continue
        kept = memo.briefs.get(str(path)) if memo is not None else None
        if kept is not None and kept[0] != text:
            kept = None  # the file changed: read it again
        doc = None if kept is not None else parse(text, rel, problems)
        if kept is not None:
            brief = kept[1]
        else:
            if doc is None:
                continue
            check_header(doc, BRIEF_SCHEMA_REF, problems)
            if (valid := to_model(doc, Brief, problems)) is None:
                continue
            brief = valid
        name = brief.source.seed
        seed_path = seeds_dir / name
        if name not in seeds:
            # Inside the repository too: seeds/ itself could be a link, and
            # cited paragraphs are published on the site.
            real = real_path(seed_path)  # None for a link loop: refused when it is read
            if real is not None and seed_path.exists() and not (
                    real.is_relative_to(real_seeds) and real.is_relative_to(real_root)):
                outside = "the repository" if not real.is_relative_to(real_root) else f"{SEEDS_DIR}/"
                problems.add(rel, *_where(doc, text, rel, ("source", "seed")),
                             f"the seed file `{name}` is a link to a file outside {outside}",
                             "replace the link with the file itself")
                continue
            if not os.path.lexists(seed_path):
                problems.add(rel, *_where(doc, text, rel, ("source", "seed")), f"no seed file `{name}` in {SEEDS_DIR}/",
                             "copy the article into seeds/ unchanged, and give its file name here")
                continue
            seeds[name] = read_seed(seed_path, f"{SEEDS_DIR}/{name}", problems)
        seed = seeds[name]
        if seed is None:
            continue
        if kept is None or kept[2] != seed.text:
            doc = doc or parse(text, rel, problems)
            assert doc is not None  # it parsed when it was kept
            check_brief(brief, doc, seed, registries, problems)
            if memo is not None and len(problems) == before:
                memo.briefs[str(path)] = (text, brief, seed.text)
        records.append(Record(path.stem, rel, brief, seed))
    by_id: dict[str, Record | None] = {p.stem: None for p in files}  # None: the brief did not load
    by_id.update({r.id: r for r in records})
    check_described_in(registries, by_id, problems)
    status = read_status(root, by_id, problems)
    if problems:
        raise BriefsInvalid(problems)
    return Corpus(tuple(records), registries.entities, registries.topics, registries.tags, status)
