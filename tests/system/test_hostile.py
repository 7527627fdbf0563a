"""Broken and hostile inputs: every case in tests/hostile/ fails cleanly.

Each case is an edit of a file of the fixture project, with `expected`, the
exact lines `python -m generator check` prints for it (tests/hostile_cases.py
reads the case lists; tests/hostile/README.md says how to add a case).  Every
case runs through the CLI's `check` command in-process (click's test runner:
the same code, without an interpreter start per case), which must exit 1 with
exactly those lines and no exception.  One case per kind of failure also runs
as real subprocesses, `python -m generator check` and a strict `mkdocs
build`, which must print the same lines, exit 1 and show no traceback.
Cases that are not an edit of one file (a symlink, a file over the size cap,
invalid UTF-8) are made by the functions in GENERATED.

With UPDATE_GOLDENS=1 (`make goldens`) the `expected` lines of every case are
rewritten from what `check` prints; review the diff.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURE, cli, make_project, mkdocs_build
from generator.cli import main
from generator.fields import MAX_ITEMS
from generator.load import MAX_BYTES
from hostile_cases import VALID, hostile_cases, load_cases, rewrite_expected

UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
MKDOCS_PREFIX = "ERROR   -  "
# Subprocesses cost a second or so of CPU per case, and the hook and the CLI
# report the same Problems from the same code, so the real commands run one
# case per kind of failure (each loader refusal, file-level errors, schema,
# titles, provenance, file names, registries, links) rather than all of them.
SUBPROCESS_CASES = {
    "brief/billion-laughs", "brief/python-tag", "brief/tab-indentation",
    "brief/empty-file", "brief/misspelt-field", "brief/date-month-13",
    "brief/title-markup", "brief/control-character-escape", "brief/bidi-override-title",
    "brief/quote-not-in-article", "brief/seed-path-traversal", "name/Bad Name.yaml",
    "tags/name-markup", "entities/duplicate-id", "generated/deep-nesting", "generated/invalid-utf8",
    "generated/oversize", "generated/symlinked-brief", "generated/invalid-utf8-seed",
    "generated/fifo-brief", "generated/loop-seed", "generated/seed-bidi-override", "brief/log-forgery-in-tag",
    "brief/quote-stitched-distant", "brief/cite-too-many",
}
# Problems about a file's name or link, where no line can be meant.
NO_LINE = {"generated/symlinked-brief", "generated/symlinked-registry", "generated/fifo-brief", "generated/fifo-seed",
           "generated/fifo-registry", "generated/loop-brief", "generated/loop-seed", "generated/loop-registry",
           "generated/two-link-loop", "generated/folder-named-like-a-brief", "generated/folder-as-seed",
           "generated/folder-as-registry"}


def _brief_text() -> bytes:
    fixture = (FIXTURE / "briefs" / "fixture-brief.yaml").read_bytes()
    title = b"title: Minister says the plan is under review"
    assert fixture.count(title) == 1, "the generated cases edit the fixture brief's title"
    return fixture.replace(title, b"title: A generated case")


def _title_too_long(root: Path) -> None:
    text = _brief_text().replace(b"title: A generated case", b"title: " + b"Very " * 801 + b"long")
    (root / "briefs" / "title-too-long.yaml").write_bytes(text)


def _outside(root: Path) -> Path:
    """A file outside the project (and so outside the repository copy)."""
    target = root.parent / "outside" / "secret.txt"
    target.parent.mkdir(exist_ok=True)
    target.write_text("root:x:0:0:root:/root:/bin/sh\n", encoding="utf-8")
    return target


def _oversize(root: Path) -> None:
    text = _brief_text()
    pad = MAX_BYTES + 1 - len(text)
    (root / "briefs" / "oversize.yaml").write_bytes(text + b"#" * (pad - 1) + b"\n")


def _deep_nesting(root: Path) -> None:
    depth = 20_000
    (root / "briefs" / "deep-nesting.yaml").write_bytes(
        b"# yaml-language-server: $schema=schema/brief.schema.json\ntitle: " + b"[" * depth + b"]" * depth + b"\n")


def _invalid_utf8(root: Path) -> None:
    text = _brief_text().replace(b"title: A generated case", b"title: Caf\xe9 says the plan is under review")
    (root / "briefs" / "invalid-utf8.yaml").write_bytes(text)


def _invalid_utf8_seed(root: Path) -> None:
    (root / "seeds" / "fixture.txt").write_bytes((root / "seeds" / "fixture.txt").read_bytes().replace(b"CAPITAL", b"CAPIT\xc0L"))


def _symlinked_brief(root: Path) -> None:
    (root / "briefs" / "linked.yaml").symlink_to(_outside(root))


def _symlinked_registry(root: Path) -> None:
    path = root / "briefs" / "registry" / "tags.yaml"
    shutil.copy(path, _outside(root).with_name("tags.yaml"))
    path.unlink()
    path.symlink_to(_outside(root).with_name("tags.yaml"))


def _symlinked_seed(root: Path) -> None:
    path = root / "seeds" / "fixture.txt"
    shutil.copy(path, _outside(root).with_name("fixture.txt"))
    path.unlink()
    path.symlink_to(_outside(root).with_name("fixture.txt"))


def _seed_linked_elsewhere_in_repository(root: Path) -> None:
    path = root / "seeds" / "fixture.txt"
    shutil.copy(path, root / "docs" / "fixture.txt")
    path.unlink()
    path.symlink_to(Path("..") / "docs" / "fixture.txt")


def _symlinked_seeds_folder(root: Path) -> None:
    outside = _outside(root).parent / "seeds"
    shutil.copytree(root / "seeds", outside)
    shutil.rmtree(root / "seeds")
    (root / "seeds").symlink_to(outside, target_is_directory=True)


def _replace(rel: str, make):
    """A case where the file at ``rel`` is replaced by what ``make`` puts at its path."""
    def install(root: Path) -> None:
        path = root / rel
        if path.exists():
            path.unlink()
        make(path)
    return install


def _fifo(rel: str):
    return _replace(rel, os.mkfifo)  # opening it to read would wait for a writer for ever


def _loop(rel: str):
    return _replace(rel, lambda path: path.symlink_to(path.name))  # a link to itself


def _folder(rel: str):
    return _replace(rel, Path.mkdir)


def _two_link_loop(root: Path) -> None:
    (root / "briefs" / "ping.yaml").symlink_to("pong.yaml")
    (root / "briefs" / "pong.yaml").symlink_to("ping.yaml")


def _huge_seed(root: Path) -> None:
    with open(root / "seeds" / "fixture.txt", "r+b") as f:
        f.truncate(50 * 2**20)  # sparse: 50 MB that are never written, nor read


def _brief_edit(name: str, old: str, new: str):
    """The fixture brief with one change too long to write as an edit, at briefs/<name>.yaml."""
    def make(root: Path) -> None:
        text = (FIXTURE / "briefs" / "fixture-brief.yaml").read_text(encoding="utf-8")
        assert text.count(old) == 1
        (root / "briefs" / f"{name}.yaml").write_text(text.replace(old, new), encoding="utf-8")
    return make


def _seed_edit(old: str, new: str):
    """The fixture's seed with one change: cases of text git would hold
    but an editor could not see (controls, hidden and line-break characters)."""
    def make(root: Path) -> None:
        path = root / "seeds" / "fixture.txt"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    return make


GENERATED = {
    "title-too-long": _title_too_long,
    "oversize": _oversize,
    "deep-nesting": _deep_nesting,
    "invalid-utf8": _invalid_utf8,
    "invalid-utf8-seed": _invalid_utf8_seed,
    "symlinked-brief": _symlinked_brief,
    "symlinked-registry": _symlinked_registry,
    "symlinked-seed": _symlinked_seed,
    "symlinked-seeds-folder": _symlinked_seeds_folder,
    "seed-linked-elsewhere-in-repository": _seed_linked_elsewhere_in_repository,
    "fifo-brief": _fifo("briefs/pipe.yaml"),
    "fifo-seed": _fifo("seeds/fixture.txt"),
    "fifo-registry": _fifo("briefs/registry/tags.yaml"),
    "loop-brief": _loop("briefs/loop.yaml"),
    "loop-seed": _loop("seeds/fixture.txt"),
    "loop-registry": _loop("briefs/registry/entities.yaml"),
    "two-link-loop": _two_link_loop,
    "folder-named-like-a-brief": _folder("briefs/folder.yaml"),
    "folder-as-seed": _folder("seeds/fixture.txt"),
    "folder-as-registry": _folder("briefs/registry/topics.yaml"),
    "huge-seed": _huge_seed,
    "open-questions-too-many": _brief_edit(
        "open-questions-too-many", "open_questions:\n  - When will the decision be taken?\n",
        "open_questions:\n" + "".join(f"  - Question {i}?\n" for i in range(MAX_ITEMS + 1))),
    "tags-too-many": _brief_edit("tags-too-many", "tags: [decision-status]",
                                 f"tags: [{', '.join(f't{i}' for i in range(MAX_ITEMS + 1))}]"),
    "named-as-too-many": _brief_edit("named-as-too-many", "named_as: [The minister]",
                                     f"named_as: [{', '.join(f'M{i}' for i in range(MAX_ITEMS + 1))}]"),
    "seed-bidi-override": _seed_edit("the plan was", "the \u202eplan was"),
    "seed-tag-characters": _seed_edit("Officials who", "Officials\U000e0041 who"),
    "seed-c1-control": _seed_edit("the weather", "the\x9b weather"),
    "seed-escape-sequence": _seed_edit("the weather", "the \x1b[2J weather"),
    "seed-zero-width-space": _seed_edit("UN mandate", "UN\u200b mandate"),
    "seed-form-feed": _seed_edit("\nOfficials", "\x0cOfficials"),
    "seed-line-separator": _seed_edit("\nOfficials", "\u2028Officials"),
    "seed-next-line": _seed_edit("\nOfficials", "\x85Officials"),
    "seed-lone-carriage-return": _seed_edit("\nOfficials", "\rOfficials"),
    "seed-no-break-space-line": _seed_edit("\nOfficials", "\n\u00a0\nOfficials"),
}


CASES = hostile_cases()
if {case.name for case in CASES.values() if case.place == "generated"} != set(GENERATED):
    raise AssertionError("every generated case needs its function in GENERATED, and every function its case")


def _install(case_id: str, root: Path) -> None:
    case = CASES[case_id]
    if case.place == "generated":
        GENERATED[case.name](root)
    else:
        (root / case.target).write_bytes(case.content().encode("utf-8"))


def _update(results: dict) -> None:
    """Rewrite every case's `expected` lines from what `check` printed."""
    for source in sorted({case.source for case in CASES.values()}):
        rewrite_expected(source, {i: r.stderr for i, r in results.items() if CASES[i].source == source})
    CASES.update(hostile_cases())


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict:
    """Every case through the CLI and MkDocs, two at a time (the subprocesses
    dominate, and one project copy per case lets them run side by side)."""
    base = tmp_path_factory.mktemp("hostile")

    roots = {}
    for case in sorted(CASES):
        roots[case] = make_project(base / case.replace("/", "--").replace(" ", "_") / "project")
        _install(case, roots[case])
    runner = CliRunner()
    in_process = {case: runner.invoke(main, ["check", "--root", str(root)]) for case, root in roots.items()}
    if UPDATE:
        _update(in_process)

    def run(case: str):
        return case, cli(roots[case], "check"), mkdocs_build(roots[case])

    with ThreadPoolExecutor(max_workers=2) as pool:
        real = {case: (check, build) for case, check, build in pool.map(run, sorted(SUBPROCESS_CASES))}
    return in_process, real


