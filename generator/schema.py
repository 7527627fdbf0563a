"""Derived from the models: the published JSON Schemas and the field reference page.

`python -m generator schema` rewrites briefs/schema/*.json; a test fails when
they are out of date, and another when a field has no description.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .corpus import SCHEMA_DIR
from .model import Brief, EntityRegistry, TagRegistry, TopicRegistry
from .render.text import front_matter, md

SCHEMAS: dict[str, type[BaseModel]] = {
    "brief": Brief,
    "entities": EntityRegistry,
    "topics": TopicRegistry,
    "tags": TagRegistry,
}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    # Validation mode: the schema describes what an editor writes.
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_files() -> dict[str, str]:
    """File name in briefs/schema/ -> JSON text."""
    return {f"{name}.schema.json": json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"
            for name, model in SCHEMAS.items()}


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


# ---- the field reference page ---------------------------------------------------


def _models(model: type[BaseModel], seen: dict[str, type[BaseModel]]) -> None:
    """Every model reachable from ``model``, in first-seen order."""
    if model.__name__ in seen:
        return
    seen[model.__name__] = model
    for info in model.model_fields.values():
        for sub in _submodels(info.annotation):
            _models(sub, seen)


def _submodels(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in typing.get_args(tp) for m in _submodels(arg)]


def type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is list:
        return f"list of {type_name(args[0])}"
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType")):
        inner = [a for a in args if a is not type(None)]
        return " or ".join(type_name(a) for a in inner) + (" or null" if len(inner) < len(args) else "")
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return {str: "text", int: "whole number"}.get(tp, getattr(tp, "__name__", str(tp)))


def reference_markdown() -> str:
    seen: dict[str, type[BaseModel]] = {}
    for model in SCHEMAS.values():
        _models(model, seen)
    out = [front_matter("Field reference"), "# Field reference\n",
           "Generated from the models in `generator/model.py`, which also produce the JSON Schemas "
           "in `briefs/schema/` that editors' YAML language servers use. "
           "A field is required unless it shows a default.\n"]
    for name, model in seen.items():
        out.append(f"## {name}\n\n{md(' '.join((model.__doc__ or '').split()))}\n")
        out.append("| Field | Type | Required | Description |\n|---|---|---|---|")
        for field, info in model.model_fields.items():
            required = "yes" if info.is_required() else f"no (default `{_default(info)}`)"
            out.append(f"| `{field}` | {type_name(info.annotation)} | {required} | {md(info.description)} |")
        out.append("")
    return "\n".join(out)


def _default(info) -> str:
    if info.default_factory is not None:
        return json.dumps(info.default_factory())
    return json.dumps(info.default)
