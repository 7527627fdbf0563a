"""Delivery 1: the MkDocs hook (`hooks:` in mkdocs.yml).

Adds the generated pages and files to the build in memory with
`File.generated`, so nothing is written into docs/ and `mkdocs serve`
cannot loop on its own output; a deleted brief's page is simply not
generated on the next build.  Bad briefs abort the build with one
`path:line:col: message` line each.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import NoReturn, cast

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

# MkDocs loads a hook from its file path, outside any package, so the
# project folder is put on the path to import the generator package itself.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator import live, page_cache, reproducible, sanitize, search, site, tables, tags_config, theme_cache  # noqa: E402
from generator.errors import BriefsInvalid, Problems  # noqa: E402
from generator.output import DuplicateOutput, Output  # noqa: E402
from generator.paths import SEARCH_CACHE_DIR, TEMPLATE_CACHE_DIR  # noqa: E402

sys.path.pop(0)

log = logging.getLogger("mkdocs.plugins.generator")
#: The Markdown extension for views written as HTML, by the name Python-Markdown imports.
PRERENDERED = "generator.prerendered"
#: Kept for the life of the process: the last good site while a brief is broken (live.py).
preview = live.Preview()
#: Rendered pages kept between builds (generator/page_cache.py).
pages = page_cache.PageCache()
#: Under serve, each page's output from the theme kept between rebuilds (generator/theme_cache.py).
themed = theme_cache.ThemeCache()


def on_startup(command: str, dirty: bool) -> None:
    preview.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The sitemap's date from the last commit, not the clock (generator/reproducible.py).
    root = _root(config)
    reproducible.pin_build_date(root)
    # Views written as HTML pass through Python-Markdown unparsed (generator/prerendered.py).
    if PRERENDERED not in config.markdown_extensions:
        config.markdown_extensions.append(PRERENDERED)
    tags = config.plugins.get("material/tags")
    if tags is not None and tags.config.tags_allowed:
        problems = tags_config.tags_allowed_problems(root, {tag.name for tag in tags.config.tags_allowed})
        if problems:
            _fail(problems, "the tags in mkdocs.yml and briefs/registry/tags.yaml differ: fix the lines above")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    preview.stop_index()  # under serve, the last build's search index is stopped first


def on_shutdown() -> None:
    # Serve removes its site folder next; Pagefind still writing into it made that fail.
    preview.stop_index()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = _root(config)
    try:
        outputs = site.build(root, Path(config.docs_dir), config.site_name, config.site_url, preview.memo(root))
    except BriefsInvalid as e:
        # While serving, keep the last good pages and say so on every page (generator/live.py).
        if (kept := preview.fallback(root, e.problems)) is None:
            _fail(e.problems, f"{e}: fix the lines above, then save again")
        for line in e.problems.lines():
            log.error(line)
        log.warning(f"{e}: serving the last good version until they are fixed")
        outputs = kept
    except DuplicateOutput as e:  # a bug in a view, not in the briefs
        raise PluginError(f"the generator made {e}") from None
    else:
        preview.remember(root, outputs)
    _add(files, config, root, outputs)
    return files


def _add(files: Files, config: MkDocsConfig, root: Path, outputs: list[Output]) -> None:
    """Add every output as a generated file.  Only the home page's introduction
    (docs/index.md, read into the generated home page) may stand at a generated
    path; any other hand-written file there is an error, not silently replaced."""
    docs = Path(config.docs_dir).resolve()
    # Edit links are relative to the docs folder; the YAML is this many levels up.
    up = "../" * len(docs.relative_to(root.resolve()).parts)
    clashes = Problems()
    for out in outputs:
        existing = files.get_file_from_path(out.uri)
        if existing is not None:
            if out.uri != site.INTRO:
                clashes.add(f"{docs.name}/{out.uri}", 0, 0, "a hand-written file stands where the generator writes one",
                            "move or rename it: this path is generated from the briefs")
            files.remove(existing)
        if out.is_page:
            # Only index pages are in the nav (it is rendered into every page, so a
            # nav entry per brief would make the build quadratic); the rest are
            # reached through the indexes and are not "omitted" files.
            inclusion = InclusionLevel.UNDEFINED if out.in_nav else InclusionLevel.NOT_IN_NAV
            f = File.generated(config, out.uri, content=out.text, inclusion=inclusion)
        else:
            f = File.generated(config, out.uri, content=out.text)
        if out.edit_source:
            # The edit link opens the YAML an editor should change, not generated Markdown.
            f.edit_uri = up + out.edit_source
        files.append(f)
    if clashes:
        _fail(clashes, "hand-written files stand at generated paths: fix the lines above")


def _fail(problems: Problems, message: str) -> NoReturn:
    for line in problems.lines():
        log.error(line)
    raise PluginError(message)


@event_priority(200)  # before any plugin renders a template (the tags plugin does at 100)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # The theme's templates compiled once, not on every build and every save under
    # `serve` (about a second each time): Jinja's own cache, checked against each
    # template's source, beside the page cache in build/.
    env.bytecode_cache = FileSystemBytecodeCache(str(_folder(config, TEMPLATE_CACHE_DIR)))
    return env


@event_priority(-100)  # last, so that every file any plugin adds is in the cache's key
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    pages.begin(_root(config), config, files)
    if preview.command == "serve":
        themed.begin(config, files, page_cache.code_key())
    return nav


@event_priority(-100)  # last: the cache's key is the Markdown exactly as it will be rendered
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # While serving a broken state, every page opens with the problems (generator/live.py).
    return pages.before_render(page, preview.banner() + markdown)


@event_priority(100)  # first: the cache keeps the HTML as rendering and this hook made it
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return pages.after_render(page, html, lambda rendered: _finish(rendered, page), files)


def _finish(html: str, page: Page) -> str:
    html = tables.label_cells(html)  # cells labelled for narrow screens (generator/tables.py)
    # Second layer against injection: generated pages through nh3 (generator/sanitize.py).
    return sanitize.page_content(html, page)


@event_priority(-100)  # last: the tags plugin has put the page's tag links into the context
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if preview.command == "serve":
        tags = config.plugins.get("material/tags")
        # A TypedDict to MkDocs; a plain dict to Jinja, which is what the cache adds its variable to.
        themed.lookup(cast(dict, context), page, nav, tags.config.tags_name_variable if tags else None)
    return context


@event_priority(100)  # first: what is kept is the template's output, before any plugin edits it
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if preview.command == "serve":
        themed.keep(output, page)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    pages.finish()
    # Full-text search: the Pagefind index of the site just written (generator/search.py);
    # under serve, after the build has returned, and stopped by the next save (live.py).
    site_dir, cache = Path(config.site_dir), _folder(config, SEARCH_CACHE_DIR)
    serving = preview.command == "serve"
    preview.after_build(lambda stop: search.index_site(site_dir, cache, stop, keep_serving=serving))


def _root(config: MkDocsConfig) -> Path:
    """The project folder: the one that holds mkdocs.yml, briefs/ and build/."""
    return Path(config.config_file_path).parent


def _folder(config: MkDocsConfig, name: str) -> Path:
    """A cache folder beside mkdocs.yml (build/...): kept between builds, safe to delete."""
    folder = _root(config) / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder
