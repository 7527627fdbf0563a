"""`mkdocs build`, with the CPU time spent in the generator's hook recorded.

    python timed_build.py OUT.json build --strict -f mkdocs.yml --site-dir site

Runs MkDocs' own command line unchanged, except that each event function of
generator/hook.py is timed (process time) as MkDocs calls it, and the total
is written to OUT.json when the process ends.  The hook's share of a build
then comes from the same run as the build: on a shared machine, whose speed
drifts by 10% and more from one run to the next, a ratio of two runs
carries that drift, and a ratio within one run does not.
"""

from __future__ import annotations

import atexit
import functools
import json
import sys
import time
from pathlib import Path

from mkdocs.__main__ import cli
from mkdocs.commands import build as build_command

HOOK = Path("generator", "hook.py")
spent: dict[str, float] = {}


def _timed(event: str, method):
    @functools.wraps(method)
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[event] = spent.get(event, 0.0) + time.process_time() - start
    return timed


def _from_hook(method) -> bool:
    code = getattr(method, "__code__", None)
    return code is not None and Path(code.co_filename).parts[-2:] == HOOK.parts


def _build(config, **kwargs):
    """MkDocs' build, with the hook's event functions wrapped in timers."""
    for event, methods in config.plugins.events.items():
        methods[:] = [_timed(event, m) if _from_hook(m) else m for m in methods]
    return _original_build(config, **kwargs)


def _write(out: Path) -> None:
    out.write_text(json.dumps({"hook_cpu_s": sum(spent.values()), "by_event": spent}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    _original_build = build_command.build
    build_command.build = _build  # the CLI looks it up when it runs
    atexit.register(_write, Path(sys.argv[1]))
    cli(sys.argv[2:], prog_name="mkdocs")
