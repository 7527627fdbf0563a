"""`python -m generator new seeds/FILE.txt`: drafts that guess nothing, refuse to
validate while a TODO is left, and validate once every TODO is written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import REPO, cli, make_project, write
from generator.article import read_article
from generator.cli import main
from generator.corpus import read_corpus
from generator.draft import draft
from generator.draft_yaml import render_draft
from generator.errors import BriefsInvalid, Problems
from generator.load import parse
from generator.model import Brief, Entity
from generator.provenance import Registries, check_brief
from generator.seeds import Seed
from generator.validate import to_model

SEEDS = sorted(p.name for p in (REPO / "seeds").glob("*.txt"))


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """The real seeds and registries, and no briefs: drafts are checked on their own."""
    root = make_project(tmp_path / "project", real=True)
    for brief in (root / "briefs").glob("*.yaml"):
        brief.unlink()
    # The registries cite the real briefs (the status block, entity descriptions): not here.
    (root / "briefs/registry/status.yaml").unlink()
    entities = root / "briefs/registry/entities.yaml"
    entities.write_text(re.sub(r"    described_in:\n(      - .*\n)+", "", entities.read_text(encoding="utf-8")),
                        encoding="utf-8")
    shutil.copy(REPO / "tests/fixtures/project/seeds/fixture.txt", root / "seeds/fixture.txt")
    return root


def todo_lines(text: str) -> set[int]:
    return {i for i, line in enumerate(text.splitlines(), 1)
            if "# TODO" in line and not line.lstrip().startswith("#")}


# Values a person would write, by the key of the TODO line.
FILL = {
    "title": '"A neutral title"',
    "summary": '"The first sentence. The second sentence."',
    "key_points": '[{text: "A point the article makes.", cite: [1]}]',
    "tone": "neutral",
    "sourcing": "mixed",
    "precision": "unknown",
}


def fill(text: str, speaker: str) -> str:
    """Write every TODO, and take up every candidate quote and mention."""
    out = []
    section = None
    for line in text.splitlines():
        stripped = line.lstrip()
        if not stripped.startswith("#") and "# TODO" in line:
            indent, key = re.match(r"^(\s*)([a-z_]+):", line).groups()
            value = FILL.get(key)
            if key == "last":  # the draft says where the article probably ends
                value = re.search(r"ends at paragraph (\d+)", line).group(1)
            assert value is not None, f"no filling for TODO line: {line}"
            line = f"{indent}{key}: {value}"
        elif line == "quotes: []":
            line, section = "quotes:", "quotes"
        elif line == "mentions: []":
            line, section = "mentions:", "mentions"
        elif section and re.match(r"#  (- |  [a-z]+:)", line):
            # A commented-out candidate item: "#  - text: ..." -> "  - text: ...".
            line = line[1:].replace("speaker: TODO", f"speaker: {speaker}")
        elif not line.startswith("#"):
            section = None
        out.append(line)
    for i, line in enumerate(out):  # a list with no candidates stays empty
        if line in ("quotes:", "mentions:"):
            following = [x for x in out[i + 1:] if not x.startswith("#")]
            if not following or not following[0].startswith("  - "):
                out[i] = line + " []"
    return "\n".join(out) + "\n"


def test_new_prints_the_draft(project):
    result = cli(project, "new", "seeds/fixture.txt")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=schema/brief.schema.json"
    assert '  headline: "Ministry says plan is \\"under review\\""  # check: paragraph 1' in lines
    assert '    date: "2025-11-02"  # check: paragraph 2 reads "Updated 2 November 2025" ' \
           "(an update time: first publication may be earlier)" in lines
    assert "#   Dateline: CAPITAL (paragraph 3), where the article was filed." in lines
    assert "#  - text: \"under review\"" in lines and "#    cite: [1, 3]" in lines
    assert not (project / "briefs/fixture.yaml").exists()


def test_new_writes_briefs_id_yaml_and_never_overwrites(project):
    result = cli(project, "new", "seeds/fixture.txt", "--id", "minister-plan-review")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("wrote briefs/minister-plan-review.yaml with 5 TODOs; "
                             "write them, then run `python -m generator check`\n")
    assert result.stderr == "note: briefs/fixture-brief.yaml already covers fixture.txt\n"
    written = (project / "briefs/minister-plan-review.yaml").read_text(encoding="utf-8")
    assert written == cli(project, "new", "seeds/fixture.txt").stdout

    (project / "briefs/minister-plan-review.yaml").write_text("# mine\n", encoding="utf-8")
    again = cli(project, "new", "seeds/fixture.txt", "--id", "minister-plan-review")
    assert (again.returncode, again.stderr) == (
        1, "Error: briefs/minister-plan-review.yaml already exists; choose another --id or delete the file first\n")
    assert (project / "briefs/minister-plan-review.yaml").read_text(encoding="utf-8") == "# mine\n"


@pytest.mark.parametrize("args, message", [
    (["seeds/missing.txt"], "no such file: seeds/missing.txt"),
    (["elsewhere/article.txt"],
     "`elsewhere/article.txt` is not in seeds/: copy the article into seeds/ unchanged, "
     "then run `python -m generator new seeds/article.txt`"),
    (["seeds/bad name.txt"], "`bad name.txt` cannot be a seed name: use letters, digits, `_`, `.` and `-`, ending in `.txt`"),
    (["seeds/empty.txt"], "seeds/empty.txt has no text: a paragraph is a non-empty line"),
    (["seeds/latin1.txt"], "seeds/latin1.txt:1:4: the file is not valid UTF-8 (byte 0xe9) (hint: save the file with UTF-8 encoding)"),
    (["seeds/hidden.txt"], "seeds/hidden.txt:1:5: invisible or direction-changing character U+202E in text "
     "(hint: delete it: such characters make text display differently from what it says)"),
    (["seeds/fixture.txt", "--id", "Not_An_Id"],
     "`Not_An_Id` is not a valid brief id: use lower-case letters, digits and hyphens, e.g. `asif-says-decision-pending`"),
])
def test_user_errors(project, args, message, monkeypatch):
    write(project / "elsewhere/article.txt", "Text.\n")
    write(project / "seeds/bad name.txt", "Text.\n")
    write(project / "seeds/empty.txt", "\n  \n")
    (project / "seeds/latin1.txt").write_bytes("Café au lait\n".encode("latin-1"))
    write(project / "seeds/hidden.txt", "Text\u202e reversed.\n")  # refused by check: no draft either
    monkeypatch.chdir(project)  # in-process: these need no separate interpreter
    result = CliRunner().invoke(main, ["new", *args])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {message}\n")


def test_unfinished_drafts_fail_on_each_todo_and_nowhere_else(bare):
    texts = {}
    for i, name in enumerate(SEEDS + ["fixture.txt"]):
        texts[f"briefs/draft-{i}.yaml"] = text = draft(bare, bare / "seeds" / name)
        (bare / f"briefs/draft-{i}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(bare)
    found: dict[str, set[int]] = {path: set() for path in texts}
    for problem in e.value.problems:
        found[problem.path].add(problem.line)
    assert found == {path: todo_lines(text) for path, text in texts.items()}


def test_filled_drafts_validate_with_every_candidate_taken_up(bare):
    """Once the TODOs are written the brief passes, and every candidate quote
    and mention the draft lists is verbatim and cited inside the scope."""
    for i, name in enumerate(SEEDS + ["fixture.txt"]):
        text = fill(draft(bare, bare / "seeds" / name), speaker="khawaja-asif")
        assert not todo_lines(text) and "speaker: TODO" not in text
        (bare / f"briefs/draft-{i}.yaml").write_text(text, encoding="utf-8")
    corpus = read_corpus(bare)
    assert len(corpus.records) == len(SEEDS) + 1
    assert sum(len(r.brief.quotes) for r in corpus.records) > 10
    assert sum(len(r.brief.mentions) for r in corpus.records) > 10


SYNTHETIC = """\
World: talks resume on "the plan" \\ a #hashtag: {not: yaml}
Short Url
By Jane Q. Doe | Example Times
Published: Nov 3, 2025 10:30 PKT
https://example.com/articles/talks-resume
Follow
LAHORE: The envoy said on Friday that “we are close to agreement,” adding that talks began on October 28.
“Nothing is agreed until everything is agreed,” said Ambassador Kamal Uddin Shah.
Related
Another headline about something else
Updated 2 hours ago
Text of another article that quotes “somebody else” entirely.
"""


def test_it_fills_what_the_text_shows_and_guesses_nothing_else(bare):
    write(bare / "seeds/synthetic.txt", SYNTHETIC)
    text = draft(bare, bare / "seeds/synthetic.txt")
    lines = text.splitlines()
    doc = parse(text, "draft.yaml", Problems())
    source = doc.data["source"]
    # The headline is copied exactly, whatever YAML would make of it unquoted.
    assert source["headline"] == 'World: talks resume on "the plan" \\ a #hashtag: {not: yaml}'
    assert source["author"] == "Jane Q. Doe"  # the byline, without the outlet beside it
    # The outlet beside the byline, the layout and the URL in the text are not taken.
    assert (source["outlet"], source["url"]) == (None, None)
    assert source["published"] == {"date": "2025-11-03", "precision": "day", "basis": "stated",
                                   "note": "The article's own stamp reads 'Published: Nov 3, 2025 10:30 PKT' (paragraph 4)."}
    assert "    last: null  # TODO: paragraph 10 looks like the start of another article " \
           "(\"Another headline about something else\"); this one probably ends at paragraph 9" in lines
    assert "#   Layout lines, not part of the article and not evidence of an outlet: " \
           "2 ('Short Url'), 6 ('Follow'), 9 ('Related')." in lines
    assert "#   Dateline: LAHORE (paragraph 7), where the article was filed." in lines
    assert "#   paragraph 7: October 28" in lines and "#   paragraph 7: on Friday" in lines
    quotes = [line for line in lines if line.startswith("#  - text:")]
    # Paragraph 12 is another article's: no candidates from it.
    assert quotes == ['#  - text: "the plan"', '#  - text: "we are close to agreement"',
                      '#  - text: "Nothing is agreed until everything is agreed"']
    assert "#    # near: Ambassador Kamal Uddin Shah" in lines
    assert "#   Jane Q. Doe; Example Times; Ambassador Kamal Uddin Shah" in lines  # not in the registry
    assert "#   Short lines that read like subheads" not in text  # paragraph 10 is past the scope


# Lines that exercise each detector, mixed with arbitrary text.
_LINES = st.sampled_from([
    "Updated 29 October 2025", "Short Url", "Follow", "By Jane Doe", "LAHORE: Officials met.",
    '“Quoted words,” he said.', 'She said "we will see" and left.', "Updated 2 hours ago",
    "date 2025-10-28 The minister spoke.", "Zubair Amin is a Senior Journalist at NewsX", "‘scare quotes’ here",
    "A Headline Without A Full Stop",
])
_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), min_size=1, max_size=80)


@given(st.lists(st.one_of(_LINES, _TEXT), min_size=1, max_size=14))
@settings(max_examples=150, deadline=None)
def test_any_article_gives_a_draft_that_fails_only_on_todos_then_validates(paragraphs):
    seed = Seed("any.txt", "\n".join(paragraphs) + "\n")
    assume(seed.paragraphs)
    text = render_draft(read_article(seed, {}, []), "seeds/any.txt")
    problems = Problems()
    doc = parse(text, "any.yaml", problems)
    assert doc is not None and not problems, problems.lines()
    assert to_model(doc, Brief, problems) is None
    assert {p.line for p in problems} == todo_lines(text)

    filled = fill(text, speaker="someone")
    problems = Problems()
    doc = parse(filled, "any.yaml", problems)
    brief = to_model(doc, Brief, problems)
    assert brief is not None, problems.lines()
    entity = Entity(id="someone", name="Someone", kind="person")
    check_brief(brief, doc, seed, Registries({"someone": entity}, {}, {}), problems)
    assert not problems, problems.lines()  # every candidate quote is verbatim, cited in scope


def test_stamps_close_together_are_one_article(bare):
    write(bare / "seeds/two-stamps.txt", """\
        Officials meet on the plan
        Published 3 November 2025
        Updated 4 November 2025
        The officials met on Monday and agreed to meet again.
        """)
    text = draft(bare, bare / "seeds/two-stamps.txt")
    assert '    date: "2025-11-03"  # check: paragraph 2 reads "Published 3 November 2025"' in text.splitlines()
    assert "    last: 4  # check: the whole seed, 4 paragraphs; narrow it if part is another article" in text.splitlines()
    assert '#   Another date stamp in paragraph 3: "Updated 4 November 2025".' in text.splitlines()
