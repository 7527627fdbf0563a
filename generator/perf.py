"""What keeps the generator linear and quick at thousands of briefs.

Measured with `make bench` (tests/bench/); docs/performance.md has the figures.
"""

from __future__ import annotations

import functools
import gc


def paused_gc(fn):
    """Run ``fn`` with Python's cyclic garbage collector paused.

    Reading a corpus makes hundreds of thousands of objects in one go that all
    live to the end of the build (documents, positions, models, pages).  The
    collector is triggered by allocations, so it would walk that growing heap
    again and again while it is being built, about a third of the load time,
    to find next to nothing: the generator makes no reference cycles of note,
    and reference counting still frees everything else at once.  Nested calls
    leave the collector as the outermost found it.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
