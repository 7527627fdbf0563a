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
from generator.validate import written  # noqa: E402

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
    """Plain values through the generator's own loader (text, and whole numbers
    where the file has them: validate.written), so that dumping them back cannot
    retype anything."""
    problems = Problems()
    doc = load(path, path.name, problems)
    if doc is None:
        raise SystemExit(f"bench: cannot read {path.name}: {problems.lines()[0]}")
    return written(doc)


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
    """Write a project holding one brief at every cap the schema sets, made
    from the snapshot at ``base``; return its id.

    Every list holds MAX_ITEMS items, the framing's too, and the brief holds
    MAX_BRIEF_CITES cites in all: the first item of each cited list cites
    MAX_CITES paragraphs, the others share the rest evenly.  No item cites two
    paragraphs in a row, so no cite becomes a range ("¶4–¶7") and each is a
    link of its own; items go on through the article, so the evidence list
    holds as many paragraphs as the seed, at the size cap, can.  Each
    paragraph is longer than a link's preview, so every preview is full."""
    from generator.fields import MAX_BRIEF_CITES, MAX_CITES, MAX_ITEMS
    from generator.load import MAX_BYTES
    from generator.render.links import PREVIEW_CHARS

    _copy_site(base, dest)
    _repoint_registries(dest, {})  # no real brief here for the registries to cite
    registry = base / "briefs" / "registry"
    people = [e["id"] for e in _load(registry / "entities.yaml")["entities"]]
    topics = _load(registry / "topics.yaml")["topics"]
    condition = next(t["id"] for t in topics if t["kind"] == "condition")
    question = next(t["id"] for t in topics if t["kind"] == "question")
    tags = [t["id"] for t in _load(registry / "tags.yaml")["tags"]][:MAX_ITEMS]

    def paragraph(n: int) -> str:
        text = f"Paragraph {n}: officials said the plan was under review"
        return text + " and that talks would go on" * ((PREVIEW_CHARS - len(text)) // 27 + 2) + "."

    count = min(MAX_BRIEF_CITES, MAX_BYTES // (len(paragraph(MAX_BRIEF_CITES)) + 1))
    count -= 1 - count % 2  # odd: a stride of two then goes through every paragraph
    (dest / "seeds" / "worst.txt").write_text("\n".join(map(paragraph, range(1, count + 1))) + "\n", encoding="utf-8")
    day = {"date": "2025-11-01", "precision": "day"}
    makers = {
        "key_points": lambda i: {"text": f"Point {i}.", "cite": []},
        "quotes": lambda i: {"text": "under review", "speaker": people[i % len(people)], "cite": []},
        "events": lambda i: {"when": day, "text": f"Event {i}.", "actors": people[:10], "cite": []},
        "positions": lambda i: {"actor": people[i % len(people)], "topic": condition, "kind": "condition",
                                "stance": f"Stance {i}.", "attribution": "on-record", "cite": []},
        "claims": lambda i: {"topic": question, "answer": f"answer {i % 7}", "claim": f"Claim {i}.",
                             "attribution": "outlet", "cite": []},
        "mentions": lambda i: {"id": people[i % len(people)], "named_as": [f"Name {i}"], "cite": []},
        "assessments": lambda i: {"text": f"Likely {i}.", "likelihood": "likely", "confidence": "low",
                                  "basis": "The article.", "cite": []},
    }
    framing = ("loaded_wording", "headline_vs_body", "unsourced_claims", "incoherent_passages")
    lists = {name: [make(i) for i in range(MAX_ITEMS)] for name, make in makers.items()}
    lists["framing"] = {name: [{"note": f"Note {i}.", "cite": []} for i in range(MAX_ITEMS)] for name in framing}
    cited = [*(lists[name] for name in makers), *lists["framing"].values()]
    shares = [MAX_CITES] * len(cited)  # the first item of each list
    rest = MAX_BRIEF_CITES - sum(shares)
    others = len(cited) * (MAX_ITEMS - 1)
    shares += [rest // others + (k < rest % others) for k in range(others)]
    n = 1
    for k, share in enumerate(shares):  # list by list for the first items, then item by item
        item = cited[k % len(cited)][k // len(cited)]
        for _ in range(share):
            item["cite"].append(n)
            n = (n + 1) % count + 1  # two on, round the article
    brief: dict = {
        "title": "The worst brief the limits allow",
        "source": {"seed": "worst.txt", "headline": None, "outlet": None, "author": None, "published": day,
                   "url": None, "scope": {"first": 1, "last": count}},
        "summary": "It is as large as the limits allow. It measures the worst case.",
        **{name: lists[name] for name in ("key_points", "quotes", "events", "positions", "claims", "mentions")},
        "framing": {"tone": "neutral", "sourcing": "mixed", **lists["framing"]},
        "assessments": lists["assessments"],
        "open_questions": [f"Question {i}?" for i in range(MAX_ITEMS)],
        "tags": tags,
    }
    text = HEADER + yaml.dump(brief, Dumper=_Plain, sort_keys=False, width=100, default_flow_style=None)
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SystemExit("bench: the worst brief is over MAX_BYTES; it can no longer hold every list at its cap")
    (dest / "briefs" / "worst.yaml").write_text(text, encoding="utf-8")
    return "worst"