def _expected(case: str) -> str:
    expected = CASES[case].expected
    assert expected is not None, f"{case} has no `expected` lines: run `make goldens` and review them"
    return expected


def test_the_corpus_is_complete():
    assert len(CASES) >= 40
    assert SUBPROCESS_CASES <= set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_gives_the_exact_lines(case, outcomes):
    result = outcomes[0][case]
    assert isinstance(result.exception, SystemExit), result.exc_info  # not an uncaught exception
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == _expected(case)


@pytest.mark.parametrize("case", sorted(SUBPROCESS_CASES))
def test_python_m_generator_check_gives_the_same_lines(case, outcomes):
    check, _ = outcomes[1][case]
    assert (check.returncode, check.stdout) == (1, "")
    assert "Traceback" not in check.stderr
    assert check.stderr == _expected(case)


@pytest.mark.parametrize("case", sorted(SUBPROCESS_CASES))
def test_mkdocs_build_gives_the_same_lines(case, outcomes):
    _, build = outcomes[1][case]
    lines = _expected(case).splitlines()
    problems, summary = lines[:-1], lines[-1].removeprefix("Error: ")
    errors = [line.removeprefix(MKDOCS_PREFIX) for line in build.stderr.splitlines() if line.startswith(MKDOCS_PREFIX)]
    assert build.returncode == 1
    assert "Traceback" not in build.stdout + build.stderr
    assert errors == problems + [f"{summary}: fix the lines above, then save again"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_problems_name_a_line_where_the_file_has_lines(case):
    """`path:line:col: message`, except where no line can be meant (a file's name or link)."""
    for line in _expected(case).splitlines()[:-1]:
        path, _, rest = line.partition(": ")
        if CASES[case].place == "name" or case in NO_LINE:
            assert ":" not in path, line
        else:
            assert path.count(":") == 2 and all(p.isdigit() for p in path.split(":")[1:]), line


def test_byte_order_mark_and_title_no_are_valid(tmp_path):
    root = make_project(tmp_path / "project")
    valid = load_cases(VALID)
    for case in valid:
        (root / case.target).write_bytes(case.content().encode("utf-8"))
    assert [case.expected for case in valid] == [None, None]
    check = cli(root, "check")
    assert (check.returncode, check.stderr) == (0, "")
    assert check.stdout.startswith("3 briefs and ")
    build = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    page = (root / "site" / "briefs" / "title-no" / "index.html").read_text(encoding="utf-8")
    assert "<title>NO - " in page
    assert (root / "site" / "briefs" / "byte-order-mark" / "index.html").is_file()
