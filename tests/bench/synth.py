"""A synthetic project of N briefs, made from the real ones, for the benchmark.

Brief i is a copy of real brief ``i % len(real)`` with a new id, a numbered
title, its own copy of its article (so N briefs cite N seeds, as a real site
would) and every dated field moved ``i // PER_DAY`` days on, so the corpus
spans months the way a site that grows by a few briefs a day does.  Each
round of copies shares event keys among itself as the real briefs do, so a
happening has a few sources, not N/5.  Brief 0
is the same at every N, which is what lets the bench compare one brief page
across sizes.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from generator.errors import Problems  # noqa: E402
from generator.load import load  # noqa: E402

#: Briefs per day of article dates: "a few a day".
PER_DAY = 3
#: Top-level files and folders of the repository that a build never reads.
SKIP = {".git", ".github", ".ci", ".venv", ".bench", ".pytest_cache", ".hypothesis", "site", "site.new",
        "site.old", "build", "tests", "test-artifacts", "node_modules"}
HEADER = "# yaml-language-server: $schema=schema/brief.schema.json\n"


def snapshot(repo: Path, dest: Path) -> Path:
    """A frozen copy of the project (briefs, seeds, config, docs, generator) to
    synthesise every size from, so that edits made to the working tree while
    the bench runs cannot make N and 2N measure different code.  A clone with
    no briefs yet gets the test fixture's, which have the same shape."""
    def ignore(folder: str, names: list[str]) -> set[str]:
        top = SKIP if Path(folder) == repo else set()
        return {n for n in names if n in top or n == "__pycache__"}

    shutil.copytree(repo, dest, ignore=ignore, symlinks=True)
    if not list((dest / "briefs").glob("*.yaml")):
        fixture = repo / "tests" / "fixtures" / "project"
        shutil.rmtree(dest / "briefs" / "registry", ignore_errors=True)
        shutil.copytree(fixture / "briefs", dest / "briefs", dirs_exist_ok=True)
        shutil.copytree(fixture / "seeds", dest / "seeds", dirs_exist_ok=True)
    return dest


def _load(path: Path):
    """Plain values through the generator's own loader (every scalar a string),
    so that dumping them back cannot retype anything."""
    problems = Problems()
    doc = load(path, path.name, problems)
    if doc is None:
        raise SystemExit(f"bench: cannot read {path.name}: {problems.lines()[0]}")
    return doc.data


def _shift(when: dict, days: int) -> None:
    """Move a {date, precision} mapping on by ``days``, keeping its precision."""
    value, precision = when.get("date"), when.get("precision")
    if not isinstance(value, str) or precision not in ("day", "month", "year"):
        return
    parts = [int(p) for p in value.split("-")] + [1, 1]
    moved = date(parts[0], parts[1], parts[2]) + timedelta(days=days)
    when["date"] = {"day": moved.isoformat(), "month": moved.isoformat()[:7], "year": str(moved.year)}[precision]


def _walk_dates(node, days: int) -> None:
    if isinstance(node, dict):
        if "date" in node and "precision" in node:
            _shift(node, days)
        for value in node.values():
            _walk_dates(value, days)
    elif isinstance(node, list):
        for item in node:
            _walk_dates(item, days)


def _copy_site(base: Path, dest: Path) -> None:
    """Everything a build reads (config, docs, generator, registries, schemas); no briefs or seeds."""
    def ignore(folder: str, names: list[str]) -> set[str]:
        here = Path(folder)
        if here == base:
            return {"seeds"}
        if here == base / "briefs":
            return {n for n in names if n.endswith((".yaml", ".yml"))}
        return set()

    shutil.copytree(base, dest, ignore=ignore, symlinks=True)
    (dest / "seeds").mkdir()


