"""Atomic output: a failed or killed build leaves the previous site as it was,
and `generator render` writes whole files and removes only its own.

The kill test is not timed: a test-only MkDocs hook writes a marker file and
then waits forever at a chosen point of the build; the test waits for the
marker, then SIGKILLs the whole `make build` process group.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ENV, REPO, cli, make_project
from generator.output import Output
from generator.write import MANIFEST, write_outputs as write_pages

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


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _make_project(root: Path) -> Path:
    """A fixture project that `make build` can run in, using this interpreter."""
    make_project(root)
    shutil.copy(REPO / "Makefile", root / "Makefile")
    shutil.copy(REPO / "requirements.txt", root / "requirements.txt")
    (root / "block_hook.py").write_text(BLOCKING_HOOK, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - generator/hook.py\n" in text
    config.write_text(text.replace("\n  - generator/hook.py\n", "\n  - generator/hook.py\n  - block_hook.py\n"),
                      encoding="utf-8")
    # The Makefile installs into .venv when its stamp is older than
    # requirements.txt: point it at a stamp that is newer, and at this Python.
    os.utime(root / "requirements.txt", (0, 0))
    (root / "installed.stamp").touch()
    return root


def _make(root: Path, *, block: str = "", marker: Path | None = None) -> subprocess.Popen:
    env = {**ENV, "BLOCK_AT": block, "BLOCK_MARKER": str(marker or root / "unused"), "SOURCE_DATE_EPOCH": "0"}
    return subprocess.Popen(
        ["make", "--no-print-directory", "build", f"PY={sys.executable}", f"STAMP={root / 'installed.stamp'}"],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, _ = proc.communicate(timeout=600)
    return proc.returncode, out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A project with a first good site/ in it."""
    root = _make_project(tmp_path_factory.mktemp("atomic") / "project")
    code, out = _finish(_make(root))
    assert code == 0, out
    assert (root / "site" / "index.html").is_file() and not (root / "site.new").exists()
    return root


@pytest.mark.parametrize("block", ["page", "post-build"])
def test_a_killed_build_leaves_the_site_intact(built, block):
    before = _tree(built / "site")
    marker = built / f"reached-{block}"
    proc = _make(built, block=block, marker=marker)
    try:
        while not marker.exists():  # wait for the event, not for a time
            assert proc.poll() is None, proc.communicate()[0]
            time.sleep(0.05)
        assert (built / "site.new").is_dir()  # the build was writing its own folder
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert _tree(built / "site") == before


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
    assert _tree(built / "site") == before


def test_a_good_build_replaces_the_site_whole(built):
    code, out = _build_with(built, "title: Minister says", "title: Minister now says")
    assert code == 0, out
    page = (built / "site" / "briefs" / "fixture-brief" / "index.html").read_text(encoding="utf-8")
    assert "Minister now says" in page
    assert not (built / "site.new").exists() and not (built / "site.old").exists()


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
