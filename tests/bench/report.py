"""The benchmark's figures: targets checked, a table for the terminal, and
docs/performance.md.  Pure functions of the results dict, which is also what
the bench writes as JSON."""

from __future__ import annotations

import statistics
from datetime import UTC, datetime

# (key, what it means, limit, how to read the figure).  Limits are from issue 8.
TARGETS = [
    ("generator_ratio", "Generator time within 3× of parsing the same YAML with libyaml", 3.0, "×"),
    ("build_ratio", "`mkdocs build` with the hook within 1.15× of building pre-rendered pages "
     "(median of paired runs; issue 13)", 1.15, "×"),
    ("scaling", "Build time at 2N over build time at N", 2.1, "×"),
    ("page_growth", "Growth of one brief page's HTML from N to 2N", 0, " bytes"),
    ("search_download", "Bytes one search downloads at N (issue 16: 400 KB at 1,000 briefs; "
     "Chromium, a word of every brief)", 400_000, " bytes"),
    ("worst_ratio", "The worst brief the limits allow, checked and built, within 5× of one real brief "
     "(the slower of the two steps)", 5.0, "×"),
    # Issue 17: a clean build at most 0.30× of the 50 CPU s it took when the issue was filed.
    ("clean_build", "Clean `mkdocs build` at N, CPU seconds per 1,000 briefs (issue 17: about 15)", 15.0, " s"),
    ("rebuild_ratio", "A rebuild with nothing changed, over a clean build (issue 17)", 0.25, "×"),
    ("preview_small", "Live preview at N/10 briefs, from saving a brief to its new page served (issue 17)",
     1.5, " s"),
    ("preview_large", "Live preview at N/2 briefs, the same (issue 17)", 3.0, " s"),
]


def summarise(runs: list[dict], machine: dict, settings: dict, worst: dict, previews: list[dict]) -> dict:
    small, large = runs[0], runs[-1]
    scaling = {k: large[k]["cpu_s"] / small[k]["cpu_s"] for k in ("generator", "build", "build_floor")}
    figures = {
        "generator_ratio": max(r["generator_ratio"] for r in runs),
        # Judged on the paired median, not on best / best: on a shared machine
        # one lucky run of either build moved best / best by more than 10%.
        "build_ratio": max(paired_ratio(r) for r in runs),
        "scaling": scaling["build"],
        "page_growth": large["brief_page"]["html_bytes"] - small["brief_page"]["html_bytes"],
        # None when the bench ran without Chromium: not measured, so not met.
        "search_download": small["one_search"]["bytes"],
        "worst_ratio": max(worst["check_ratio"], worst["build_ratio"]),
        "clean_build": small["build"]["cpu_s"] / small["n"] * 1000,
        "rebuild_ratio": max(r["rebuild_ratio"] for r in runs),
        "preview_small": previews[0]["median_s"],
        "preview_large": previews[-1]["median_s"],
    }
    targets = [{"target": key, "description": text, "value": figures[key], "limit": limit,
                "met": figures[key] is not None and figures[key] <= limit} for key, text, limit, _unit in TARGETS]
    return {"date": datetime.now(UTC).strftime("%Y-%m-%d"), "machine": machine, "settings": settings,
            "sizes": [r["n"] for r in runs], "runs": runs, "scaling": scaling, "worst": worst, "previews": previews,
            "targets": targets}


def with_previews(results: dict, previews: list[dict], commit: str | None) -> dict:
    """The results of a full run with the live preview measured again (`bench.py
    --preview-only`, after a change that only `serve` sees), saying at which commit."""
    out = {**results, "previews": previews,
           "preview_run": {"date": datetime.now(UTC).strftime("%Y-%m-%d"), "commit": commit}}
    figures = {"preview_small": previews[0]["median_s"], "preview_large": previews[-1]["median_s"]}
    out["targets"] = [{**t, "value": figures[t["target"]], "met": figures[t["target"]] <= t["limit"]}
                      if t["target"] in figures else t for t in results["targets"]]
    return out


