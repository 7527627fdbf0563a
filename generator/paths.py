"""Where things are in the repository, and the one rule for links: inside.

Every folder the generator reads is named here.  Text from a file the
generator reads can end up on the published site, so a file reached through
a link must still lie inside the repository (and a seed inside seeds/).
"""

from __future__ import annotations

from pathlib import Path

BRIEFS_DIR = "briefs"
SEEDS_DIR = "seeds"
REGISTRY_DIR = "briefs/registry"
SCHEMA_DIR = "briefs/schema"
# What a build keeps for the next one (all under build/, each safe to delete):
PAGE_CACHE_DIR = "build/page-cache"  # rendered pages (page_cache.py)
SEARCH_CACHE_DIR = "build/search-cache"  # the last search index (search.py)
TEMPLATE_CACHE_DIR = "build/template-cache"  # the theme's compiled templates (hook.py)
CACHE_DIRS = (PAGE_CACHE_DIR, SEARCH_CACHE_DIR, TEMPLATE_CACHE_DIR)
# Schema paths as written on each file's first line, relative to that file.
BRIEF_SCHEMA_REF = "schema/brief.schema.json"


def registry_file(name: str) -> str:
    """A registry's file, relative to the repository: `entities` -> briefs/registry/entities.yaml."""
    return f"{REGISTRY_DIR}/{name}.yaml"


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links resolved, lies inside ``folder``."""
    return path.resolve().is_relative_to(folder.resolve())
