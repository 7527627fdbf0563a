"""`python -m generator new seeds/FILE.txt`: a first draft of a brief.

The draft holds only what the article itself shows (a headline line, a date
stamp, a byline), each with a `# check:` comment naming its paragraph.
Everything a person must write is left `null` or `[]` with a `# TODO:`
comment.  Those values are invalid on purpose: `generator check`, and every
build, refuses an unfinished draft with one error on each TODO line, so a
draft can never be published by accident; once the TODOs are written the
brief validates.

Nothing is guessed.  No URL, no outlet (a page layout is not evidence of a
publisher) and no speaker are ever filled in.  What could help the writer
(quotations and the names near them, registry entities, dates, the dateline,
layout lines, where a second article seems to begin) is listed in comments,
which the writer copies from; comments never become values by accident.
"""

from __future__ import annotations

import re
from pathlib import Path

from .article import read_article
from .corpus import load_registries
from .draft_yaml import render_draft
from .errors import Problems
from .model import ID_PATTERN, SEED_PATTERN
from .paths import BRIEFS_DIR, SEEDS_DIR, inside
from .seeds import read_seed


class DraftError(Exception):
    """A user error: the message says what to do."""


def draft(root: Path, seed_path: Path) -> str:
    """The draft brief for ``seed_path`` (a file in root/seeds/), as YAML text."""
    shown = seed_path.as_posix()
    if not seed_path.is_file():
        raise DraftError(f"no such file: {shown}")
    seeds = root / SEEDS_DIR
    if not (inside(seed_path, seeds) and seed_path.resolve().parent == seeds.resolve()):
        raise DraftError(f"`{shown}` is not in {SEEDS_DIR}/: copy the article into {SEEDS_DIR}/ unchanged, "
                         f"then run `python -m generator new {SEEDS_DIR}/{seed_path.name}`")
    if not re.fullmatch(SEED_PATTERN, seed_path.name):
        raise DraftError(f"`{seed_path.name}` cannot be a seed name: use letters, digits, `_`, `.` and `-`, ending in `.txt`")
    rel = f"{SEEDS_DIR}/{seed_path.name}"
    problems = Problems()
    # Screened as `check` screens it: an article that check refuses (a hidden
    # character, a line break other than a line feed, which would number the
    # paragraphs differently) gets no draft to cite it by.
    seed = read_seed(seed_path, rel, problems)
    if seed is None:
        raise DraftError(next(iter(problems)).format())
    if not seed.paragraphs:
        raise DraftError(f"{rel} has no text: a paragraph is a non-empty line")
    registry_problems = Problems()
    registries = load_registries(root, registry_problems)
    # A broken registry must not stop a draft: it only loses the name hints.
    entities = {} if registry_problems else registries.entities
    tags = [] if registry_problems else list(registries.tags)
    return render_draft(read_article(seed, entities, tags), rel)


def other_briefs(root: Path, seed_name: str) -> list[str]:
    """Briefs that already name this seed (a seed may hold two articles, so this is only a note)."""
    pattern = re.compile(r"^\s*seed:\s*[\"']?" + re.escape(seed_name) + r"[\"']?\s*(?:#.*)?$", re.M)
    folder = root / BRIEFS_DIR
    found = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            if pattern.search(path.read_text(encoding="utf-8")):
                found.append(f"{BRIEFS_DIR}/{path.name}")
        except (OSError, UnicodeDecodeError):
            continue
    return found


def write_draft(root: Path, brief_id: str, text: str) -> str:
    """Write the draft to briefs/ID.yaml, never over an existing file; return its path."""
    if not re.fullmatch(ID_PATTERN, brief_id):
        raise DraftError(f"`{brief_id}` is not a valid brief id: use lower-case letters, digits and hyphens, "
                         "e.g. `asif-says-decision-pending`")
    rel = f"{BRIEFS_DIR}/{brief_id}.yaml"
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x": create only, so a brief written since the check is not lost either.
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise DraftError(f"{rel} already exists; choose another --id or delete the file first") from None
    return rel


def todo_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if "# TODO" in line and not line.lstrip().startswith("#"))
