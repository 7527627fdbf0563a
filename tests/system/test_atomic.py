"""Atomic output: `make build` (tools/build_site.py) switches `site` to a
whole new build in one rename, behind a lock, and a failed, killed or
concurrent build leaves a whole site; `generator render` writes whole files
and removes only its own.

Kills are not timed where a step can be named: the tool stops for good at a
named step (BUILD_SITE_STOP_AT), or a test-only MkDocs hook at a point of the
real build, after writing a marker file; the test waits for the marker, then
SIGKILLs the whole process group.  A sweep of timed kills covers the moments
in between, with a fast stand-in for MkDocs.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ENV, REPO, cli, make_project
from generator.output import Output
from generator.write import MANIFEST
from generator.write import write_outputs as write_pages

TOOL = REPO / "tools" / "build_site.py"

# Stops the build at one event, for the kill test.  Copied into the project.
BLOCKING_HOOK = '''
import os, signal
from pathlib import Path

def _block():
    Path(os.environ["BLOCK_MARKER"]).write_text("reached")
    while True:
        signal.pause()

def on_post_page(output, page, config):
    # Pages are written one by one after the theme's files: this stops halfway.
    if os.environ.get("BLOCK_AT") == "page" and page.file.src_uri == "briefs/fixture-brief.md":
        _block()
    return output

def on_post_build(config):
    if os.environ.get("BLOCK_AT") == "post-build":
        _block()
'''

# A fast stand-in for MkDocs: FILES files in a few folders, each naming the
# build (TAG), written one by one with DELAY seconds between; EXIT fails it
# halfway; NO_INDEX leaves out index.html.
FAKE_MKDOCS = '''
import os, sys, time
from pathlib import Path
out, tag = Path(sys.argv[-1]), os.environ.get("TAG", "")
n, delay = int(os.environ.get("FILES", "30")), float(os.environ.get("DELAY", "0"))
for i in range(n):
    if os.environ.get("EXIT") and i == n // 2:
        sys.exit(int(os.environ["EXIT"]))
    name = "index.html" if i == 0 and not os.environ.get("NO_INDEX") else f"assets/{i % 3}/file{i}.txt"
    (out / name).parent.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(f"{tag} {i}\\n")
    time.sleep(delay)
'''
FILES = 30


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _whole(site: Path, files: int = FILES) -> str:
    """The tag of the fake build that `site` shows, asserting the build is whole and one build's."""
    texts = [p.read_text() for p in site.rglob("*") if p.is_file()]
    tags = {t.split()[0] for t in texts}
    assert len(texts) == files and len(tags) == 1, (len(texts), tags)
    return tags.pop()


def _leftovers(root: Path) -> list[str]:
    """What .site-builds holds besides the lock and the live build."""
    live = os.readlink(root / "site")
    return sorted(p.name for p in (root / ".site-builds").iterdir()
                  if p.name != "lock" and live != f".site-builds/{p.name}")


