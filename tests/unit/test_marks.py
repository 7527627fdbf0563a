"""marks.py: references, page titles and cites are found by their type, not their name."""

from __future__ import annotations

from pydantic import BaseModel, Field

from conftest import REPO
from generator.corpus import read_corpus
from generator.errors import Problems
from generator.fields import EntityRef
from generator.marks import CITES, PAGE_TITLE, Ref, find
from generator.model import Brief, EntityRegistry
from generator.provenance import Registries, check_refs

CORPUS = read_corpus(REPO)
# The rule by name this replaces: which fields held which registry's ids.
BY_NAME = {"speaker": "entities", "actor": "entities", "actors": "entities", "topic": "topics", "tags": "tags"}


def _fields(node, loc=()):
    """(location, field name, value) of every field, the plain way."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield loc + (name,), name, getattr(node, name)
            yield from _fields(getattr(node, name), loc + (name,))
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from _fields(item, loc + (i,))


def test_the_marks_find_what_the_field_names_used_to():
    for record in CORPUS.records:
        refs = {(f.loc, f.marker.registry) for f in find(record.brief) if isinstance(f.marker, Ref) and f.value is not None}
        expected = set()
        for loc, name, value in _fields(record.brief):
            registry = BY_NAME.get(name) or ("entities" if name == "id" and loc[0] == "mentions" else None)
            if registry and value is not None:
                expected |= {(loc + (i,), registry) for i in range(len(value))} if isinstance(value, list) else {(loc, registry)}
        assert refs == expected and refs
        cites = {f.loc for f in find(record.brief) if f.marker is CITES}
        assert cites == {loc for loc, name, _ in _fields(record.brief) if name == "cite"}


def test_page_titles_are_the_brief_title_and_registry_names():
    brief = CORPUS.records[0].brief
    assert [f.loc for f in find(brief) if f.marker is PAGE_TITLE] == [("title",)]
    registry = EntityRegistry(entities=list(CORPUS.entities.values())[:2])
    assert [f.loc for f in find(registry) if f.marker is PAGE_TITLE] == [("entities", 0, "name"), ("entities", 1, "name")]


class _Doc:
    path = "briefs/x.yaml"

    def where(self, loc, key=False):
        return (7, 3)


def test_a_new_reference_field_is_checked_whatever_its_name():
    class BriefWithAlly(Brief):
        ally: EntityRef | None = Field(None, description="A field added later, named like no other.")

    data = CORPUS.records[0].brief.model_dump()
    registries = Registries(CORPUS.entities, CORPUS.topics, CORPUS.tags)
    problems = Problems()
    check_refs(BriefWithAlly(**data, ally="nobody-at-all"), _Doc(), registries, problems)
    assert problems.lines() == [
        "briefs/x.yaml:7:3: unknown entity id `nobody-at-all` (hint: add it to briefs/registry/entities.yaml or use an existing id)"]
    problems = Problems()
    check_refs(BriefWithAlly(**data, ally="pakistan"), _Doc(), registries, problems)
    assert not problems


def test_a_walk_for_one_mark_finds_what_the_whole_walk_finds_of_it():
    registries = [EntityRegistry(entities=list(CORPUS.entities.values()))]
    for node in [r.brief for r in CORPUS.records] + registries:
        every = find(node)
        for marker in (CITES, PAGE_TITLE, Ref("entities"), Ref("topics"), Ref("tags")):
            assert find(node, only=marker) == [f for f in every if f.marker == marker]
