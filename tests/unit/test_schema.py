"""The models are the one source of truth: schemas, reference page and tags follow them."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import REPO
from generator.model import Brief
from generator.render.reference import models as reference_models
from generator.render.reference import reference_markdown
from generator.schema import SCHEMAS, schema_files

BRIEFS = sorted((REPO / "briefs").glob("*.yaml"))


def test_published_schemas_are_up_to_date():
    for name, text in schema_files().items():
        on_disk = (REPO / "briefs" / "schema" / name).read_text(encoding="utf-8")
        assert on_disk == text, f"briefs/schema/{name} is stale: run `make schema`"


def test_every_field_is_documented():
    models = reference_models()
    missing = [f"{m.__name__}.{f}" for m in models for f, info in m.model_fields.items() if not info.description]
    assert not missing, f"fields without a description: {missing}"
    page = reference_markdown()
    for m in models:
        assert f"## {m.__name__}" in page
        for f in m.model_fields:
            assert f"| `{f}` |" in page, f"{m.__name__}.{f} is not on the reference page"


class _Yaml12ish(yaml.SafeLoader):
    """Close to what editors' YAML 1.2 language servers read: dates stay text."""


_Yaml12ish.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_published_schema_accepts_every_real_brief(path):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12ish)
    schema = json.loads((REPO / "briefs" / "schema" / "brief.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_every_brief_names_the_schema_on_its_first_line():
    for path in BRIEFS:
        assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=schema/brief.schema.json"


def test_tags_allowed_in_mkdocs_yml_match_the_registry():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    plugin = next(p["tags"] for p in config["plugins"] if isinstance(p, dict) and "tags" in p)
    registry = yaml.safe_load((REPO / "briefs" / "registry" / "tags.yaml").read_text(encoding="utf-8"))
    assert plugin["tags_allowed"] == [t["name"] for t in registry["tags"]]


def test_model_rejects_what_the_schema_rejects():
    schema = SCHEMAS["brief"].model_json_schema()
    assert schema["additionalProperties"] is False and Brief.model_config["extra"] == "forbid"