def _tool(root: Path, tag: str = "", *, stop_at: str = "", **env: str) -> subprocess.Popen:
    """tools/build_site.py with the stand-in, in ``root``; its own process group."""
    fake = root.parent / "fake_mkdocs.py"  # beside: `root` may be read-only
    fake.write_text(FAKE_MKDOCS, encoding="utf-8")
    environ = {**ENV, "TAG": tag, "BUILD_SITE_STOP_AT": stop_at, "BUILD_SITE_MARKER": str(root / "marker"), **env}
    return subprocess.Popen([sys.executable, str(TOOL), "--", sys.executable, str(fake)], cwd=root,
                            env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, _ = proc.communicate(timeout=600)
    return proc.returncode, out


def _build(root: Path, tag: str = "", **env: str) -> tuple[int, str]:
    return _finish(_tool(root, tag, **env))


def _kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def _wait_for(marker: Path, proc: subprocess.Popen) -> None:
    while not marker.exists():  # wait for the event, not for a time
        assert proc.poll() is None, proc.communicate()[0]
        time.sleep(0.02)


@pytest.fixture
def site_root(tmp_path) -> Path:
    """A folder with a first good fake build, tagged "old", as `site`."""
    root = tmp_path / "project"
    root.mkdir()
    assert _build(root, "old") == (0, "")
    return root


# ---- the swap, with a stand-in for MkDocs ------------------------------------------


def test_site_is_a_link_to_one_whole_build(site_root):
    assert (site_root / "site").is_symlink()
    assert re.fullmatch(r"\.site-builds/build-\w+", os.readlink(site_root / "site"))
    assert _whole(site_root / "site") == "old" and _leftovers(site_root) == []
    assert _build(site_root, "new") == (0, "")
    assert _whole(site_root / "site") == "new" and _leftovers(site_root) == []  # the previous build is gone


@pytest.mark.parametrize("step", ["locked", "cleaned", "built", "linked", "swapped"])
def test_a_build_killed_at_each_step_leaves_a_whole_site(site_root, step):
    proc = _tool(site_root, "new", stop_at=step)
    try:
        _wait_for(site_root / "marker", proc)
    finally:
        _kill(proc)
    assert _whole(site_root / "site") == ("new" if step == "swapped" else "old")
    assert _build(site_root, "next") == (0, "")  # and the next build clears what the killed one left
    assert _whole(site_root / "site") == "next" and _leftovers(site_root) == []


def test_builds_killed_at_many_moments_leave_a_whole_site(site_root):
    """SIGKILL at 16 moments from start-up to past the end of a build of 40
    files written over about 0.2 s: the site is always one build, whole."""
    assert _build(site_root, "good", FILES="40") == (0, "")
    previous, swapped = "good", 0
    for i in range(16):
        proc = _tool(site_root, f"try{i}", FILES="40", DELAY="0.005")
        time.sleep(i * 0.04)
        _kill(proc)
        shown = _whole(site_root / "site", 40)
        assert shown in (previous, f"try{i}")
        swapped += shown != previous
        assert _build(site_root, previous := f"good{i}", FILES="40") == (0, "")
        assert _whole(site_root / "site", 40) == previous and _leftovers(site_root) == []
    assert swapped < 16  # the first kill, at once, at least, came before the swap


def test_concurrent_builds_wait_for_each_other_and_all_finish(site_root):
    procs = [_tool(site_root, f"b{i}", DELAY="0.01") for i in range(4)]
    results = [_finish(p) for p in procs]
    assert [code for code, _ in results] == [0, 0, 0, 0]
    waited = [out for _, out in results if out]
    assert len(waited) == 3  # the first one took the lock at once
    for out in waited:
        assert re.fullmatch(r"build_site: another build( \(pid \d+\))? is running; waiting for it to finish\n", out)
    assert _whole(site_root / "site") in {"b0", "b1", "b2", "b3"} and _leftovers(site_root) == []


def test_a_build_whose_tool_alone_is_killed_still_holds_the_lock(site_root):
    """The builder inherits the lock: a build started while an orphaned builder
    still writes waits for it, then clears what it wrote."""
    proc = _tool(site_root, "orphan", DELAY="0.1", FILES="10")
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)  # the tool only, not its builder
    proc.wait()  # (not communicate: the orphan holds the pipe open until it ends)
    code, out = _build(site_root, "next")
    proc.stdout.close()
    assert code == 0 and "waiting for it to finish" in out
    assert _whole(site_root / "site") == "next" and _leftovers(site_root) == []


def test_a_failed_build_exits_1_and_leaves_the_site_as_it_was(site_root):
    before = _tree(site_root / "site")
    assert _build(site_root, "new", EXIT="3") == (
        1, "build_site: the build failed (exit status 3); the site is unchanged "
           "(hint: fix what the build printed above)\n")
    assert _tree(site_root / "site") == before and _leftovers(site_root) == []
    assert _build(site_root, "new", NO_INDEX="1") == (
        1, "build_site: the build wrote no index.html; the site is unchanged (hint: check the build's output folder)\n")
    assert _tree(site_root / "site") == before and _leftovers(site_root) == []


