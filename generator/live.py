"""`mkdocs serve` that survives a brief saved in a broken state.

MkDocs empties the served folder before the hook runs, so a build that
aborts on a bad brief would leave the preview with nothing to show until the
brief is fixed.  Instead, while *serving* only, the hook keeps the last good
set of generated pages: the build completes with them, every page opens with
a red box listing each problem as `path:line:col: message`, and the terminal
shows the same lines.  The next good save builds normally and the box goes.

`mkdocs build` (and `serve --clean`, which MkDocs runs as a build) never
falls back: a bad brief always fails it.  Nor does a server whose first build
fails: there is no good version to show, so it stops with the errors.

State lives in this module, not in hook.py, because it must outlast each
rebuild; the generator package is imported once per process.

Edits to the generator's own code (generator/ is watched) take effect on the
next rebuild too: `refresh_code` drops every generator module from the
import cache when any of its files changed, so the hook imports them anew.
All of them, not just the edited one, because the others hold references
into it.  This module stays (it holds the state), and so does hook.py, which
MkDocs loads once per process: edits to either need a restart.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from .errors import Problems

_command: str | None = None
_last_good: dict[str, Any] = {}
_problems: Problems | None = None
_code_stamp: tuple | None = None

log = logging.getLogger("mkdocs.plugins.generator")


def started(command: str) -> None:
    """MkDocs' `on_startup`: which command this process runs."""
    global _command
    _command = command


def remember(root, result: Any) -> None:
    """A build succeeded: keep what it made, and clear any failure."""
    global _problems
    _last_good[_key(root)] = result
    _problems = None


def last_good(root, problems: Problems) -> Any | None:
    """The last good result to serve instead of failing, or None to fail."""
    global _problems
    if _command != "serve" or _key(root) not in _last_good:
        return None
    _problems = problems
    return _last_good[_key(root)]


def banner() -> str:
    """Markdown to put at the top of every page while the briefs are broken."""
    if _problems is None:
        return ""
    lines = list(_problems)
    count = f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
    # An indented code block inside the admonition: the text is shown, never
    # read as Markdown or HTML, and a line break inside a message cannot end it.
    code = "\n".join("        " + " ⏎ ".join(p.format().splitlines()) for p in lines)
    return (f'!!! failure "The briefs have {count}: this is the last good version of the site"\n\n'
            "    Fix these lines and save; the preview reloads when the briefs are valid again.\n\n"
            f"{code}\n\n")


def refresh_code() -> None:
    """While serving, forget the generator's modules if its code changed since
    the last build, so that this build imports the edited code."""
    global _code_stamp
    if _command != "serve":
        return
    package = __name__.rpartition(".")[0]
    stamp = _stamp(Path(__file__).parent)
    if _code_stamp is not None and stamp != _code_stamp:
        for name in [m for m in sys.modules if m.startswith(package + ".") and m != __name__]:
            del sys.modules[name]
        log.info("the generator's code changed: this build uses the edited code")
    _code_stamp = stamp


def _stamp(folder: Path) -> tuple:
    """What changes when any module of the package is edited, added or removed."""
    return tuple(sorted((str(p), (st := p.stat()).st_mtime_ns, st.st_size) for p in folder.rglob("*.py")))


def _key(root) -> str:
    return str(Path(root).resolve())
