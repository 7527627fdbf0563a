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
# Schema paths as written on each file's first line, relative to that file.
BRIEF_SCHEMA_REF = "schema/brief.schema.json"


def registry_file(name: str) -> str:
    """A registry's file, relative to the repository: `entities` -> briefs/registry/entities.yaml."""
    return f"{REGISTRY_DIR}/{name}.yaml"


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links resolved, lies inside ``folder``."""
    return path.resolve().is_relative_to(folder.resolve())
