"""Delivery 1: the MkDocs hook (`hooks:` in mkdocs.yml).

Adds the generated pages to the build in memory with `File.generated`, so
nothing is written into docs/ and `mkdocs serve` cannot loop on its own
output; a deleted brief's page is simply not generated on the next build.
Bad briefs abort the build with one `path:line:col: message` line each.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

# MkDocs loads a hook from its file path, outside any package, so the
# project folder is put on the path to import the generator package itself.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator import live  # noqa: E402

sys.path.pop(0)

log = logging.getLogger("mkdocs.plugins.generator")


def _generator(module: str):
    """A module of the generator as it is now.  Looked up at each event, not
    imported once: while serving, edited code is reloaded between builds
    (generator/live.py), and a class kept from an older import would not
    match, so `except BriefsInvalid` would miss the new one."""
    return importlib.import_module(f"generator.{module}")


def on_startup(command: str, dirty: bool) -> None:
    live.started(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    live.refresh_code()  # first: the rest of this build runs the code as it is now
    # The sitemap's date from the last commit, not the clock (generator/reproducible.py).
    root = Path(config.config_file_path).parent
    _generator("reproducible").pin_build_date(root)
    tags = config.plugins.get("material/tags")
    if tags is not None and tags.config.tags_allowed:
        problems = _generator("tags_config").tags_allowed_problems(root, {tag.name for tag in tags.config.tags_allowed})
        if problems:
            for line in problems.lines():
                log.error(line)
            raise PluginError("the tags in mkdocs.yml and briefs/registry/tags.yaml differ: fix the lines above")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        pages, data_files = _generator("site").build_site(root, Path(config.docs_dir), config.site_name, config.site_url)
    except _generator("errors").BriefsInvalid as e:
        for line in e.problems.lines():
            log.error(line)
        # While serving, keep the last good pages and say so on every page (generator/live.py).
        if (kept := live.last_good(root, e.problems)) is None:
            raise PluginError(f"{e}: fix the lines above, then save again") from None
        log.warning(f"{e}: serving the last good version until they are fixed")
        pages, data_files = kept
    else:
        live.remember(root, (pages, data_files))
    # Edit links are relative to the docs folder; the YAML is this many levels up.
    up = "../" * len(Path(config.docs_dir).resolve().relative_to(root.resolve()).parts)
    for page in pages:
        existing = files.get_file_from_path(page.uri)
        if existing is not None:
            files.remove(existing)
        # Only index pages are in the nav (it is rendered into every page, so a
        # nav entry per brief would make the build quadratic); the rest are
        # reached through the indexes and are not "omitted" files.
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        f = File.generated(config, page.uri, content=page.markdown, inclusion=inclusion)
        if page.source:
            # The edit link opens the YAML an editor should change, not generated Markdown.
            f.edit_uri = up + page.source
        files.append(f)
    # Exports and the feed (generator/exports.py): copied to the site as they are.
    for path, content in data_files.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    # Second layer against injection: generated pages through nh3 (generator/sanitize.py).
    return _generator("sanitize").page_content(html, page)


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    # While serving a broken state, every page opens with the problems (generator/live.py).
    return live.banner() + markdown
