"""Material's tags plugin keeps its own allowed list (`tags_allowed` in
mkdocs.yml); briefs/registry/tags.yaml is the list briefs are checked
against.  A registry tag missing from the plugin's list makes the plugin
fail with a traceback on a generated page, so the hook compares them first.
(Extra names in mkdocs.yml are harmless: the fixture project uses fewer.)"""

from __future__ import annotations

from pathlib import Path

from .corpus import _load_registry
from .errors import Problems
from .paths import REGISTRY_DIR

TAGS_FILE = f"{REGISTRY_DIR}/tags.yaml"


def tags_allowed_problems(root: Path, allowed: set[str]) -> Problems:
    problems = Problems()
    own = Problems()
    registry = _load_registry(root, "tags", own)
    if own:  # the build reports the registry's own problems, which come first
        return problems
    names = {tag.name for tag in registry.values()}
    for name in sorted(names - allowed):
        problems.add(TAGS_FILE, 0, 0, f"the tag `{name}` is missing from `tags_allowed` in mkdocs.yml",
                     "add it there too, under plugins > tags > tags_allowed")
    return problems
