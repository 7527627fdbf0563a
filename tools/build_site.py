"""`make build`: a strict build swapped into `site` in one atomic step.

`site` is a symbolic link to a finished build in `.site-builds/`.  A build

1. takes an exclusive lock on `.site-builds/lock`; a second build started
   meanwhile says so and waits for the first to finish, then builds;
2. removes what builds killed earlier left in `.site-builds/`;
3. runs `python -m mkdocs build --strict --site-dir .site-builds/build-XXXX`;
4. points a new link at that folder and renames it over `site`: a rename is
   atomic, so `site` is always the previous build or the new one, whole;
5. removes the previous build.

Any failure before step 4 exits 1 with `build_site: what went wrong (hint: …)`
and leaves `site` exactly as it was.  A `site/` folder left by older builds is
exchanged for the link in one step (Linux's renameat2 RENAME_EXCHANGE); where
that is not available the tool asks for the folder to be removed by hand.

Standard library only, so the tests can run it with a stand-in for MkDocs
(`-- COMMAND…`: the command is given the output folder as its last argument).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
LOCK = "lock"
NEXT_LINK = "next-link"


class Failure(Exception):
    """What went wrong, and how to fix it: printed as one line, exit 1."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(f"{message} (hint: {hint})")


@dataclass(frozen=True)
class Layout:
    """Where a site and its builds live: `site` and `.site-builds/` side by side."""

    site: Path

    @property
    def builds(self) -> Path:
        return self.site.parent / f".{self.site.name}-builds"

    def current(self) -> Path | None:
        """The build `site` points at, when it is one of ours."""
        if not self.site.is_symlink():
            return None
        target = self.site.parent / os.readlink(self.site)
        return target if target.parent == self.builds else None


def checkpoint(name: str) -> None:
    """For the tests only: stop for good at a named step, so that a test can
    kill the build exactly there (BUILD_SITE_STOP_AT=step, BUILD_SITE_MARKER=file)."""
    if os.environ.get("BUILD_SITE_STOP_AT") == name:
        Path(os.environ["BUILD_SITE_MARKER"]).write_text(name, encoding="utf-8")
        while True:
            signal.pause()


def take_lock(layout: Layout) -> int:
    """An exclusive lock on `.site-builds/lock`, held until this process (and
    the builder, which inherits it) ends; waits for a build already running."""
    try:
        layout.builds.mkdir(exist_ok=True)
        fd = os.open(layout.builds / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise Failure(f"cannot create {layout.builds.name}/ beside {layout.site.name}: {e.strerror}",
                      f"make {layout.site.parent.resolve()} writable") from e
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 16, 0).decode(errors="replace").strip()  # empty if it has not written it yet
        pid = f" (pid {holder})" if holder.isdigit() else ""
        print(f"build_site: another build{pid} is running; waiting for it to finish", file=sys.stderr, flush=True)
        fcntl.flock(fd, fcntl.LOCK_EX)
    os.pwrite(fd, f"{os.getpid():<16}".encode(), 0)  # one write of a fixed width: never half a number
    return fd


def removable(folder: Path) -> None:
    """Fail now, before anything changes, if ``folder`` could not be removed later."""
    for parent, dirs, _ in os.walk(folder):
        for d in [parent, *(os.path.join(parent, d) for d in dirs)]:
            if not os.path.islink(d) and not os.access(d, os.W_OK | os.X_OK):
                raise Failure(f"{d} is not writable, so the previous build could not be removed after the swap; "
                              "the site is unchanged",
                              f"chmod -R u+w {folder} (as root: chattr -R -i), then build again")


def remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def remove_stale(layout: Layout) -> None:
    """Under the lock no other build is writing: everything but the lock and
    the live build is left over from a build that was killed."""
    keep = {LOCK, *(c.name for c in [layout.current()] if c)}
    for entry in sorted(layout.builds.iterdir()):
        if entry.name not in keep:
            try:
                remove(entry)
            except OSError as e:
                raise Failure(f"cannot remove {entry}, left by an earlier build: {e.strerror}",
                              f"remove it by hand (chmod -R u+w {entry}; rm -rf {entry})") from e