def test_a_site_folder_from_older_builds_is_swapped_out_whole(tmp_path):
    root = tmp_path / "project"
    (root / "site" / "assets").mkdir(parents=True)
    (root / "site" / "index.html").write_text("older\n")
    (root / "site" / "assets" / "x.css").write_text("older\n")
    before = _tree(root / "site")
    proc = _tool(root, "new", stop_at="linked")
    _wait_for(root / "marker", proc)
    _kill(proc)
    assert not (root / "site").is_symlink() and _tree(root / "site") == before  # killed just before the exchange
    assert _build(root, "new") == (0, "")
    assert (root / "site").is_symlink() and _whole(root / "site") == "new" and _leftovers(root) == []


def test_without_an_atomic_exchange_a_site_folder_is_left_for_a_person(tmp_path, monkeypatch, capsys):
    """Where renameat2 is missing (not Linux), the tool cannot swap a folder for
    a link in one step: it changes nothing and says what to do."""
    spec = importlib.util.spec_from_file_location("build_site", TOOL)
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_site", tool)  # dataclasses look their module up there
    spec.loader.exec_module(tool)

    def no_exchange(a: Path, b: Path) -> None:
        raise OSError(38, "renameat2 is not available here")

    monkeypatch.setattr(tool, "exchange", no_exchange)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("older\n")
    fake = tmp_path / "fake_mkdocs.py"
    fake.write_text(FAKE_MKDOCS, encoding="utf-8")
    assert tool.main(["--site", str(site), "--", sys.executable, str(fake)]) == 1
    assert capsys.readouterr().err == (
        f"build_site: {site} is a folder left by an older build and cannot be swapped atomically here (renameat2 is "
        f"not available here); it is unchanged (hint: remove it (rm -rf {site}) and build again)\n")
    assert _tree(site) == {"index.html": hashlib.sha256(b"older\n").hexdigest()}
    assert not list((tmp_path / ".site-builds").glob("build-*"))


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """``path`` made unwritable, for root too (chattr +i), then made writable again."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not supported here, and root ignores file modes")
        undo = ["chattr", "-i", str(path)]
    else:
        path.chmod(0o555)
        undo = ["chmod", "755", str(path)]
    try:
        yield
    finally:
        subprocess.run(undo, check=True)


def test_a_read_only_parent_fails_clearly_and_changes_nothing(site_root, tmp_path):
    before = _tree(site_root / "site")
    with _read_only(site_root):
        code, out = _build(site_root, "new")
    assert code == 1
    assert out == (f"build_site: {site_root} is not writable, so site cannot be switched; it is unchanged "
                   f"(hint: make {site_root} writable)\n")
    assert _tree(site_root / "site") == before and _leftovers(site_root) == []
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    with _read_only(fresh):
        code, out = _build(fresh, "new")
    assert code == 1 and re.fullmatch(
        rf"build_site: cannot create \.site-builds/ beside site: (Permission denied|Operation not permitted) "
        rf"\(hint: make {re.escape(str(fresh))} writable\)\n", out), out
    assert list(fresh.iterdir()) == []


def test_an_undeletable_previous_build_fails_before_the_swap(site_root):
    before = _tree(site_root / "site")
    live = os.readlink(site_root / "site")
    with _read_only(site_root / live / "assets" / "1"):
        code, out = _build(site_root, "new")
    assert code == 1
    assert out == (f"build_site: {live}/assets/1 is not writable, so the previous build could not be removed after "
                   f"the swap; the site is unchanged (hint: chmod -R u+w {live} (as root: chattr -R -i), then build "
                   "again)\n")
    assert _tree(site_root / "site") == before and _leftovers(site_root) == []


def test_a_file_named_site_is_left_alone(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    (root / "site").write_text("mine\n")
    assert _build(root, "new") == (1, "build_site: site is a file, not a site; it is unchanged "
                                      "(hint: move it away and build again)\n")
    assert (root / "site").read_text() == "mine\n"


# ---- `make build`, the real MkDocs build ---------------------------------------------


def _make_project(root: Path) -> Path:
    """A fixture project that `make build` can run in, using this interpreter."""
    make_project(root)
    shutil.copy(REPO / "Makefile", root / "Makefile")
    shutil.copytree(REPO / "tools", root / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    for lock in ("requirements.txt", "requirements-test.txt"):
        shutil.copy(REPO / lock, root / lock)
        # The Makefile installs into .venv when its stamp is older than the
        # locks: point it at a stamp that is newer, and at this Python.
        os.utime(root / lock, (0, 0))
    (root / "block_hook.py").write_text(BLOCKING_HOOK, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - generator/hook.py\n" in text
    config.write_text(text.replace("\n  - generator/hook.py\n", "\n  - generator/hook.py\n  - block_hook.py\n"),
                      encoding="utf-8")
    (root / "installed.stamp").touch()
    return root


def _make(root: Path, *, block: str = "", marker: Path | None = None) -> subprocess.Popen:
    env = {**ENV, "BLOCK_AT": block, "BLOCK_MARKER": str(marker or root / "unused"), "SOURCE_DATE_EPOCH": "0"}
    return subprocess.Popen(
        ["make", "--no-print-directory", "build", f"PY={sys.executable}", f"STAMP={root / 'installed.stamp'}"],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A project with a first good site in it."""
    root = _make_project(tmp_path_factory.mktemp("atomic") / "project")
    code, out = _finish(_make(root))
    assert code == 0, out
    assert (root / "site" / "index.html").is_file() and _leftovers(root) == []
    return root


