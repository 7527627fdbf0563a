"""`make bench`: how the site's build scales, at N and 2N synthetic briefs.

For each size it synthesises a project (synth.py) in a temporary folder and
measures, each in its own process (measure.py):

- the generator (read_corpus + site outputs) against its floor, parsing the
  same YAML with libyaml's C loader;
- `mkdocs build` with the hook against the MkDocs floor: the same pages
  written to disk beforehand by `python -m generator render`, built from a
  config that inherits mkdocs.yml without the generator's hook (but with the
  same Pagefind indexing after the build);
- the HTML of brief 0's page (the same brief at every N), the search index
  (Pagefind's bundle: index, fragments and code), the bytes one search
  downloads in Chromium (search_bytes.py), and peak memory;
- a rebuild with nothing changed: the same `mkdocs build` again, with the
  caches the last clean build left (rendered pages, generator/page_cache.py,
  and the search index, generator/search.py); every clean build starts
  without them;
- and, once, `generator check` and `mkdocs build` of the worst brief the
  limits allow (synth.worst) against the same of one real brief;
- and the live preview at N/10 and N/2 briefs: from saving a brief to
  `mkdocs serve` serving its new page (preview.py).

It prints a table, writes the figures as JSON and rewrites
docs/performance.md (report.py).  It is a benchmark, not a test: nothing
fails when a target is missed; the table says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import measure  # noqa: E402
import preview  # noqa: E402
import report  # noqa: E402
import search_bytes  # noqa: E402
import synth  # noqa: E402

REPO = synth.REPO
FLOOR_CONFIG = "mkdocs-floor.yml"
FLOOR_DOCS = "docs-floor"
FLOOR_SEARCH_HOOK = "floor_search_hook.py"
MANIFEST = ".generator-manifest.json"  # written by `generator render` (generator/write.py)


def _env() -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", "0")
    return env


def _in_process(kind: str, root: Path, repeat: int) -> dict:
    result = measure.run([sys.executable, str(HERE / "measure.py"), kind, str(root), str(repeat)], root, _env())
    figures = json.loads(result["stdout"])
    figures["peak_rss_mib"] = result["peak_rss_mib"]
    return figures


def _floor_project(root: Path) -> None:
    """docs-floor/ with every generated page written out, and a config without the hook.

    The hook keeps generated pages out of the nav unless mkdocs.yml lists
    them; `not_in_nav` does the same here, by folder (a pattern per page would
    cost MkDocs a match per page per pattern), so both builds render the same
    nav and the floor's strict build does not warn about pages missing from it.
    """
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", "rb") as fh:
        config = yaml_load(fh)
    docs = root / config.get("docs_dir", "docs")
    shutil.copytree(docs, root / FLOOR_DOCS)
    measure.run([sys.executable, "-m", "generator", "render", FLOOR_DOCS], root, _env())
    manifest = root / FLOOR_DOCS / MANIFEST
    generated = [uri for uri in json.loads(manifest.read_text(encoding="utf-8")) if uri.endswith(".md")]
    manifest.unlink()
    patterns = sorted({f"/{os.path.dirname(uri)}/*.md" if "/" in uri else f"/{uri}" for uri in generated})
    hooks = [h for h in config.get("hooks", []) if Path(h).as_posix() != "generator/hook.py"]
    # The site needs its search index either way: the floor runs the same Pagefind
    # indexing after its build, so the ratio is what the generator's hook costs.
    # The pages written as HTML are rendered as the hook has them rendered
    # (generator/prerendered.py), or the floor would parse them as raw HTML.
    (root / FLOOR_SEARCH_HOOK).write_text(
        "import sys\nfrom pathlib import Path\n\nsys.path.insert(0, str(Path(__file__).resolve().parent))\n"
        "from generator import search  # noqa: E402\n\n\n"
        "def on_config(config):\n    config.markdown_extensions.append('generator.prerendered')\n\n\n"
        "def on_post_build(config):\n    search.index_site(Path(config.site_dir))\n", encoding="utf-8")
    hooks.append(FLOOR_SEARCH_HOOK)
    lines = ["INHERIT: mkdocs.yml", f"docs_dir: {FLOOR_DOCS}", f"hooks: {json.dumps(hooks)}", "not_in_nav: |"]
    (root / FLOOR_CONFIG).write_text("\n".join(lines + [f"  {p}" for p in patterns]) + "\n", encoding="utf-8")


def _builds(root: Path, repeat: int) -> tuple[dict, dict]:
    """The build with the hook and the pre-rendered build, each the best of
    ``repeat`` runs, taken in turns so that a busy spell on the machine
    weighs on both alike.  Which of a pair runs first alternates: when the
    machine speeds up or slows down over minutes, a fixed order would give
    every pair the same lean.  The build with the hook runs through
    timed_build.py, which also records the CPU time spent in the hook."""
    best: dict[str, dict] = {}
    every: dict[str, list[float]] = {}
    hook_every: list[float] = []
    timings = root / "hook-time.json"
    builds = (("mkdocs.yml", "site-hook"), (FLOOR_CONFIG, "site-floor"))
    for turn in range(repeat):
        for config, site in builds if turn % 2 == 0 else builds[::-1]:
            shutil.rmtree(root / site, ignore_errors=True)
            _clear_caches(root)  # a clean build: nothing kept from the last one
            args = ["build", "--strict", "-f", config, "--site-dir", site]
            if site == "site-hook":
                r = measure.run([sys.executable, str(HERE / "timed_build.py"), str(timings)] + args, root, _env())
                hook_every.append(round(json.loads(timings.read_text(encoding="utf-8"))["hook_cpu_s"], 3))
            else:
                r = measure.run([sys.executable, "-m", "mkdocs"] + args, root, _env())
            r.pop("stdout")
            every.setdefault(site, []).append(round(r["cpu_s"], 2))
            if site not in best or r["cpu_s"] < best[site]["cpu_s"]:
                best[site] = r
    for site, runs in every.items():
        best[site]["cpu_s_every_run"] = runs  # the spread says how noisy the machine was
    best["site-hook"]["hook_cpu_s_every_run"] = hook_every
    return best["site-hook"], best["site-floor"]


def _clear_caches(root: Path) -> None:
    from generator.paths import CACHE_DIRS  # what a build keeps for the next one

    for cache in CACHE_DIRS:
        shutil.rmtree(root / cache, ignore_errors=True)


def _rebuild(root: Path, repeat: int) -> dict:
    """`mkdocs build --strict` with nothing changed since the last one: the
    best of ``repeat`` runs, each with the caches a clean build left."""
    _clear_caches(root)
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site-rebuild"]
    measure.run(args, root, _env())  # clean: fills the cache
    runs = [measure.run(args, root, _env()) for _ in range(repeat)]
    best = min(runs, key=lambda r: r["cpu_s"])
    best.pop("stdout")
    best["cpu_s_every_run"] = [round(r["cpu_s"], 2) for r in runs]
    shutil.rmtree(root / "site-rebuild")
    return best


def _page_html(site: Path, page_id: str) -> Path:
    for candidate in (site / "briefs" / page_id / "index.html", site / "briefs" / f"{page_id}.html"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"bench: no HTML page for brief {page_id} in the built site")


def index_by_group(bundle: Path) -> dict[str, int]:
    """Search bundle bytes by part (fragments, index chunks, code), largest first:
    where to look when the index grows."""
    groups: dict[str, int] = {}
    for path in bundle.rglob("*"):
        if path.is_file():
            group = path.parent.name + "/*" if path.parent != bundle else "code and metadata"
            groups[group] = groups.get(group, 0) + path.stat().st_size
    return dict(sorted(groups.items(), key=lambda kv: -kv[1]))


def measure_size(base: Path, n: int, work: Path, repeat: int, build_repeat: int) -> dict:
    root = work / f"n{n}"
    print(f"bench: N={n}: synthesising {n} briefs", file=sys.stderr, flush=True)
    ids = synth.synthesise(base, root, n)
    print(f"bench: N={n}: generator and parse floor", file=sys.stderr, flush=True)
    floor = _in_process("parse", root, repeat)
    gen = _in_process("generator", root, repeat)
    _floor_project(root)
    print(f"bench: N={n}: mkdocs builds (hook, floor)", file=sys.stderr, flush=True)
    hook, pre = _builds(root, build_repeat)
    print(f"bench: N={n}: rebuild with nothing changed", file=sys.stderr, flush=True)
    rebuild = _rebuild(root, build_repeat)
    site = root / "site-hook"
    bundle = site / "pagefind"
    index_bytes = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    print(f"bench: N={n}: one search in Chromium", file=sys.stderr, flush=True)
    result = {
        "n": n,
        "generator": {**gen, "briefs_per_s": n / gen["cpu_s"]},
        "parse_floor": {**floor, "briefs_per_s": n / floor["cpu_s"]},
        "generator_ratio": gen["cpu_s"] / floor["cpu_s"],
        "build": hook,
        "build_floor": pre,
        "build_ratio": hook["cpu_s"] / pre["cpu_s"],
        "rebuild": rebuild,
        "rebuild_ratio": rebuild["cpu_s"] / hook["cpu_s"],
        "brief_page": {"id": ids[0], "html_bytes": _page_html(site, ids[0]).stat().st_size},
        "search_index": {"bytes": index_bytes, "bytes_per_brief": index_bytes / n,
                         "by_page": index_by_group(bundle)},
        "one_search": search_bytes.one_search(site),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }
    shutil.rmtree(root)  # a 2000-brief project and its two sites take hundreds of MB
    return result


def measure_worst(base: Path, work: Path, repeat: int) -> dict:
    """`generator check` and `mkdocs build --strict` of a project holding only
    the worst brief the limits allow (synth.worst), against the same of a
    project holding one real brief: each the best of ``repeat`` runs."""
    figures: dict = {}
    for kind in ("normal", "worst"):
        root = work / f"one-{kind}"
        print(f"bench: the {kind} brief: check and build", file=sys.stderr, flush=True)
        if kind == "worst":
            synth.worst(base, root)
        else:
            synth.synthesise(base, root, 1)
        steps = {"check": [sys.executable, "-m", "generator", "check"],
                 "build": [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site-one"]}
        figures[kind] = {}
        for step, args in steps.items():
            runs = [measure.run(args, root, _env()) for _ in range(repeat)]
            best = min(runs, key=lambda r: r["cpu_s"])
            best.pop("stdout")
            figures[kind][step] = best
        figures[kind]["bytes"] = sum(p.stat().st_size for p in (root / "briefs").glob("*.yaml"))
        shutil.rmtree(root)
    for step in ("check", "build"):
        figures[f"{step}_ratio"] = figures["worst"][step]["cpu_s"] / figures["normal"][step]["cpu_s"]
    return figures


def measure_preview(base: Path, work: Path, n: int) -> dict:
    """The live preview of a project of ``n`` briefs (preview.py)."""
    root = work / f"preview-{n}"
    print(f"bench: N={n}: live preview, save to served page", file=sys.stderr, flush=True)
    ids = synth.synthesise(base, root, n)
    figures = {"n": n, **preview.latency(root, ids[0], _env())}
    shutil.rmtree(root)
    return figures


def preview_sizes(n: int) -> tuple[int, int]:
    """The live preview is measured at N/10 and N/2: 100 and 500 briefs at the default N."""
    return max(1, n // 10), max(2, n // 2)


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "mkdocs": version("mkdocs"),
            "mkdocs_material": version("mkdocs-material"), "commit": commit or None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N") or 1000),
                        help="smaller size; the bench also runs 2N (default 1000, or $BENCH_N)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the generator and its floor (best is kept)")
    parser.add_argument("--build-repeat", type=int, default=5,
                        help="runs of each mkdocs build, taken in turns (5: a shared machine is noisy)")
    parser.add_argument("--out", type=Path, default=REPO / ".bench" / "results.json", help="JSON results file")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/performance.md")
    parser.add_argument("--workdir", type=Path, default=None, help="where to build (default: a temp folder)")
    parser.add_argument("--preview-only", action="store_true",
                        help="measure the live preview again, into the results of the last full run (--out) "
                        "and its page: for a change only `mkdocs serve` sees")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    if args.preview_only:
        return _preview_only(args)

    with tempfile.TemporaryDirectory(prefix="bench-", dir=args.workdir) as tmp:
        # The commit is read when the code is copied: a commit made while the
        # bench runs (it takes a while) is not what it measured.
        where = machine()
        base = synth.snapshot(REPO, Path(tmp) / "base")
        runs = [measure_size(base, n, Path(tmp), args.repeat, args.build_repeat) for n in (args.n, 2 * args.n)]
        worst = measure_worst(base, Path(tmp), args.repeat)
        previews = [measure_preview(base, Path(tmp), n) for n in preview_sizes(args.n)]
    results = report.summarise(runs, where, {"repeat": args.repeat, "build_repeat": args.build_repeat}, worst,
                               previews)
    print(report.table(results))
    return _write(results, args)


def _preview_only(args: argparse.Namespace) -> int:
    if not args.out.is_file():
        raise SystemExit(f"bench: --preview-only needs the results of a full run in {args.out}")
    results = json.loads(args.out.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-", dir=args.workdir) as tmp:
        commit = machine()["commit"]
        base = synth.snapshot(REPO, Path(tmp) / "base")
        previews = [measure_preview(base, Path(tmp), n) for n in preview_sizes(results["sizes"][0])]
    print(report.preview_line(previews))
    return _write(report.with_previews(results, previews, commit), args)


def _write(results: dict, args: argparse.Namespace) -> int:
    """The results as JSON, and docs/performance.md unless --no-docs."""
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if not args.no_docs:
        (REPO / "docs" / "performance.md").write_text(report.page(results), encoding="utf-8")
        print("bench: wrote docs/performance.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
