"""The Zensical path: the same site without MkDocs' hook, built by Zensical.

Material for MkDocs reaches end of life on 5 May 2027.  Zensical reads
mkdocs.yml but runs no MkDocs hooks, so the generated pages are written to
disk first, with the CLI (`python -m generator render`), into a copy of
docs/, and Zensical builds that:

    build/zensical/
        mkdocs.yml   the project's, copied unchanged
        docs/        docs/ copied, then the rendered pages over it
        overrides …  every other top-level entry, linked: paths in mkdocs.yml
                     (theme.custom_dir, say) resolve as they do at the root
        site/        the built site
        .cache/      Zensical's cache

Run it from the project folder with `make zensical` or
`python tools/zensical_build.py`.  A build recipe, not part of the generator.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

OUT = Path("build/zensical")
MISSING = ("zensical is not installed: run `.venv/bin/pip install -r requirements-dev.txt` "
           "(it pins the Zensical release this build is tested with)")
# Never linked into the build folder: what is copied, what is built, and
# hidden entries (.git, .venv, .cache).
_NOT_LINKED = {"docs", "mkdocs.yml", "build", "site", "site.new", "site.old"}


def prepare(root: Path, out: Path) -> None:
    """The build folder: config and docs copied, the rest linked, pages rendered."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for item in sorted(root.iterdir()):
        if item.name not in _NOT_LINKED and not item.name.startswith("."):
            (out / item.name).symlink_to(os.path.relpath(item.resolve(), out.resolve()))
    shutil.copy2(root / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(root / "docs", out / "docs")
    # The CLI, exactly as documented: the pages the hook would add, on disk.
    subprocess.run([sys.executable, "-m", "generator", "render", str(out / "docs"), "--root", str(root)], check=True)


def main(root: Path = Path(".")) -> int:
    if importlib.util.find_spec("zensical") is None:
        print(MISSING, file=sys.stderr)
        return 1
    out = root / OUT
    try:
        prepare(root, out)
        subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--strict"], cwd=out, check=True)
    except subprocess.CalledProcessError as e:
        return e.returncode or 1
    print(f"built {out / 'site'} with Zensical")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
