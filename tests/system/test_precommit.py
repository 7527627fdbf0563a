""".pre-commit-config.yaml: YAML checks that catch duplicate keys, the briefs
against their JSON Schemas, and `python -m generator check`.

The hooks' tools are installed by pre-commit itself, from PyPI, on first use,
so only the configuration is checked here; what the hooks check is covered
where it is built (the same schemas against every brief in test_schema.py,
`generator check` in test_check.py)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from conftest import ENV, REPO
from generator.errors import Problems
from generator.load import parse

CONFIG = REPO / ".pre-commit-config.yaml"


def hooks() -> dict[str, dict]:
    problems = Problems()
    doc = parse(CONFIG.read_text(encoding="utf-8"), CONFIG.name, problems)
    assert doc is not None, problems.lines()
    return {h["id"]: h for repo in doc.data["repos"] for h in repo["hooks"]}


def matches(hook: dict, path: str) -> bool:
    files, exclude = hook.get("files", ""), hook.get("exclude")
    return bool(re.search(files, path)) and not (exclude and re.search(exclude, path))


def test_pre_commit_accepts_the_configuration():
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed: `.venv/bin/pip install -r requirements-dev.txt`")
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(CONFIG)],
                            cwd=REPO, env=ENV, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_tools_come_from_pypi_at_pinned_versions():
    for hook in hooks().values():
        for requirement in hook.get("additional_dependencies", []):
            assert re.fullmatch(r"[\w.-]+==[\w.]+", requirement), requirement
    dev = (REPO / "requirements-dev.txt").read_text(encoding="utf-8")
    assert re.search(r"^pre-commit==", dev, re.M)  # the lock names packages as PyPI normalises them


def test_every_yaml_file_is_checked_for_duplicate_keys():
    hook = hooks()["check-yaml"]
    assert hook["entry"] == "check-yaml" and hook["types"] == ["yaml"]
    assert hook["additional_dependencies"][0].startswith("pre-commit-hooks==")
    for path in ("briefs/a.yaml", "briefs/registry/entities.yaml", "mkdocs.yml", ".github/workflows/check.yml",
                 "tests/hostile/briefs.yaml"):  # the hostile cases are edits, written in valid YAML
        assert matches(hook, path)


@pytest.mark.parametrize("name, files", [
    ("brief", sorted(p.relative_to(REPO).as_posix() for p in (REPO / "briefs").glob("*.yaml"))),
    ("entities", ["briefs/registry/entities.yaml"]),
    ("topics", ["briefs/registry/topics.yaml"]),
    ("tags", ["briefs/registry/tags.yaml"]),
])
def test_each_file_meets_its_own_schema(name, files):
    schema = f"briefs/schema/{name}.schema.json"
    assert (REPO / schema).is_file()
    chosen = [h for h in hooks().values() if h["entry"] == f"check-jsonschema --schemafile {schema}"]
    assert len(chosen) == 1
    hook = chosen[0]
    assert hook["additional_dependencies"][0].startswith("check-jsonschema==")
    everything = [p.relative_to(REPO).as_posix() for p in (REPO / "briefs").rglob("*") if p.is_file()]
    assert files and sorted(p for p in everything if matches(hook, p)) == sorted(files)


def test_generator_check_runs_once_over_the_whole_corpus():
    hook = hooks()["generator-check"]
    assert hook["entry"] == "make check" and hook["pass_filenames"] == "false"
    for path in ("briefs/a.yaml", "briefs/registry/tags.yaml", "seeds/000_x.txt", "generator/model.py"):
        assert matches(hook, path)
    assert not matches(hook, "docs/index.md")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check: .*\n\t\$\(PY\) -m generator check$", makefile, re.M)
