"""A Python-Markdown extension: a generated page written as HTML is not parsed as Markdown.

The views write their pages as HTML fragments (render/html.py) after a
marker line.  Parsing Markdown is what a build spends most of its time on,
and these pages need none of it; but they do need what Python-Markdown
and MkDocs do to a page's tree afterwards: the glossary's `abbr` tooltips,
heading ids with permalinks and the table of contents, and the rewriting
and checking of links (so `--strict` fails on a broken link as it does for
a Markdown page, and the page cache replays the same warnings).

So the fragment is taken out of the text before any other preprocessor runs
(a placeholder paragraph stands in its place), and parsed with the XML
parser (C, and strict: a fragment that is not well-formed is a bug in a
view and stops the build) into the tree right after `attr_list`, which
could otherwise read brief text as attributes, and before `abbr`, `toc`
and MkDocs' own passes.  The hook adds the extension (hook.py on_config).
Lines before the marker (the serve banner) are Markdown as usual.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .render.html import MARKER, RAW

#: The paragraph that holds the fragment's place; letters only, which no inline pattern reads.
PLACEHOLDER = "generatorprerenderedhtmlfragment"


class _Take(Preprocessor):
    def __init__(self, md: Markdown, fragments: list[str]) -> None:
        super().__init__(md)
        self.fragments = fragments

    def run(self, lines: list[str]) -> list[str]:
        if MARKER not in lines:
            return lines
        at = lines.index(MARKER)
        self.fragments.append("\n".join(lines[at + 1:]))
        return lines[:at] + ["", PLACEHOLDER, ""]


class _Put(Treeprocessor):
    def __init__(self, md: Markdown, fragments: list[str]) -> None:
        super().__init__(md)
        self.fragments = fragments

    def run(self, root: etree.Element) -> None:
        if not self.fragments:
            return
        fragment = etree.fromstring(f"<div>{self.fragments.pop()}</div>")
        for at, child in enumerate(fragment):
            if child.tag == RAW:  # HTML kept as written, as Python-Markdown keeps raw HTML: in its stash
                block = etree.Element("p")
                block.text = self.md.htmlStash.store(child.text or "")
                block.tail = child.tail
                fragment[at] = block
        for at, child in enumerate(root):
            if child.tag == "p" and child.text == PLACEHOLDER and not len(child):
                root[at:at + 1] = list(fragment)
                return
        # A page would be published without its content: a bug, never a brief's doing.
        raise RuntimeError("a page written as HTML lost its place in the tree (generator/prerendered.py)")


class PrerenderedExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        fragments: list[str] = []
        # Before snippets (32) and whitespace normalising (30): the fragment is
        # the generator's, whole; the glossary is appended after the placeholder.
        md.preprocessors.register(_Take(md, fragments), "generator_take_html", 40)
        # After inline (20) and attr_list (8), before abbr (7), toc and MkDocs' passes (5 to 0).
        md.treeprocessors.register(_Put(md, fragments), "generator_put_html", 7.5)


def makeExtension(**kwargs: object) -> PrerenderedExtension:  # the name Python-Markdown looks for
    return PrerenderedExtension(**kwargs)