def _rows(results: dict) -> list[tuple[str, list[str]]]:
    runs = results["runs"]

    def each(fmt) -> list[str]:
        return [fmt(r) for r in runs]

    return [
        ("Generator, briefs per second", each(lambda r: f"{r['generator']['briefs_per_s']:,.0f}")),
        ("Parse floor, briefs per second", each(lambda r: f"{r['parse_floor']['briefs_per_s']:,.0f}")),
        ("Generator / parse floor", each(lambda r: f"{r['generator_ratio']:.2f}×")),
        ("Build with hook, CPU seconds", each(lambda r: f"{r['build']['cpu_s']:.1f}")),
        ("Build of pre-rendered pages, CPU seconds", each(lambda r: f"{r['build_floor']['cpu_s']:.1f}")),
        ("Best build with hook / best pre-rendered", each(lambda r: f"{r['build_ratio']:.3f}×")),
        ("Paired runs (one with the hook and one pre-rendered, back to back), median ratio",
         each(lambda r: f"{paired_ratio(r):.3f}×")),
        ("Hook's own CPU time, measured inside the build, ms per brief",
         each(lambda r: f"{statistics.median(r['build']['hook_cpu_s_every_run']) / r['n'] * 1000:.1f}")),
        ("Build with hook / the same run less the hook's own time, median", each(lambda r: f"{inside_ratio(r):.3f}×")),
        ("Hook's extra CPU time per brief (best runs), ms",
         each(lambda r: f"{(r['build']['cpu_s'] - r['build_floor']['cpu_s']) / r['n'] * 1000:.1f}")),
        ("read_corpus + site outputs alone, ms per brief", each(lambda r: f"{r['generator']['cpu_s'] / r['n'] * 1000:.1f}")),
        ("Every run, with hook / pre-rendered, CPU s", each(lambda r: " / ".join(
            ", ".join(f"{t:.1f}" for t in _every_run(r, k)) for k in ("build", "build_floor")))),
        ("Build with hook, wall seconds", each(lambda r: f"{r['build']['wall_s']:.1f}")),
        ("Rebuild with nothing changed (caches kept), CPU seconds", each(lambda r: f"{r['rebuild']['cpu_s']:.1f}")),
        ("Rebuild / clean build with hook", each(lambda r: f"{r['rebuild_ratio']:.3f}×")),
        ("One brief page's HTML, bytes", each(lambda r: f"{r['brief_page']['html_bytes']:,}")),
        ("Search index (Pagefind's bundle: index, fragments, code), total MiB",
         each(lambda r: f"{r['search_index']['bytes'] / 2**20:,.1f}")),
        ("Search index, bytes per brief", each(lambda r: f"{r['search_index']['bytes_per_brief']:,.0f}")),
        (f"One search for \"{runs[0]['one_search']['query']}\", bytes downloaded (requests)",
         each(lambda r: "not measured" if r["one_search"]["bytes"] is None
              else f"{r['one_search']['bytes']:,} ({r['one_search']['requests']})")),
        ("Whole site, MiB", each(lambda r: f"{r['site_bytes'] / 2**20:,.1f}")),
        ("Peak memory, generator, MiB", each(lambda r: f"{r['generator']['peak_rss_mib']:,.0f}")),
        ("Peak memory, build with hook, MiB", each(lambda r: f"{r['build']['peak_rss_mib']:,.0f}")),
        ("Peak memory, pre-rendered build, MiB", each(lambda r: f"{r['build_floor']['peak_rss_mib']:,.0f}")),
    ]


def paired_ratio(run: dict) -> float:
    """The median of hook/pre-rendered over the runs taken in turns: each pair
    ran back to back (in alternating order), so a busy spell on the machine
    weighs on both alike, and one lucky run of either build cannot move the
    median far."""
    pairs = [h / f for h, f in zip(_every_run(run, "build"), _every_run(run, "build_floor"), strict=True)]
    return statistics.median(pairs)


def inside_ratio(run: dict) -> float:
    """The hook's share measured within each run (tests/bench/timed_build.py):
    the build's CPU time over the same time less what the hook's events took.
    Free of the drift between runs; blind to costs the hook causes outside
    its events (more for the garbage collector to walk, a larger heap)."""
    return statistics.median(
        t / (t - hook) for t, hook in zip(_every_run(run, "build"), run["build"]["hook_cpu_s_every_run"], strict=True))


def _every_run(run: dict, part: str) -> list[float]:
    return run[part].get("cpu_s_every_run", [run[part]["cpu_s"]])