def new_build_folder(layout: Layout) -> Path:
    try:
        out = Path(tempfile.mkdtemp(prefix="build-", dir=layout.builds))
    except OSError as e:
        raise Failure(f"cannot create a build folder in {layout.builds}: {e.strerror}; the site is unchanged",
                      f"make {layout.builds.resolve()} writable") from e
    umask = os.umask(0)
    os.umask(umask)
    out.chmod(0o777 & ~umask)  # mkdtemp makes it private; a site is read by others
    return out


def run_builder(command: list[str], out: Path, lock: int) -> None:
    try:
        code = subprocess.run([*command, str(out)], pass_fds=(lock,)).returncode
    except OSError as e:
        raise Failure(f"cannot run {command[0]}: {e.strerror}", "`make build` installs what the build needs") from e
    if code != 0:
        how = f"exit status {code}" if code > 0 else f"killed by signal {-code}"
        raise Failure(f"the build failed ({how}); the site is unchanged", "fix what the build printed above")
    if not (out / "index.html").is_file():
        raise Failure("the build wrote no index.html; the site is unchanged", "check the build's output folder")


def exchange(a: Path, b: Path) -> None:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        raise OSError(errno.ENOSYS, "renameat2 is not available here") from None
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def swap(layout: Layout, out: Path) -> Path | None:
    """Point `site` at ``out`` in one rename; returns what it pointed at before, to remove."""
    site, link = layout.site, layout.builds / NEXT_LINK
    try:
        remove(link)
        link.symlink_to(os.path.relpath(out, site.parent))
        checkpoint("linked")
        if site.is_dir() and not site.is_symlink():  # a folder from before this tool: swap it out whole
            try:
                exchange(link, site)
            except OSError as e:
                raise Failure(f"{site} is a folder left by an older build and cannot be swapped atomically here "
                              f"({e.strerror}); it is unchanged", f"remove it (rm -rf {site}) and build again") from e
            return link
        if os.path.lexists(site) and not site.is_symlink():
            raise Failure(f"{site} is a file, not a site; it is unchanged", "move it away and build again")
        os.replace(link, site)
    except OSError as e:
        raise Failure(f"cannot switch {site} to the new build: {e.strerror}; it is unchanged",
                      f"make {site.parent.resolve()} writable") from e
    return None


def build(layout: Layout, command: list[str]) -> None:
    lock = take_lock(layout)
    checkpoint("locked")
    remove_stale(layout)
    checkpoint("cleaned")
    previous = layout.current()
    legacy = layout.site if layout.site.is_dir() and not layout.site.is_symlink() else None
    for folder in (p for p in (previous, legacy) if p is not None):
        removable(folder)
    for folder in (layout.site.parent, layout.builds):
        if not os.access(folder, os.W_OK | os.X_OK):
            raise Failure(f"{folder.resolve()} is not writable, so {layout.site.name} cannot be switched; "
                          "it is unchanged", f"make {folder.resolve()} writable")
    out = new_build_folder(layout)
    try:
        run_builder(command, out, lock)
        checkpoint("built")
        migrated = swap(layout, out)
    except BaseException:
        with contextlib.suppress(OSError):  # else the next build removes it
            remove(out)
        raise
    checkpoint("swapped")
    for old in (p for p in (previous, migrated) if p is not None):
        try:
            remove(old)
        except OSError as e:
            raise Failure(f"the new site is in place, but the previous build {old} could not be removed: {e.strerror}",
                          f"remove it by hand (rm -rf {old})") from e


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the link to switch (default: site)")
    parser.add_argument("command", nargs="*", help="after --: the builder, given the output folder last "
                                                   "(default: python -m mkdocs build --strict --site-dir)")
    args = parser.parse_args(argv)
    try:
        build(Layout(args.site), args.command or MKDOCS)
    except Failure as e:
        print(f"build_site: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # none is expected: every step above says what it could not do
        print(f"build_site: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("build_site: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
