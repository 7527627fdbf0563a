"""Delivery 2: the command line, `python -m generator COMMAND`.

Thin by design: each command calls the same functions as the hook.  User
errors leave through click with exit status 1 and no traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .errors import BriefsInvalid

ROOT_HELP = "Project folder holding briefs/ and seeds/ (default: the current folder)."


def _report(e: BriefsInvalid, github: bool, after: str = "") -> None:
    for problem in e.problems:
        click.echo(problem.format(), err=True)
        if github:
            click.echo(problem.github())
    raise click.ClickException(f"{e}{after}")


def _github(flag: bool) -> bool:
    return flag or os.environ.get("GITHUB_ACTIONS") == "true"


@click.group()
def main() -> None:
    """Turn YAML briefs into the briefing site's Markdown pages."""


@main.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
@click.option("--github", is_flag=True, help="Also print errors as GitHub workflow commands (on by default in GitHub Actions).")
def check(root: Path, github: bool) -> None:
    """Validate every brief and registry, and check each against its article."""
    from .corpus import read_corpus

    try:
        corpus = read_corpus(root)
    except BriefsInvalid as e:
        _report(e, _github(github))
    click.echo(f"{len(corpus.records)} briefs and {len(corpus.entities)} entities are valid.")


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
def render(out: Path, root: Path) -> None:
    """Write the generated pages as Markdown into OUT, for builders without hooks."""
    from .site import build
    from .write import write_pages

    try:
        pages = build(root)
    except BriefsInvalid as e:
        _report(e, _github(False), "; nothing was written")
    written = write_pages(pages, out)
    click.echo(f"wrote {written} pages to {out}")


@main.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
def schema(root: Path) -> None:
    """Rewrite the JSON Schemas in briefs/schema/ from the models."""
    from .schema import write_schemas

    for path in write_schemas(root):
        click.echo(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
