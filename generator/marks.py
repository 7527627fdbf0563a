"""What a field means, marked in its type, and the one walk that finds the marks.

A field that holds a registry id, a page title or paragraph numbers says so
in its type (`EntityRef`, `PageTitle`, `Cite` in fields.py), as an
`Annotated` marker.  Provenance checks every reference and cite, validation
checks every page title, and the field reference names each registry, all
by walking a validated model for its marks: a new field typed `EntityRef` is
checked wherever it sits, whatever it is called.

Pydantic keeps unknown `Annotated` metadata on the field and ignores it, so
the markers change nothing about validation itself.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel

Registry = Literal["entities", "topics", "tags"]


@dataclass(frozen=True)
class Ref:
    """The field holds an id from one registry (briefs/registry/<registry>.yaml)."""

    registry: Registry


@dataclass(frozen=True)
class Mark:
    """A marker without parameters: `PAGE_TITLE` or `CITES`."""

    name: str


#: Text printed as a page title (unescaped by themes: see validate.py).
PAGE_TITLE = Mark("page title")
#: Paragraph numbers of the brief's article.
CITES = Mark("cites")

Marker = Ref | Mark


class Found(NamedTuple):
    """One marked value in a model tree: where it is, what it is, its value.
    A named tuple: a brief holds over a hundred, and the walk runs several
    times per brief on every build (a frozen dataclass costs twice as much)."""

    loc: tuple[str | int, ...]
    marker: Marker
    value: Any


def _marker(metadata: typing.Iterable[Any]) -> Marker | None:
    return next((m for m in metadata if isinstance(m, (Ref, Mark))), None)


def _unannotated(tp: Any) -> tuple[Any, Marker | None]:
    """A type without Optional[...] and Annotated[...], and the marker they held."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(inner) == 1:
            tp = inner[0]
    if typing.get_origin(tp) is typing.Annotated:
        base, *metadata = typing.get_args(tp)
        return base, _marker(metadata)
    return tp, None


@dataclass(frozen=True)
class _Field:
    name: str
    marker: Marker | None  # the field's value as a whole is marked
    item_marker: Marker | None  # each item of a list field is marked
    nested: bool  # the field can hold models, which may hold marks


@functools.cache
def _fields(model: type[BaseModel], only: Marker | None = None) -> tuple[_Field, ...]:
    """The fields of ``model`` worth visiting: those that are marked or can
    hold models; with ``only``, those that are or can hold that mark.  Cached
    per class: it reads only the class, and the walk runs over every brief on
    every build."""
    out = []
    for name, info in model.model_fields.items():
        tp, marker = _unannotated(info.annotation)
        marker = _marker(info.metadata) or marker
        item_marker = None
        if typing.get_origin(tp) is list:
            _, item_marker = _unannotated(typing.get_args(tp)[0])
        nested = bool(models_in(tp))
        if only is not None:  # a marked field is not walked into (see _walk)
            keep = marker == only if marker else item_marker == only if item_marker else (
                nested and any(_holds(m, only) for m in models_in(tp)))
            if not keep:
                continue
        if marker or item_marker or nested:
            out.append(_Field(name, marker, item_marker, nested))
    return tuple(out)


def _holds(model: type[BaseModel], marker: Marker) -> bool:
    """Whether a ``model`` tree can hold a value marked ``marker``."""
    return any(marker in (f.marker, f.item_marker) for m in model_tree(model) for f in _fields(m))


def find(node: Any, loc: tuple[str | int, ...] = (), *, only: Marker | None = None) -> list[Found]:
    """Every marked value in a validated model tree, depth first, in field order;
    with ``only``, every value marked so, without visiting the fields that
    cannot hold one (a brief's page title is one field of a hundred)."""
    out: list[Found] = []
    _walk(node, loc, out, only)
    return out


def _walk(node: Any, loc: tuple[str | int, ...], out: list[Found], only: Marker | None) -> None:
    if isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            _walk(item, loc + (i,), out, only)
        return
    if not isinstance(node, BaseModel):
        return
    for f in _fields(type(node), only):
        value = getattr(node, f.name)
        here = loc + (f.name,)
        if f.marker is not None:
            out.append(Found(here, f.marker, value))
        elif f.item_marker is not None:
            out += [Found(here + (i,), f.item_marker, item) for i, item in enumerate(value)]
        elif value is not None:
            _walk(value, here, out, only)


def models_in(tp: Any) -> list[type[BaseModel]]:
    """The model classes a field type names: itself, or inside list[...], Optional[...] and the like."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in typing.get_args(tp) for m in models_in(arg)]


def model_tree(model: type[BaseModel], seen: dict[type[BaseModel], None] | None = None) -> list[type[BaseModel]]:
    """``model`` and every model class its fields can hold, depth first, in first-seen order."""
    seen = {} if seen is None else seen
    if model not in seen:
        seen[model] = None
        for info in model.model_fields.values():
            for sub in models_in(info.annotation):
                model_tree(sub, seen)
    return list(seen)


def field_marker(model: type[BaseModel], name: str) -> Marker | None:
    """The marker of one field of ``model``, on its value or on each of its items."""
    f = next((f for f in _fields(model) if f.name == name), None)
    return None if f is None else f.marker or f.item_marker
