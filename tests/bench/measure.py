"""Timing and memory for the benchmark: each measurement is its own process.

A separate process per measurement gives each one its own peak memory
(``os.wait4`` returns the resource usage of exactly that child) and keeps
one measurement's caches and garbage out of the next.  Times are CPU
seconds (user + system) as well as wall seconds: the machine may be shared,
and CPU time is what another busy process disturbs least.

Run as a script, this module is the child that times the generator or its
parse floor in-process:  python measure.py generator|parse ROOT REPEAT
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(args: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run a command to completion; its wall and CPU seconds, peak RSS and output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = "\n".join(stderr.splitlines()[-20:])
        raise SystemExit(f"bench: `{' '.join(args[1:4])} ...` failed with status {proc.returncode}:\n{tail}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "sys_s": usage.ru_stime,
            "peak_rss_mib": usage.ru_maxrss / 1024, "stdout": stdout}  # ru_maxrss is in KiB on Linux


def _time(fn, repeat: int) -> dict:
    """Best of ``repeat`` runs: the least disturbed one is the fairest estimate."""
    best, every = None, []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        result = fn()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        every.append(round(cpu, 3))
        if best is None or cpu < best["cpu_s"]:
            best = {"cpu_s": cpu, "wall_s": wall, **result}
    return {**best, "cpu_s_every_run": every}


def _generator(root: Path) -> dict:
    from generator.corpus import read_corpus
    from generator.site import outputs, site_of

    corpus = read_corpus(root)
    pages = [o for o in outputs(site_of(corpus)) if o.is_page]
    return {"briefs": len(corpus.records), "pages": len(pages)}


def _parse_floor(root: Path) -> dict:
    """The least any generator must do: parse the same YAML with libyaml's C loader."""
    import yaml

    files = sorted((root / "briefs").glob("*.yaml")) + sorted((root / "briefs" / "registry").glob("*.yaml"))
    for path in files:
        yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=yaml.CSafeLoader)
    return {"files": len(files)}


def main(kind: str, root: str, repeat: str) -> None:
    project = Path(root).resolve()
    sys.path.insert(0, str(project))  # the synthetic project's copy of the generator
    fn = {"generator": _generator, "parse": _parse_floor}[kind]
    print(json.dumps(_time(lambda: fn(project), int(repeat))))


if __name__ == "__main__":
    main(*sys.argv[1:])
