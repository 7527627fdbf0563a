"""The field reference page: every model and field, generated from the models.

Reference fields name the registry their ids come from (their `Ref` marker),
so an editor sees where a valid id is listed.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..context import Site
from ..marks import Ref, field_marker, model_tree
from ..output import Output
from ..schema import SCHEMAS
from . import links
from .text import md


def type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is list:
        return f"list of {type_name(args[0])}"
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return " or ".join(type_name(a) for a in inner) + (" or null" if len(inner) < len(args) else "")
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return {str: "text", int: "whole number"}.get(tp, getattr(tp, "__name__", str(tp)))


def models() -> list[type[BaseModel]]:
    """Every model the schemas describe, depth first, in first-seen order."""
    seen: dict[type[BaseModel], None] = {}
    for model in SCHEMAS.values():
        model_tree(model, seen)
    return list(seen)


def reference_markdown() -> str:
    # The modules named from the models themselves: a model moved to another module moves here too.
    names = dict.fromkeys(f"`{model.__module__.replace('.', '/')}.py`" for model in models())
    *rest, last = names
    modules = f"{', '.join(rest)} and {last}" if rest else last
    out = ["# Field reference\n",
           f"Generated from the models in {modules}; they also produce the JSON Schemas "
           "in `briefs/schema/` that editors' YAML language servers use. "
           "A field is required unless it shows a default.\n"]
    for model in models():
        name = model.__name__
        out.append(f"## {name}\n\n{md(' '.join((model.__doc__ or '').split()))}\n")
        out.append("| Field | Type | Required | Description |\n|---|---|---|---|")
        for field, info in model.model_fields.items():
            required = "yes" if info.is_required() else f"no (default `{_default(info)}`)"
            kind = type_name(info.annotation)
            if isinstance(marker := field_marker(model, field), Ref):
                kind += f" (ids from briefs/registry/{marker.registry}.yaml)"
            out.append(f"| `{field}` | {kind} | {required} | {md(info.description)} |")
        out.append("")
    return "\n".join(out)


def _default(info: FieldInfo) -> str:
    if info.default_factory is not None:
        return json.dumps(info.default_factory())  # type: ignore[call-arg]  # the models' factories take no argument
    return json.dumps(info.default)


def outputs(site: Site) -> list[Output]:
    return [Output(links.REFERENCE, reference_markdown(), "generator/model.py", in_nav=True,
                   meta={"title": "Field reference"})]
