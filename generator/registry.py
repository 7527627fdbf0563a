"""The shared registries' models: people and organisations, topics, tags.

One file each under briefs/registry/; briefs refer to their ids (fields.EntityRef and the like).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Cite, Id, Short, ShortPageTitle, Strict, Text, TopicRef, WholeNumber

Relation = Literal["single", "set", "status"]




class DescribedIn(Strict):
    """Where an article supports an entity's description."""

    brief: Id = Field(description="The id of the brief whose article says it.")
    cite: Cite


class Entity(Strict):
    """A person, organisation or country: one page across all sources."""

    id: Id = Field(description="Stable id, referred to by briefs.")
    name: ShortPageTitle = Field(description="The name shown on the site.")
    kind: Literal["person", "organisation", "country"] = Field(description="person, organisation or country.")
    aliases: list[Short] = Field(default_factory=list, description="Other names and spelling variants.")
    description: Text | None = Field(None, description="One neutral line for the entity page.")
    described_in: list[DescribedIn] = Field(
        default_factory=list, description="The briefs and paragraphs whose articles support `description`. Without "
        "them the description is shown as background, not from the articles.")


class Topic(Strict):
    """A subject that claims and positions are grouped by."""

    id: Id = Field(description="Stable id, referred to by briefs.")
    name: ShortPageTitle = Field(description="The name shown on the site.")
    kind: Literal["question", "condition", "theme"] = Field(
        description="`question` (claims answer it), `condition` (a Pakistani condition or red line), or `theme`.")
    question: Text | None = Field(None, description="For a question: the question the claims answer.")
    relation: Relation = Field(
        "single", description="For a question: how its answers relate. `single`: one value, so different answers "
        "from different sources contradict each other (a rank). `set`: a list, where a list holding another adds "
        "detail, two lists neither of which holds the other name different items, and only an explicit exclusion "
        "(an item written `not X`) contradicts, and lists are compared only under the same `qualifier` (which "
        "countries). `status`: a state that moves over time, where "
        "answers of different dates show a change, not a conflict (a decision). Whatever the kind, an answer that "
        "only says the question is open (`unclear`, `not confirmed`) contradicts no answer.")
    weight: WholeNumber = Field(
        0, ge=0, le=100, description="How much the question matters to readers, 0 to 100: the contradictions "
        "page lists questions by it, highest first.")
    versus: list[TopicRef] = Field(
        default_factory=list, description="For a question: topics whose positions stand against its claims "
        "(Pakistan's red line against the force's tasks), set side by side as a tension across kinds of statement.")
    tension: Text | None = Field(
        None, description="With `versus`: what stands against what, in one neutral line (the editors' framing).")
    description: Text | None = Field(None, description="One neutral line for readers. For a question, the "
                                     "claims and contradictions page shows it with the question as the editors' note.")


class Tag(Strict):
    """A tag a brief may carry."""

    id: Id = Field(description="The tag as written in briefs.")
    name: ShortPageTitle = Field(description="The tag as shown on the site.")
    description: Text | None = Field(None, description="What the tag groups.")


class EntityRegistry(Strict):
    """briefs/registry/entities.yaml"""

    entities: list[Entity] = Field(description="Every person, organisation and country the briefs mention.")


class TopicRegistry(Strict):
    """briefs/registry/topics.yaml"""

    topics: list[Topic] = Field(description="Every topic briefs refer to.")


class TagRegistry(Strict):
    """briefs/registry/tags.yaml"""

    tags: list[Tag] = Field(description="The allowed tags.")
