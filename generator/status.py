"""The home page's status block (briefs/registry/status.yaml): where things stand.

An editor writes one line on where Pakistan's decision stands, the brief
writer's ICD 203 judgement on it, and the key figures a reader looks for.
It is validated like a brief: every part rests on cited paragraphs of
briefs in the corpus (a status that cites nothing is refused), and every
key figure must appear, as written, in a paragraph it cites.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .errors import Problems
from .fields import Cite, Confidence, Id, Likelihood, Short, Strict, Text
from .load import load
from .paths import REGISTRY_DIR
from .provenance import check_brief_cite
from .seeds import fold
from .validate import check_header, to_model

FILE = f"{REGISTRY_DIR}/status.yaml"
SCHEMA_REF = "../schema/status.schema.json"


class BriefCite(Strict):
    """Paragraphs of one brief's article."""

    brief: Id = Field(description="The brief's id (its file name without .yaml).")
    cite: Cite


class Judgement(Strict):
    """The brief writer's judgement on where things are heading: labelled as judgement on the site."""

    text: Text = Field(description="The judgement, worded with its likelihood term.")
    likelihood: Likelihood = Field(description="ICD 203 expression of likelihood.")
    confidence: Confidence = Field(description="Confidence in the judgement: low, moderate or high.")
    basis: Text = Field(description="What the judgement rests on, in words.")
    rests_on: list[BriefCite] = Field(min_length=1, description="The briefs and paragraphs it rests on.")


class KeyFigure(Strict):
    """A number a reader looks for, as an article gives it."""

    figure: Short = Field(description="The figure exactly as the cited paragraph writes it (`20,000`, `2803`).")
    label: Text = Field(description="What the figure counts or names, in neutral words.")
    source: BriefCite = Field(description="Where an article gives it.")


class Status(Strict):
    """briefs/registry/status.yaml"""

    headline: Short | None = Field(None, description="Where the decision stands in a few words, shown in bold "
                                   "before the line (`No decision reported.`).")
    line: Text = Field(description="Where Pakistan's decision stands, as the newest sources report it: "
                       "who reports what, and when.")
    rests_on: list[BriefCite] = Field(min_length=1, description="The briefs and paragraphs the line rests on.")
    judgement: Judgement | None = Field(None, description="The brief writer's judgement, if one is made.")
    key_figures: list[KeyFigure] = Field(default_factory=list, description="The numbers a reader looks for.")

    def cited(self) -> list[tuple[tuple[str | int, ...], BriefCite]]:
        """Every brief cite in the block, with where it is in the file."""
        places: list[tuple[tuple[str | int, ...], BriefCite]] = [(("rests_on", i), c) for i, c in enumerate(self.rests_on)]
        if self.judgement:
            places += [(("judgement", "rests_on", i), c) for i, c in enumerate(self.judgement.rests_on)]
        return places + [(("key_figures", i, "source"), f.source) for i, f in enumerate(self.key_figures)]


def read_status(root: Path, records: dict, problems: Problems) -> Status | None:
    """The status block, checked against the briefs (brief id -> Record); None when there is none."""
    if not (root / FILE).is_file():
        return None
    doc = load(root / FILE, FILE, problems)
    if doc is None:
        return None
    check_header(doc, SCHEMA_REF, problems)
    status = to_model(doc, Status, problems)
    if status is None:
        return None
    for loc, c in status.cited():
        check_brief_cite(c.brief, c.cite, doc, loc, records, problems)
    for i, f in enumerate(status.key_figures):
        record = records.get(f.source.brief)
        if record is not None and not any(fold(f.figure) in fold(record.seed.paragraph(n)) for n in f.source.cite
                                          if 1 <= n <= len(record.seed.paragraphs)):
            problems.add(FILE, *doc.where(("key_figures", i, "figure")),
                         f"`{f.figure}` does not appear in the cited paragraphs of `{f.source.brief}`",
                         "write the figure exactly as the article does, and cite its paragraph")
    return status
