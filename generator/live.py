"""`mkdocs serve` that survives a brief saved in a broken state.

MkDocs empties the served folder before the hook runs, so a build that
aborts on a bad brief would leave the preview with nothing to show until the
brief is fixed.  Instead, while *serving* only, the hook keeps the last good
set of generated files: the build completes with them, every page opens with
a red box listing each problem as `path:line:col: message`, and the terminal
shows the same lines.  The next good save builds normally and the box goes.

`mkdocs build` (and `serve --clean`, which MkDocs runs as a build) never
falls back: a bad brief always fails it.  Nor does a server whose first build
fails: there is no good version to show, so it stops with the errors.

The state is one `Preview` object that the hook keeps for the life of the
process (beside it, theme_cache.py keeps each page's output from the theme);
it also keeps the briefs read without a problem (corpus.Memo), so
that a save reads and checks again only the briefs it changed, and while
serving it writes the search index after the build has returned (the saved
page does not wait for Pagefind; until the new index is in place, search
answers from the last one, generator/search.py).  A save
made while that index is still being written stops it: the next build
replaces the pages it was reading, so finishing it would only delay them.  Edits to the generator's own Python need a restart of `serve`, as
with any MkDocs plugin; edits to briefs, registries and seeds do not.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Memo
from .errors import Problems
from .output import Output
from .search import Stopped

log = logging.getLogger("mkdocs.plugins.generator")


@dataclass
class Preview:
    """What `serve` keeps between rebuilds."""

    command: str | None = None  # MkDocs' `on_startup`: which command this process runs
    last_good: dict[str, list[Output]] = field(default_factory=dict)  # project folder -> its outputs
    problems: Problems | None = None  # what is wrong now, while the last good version is served
    memos: dict[str, Memo] = field(default_factory=dict)  # project folder -> briefs read without a problem
    indexing: threading.Thread | None = None  # the search index of the last build, being written
    stop_indexing: threading.Event = field(default_factory=threading.Event)  # set: that index gives up

    def after_build(self, index: Callable[[threading.Event], None]) -> None:
        """Write the search index: while serving, after the build has returned, so
        the saved page is served without waiting for Pagefind (seconds at hundreds
        of briefs); search follows it, and the terminal says when.  ``index`` is
        given the event that `stop_index` sets to stop it."""
        self.stop_indexing = threading.Event()
        if self.command != "serve":
            index(self.stop_indexing)
            return
        stop = self.stop_indexing

        def run() -> None:
            try:
                index(stop)
            except Stopped:  # a newer save's build will index its own pages (or serve is stopping)
                log.debug("search index stopped: a new build has started, or serve is stopping")
            except Exception as e:  # Pagefind failed: the pages are served all the same
                log.error(f"the search index was not updated: {e}")
            else:
                log.info("Search index updated")

        self.indexing = threading.Thread(target=run, name="search-index", daemon=True)
        self.indexing.start()

    def stop_index(self) -> None:
        """Stop the last build's index, if it is still being written, and wait for it
        to end: the build that follows empties the folder it is written into, and
        so does serve when it shuts down."""
        if self.indexing is not None:
            self.stop_indexing.set()
            self.indexing.join()
            self.indexing = None

    def memo(self, root: Path) -> Memo | None:
        """The briefs read before in this process (corpus.Memo): a save re-reads
        only what it changed.  None outside `serve`: a build has no next build,
        and what it kept would only weigh on the rest of it."""
        return self.memos.setdefault(_key(root), Memo()) if self.command == "serve" else None

    def remember(self, root: Path, outputs: list[Output]) -> None:
        """A build succeeded: keep what it made (under `serve`, for the next
        build to fall back on), and clear any failure."""
        if self.command == "serve":
            self.last_good[_key(root)] = outputs
        self.problems = None

    def fallback(self, root: Path, problems: Problems) -> list[Output] | None:
        """The last good outputs to serve instead of failing, or None to fail."""
        if self.command != "serve" or _key(root) not in self.last_good:
            return None
        self.problems = problems
        return self.last_good[_key(root)]

    def banner(self) -> str:
        """Markdown to put at the top of every page while the briefs are broken."""
        if self.problems is None:
            return ""
        lines = list(self.problems)
        count = f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
        # An indented code block inside the admonition: the text is shown, never
        # read as Markdown or HTML, and a line break inside a message cannot end it.
        code = "\n".join("        " + " ⏎ ".join(p.format().splitlines()) for p in lines)
        return (f'!!! failure "The briefs have {count}: this is the last good version of the site"\n\n'
                "    Fix these lines and save; the preview reloads when the briefs are valid again.\n\n"
                f"{code}\n\n")


def _key(root: Path) -> str:
    return str(Path(root).resolve())