@pytest.mark.parametrize("block", ["page", "post-build"])
def test_a_killed_build_leaves_the_site_intact(built, block):
    before = _tree(built / "site")
    marker = built / f"reached-{block}"
    proc = _make(built, block=block, marker=marker)
    try:
        _wait_for(marker, proc)
        assert len(_leftovers(built)) == 1  # the build was writing its own folder
    finally:
        _kill(proc)
    assert proc.returncode == -signal.SIGKILL
    assert _tree(built / "site") == before


def test_two_real_builds_at_once_both_finish_with_a_whole_site(built):
    before = _tree(built / "site")  # builds are reproducible: each gives this same tree
    results = [_finish(p) for p in [_make(built), _make(built)]]
    assert [code for code, _ in results] == [0, 0], results
    assert sum("waiting for it to finish" in out for _, out in results) == 1
    assert _tree(built / "site") == before and _leftovers(built) == []


def _build_with(built: Path, old: str, new: str) -> tuple[int, str]:
    """`make build` with the fixture brief's first ``old`` changed to ``new``, then put back."""
    brief = built / "briefs" / "fixture-brief.yaml"
    good = brief.read_text(encoding="utf-8")
    try:
        brief.write_text(good.replace(old, new, 1), encoding="utf-8")
        return _finish(_make(built))
    finally:
        brief.write_text(good, encoding="utf-8")


def test_a_failed_build_leaves_the_site_intact(built):
    before = _tree(built / "site")
    code, out = _build_with(built, "title: ", "title: [")
    assert code != 0
    assert "briefs/fixture-brief.yaml:3:7: invalid YAML" in out and "Traceback" not in out
    assert "build_site: the build failed (exit status 1); the site is unchanged" in out
    assert _tree(built / "site") == before and _leftovers(built) == []


def test_a_good_build_replaces_the_site_whole(built):
    code, out = _build_with(built, "title: Minister says", "title: Minister now says")
    assert code == 0, out
    page = (built / "site" / "briefs" / "fixture-brief" / "index.html").read_text(encoding="utf-8")
    assert "Minister now says" in page
    assert _leftovers(built) == []


# ---- generator render ---------------------------------------------------------------


def _pages(*uris: str, text: str = "generated\n") -> list[Output]:
    return [Output(uri, f"{uri}: {text}") for uri in uris]


