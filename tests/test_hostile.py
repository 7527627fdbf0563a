"""Broken and hostile inputs: every case in tests/hostile/ fails cleanly.

Each case is a file plus `<stem>.expected`, the exact lines `python -m
generator check` prints for it.  The folder a case sits in says where it goes
in a copy of the fixture project (see tests/hostile/README.md).  Every case
runs through the CLI's `check` command in-process (click's test runner: the
same code, without an interpreter start per case), which must exit 1 with
exactly those lines and no exception.  One case per kind of failure also
runs as real subprocesses, `python -m generator check` and a strict `mkdocs
build`, which must print the same lines, exit 1 and show no traceback.
Cases that cannot be stored as files (a symlink, a file over the size cap,
invalid UTF-8) are made by the functions in GENERATED, with their expected
lines in tests/hostile/generated/.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import cli, make_project, mkdocs_build
from generator.cli import main
from generator.load import MAX_BYTES

HOSTILE = Path(__file__).parent / "hostile"
FIXTURE_BRIEF = Path(__file__).parent / "fixtures" / "project" / "briefs" / "fixture-brief.yaml"
# Where a case file goes, by the folder it sits in.
PLACES = {
    "briefs": lambda name: f"briefs/{name}",
    "names": lambda name: f"briefs/{name}",
    "entities": lambda name: "briefs/registry/entities.yaml",
    "topics": lambda name: "briefs/registry/topics.yaml",
    "tags": lambda name: "briefs/registry/tags.yaml",
}
MKDOCS_PREFIX = "ERROR   -  "
# Subprocesses cost a second or so of CPU per case, and the hook and the CLI
# report the same Problems from the same code, so the real commands run one
# case per kind of failure (each loader refusal, file-level errors, schema,
# titles, provenance, file names, registries, links) rather than all of them.
SUBPROCESS_CASES = {
    "briefs/billion-laughs.yaml", "briefs/python-tag.yaml", "briefs/tab-indentation.yaml",
    "briefs/empty-file.yaml", "briefs/misspelt-field.yaml", "briefs/date-month-13.yaml",
    "briefs/title-markup.yaml", "briefs/control-character-escape.yaml", "briefs/bidi-override-title.yaml",
    "briefs/quote-not-in-article.yaml", "briefs/seed-path-traversal.yaml", "names/Bad Name.yaml",
    "tags/name-markup.yaml", "entities/duplicate-id.yaml", "generated/deep-nesting", "generated/invalid-utf8",
    "generated/oversize", "generated/symlinked-brief", "generated/invalid-utf8-seed",
}
# Problems about a file's name or link, where no line can be meant.
NO_LINE = {"generated/symlinked-brief", "generated/symlinked-registry"}


def _brief_text() -> bytes:
    return (HOSTILE / "valid" / "title-no.yaml").read_bytes().replace(b"title: NO", b"title: A generated case")


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


GENERATED = {
    "oversize": _oversize,
    "deep-nesting": _deep_nesting,
    "invalid-utf8": _invalid_utf8,
    "invalid-utf8-seed": _invalid_utf8_seed,
    "symlinked-brief": _symlinked_brief,
    "symlinked-registry": _symlinked_registry,
    "symlinked-seed": _symlinked_seed,
    "symlinked-seeds-folder": _symlinked_seeds_folder,
    "seed-linked-elsewhere-in-repository": _seed_linked_elsewhere_in_repository,
}


def _cases() -> dict[str, tuple[Path | None, Path]]:
    """case id -> (case file or None for a generated case, expected file)."""
    out = {}
    for folder in sorted(PLACES):
        for path in sorted((HOSTILE / folder).iterdir()):
            if path.suffix != ".expected":
                out[f"{folder}/{path.name}"] = (path, path.with_name(path.stem + ".expected"))
    for name in GENERATED:
        out[f"generated/{name}"] = (None, HOSTILE / "generated" / f"{name}.expected")
    return out


CASES = _cases()


def _install(case: str, root: Path) -> None:
    source, _ = CASES[case]
    folder, name = case.split("/", 1)
    if source is None:
        GENERATED[name](root)
    else:
        target = root / PLACES[folder](name)
        target.write_bytes(source.read_bytes())


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

    def run(case: str):
        return case, cli(roots[case], "check"), mkdocs_build(roots[case])

    with ThreadPoolExecutor(max_workers=2) as pool:
        real = {case: (check, build) for case, check, build in pool.map(run, sorted(SUBPROCESS_CASES))}
    return in_process, real


def test_the_corpus_is_complete():
    """Every case has its expected lines, and every expected file its case."""
    missing = [case for case, (_, expected) in CASES.items() if not expected.is_file()]
    assert not missing
    cases = {expected for _, expected in CASES.values()}
    orphans = [p for p in HOSTILE.rglob("*.expected") if p not in cases]
    assert not orphans
    assert len(CASES) >= 40
    assert SUBPROCESS_CASES <= set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_gives_the_exact_lines(case, outcomes):
    result = outcomes[0][case]
    assert isinstance(result.exception, SystemExit), result.exc_info  # not an uncaught exception
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == CASES[case][1].read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(SUBPROCESS_CASES))
def test_python_m_generator_check_gives_the_same_lines(case, outcomes):
    check, _ = outcomes[1][case]
    assert (check.returncode, check.stdout) == (1, "")
    assert "Traceback" not in check.stderr
    assert check.stderr == CASES[case][1].read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(SUBPROCESS_CASES))
def test_mkdocs_build_gives_the_same_lines(case, outcomes):
    _, build = outcomes[1][case]
    lines = CASES[case][1].read_text(encoding="utf-8").splitlines()
    problems, summary = lines[:-1], lines[-1].removeprefix("Error: ")
    errors = [line.removeprefix(MKDOCS_PREFIX) for line in build.stderr.splitlines() if line.startswith(MKDOCS_PREFIX)]
    assert build.returncode == 1
    assert "Traceback" not in build.stdout + build.stderr
    assert errors == problems + [f"{summary}: fix the lines above, then save again"]


def test_problems_name_a_line_where_the_file_has_lines():
    """`path:line:col: message`, except where no line can be meant (a file's name or link)."""
    for case, (_, expected) in CASES.items():
        for line in expected.read_text(encoding="utf-8").splitlines()[:-1]:
            path, _, rest = line.partition(": ")
            if case.startswith("names/") or case in NO_LINE:
                assert ":" not in path, line
            else:
                assert path.count(":") == 2 and all(p.isdigit() for p in path.split(":")[1:]), line


def test_byte_order_mark_and_title_no_are_valid(tmp_path):
    root = make_project(tmp_path / "project")
    for path in sorted((HOSTILE / "valid").iterdir()):
        shutil.copy(path, root / "briefs" / path.name)
    check = cli(root, "check")
    assert (check.returncode, check.stderr) == (0, "")
    assert check.stdout.startswith("3 briefs and ")
    build = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    page = (root / "site" / "briefs" / "title-no" / "index.html").read_text(encoding="utf-8")
    assert "<title>NO - " in page
    assert (root / "site" / "briefs" / "byte-order-mark" / "index.html").is_file()