def _value(target: dict) -> str:
    unit = next(u for k, _t, _l, u in TARGETS if k == target["target"])
    if target["value"] is None:
        return "not measured (no Chromium)", f"≤ {target['limit']:,}{unit}"
    if unit == "×":
        return f"{target['value']:.3f}×", f"≤ {target['limit']:.2f}×"
    if unit == " s":
        return f"{target['value']:.2f} s", f"≤ {target['limit']:.2f} s"
    return f"{target['value']:+,.0f}{unit}" if target["target"] == "page_growth" \
        else f"{target['value']:,.0f}{unit}", f"≤ {target['limit']:,}{unit}"


def table(results: dict) -> str:
    head = [f"N={n}" for n in results["sizes"]]
    rows = _rows(results)
    width = max(len(label) for label, _ in rows) + 2
    col = max(len(v) for _, values in rows for v in values) + 3
    out = ["".join([" " * width] + [h.rjust(col) for h in head])]
    out += ["".join([label.ljust(width)] + [v.rjust(col) for v in values]) for label, values in rows]
    out.append("")
    for t in results["targets"]:
        value, limit = _value(t)
        out.append(f"{'met   ' if t['met'] else 'MISSED'}  {t['description']}: {value} ({limit})")
    out.append(worst_line(results["worst"]))
    out.append(preview_line(results["previews"]))
    s = results["scaling"]
    out.append(f"        scaling of the generator alone: {s['generator']:.3f}×, of the pre-rendered build: "
               f"{s['build_floor']:.3f}×")
    return "\n".join(out)


def worst_line(worst: dict) -> str:
    """The worst brief's figures, one sentence."""
    w, n = worst["worst"], worst["normal"]
    return (f"The worst brief the limits allow ({w['bytes']:,} bytes): `generator check` {w['check']['cpu_s']:.2f} "
            f"CPU s against {n['check']['cpu_s']:.2f} for one real brief ({worst['check_ratio']:.2f}×), "
            f"`mkdocs build` {w['build']['cpu_s']:.1f} against {n['build']['cpu_s']:.1f} ({worst['build_ratio']:.2f}×).")


def preview_line(previews: list[dict]) -> str:
    """The live preview's figures, one sentence."""
    parts = [f"at {p['n']:,} briefs {', '.join(f'{s:.2f}' for s in p['save_to_page_s'])} s "
             f"(first build {p['first_build_s']:.0f} s)" for p in previews]
    return "Live preview, seconds from saving a brief to its new page served: " + "; ".join(parts) + "."


