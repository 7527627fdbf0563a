"""`make bench` (tests/bench/): a smoke run at a tiny size, and the fixes it led to.

The benchmark itself is not a test: its figures depend on the machine.  This
checks that one run produces every figure it reports, and pins what the
figures cannot vary with: one search downloads about the same at N and 2N,
and a brief page is the same at N and 2N.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENV, REPO
from site_browser import CHROMIUM

BENCH = REPO / "tests" / "bench" / "bench.py"


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "results.json"
    docs_before = (REPO / "docs" / "performance.md").read_bytes() if (REPO / "docs" / "performance.md").exists() else None
    run = subprocess.run([sys.executable, str(BENCH), "--n", "5", "--repeat", "1", "--build-repeat", "1", "--no-docs", "--out", str(out),
                          "--workdir", str(tmp)], env=ENV, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    after = (REPO / "docs" / "performance.md").read_bytes() if (REPO / "docs" / "performance.md").exists() else None
    assert after == docs_before, "--no-docs must leave docs/performance.md alone"
    assert "Bytes one search downloads" in run.stdout  # the table
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_figure_is_reported(results):
    assert results["sizes"] == [5, 10]
    assert {"cpu", "cores", "python"} <= set(results["machine"])
    for run in results["runs"]:
        for part in ("generator", "parse_floor", "build", "build_floor"):
            assert run[part]["cpu_s"] > 0 and run[part]["wall_s"] > 0 and run[part]["peak_rss_mib"] > 0
        assert run["generator"]["briefs"] == run["n"]
        assert run["generator"]["briefs_per_s"] > 0 and run["parse_floor"]["briefs_per_s"] > 0
        assert run["generator_ratio"] > 0 and run["build_ratio"] > 0
        assert len(run["build"]["hook_cpu_s_every_run"]) == len(run["build"]["cpu_s_every_run"])
        assert 0 < run["build"]["hook_cpu_s_every_run"][0] < run["build"]["cpu_s_every_run"][0]
        assert run["brief_page"]["html_bytes"] > 0
        assert run["search_index"]["bytes_per_brief"] > 0 and run["search_index"]["by_page"]
        search = run["one_search"]
        # Without Chromium the bench says so and leaves the search unmeasured;
        # the browser tests' own rule (site_browser.py) says whether that fails.
        if search["bytes"] is None:
            assert not CHROMIUM.exists() and search["requests"] == 0
        else:
            assert search["query"] and search["requests"] > 0
    assert set(results["scaling"]) == {"generator", "build", "build_floor"}
    assert [t["target"] for t in results["targets"]] == [
        "generator_ratio", "build_ratio", "scaling", "page_growth", "search_download", "worst_ratio",
        "clean_build", "rebuild_ratio", "preview_small", "preview_large"]
    for run in results["runs"]:
        assert 0 < run["rebuild"]["cpu_s"] and 0 < run["rebuild_ratio"]
    assert [p["n"] for p in results["previews"]] == [1, 2]
    for p in results["previews"]:
        assert len(p["save_to_page_s"]) == 3 and all(s > 0 for s in p["save_to_page_s"]) and p["first_build_s"] > 0
    worst = results["worst"]
    for kind in ("normal", "worst"):
        assert worst[kind]["check"]["cpu_s"] > 0 and worst[kind]["build"]["cpu_s"] > 0
    assert worst["worst"]["bytes"] > 5 * worst["normal"]["bytes"]  # its cites are capped, not its size
    assert worst["check_ratio"] > 0 and worst["build_ratio"] > 0
    assert all(isinstance(t["met"], bool) for t in results["targets"])


def test_a_brief_page_does_not_grow_with_the_number_of_briefs(results):
    small, large = results["runs"]
    assert small["brief_page"] == large["brief_page"]


def test_one_search_downloads_about_the_same_at_n_and_2n(results):
    small, large = (run["one_search"]["bytes"] for run in results["runs"])
    if small is None:
        pytest.skip("no Chromium: the bench does not measure a search")
    # Pagefind's code and the fragments shown are the same; only the index
    # chunks for the word grow, by a few bytes a page.
    assert small < 400_000 and large < 1.5 * small


def _bench_module(name: str):
    """A module of tests/bench/, which is scripts rather than a package."""
    sys.path.insert(0, str(BENCH.parent))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH.parent))


def test_performance_page_is_written_from_results(results):
    page = _bench_module("report").page(results)
    assert page.startswith("---\ntitle: Performance\n---\n")
    assert "N=5" in page and "N=10" in page and results["machine"]["cpu"] in page
    assert "/tmp" not in page and str(Path.home()) not in page


def test_builds_alternate_which_runs_first_in_each_pair(tmp_path, monkeypatch):
    """A machine that speeds up or slows down over minutes would otherwise
    lean every pair the same way; the pairs still line up by index."""
    bench = _bench_module("bench")
    order, cpu = [], iter(range(1, 100))

    def fake_run(args, cwd, env=None):
        site = args[args.index("--site-dir") + 1]
        order.append(site)
        if site == "site-hook":
            (cwd / "hook-time.json").write_text('{"hook_cpu_s": 0.5}', encoding="utf-8")
        return {"cpu_s": float(next(cpu)), "stdout": ""}

    monkeypatch.setattr(bench.measure, "run", fake_run)
    hook, floor = bench._builds(tmp_path, 4)
    assert order == ["site-hook", "site-floor", "site-floor", "site-hook"] * 2
    assert hook["cpu_s_every_run"] == [1, 4, 5, 8] and floor["cpu_s_every_run"] == [2, 3, 6, 7]
    assert hook["hook_cpu_s_every_run"] == [0.5] * 4


def test_the_worst_brief_is_valid_and_at_every_cap(tmp_path):
    """The brief `make bench` times as the worst case: every list at its cap,
    the framing's too, the most cites a brief may hold, some item at the most
    cites an item may hold, and no two paragraphs in a row in any item (so no
    cite is shown as part of a range).  Counts only: how long it takes is the
    bench's to say, not a test's."""
    from generator.corpus import read_corpus
    from generator.fields import MAX_BRIEF_CITES, MAX_CITES, MAX_ITEMS
    from generator.load import MAX_BYTES
    from generator.marks import CITES, find
    from generator.render.common import runs

    synth = _bench_module("synth")
    base = synth.snapshot(REPO, tmp_path / "base")
    synth.worst(base, tmp_path / "worst")
    (record,) = read_corpus(tmp_path / "worst").records
    size = (tmp_path / "worst" / "briefs" / "worst.yaml").stat().st_size
    brief = record.brief
    lists = [getattr(owner, name) for owner in (brief, brief.framing) for name in type(owner).model_fields
             if name != "tags" and isinstance(getattr(owner, name), list)]  # tags: as many as the registry has
    cites = [f.value for f in find(brief) if f.marker is CITES]
    assert len(lists) == 12 and {len(items) for items in lists} == {MAX_ITEMS}
    assert sum(map(len, cites)) == MAX_BRIEF_CITES and max(map(len, cites)) == MAX_CITES
    assert all(len(run) == 1 for numbers in cites for run in runs(numbers))
    assert size <= MAX_BYTES
