"""One type for everything the generator makes: pages and data files alike.

As MkDocs has one `File` for pages and static files, an `Output` is a path
in the site and its content.  A page (a `.md` path) also has `meta`, its
front matter, written once here; a data file (JSON, CSV, the feed) has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .render.text import page_title, yaml_json


@dataclass(frozen=True)
class Output:
    """A generated file.

    ``uri``: its path inside the docs tree; ``content``: the body of a page (Markdown,
    or HTML after render/html.py's marker line), or a data file's whole text; ``edit_source``: the repository file an
    editor should change (the page's edit link opens it), or None; ``in_nav``:
    whether the navigation lists it (index pages only: see hook.py);
    ``meta``: a page's front matter (title, tags, structured data).
    """

    uri: str
    content: str
    edit_source: str | None = None
    in_nav: bool = False
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_page(self) -> bool:
        return self.uri.endswith(".md")

    @property
    def text(self) -> str:
        """The file as written: a page's front matter, then its content."""
        if not self.meta:
            return self.content
        # Titles are printed unescaped by themes: page_title makes them safe.
        lines = ["---"] + [f"{key}: {page_title(value) if key == 'title' else yaml_json(value)}"
                           for key, value in self.meta.items() if value]
        return "\n".join(lines + ["---"]) + "\n\n" + self.content


class DuplicateOutput(Exception):
    """Two outputs of one build claim the same path."""


def unique(outputs: Iterable[Output]) -> list[Output]:
    """The outputs, refusing a second one at a path already made (Pelican's
    writer does the same): one view silently replacing another's page is a bug."""
    seen: dict[str, Output] = {}
    for out in outputs:
        if out.uri in seen:
            raise DuplicateOutput(f"two generated files at {out.uri}")
        seen[out.uri] = out
    return list(seen.values())