def page(results: dict) -> str:
    m, sizes = results["machine"], results["sizes"]
    small, large = sizes[0], sizes[-1]
    out = [
        "---", "title: Performance", "---", "",
        "# Performance", "",
        "<!-- Written by `make bench` (tests/bench/bench.py): edit the script, not this page. -->", "",
        f"How the build copes with a large site, measured with {small:,} and {large:,} synthetic briefs "
        "made from the real ones (new ids, dates spread at three briefs a day, each with its own copy of "
        "its article). Run `make bench` to measure again; `make bench N=200` is a quick run.", "",
        f"Latest run: {results['date']}, on {m['cpu']} ({m['cores']} cores), Python {m['python']}, "
        f"MkDocs {m['mkdocs']}, Material {m['mkdocs_material']}"
        + (f", commit `{m['commit']}`" if m.get("commit") else "") + "."
        + (f" The live preview was measured again on {again['date']}"
           + (f", at commit `{again['commit']}`" if again.get("commit") else "") + "."
           if (again := results.get("preview_run")) else ""), "",
        "## Targets", "",
        "| Target | Measured | Limit | Met |", "|---|---|---|---|",
    ]
    for t in results["targets"]:
        value, limit = _value(t)
        out.append(f"| {t['description']} | {value} | {limit} | {'yes' if t['met'] else '**no**'} |")
    out += ["", "## Figures", "", "| | " + " | ".join(f"N={n:,}" for n in sizes) + " |",
            "|---|" + "---|" * len(sizes)]
    out += [f"| {label} | " + " | ".join(values) + " |" for label, values in _rows(results)]
    out += ["", "Search index by part, bytes per brief (the largest first):", "",
            "| Part | " + " | ".join(f"N={n:,}" for n in sizes) + " |", "|---|" + "---|" * len(sizes)]
    groups = list(results["runs"][-1]["search_index"]["by_page"])[:8]
    out += [f"| `{g}` | " + " | ".join(f"{r['search_index']['by_page'].get(g, 0) / r['n']:,.0f}" for r in results["runs"])
            + " |" for g in groups]
    s = results["scaling"]
    out += [
        "", worst_line(results["worst"]), "", preview_line(results["previews"]), "",
        f"Time at {large:,} briefs over time at {small:,}: the build with the hook {s['build']:.3f}×, "
        f"the pre-rendered build {s['build_floor']:.3f}×, the generator alone {s['generator']:.3f}×.", "",
        "## How it is measured", "",
        "- Times are CPU seconds (user and system) of a process that does only that step, the best of "
        f"{results['settings']['repeat']} runs for the generator and of {results['settings']['build_repeat']} "
        "for each build, so that other work on the machine disturbs them as little as possible.",
        "- **Generator**: `read_corpus` and `site.outputs`, which load, validate and check every brief "
        "against its article and render every page. Its **parse floor** is only reading the same YAML "
        "files with PyYAML's C loader (`yaml.load(..., Loader=yaml.CSafeLoader)`).",
        "- **Build with hook**: `mkdocs build --strict` as the site is built. **Pre-rendered**: the same "
        "pages written to disk first by `python -m generator render`, then built from a copy of the "
        "configuration without the hook: the least MkDocs itself needs.",
        "- **One brief page**: the HTML of the same synthetic brief at both sizes; it must not grow, "
        "which shows the navigation does not grow with the number of briefs.",
        "- **Search**: the index is Pagefind's bundle, all of which is written to the site but never "
        "downloaded whole. *One search* is measured in Chromium (`tests/bench/search_bytes.py`): a fresh "
        "browser opens the home page, types a word that every brief holds into the site's search box, "
        "and every byte received after the page had loaded is summed (code, WebAssembly, index chunks, "
        "the fragments of the results shown), uncompressed.",
        "- **Clean build and rebuild**: every build with the hook above starts without the caches in `build/` "
        "(rendered pages, generator/page_cache.py; the search index, generator/search.py). The *rebuild* is "
        "the same `mkdocs build --strict` run again with nothing changed, with the caches the clean build "
        "left: Python-Markdown and Pagefind run for no page, while the generator and the theme's templates "
        "run as always.",
        "- **Live preview** (`tests/bench/preview.py`): `mkdocs serve` as `make serve` runs it, on a free port; "
        "once the first build is served, brief 0's title is changed on disk and its page polled until it "
        "shows the new title. Wall seconds, each save on its own; the target is judged on the median. "
        "Between saves, serve keeps the briefs it read and the brief pages it made from them "
        "(generator/corpus.py), the rendered pages "
        "(generator/page_cache.py) and each page's output from the theme (generator/theme_cache.py), "
        "and writes the search index after the page is served (generator/live.py). "
        "`tests/bench/bench.py --preview-only` measures only this again, into the last full run's results.",
        "- **Peak memory**: the largest resident set of each process.",
        "- **The worst brief**: one brief with every list of a brief at its cap and the most cites a brief "
        "may hold, no item citing two paragraphs in a row, so that none is shown as a range (`synth.worst`), "
        "checked and built on its own, against one real brief on its own; each the best of the generator's runs.",
        "- The machine may be shared with other work: the *Every run* row shows how far runs of the same "
        "build lie apart, and a figure closer to its limit than that spread is not conclusive on its own. "
        "The *paired runs* row is the steadier figure for the hook's cost, and the one the target is "
        "judged on: the median of the ratios of builds run back to back, which of the two goes first "
        "alternating from pair to pair. *Best with hook / best pre-rendered* can be moved by one lucky "
        "run of either build. The build with the hook runs "
        "through `tests/bench/timed_build.py`, MkDocs' own command with the hook's event functions "
        "timed, so *the same run less the hook's own time* is a cross-check free of the drift between "
        "runs, though blind to what the hook costs outside its events.",
        "",
    ]
    return "\n".join(out)
