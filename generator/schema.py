"""Derived from the models: the published JSON Schemas (the field reference page is render/reference.py).

`python -m generator schema` rewrites briefs/schema/*.json; a test fails when
they are out of date, and another when a field has no description.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import Brief, EntityRegistry, TagRegistry, TopicRegistry
from .paths import SCHEMA_DIR
from .status import Status

SCHEMAS: dict[str, type[BaseModel]] = {
    "brief": Brief,
    "entities": EntityRegistry,
    "topics": TopicRegistry,
    "tags": TagRegistry,
    "status": Status,
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
