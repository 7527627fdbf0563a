"""Schema and provenance errors, pinned exactly, from `python -m generator check`."""

from __future__ import annotations

from conftest import cli

BRIEF = "briefs/fixture-brief.yaml"


def edit(project, old: str, new: str, path: str = BRIEF) -> None:
    f = project / path
    text = f.read_text(encoding="utf-8")
    assert old in text, old
    f.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(project) -> tuple[int, list[str]]:
    result = cli(project, "check")
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr.splitlines()


def test_valid_fixture(project):
    result = cli(project, "check")
    assert (result.returncode, result.stdout) == (0, "1 briefs and 2 entities are valid.\n")


def test_schema_errors_are_collected_with_positions(project):
    edit(project, "summary:", "sumary:")
    edit(project, "    precision: day\n    note: The article", "    precision: day\n    note: The article")
    edit(project, "date: 2025-11-02", "date: 2025-13-45")
    edit(project, "    cite: [4]\nquotes", "    cite: [four]\nquotes")
    edit(project, "tone: neutral", "tone: angry")
    edit(project, "headline: Ministry", "headline:\n    - Ministry")
    code, lines = check(project)
    assert code == 1
    assert lines == [
        "briefs/fixture-brief.yaml:6:5: `source.headline` must be text, not a list (hint: the site's Field reference page, under Editors, gives each field's type)",
        "briefs/fixture-brief.yaml:10:5: `source.published`: '2025-13-45' is not a real date",
        "briefs/fixture-brief.yaml:18:1: unknown field `sumary` (hint: did you mean `summary`?)",
        "briefs/fixture-brief.yaml:23:12: `key_points[1].cite[0]` must be a whole number, not `four` (hint: the site's Field reference page, under Editors, gives each field's type)",
        "briefs/fixture-brief.yaml:63:9: `framing.tone` is `angry`, which is not allowed (hint: use one of: 'neutral', 'analytical', 'favourable', 'critical' or 'sensational')",
        "Error: 5 problems in the briefs",
    ]


def test_missing_nullable_field_hint(project):
    edit(project, "  outlet: null\n", "")
    assert check(project)[1][0] == (
        "briefs/fixture-brief.yaml:4:3: missing required field `outlet` in `source` "
        "(hint: add `outlet:` (write `outlet: null` when the article does not state it))")


def test_provenance_errors(project):
    edit(project, "  - text: under review\n", "  - text: under reveiw\n")
    edit(project, "    cite: [4]\nquotes", "    cite: [9]\nquotes")
    edit(project, "speaker: the-minister", "speaker: the-ministre")
    edit(project, "topic: un-mandate", "topic: no-such-topic")
    edit(project, "tags: [decision-status]", "tags: [decision-stat]")
    code, lines = check(project)
    assert code == 1
    assert lines == [
        "briefs/fixture-brief.yaml:22:12: cites paragraph 9, but fixture.txt has 6 paragraphs (hint: cite paragraphs inside `source.scope`; count non-empty lines from 1)",
        "briefs/fixture-brief.yaml:24:11: the quote does not appear verbatim in fixture.txt (hint: closest passage, paragraph 3: \"under review\")",
        "briefs/fixture-brief.yaml:25:14: unknown entity id `the-ministre` (hint: did you mean `the-minister`?)",
        "briefs/fixture-brief.yaml:45:12: unknown topic id `no-such-topic` (hint: add it to briefs/registry/topics.yaml or use an existing id)",
        "briefs/fixture-brief.yaml:76:8: unknown tag `decision-stat` (hint: did you mean `decision-status`?)",
        "Error: 5 problems in the briefs",
    ]


def test_cite_outside_scope_and_quote_in_wrong_paragraph(project):
    edit(project, "    cite: [4]\nquotes", "    cite: [6]\nquotes")
    edit(project, "      note: '\"On Monday\" read against the article''s date.'\n    cite: [3]",
         "      note: '\"On Monday\" read against the article''s date.'\n    cite: [4]")
    code, lines = check(project)
    assert lines[:2] == [
        "briefs/fixture-brief.yaml:22:12: cites paragraph 6, but the brief's scope is paragraphs 1-5 (hint: cite paragraphs inside `source.scope`; count non-empty lines from 1)",
        "briefs/fixture-brief.yaml:24:11: the quote is in paragraph 1, not in the cited paragraphs 4 (hint: cite paragraph 1)",
    ]


def test_seed_must_be_a_file_in_seeds(project):
    edit(project, "seed: fixture.txt", "seed: ../../etc/passwd")
    assert check(project)[1][0].startswith(
        "briefs/fixture-brief.yaml:4:9: `source.seed` is `../../etc/passwd`, which is not in the expected form")
    edit(project, "seed: ../../etc/passwd", "seed: missing.txt")
    assert check(project)[1][0] == (
        "briefs/fixture-brief.yaml:4:9: no seed file `missing.txt` in seeds/ "
        "(hint: copy the article into seeds/ unchanged, and give its file name here)")


def test_bad_file_name_and_header(project):
    (project / BRIEF).rename(project / "briefs" / "Bad Name.yaml")
    assert check(project)[1][0] == (
        "briefs/Bad Name.yaml: `Bad Name` is not a valid brief id (hint: name the file with lower-case "
        "letters, digits and hyphens, e.g. `asif-says-decision-pending.yaml`)")


def test_first_line_names_the_schema(project):
    edit(project, "# yaml-language-server: $schema=schema/brief.schema.json\n", "")
    assert check(project)[1][0] == (
        "briefs/fixture-brief.yaml:1:1: the first line must name the schema for editors "
        "(hint: make line 1 exactly `# yaml-language-server: $schema=schema/brief.schema.json`)")