def test_render_removes_only_its_own_stale_files(tmp_path):
    out = tmp_path / "docs"
    write(out / "index.md", "hand-written\n")
    write(out / "briefs" / "notes.md", "hand-written too\n")
    assert write_pages(_pages("briefs/a.md", "briefs/b.md", "entities/x.md", "entities/y.md"), out) == 4
    write(out / "entities" / "y.md", "edited by hand after it was generated\n")

    write_pages(_pages("briefs/a.md"), out)

    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        ".generator-manifest.json", "briefs", "briefs/a.md", "briefs/notes.md", "entities", "entities/y.md", "index.md"]
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8")) == {
        "briefs/a.md": hashlib.sha256(b"briefs/a.md: generated\n").hexdigest()}


def test_render_leaves_unchanged_files_untouched(tmp_path):
    out = tmp_path / "docs"
    write_pages(_pages("a.md", "b.md"), out)
    os.utime(out / "a.md", (1, 1))
    write_pages(_pages("a.md") + _pages("b.md", text="changed\n"), out)
    assert (out / "a.md").stat().st_mtime == 1  # not rewritten: watchers see no change
    assert (out / "b.md").read_text(encoding="utf-8") == "b.md: changed\n"


def test_render_never_follows_the_manifest_outside(tmp_path):
    out = tmp_path / "docs"
    outside = write(tmp_path / "outside.md", "not ours\n")
    out.mkdir()
    (out / "link.md").symlink_to(outside)
    (out / MANIFEST).write_text(json.dumps(["../outside.md", "link.md", "/etc/hostname"]), encoding="utf-8")
    write_pages(_pages("a.md"), out)
    assert outside.read_text(encoding="utf-8") == "not ours\n" and (out / "link.md").is_symlink()


@pytest.mark.parametrize("manifest", ["{not json", '"a string"', "[1, 2]", '{"a.md": 3}', "null"])
def test_render_survives_a_broken_manifest(tmp_path, manifest):
    out = tmp_path / "docs"
    write(out / "a.md", "hand-written\n")
    (out / MANIFEST).write_text(manifest, encoding="utf-8")
    write_pages(_pages("b.md"), out)
    assert (out / "a.md").read_text(encoding="utf-8") == "hand-written\n"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    out = tmp_path / "docs"
    write_pages(_pages("a.md", "b.md"), out)

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_pages(_pages("a.md", "b.md", text="new\n"), out)
    assert (out / "a.md").read_text(encoding="utf-8") == "a.md: generated\n"
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "a.md", "b.md"]  # no temporary files left


def test_a_run_stopped_halfway_still_knows_its_files(tmp_path, monkeypatch):
    """The manifest lists a run's files before it writes them, so a file
    written by a run that was stopped is still removed when it goes stale."""
    out = tmp_path / "docs"
    write_pages(_pages("a.md"), out)
    real = os.replace
    calls = []

    def stop_after_first_page(src, dst):
        calls.append(dst)
        real(src, dst)
        if str(dst).endswith("new.md"):
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", stop_after_first_page)
    with pytest.raises(KeyboardInterrupt):
        write_pages(_pages("a.md", "new.md"), out)
    monkeypatch.setattr(os, "replace", real)
    write_pages(_pages("a.md"), out)
    assert not (out / "new.md").exists()


def test_render_command_keeps_hand_written_docs(tmp_path):
    root = make_project(tmp_path / "project")
    result = cli(root, "render", "docs")
    assert result.returncode == 0, result.stderr
    second = root / "briefs" / "second-brief.yaml"
    shutil.copy(root / "briefs" / "fixture-brief.yaml", second)
    assert cli(root, "render", "docs").returncode == 0
    assert (root / "docs" / "briefs" / "second-brief.md").is_file()
    second.unlink()
    assert cli(root, "render", "docs").returncode == 0
    assert not (root / "docs" / "briefs" / "second-brief.md").exists()
    for page in ("methodology.md", "contributing.md"):
        assert (root / "docs" / page).read_bytes() == (REPO / "docs" / page).read_bytes()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
