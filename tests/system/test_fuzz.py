"""Property-based fuzzing: a mutated brief is either valid or a clean list of problems.

Hypothesis mutates the valid fixture brief and registries, in structure
(fields deleted, replaced by other values or types, added, lists emptied)
and as text (characters YAML cares about inserted, lines dropped or
repeated), and runs the result through the same reading the CLI and the
hook use, in-process for speed.  Whatever the input, `read_corpus` either
returns a corpus that renders, or raises BriefsInvalid whose problems all
point into a real file; any other exception is a bug.  A handful of
examples also go through `python -m generator check`.

Runs are derandomised, so `make test` is repeatable.  For a longer hunt:
`FUZZ_EXAMPLES=5000 pytest tests/system/test_fuzz.py`.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from conftest import FIXTURE, cli, make_project
from generator.corpus import read_corpus
from generator.errors import BriefsInvalid, Problems
from generator.load import parse
from generator.site import outputs, site_of
from generator.validate import written

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
# A longer hunt (FUZZ_EXAMPLES set) draws new examples each run.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

BRIEF = FIXTURE / "briefs" / "fixture-brief.yaml"
REGISTRIES = {name: FIXTURE / "briefs" / "registry" / f"{name}.yaml" for name in ("entities", "topics", "tags")}


def _data(path: Path):
    problems = Problems()
    doc = parse(path.read_text(encoding="utf-8"), path.name, problems)
    assert not problems
    return written(doc)  # numbers as numbers: dumped as text they would be quoted, and refused


def _header(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0] + "\n"


def _paths(node, here=()):
    """Every address in a plain YAML tree."""
    yield here
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, here + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, here + (i,))


# Text that means something to YAML, to the schema or to the renderer.
TRICKY = st.sampled_from([
    "", " ", "null", "~", "NO", "yes", "0", "-1", "1e9", "99999999999999999999", "2025-02-30", "0000-00-00",
    "2025-13-45", "day", "unknown", "inferred", "the-minister", "un-mandate", "decision-status", "fixture.txt",
    "../../etc/passwd", "<script>alert(1)</script>", "&amp;", "&#60;", "javascript:alert(1)", "\u202e", "\u200b",
    "\x00", "\x85", "\u2028", "\ufeff", "a\tb", "line\nbreak", "{{ x }}", "*x", "&x", "!!python/object:os.system",
    "[1, 2]", "{a: b}", "- item", "# comment", "'", '"', "\\", "%", "@", "`", "|", ">", "x" * 5000,
])
SCALAR = st.one_of(st.none(), TRICKY, st.text(max_size=40), st.integers(-3, 10**6).map(str))
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)),
    max_leaves=6,
)
KEY = st.one_of(TRICKY, st.text(min_size=1, max_size=12), st.sampled_from(
    ["title", "summary", "sumary", "cite", "text", "note", "date", "precision", "speaker", "id", "name", "kind"]))


@st.composite
def structural(draw, base):
    """``base`` with one to three random edits to its tree."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "delete", "add", "empty", "duplicate"]))
        if not path:
            if op == "replace":
                data = draw(VALUE)
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        target = parent[last]
        if op == "replace":
            parent[last] = draw(VALUE)
        elif op == "delete":
            del parent[last]
        elif op == "add" and isinstance(target, dict):
            target[draw(KEY)] = draw(VALUE)
        elif op == "add" and isinstance(target, list):
            target.append(draw(VALUE))
        elif op == "empty" and isinstance(target, (dict, list)):
            target.clear()
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(target))
    return data


@st.composite
def textual(draw, text: str):
    """``text`` with one to four edits to its characters or lines."""
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "line-drop", "line-repeat", "line-indent"]))
        if op == "insert":
            at = draw(st.integers(0, len(text)))
            piece = draw(st.one_of(st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\t\n \\")), TRICKY, st.text(max_size=5)))
            text = text[:at] + piece + text[at:]
        elif op == "delete" and text:
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            if op == "line-drop":
                del lines[i]
            elif op == "line-repeat":
                lines.insert(i, lines[i])
            else:
                lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
            text = "\n".join(lines)
    return text


def _dump(header: str, data) -> str:
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("fuzz") / "project")


def _reset(root: Path) -> None:
    shutil.copy(BRIEF, root / "briefs" / "fixture-brief.yaml")
    for name, path in REGISTRIES.items():
        shutil.copy(path, root / "briefs" / "registry" / f"{name}.yaml")


def _read(root: Path) -> None:
    """The property: a corpus that renders, or problems that point into real files."""
    try:
        corpus = read_corpus(root)
    except BriefsInvalid as e:
        problems = list(e.problems)
        assert problems
        event("invalid")  # see the share with --hypothesis-show-statistics
        for p in problems:
            assert (root / p.path).exists() or (root / p.path).is_symlink(), p
            assert p.message and p.line >= 0 and p.col >= 0, p
            if p.line:
                # Lines as YAML counts them (NEL and the Unicode separators break lines too).
                text = (root / p.path).read_bytes().decode("utf-8", "replace")
                lines = re.split("\r\n|[\n\r\x85\u2028\u2029]", text)
                assert 1 <= p.line <= len(lines) and 1 <= p.col <= len(lines[p.line - 1]) + 1, p
            p.format()
        return
    event("valid")
    for page in outputs(site_of(corpus)):
        # MkDocs reads the front matter back; if it could not, it would render it as Markdown.
        if page.text.startswith("---\n"):
            body, meta = get_data(page.text)
            assert meta and not body.startswith("---"), page.uri


@FUZZ
@given(data=st.data())
def test_structural_mutations_of_the_brief(root, data):
    _reset(root)
    mutated = data.draw(structural(_data(BRIEF)))
    (root / "briefs" / "fixture-brief.yaml").write_text(_dump(_header(BRIEF), mutated), encoding="utf-8")
    _read(root)


@FUZZ
@given(data=st.data())
def test_textual_mutations_of_the_brief(root, data):
    _reset(root)
    text = data.draw(textual(BRIEF.read_text(encoding="utf-8")))
    (root / "briefs" / "fixture-brief.yaml").write_bytes(text.encode("utf-8", "surrogatepass"))
    _read(root)


@FUZZ
@given(data=st.data(), name=st.sampled_from(sorted(REGISTRIES)))
def test_mutations_of_the_registries(root, data, name):
    _reset(root)
    path = REGISTRIES[name]
    if data.draw(st.booleans()):
        text = _dump(_header(path), data.draw(structural(_data(path))))
    else:
        text = data.draw(textual(path.read_text(encoding="utf-8")))
    (root / "briefs" / "registry" / f"{name}.yaml").write_bytes(text.encode("utf-8", "surrogatepass"))
    _read(root)


@settings(max_examples=4, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_cli_fails_cleanly_on_mutated_briefs(tmp_path_factory, data):
    root = make_project(tmp_path_factory.mktemp("fuzz-cli") / "project")
    text = data.draw(textual(BRIEF.read_text(encoding="utf-8")))
    (root / "briefs" / "fixture-brief.yaml").write_bytes(text.encode("utf-8", "surrogatepass"))
    result = cli(root, "check")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
