"""Where each generated page lives, and relative links between them.

Links are written between .md source paths, as MkDocs expects, so that
`validation:` in mkdocs.yml checks every one of them on a strict build.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


def brief(brief_id: str) -> str:
    return f"briefs/{brief_id}.md"


def entity(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def para_anchor(n: int) -> str:
    return f"p-{n}"


def rel(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link from one page's source path to another's (and an anchor)."""
    if from_page == to_page:
        return f"#{anchor}" if anchor else posixpath.basename(to_page)
    folder, _, name = to_page.rpartition("/")
    up = _folder_rel(from_page.rpartition("/")[0], folder)
    return (name if up == "." else f"{up}/{name}") + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=None)
def _folder_rel(from_folder: str, to_folder: str) -> str:
    # posixpath.relpath makes both paths absolute (a getcwd() call each time);
    # pages link between a handful of folders a hundred thousand times at
    # scale, so the answer is kept per pair of folders.
    return posixpath.relpath(to_folder or ".", from_folder or ".")