def synthesise(base: Path, dest: Path, n: int) -> list[str]:
    """Write a project with ``n`` synthetic briefs at ``dest``, made from the
    snapshot at ``base``; return their ids in order."""
    _copy_site(base, dest)
    templates = [(p.stem, _load(p)) for p in sorted((base / "briefs").glob("*.yaml"))]
    ids = []
    for i in range(n):
        stem, data = templates[i % len(templates)]
        brief_id = f"{stem[:70]}-{i:05d}"
        brief = _deep_copy(data)
        brief["title"] = f"{brief['title']} (synthetic {i})"
        seed = brief["source"]["seed"]
        copy = f"{Path(seed).stem[:80]}-{i:05d}.txt"
        shutil.copyfile(base / "seeds" / seed, dest / "seeds" / copy)
        brief["source"]["seed"] = copy
        _walk_dates(brief, i // PER_DAY)
        for event in brief.get("events") or []:
            # Events the real briefs share (one happening, several sources) stay
            # shared within each round of copies, not across all N.
            if event.get("key"):
                event["key"] = f"{event['key'][:70]}-{i // len(templates):05d}"
        text = yaml.safe_dump(brief, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
        (dest / "briefs" / f"{brief_id}.yaml").write_text(HEADER + text, encoding="utf-8")
        ids.append(brief_id)
    _repoint_registries(dest, {stem: f"{stem[:70]}-{k:05d}" for k, (stem, _) in enumerate(templates) if k < n})
    return ids


def _repoint_registries(dest: Path, first_copy: dict[str, str]) -> None:
    """The registries cite real briefs by id (entity descriptions, the status block):
    point them at the first synthetic copy of each, and drop what has no copy."""
    registry = dest / "briefs" / "registry"

    def repoint(cites: list) -> list:
        return [{**c, "brief": first_copy[c["brief"]]} for c in cites if c.get("brief") in first_copy]

    entities = registry / "entities.yaml"
    data = _load(entities)
    for e in data["entities"]:
        if "described_in" in e:
            e["described_in"] = repoint(e["described_in"])
    _dump(entities, data, "# yaml-language-server: $schema=../schema/entities.schema.json\n")
    status = registry / "status.yaml"
    if status.is_file():
        data = _load(status)
        cited = [*data["rests_on"], *(data.get("judgement") or {}).get("rests_on", []),
                 *(f["source"] for f in data.get("key_figures", []))]
        if all(c["brief"] in first_copy for c in cited):
            data["rests_on"] = repoint(data["rests_on"])
            if data.get("judgement"):
                data["judgement"]["rests_on"] = repoint(data["judgement"]["rests_on"])
            for f in data.get("key_figures", []):
                f["source"] = repoint([f["source"]])[0]
            _dump(status, data, "# yaml-language-server: $schema=../schema/status.schema.json\n")
        else:
            status.unlink()


def _dump(path: Path, data, header: str) -> None:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    path.write_text(header + text, encoding="utf-8")


def _deep_copy(node):
    if isinstance(node, dict):
        return {k: _deep_copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_deep_copy(v) for v in node]
    return node


class _Plain(yaml.SafeDumper):
    """Writes every value out in full: the loader refuses anchors and aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def worst(base: Path, dest: Path) -> str:
    """Write a project holding one brief at every cap the schema sets (the
    most items in every list, the most cites on every item, the largest
    file), made from the snapshot at ``base``; return its id.

    Its article has MAX_CITES paragraphs, every item cites all of them, and
    every list holds MAX_ITEMS items (fewer only if the file would pass
    MAX_BYTES)."""
    from generator.fields import MAX_CITES, MAX_ITEMS
    from generator.load import MAX_BYTES

    _copy_site(base, dest)
    _repoint_registries(dest, {})  # no real brief here for the registries to cite
    registry = base / "briefs" / "registry"
    people = [e["id"] for e in _load(registry / "entities.yaml")["entities"]]
    topics = _load(registry / "topics.yaml")["topics"]
    condition = next(t["id"] for t in topics if t["kind"] == "condition")
    question = next(t["id"] for t in topics if t["kind"] == "question")
    tags = [t["id"] for t in _load(registry / "tags.yaml")["tags"]][:MAX_ITEMS]
    paragraphs = [f"Paragraph {n}: officials said the plan was under review on day {n}." for n in range(1, MAX_CITES + 1)]
    (dest / "seeds" / "worst.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    cite = list(range(1, MAX_CITES + 1))
    day = {"date": "2025-11-01", "precision": "day"}
    makers = {
        "key_points": lambda i: {"text": f"Point {i}.", "cite": cite},
        "quotes": lambda i: {"text": "under review", "speaker": people[i % len(people)], "cite": cite},
        "events": lambda i: {"when": day, "text": f"Event {i}.", "actors": people[:10], "cite": cite},
        "positions": lambda i: {"actor": people[i % len(people)], "topic": condition, "kind": "condition",
                                "stance": f"Stance {i}.", "attribution": "on-record", "cite": cite},
        "claims": lambda i: {"topic": question, "answer": f"answer {i % 7}", "claim": f"Claim {i}.",
                             "attribution": "outlet", "cite": cite},
        "mentions": lambda i: {"id": people[i % len(people)], "named_as": [f"Name {i}"], "cite": cite},
        "assessments": lambda i: {"text": f"Likely {i}.", "likelihood": "likely", "confidence": "low",
                                  "basis": "The article.", "cite": cite},
        "open_questions": lambda i: f"Question {i}?",
    }
    brief: dict = {
        "title": "The worst brief the limits allow",
        "source": {"seed": "worst.txt", "headline": None, "outlet": None, "author": None, "published": day,
                   "url": None, "scope": {"first": 1, "last": MAX_CITES}},
        "summary": "It is as large as the limits allow. It measures the worst case.",
        "framing": {"tone": "neutral", "sourcing": "mixed"},
        "tags": tags,
    }
    count = MAX_ITEMS
    while True:  # every list at the cap, or as long as the size cap lets them be
        lists = {name: [make(i) for i in range(count)] for name, make in makers.items()}
        text = HEADER + yaml.dump({**brief, **lists}, Dumper=_Plain, sort_keys=False, width=100,
                                  default_flow_style=None)
        size = len(text.encode("utf-8"))
        if size <= MAX_BYTES:
            break
        count = min(count - 1, count * MAX_BYTES // size)
    (dest / "briefs" / "worst.yaml").write_text(text, encoding="utf-8")
    return "worst"
