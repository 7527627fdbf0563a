"""Delivery 2: the command line, `python -m generator COMMAND`.

Thin by design: each command calls the same functions as the hook.  User
errors leave through click with exit status 1 and no traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .errors import BriefsInvalid, visible

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
    from .analyse import analyse, shared_key_notes
    from .corpus import read_corpus

    try:
        corpus = read_corpus(root)
    except BriefsInvalid as e:
        _report(e, _github(github))
    for note in shared_key_notes(analyse(corpus).timeline):
        click.echo(f"note: {note}", err=True)
    click.echo(f"{len(corpus.records)} briefs and {len(corpus.entities)} entities are valid.")


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
def render(out: Path, root: Path) -> None:
    """Write the generated pages as Markdown into OUT, for builders without hooks."""
    from .exports import site_info
    from .site import build
    from .write import write_outputs

    try:
        info = site_info(root)
        outputs = build(root, site_name=info["site_name"] or "", site_url=info["site_url"])
    except BriefsInvalid as e:
        _report(e, _github(False), "; nothing was written")
    # The exports and the feed go beside the pages: MkDocs copies them to the site.
    written = write_outputs(outputs, out)
    click.echo(f"wrote {written} pages to {out}")


@main.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
def schema(root: Path) -> None:
    """Rewrite the JSON Schemas in briefs/schema/ from the models."""
    from .schema import write_schemas

    for path in write_schemas(root):
        click.echo(f"wrote {path}")


@main.command()
@click.argument("seed", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "brief_id", help="Write the draft to briefs/ID.yaml (never over an existing file) instead of printing it.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
def new(seed: Path, brief_id: str | None, root: Path) -> None:
    """Draft a brief for SEED, an article in seeds/: what the text shows is filled in, the rest marked TODO."""
    from .draft import DraftError, draft, other_briefs, todo_count, write_draft

    try:
        text = draft(root, seed)
        if brief_id is None:
            click.echo(text, nl=False)
            return
        rel = write_draft(root, brief_id, text)
    except DraftError as e:
        raise click.ClickException(visible(str(e))) from None
    for other in other_briefs(root, seed.name):
        if other != rel:
            click.echo(visible(f"note: {other} already covers {seed.name}"), err=True)
    click.echo(f"wrote {visible(str(rel))} with {todo_count(text)} TODOs; write them, then run `python -m generator check`")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
