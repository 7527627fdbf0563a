"""The case lists in tests/hostile/: reading them, and rewriting their `expected` lines.

A case list is a YAML list of cases. Each case is an edit of a file of the
fixture project (see tests/hostile/README.md):

    - name: alias                      # the file is briefs/alias.yaml
      place: brief                     # optional; brief, name, entities, topics, tags or generated
      edits:
        - {replace: 'author: null', with: 'author: *someone'}
      expected: |
        briefs/alias.yaml:7:11: aliases (`*someone`) are not allowed (hint: write the value out in full)
        Error: 1 problem in the briefs

Every `replace` text must occur exactly once in the text being edited, so
that a change to the fixture cannot make a case silently test something else.
`text:` instead of `edits:` gives the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from conftest import FIXTURE

HOSTILE = Path(__file__).parent / "hostile"
VALID = HOSTILE / "valid.yaml"
# What each place's case edits (None: nothing, the test makes the case), and
# where the result goes in the project, given the case's name.
BASES = {
    "brief": FIXTURE / "briefs" / "fixture-brief.yaml",
    "name": FIXTURE / "briefs" / "fixture-brief.yaml",
    "entities": FIXTURE / "briefs" / "registry" / "entities.yaml",
    "topics": FIXTURE / "briefs" / "registry" / "topics.yaml",
    "tags": FIXTURE / "briefs" / "registry" / "tags.yaml",
    "generated": None,
}
KEYS = {"name", "place", "edits", "text", "expected"}
_EXPECTED = re.compile(r"  expected:")


class CaseError(Exception):
    """A case list that cannot be read as written, or an edit that does not apply."""


@dataclass(frozen=True)
class Edit:
    replace: str
    with_: str


@dataclass(frozen=True)
class Case:
    source: Path  # the case list it is written in
    name: str
    place: str
    edits: tuple[Edit, ...]
    text: str | None
    expected: str | None

    @property
    def id(self) -> str:
        return f"{self.place}/{self.name}"

    @property
    def target(self) -> str:
        """Where the case's file goes in the project."""
        if self.place == "brief":
            return f"briefs/{self.name}.yaml"
        if self.place == "name":
            return f"briefs/{self.name}"
        return f"briefs/registry/{self.place}.yaml"

    def content(self) -> str:
        """The fixture file with the case's edits made (or the case's whole text)."""
        if self.text is not None:
            return self.text
        text = BASES[self.place].read_text(encoding="utf-8")
        for edit in self.edits:
            found = text.count(edit.replace)
            if found != 1:
                raise CaseError(f"{self.source.name}: case `{self.name}`: the text to replace occurs {found} times"
                                f" in {BASES[self.place].name}, not once: {edit.replace!r}")
            text = text.replace(edit.replace, edit.with_)
        return text


class _Loader(yaml.SafeLoader):
    """yaml.safe_load, but a key given twice is an error, not the last value."""

    def construct_mapping(self, node, deep=False):
        keys = [key.value for key, _ in node.value]
        if len(keys) != len(set(keys)):
            raise CaseError(f"line {node.start_mark.line + 1}: a key is given twice")
        return super().construct_mapping(node, deep)


def _case(source: Path, item: object) -> Case:
    where = f"{source.name}: case {item.get('name') if isinstance(item, dict) else item!r}"
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or set(item) - KEYS:
        raise CaseError(f"{where}: a case is a mapping with `name` and some of {sorted(KEYS - {'name'})}")
    place = item.get("place", "brief")
    if place not in BASES:
        raise CaseError(f"{where}: `place` must be one of {sorted(BASES)}")
    edits = item.get("edits", [])
    if not isinstance(edits, list) or any(not isinstance(e, dict) or set(e) != {"replace", "with"} for e in edits):
        raise CaseError(f"{where}: `edits` must be a list of {{replace: ..., with: ...}}")
    if ("edits" in item and "text" in item) or (BASES[place] is None and ("edits" in item or "text" in item)):
        raise CaseError(f"{where}: give `edits` or `text` (or neither), but generated cases neither")
    return Case(source, item["name"], place, tuple(Edit(e["replace"], e["with"]) for e in edits),
                item.get("text"), item.get("expected"))


def load_cases(source: Path) -> list[Case]:
    items = yaml.load(source.read_text(encoding="utf-8"), _Loader)
    if not isinstance(items, list):
        raise CaseError(f"{source.name}: a case list is a YAML list of cases")
    cases = [_case(source, item) for item in items]
    ids = [case.id for case in cases]
    if len(set(ids)) != len(ids):
        raise CaseError(f"{source.name}: two cases have the same place and name")
    return cases


def hostile_cases() -> dict[str, Case]:
    """Every case that must fail, by id, from every case list but valid.yaml."""
    out: dict[str, Case] = {}
    for source in sorted(HOSTILE.glob("*.yaml")):
        if source != VALID:
            for case in load_cases(source):
                if case.id in out:
                    raise CaseError(f"{source.name}: case `{case.name}` is also in {out[case.id].source.name}")
                out[case.id] = case
    return out


def _expected_block(text: str) -> str:
    if not text:
        return '  expected: ""\n'
    return "  expected: |\n" + "".join(f"    {line}\n" for line in text.splitlines())


def rewrite_expected(source: Path, outputs: dict[str, str]) -> None:
    """Set the `expected:` lines of the cases in ``source`` whose ids are in
    ``outputs``, leaving every other line of the file as it is."""
    lines = [line + "\n" for line in source.read_text(encoding="utf-8").splitlines()]
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    out = lines[:starts[0]] if starts else lines
    for start, end in zip(starts, starts[1:] + [len(lines)], strict=True):
        item = lines[start:end]
        case = _case(source, yaml.load("".join(item), _Loader)[0])
        if case.id not in outputs:
            out += item
            continue
        body = len(item)
        while item[body - 1].strip() == "" or item[body - 1].startswith("#"):  # what follows the case
            body -= 1
        kept, skipping = [], False
        for line in item[:body]:
            skipping = bool(_EXPECTED.match(line)) or (skipping and line.startswith("    "))
            if not skipping:
                kept.append(line)
        out += kept + [_expected_block(outputs[case.id])] + item[body:]
    source.write_text("".join(out), encoding="utf-8")
    written = {case.id: case.expected for case in load_cases(source) if case.id in outputs}
    if written != outputs:
        raise CaseError(f"{source.name}: some case's output cannot be written as a YAML block: {outputs}")
