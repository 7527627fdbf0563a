"""Where each generated page lives, and relative links between them.

Links are written between .md source paths, as MkDocs expects, so that
`validation:` in mkdocs.yml checks every one of them on a strict build.
"""

from __future__ import annotations

import posixpath


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
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")
