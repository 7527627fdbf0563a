"""relations.py: how answers to one question relate, one rule per case."""

from __future__ import annotations

import pytest

from conftest import REPO
from generator.analyse import Answer, TopicClaims, answer_key, qualifier_key
from generator.corpus import Record, Sourced
from generator.dating import ArticleDate
from generator.model import Claim, When
from generator.registry import Topic
from generator.relations import OPEN_ANSWERS, find

UNDATED = When(date=None, precision="unknown")


def _record(rid: str) -> Record:
    # Only the id is read by the rules; the rest is never touched.
    return Record(rid, f"briefs/{rid}.yaml", None, None)  # type: ignore[arg-type]


def _claims(relation: str, given: list[tuple[str, ...]]) -> TopicClaims:
    """A question and its claims, as (brief id, answer) or (brief id, answer, qualifier)."""
    topic = Topic(id="q", name="Q", kind="question", relation=relation)
    groups: dict = {}
    for rid, answer, *qualifier in given:
        claim = Claim(topic="q", answer=answer, qualifier=qualifier[0] if qualifier else None, claim="c",
                      attribution="outlet", cite=[1])
        groups.setdefault((qualifier_key(claim), answer_key(answer)), []).append(Sourced(_record(rid), claim))
    answers = tuple(Answer(k, q, tuple(v)) for (q, k), v in groups.items())
    return TopicClaims(topic, answers, tuple(s for a in answers for s in a.claims))


def _dates(**days: str | None) -> dict[str, ArticleDate]:
    return {rid: ArticleDate(When(date=d, precision="day") if d else UNDATED) for rid, d in days.items()}


def _verdict(relation, given, **days):
    return find(_claims(relation, given), _dates(**days))


@pytest.mark.parametrize("relation", ["single", "set", "status"])
def test_two_answers_from_one_source_are_not_a_contradiction(relation):
    f = _verdict(relation, [("a", "yes"), ("a", "no")], a="2025-10-28")
    assert f.verdict is None and [s.record.id for s in f.same_source] == ["a"]


def test_different_values_from_different_sources_contradict():
    f = _verdict("single", [("a", "General"), ("b", "Field Marshal"), ("c", "Field Marshal")], a=None, b=None, c=None)
    assert f.verdict == "contradicts" and len(f.contradictions) == 1


def test_the_same_answer_agrees():
    assert _verdict("single", [("a", "Egypt and Jordan"), ("b", "Jordan, Egypt")], a=None, b=None).verdict is None


def test_a_superset_adds_detail():
    f = _verdict("set", [("a", "Egypt and Jordan"), ("b", "Egypt, Jordan, Libya and Saudi Arabia")], a=None, b=None)
    assert f.verdict == "adds detail"


def test_two_lists_neither_holding_the_other_name_different_items():
    # Neither agreement nor added detail: "Indonesia" offered says nothing of Pakistan.
    f = _verdict("set", [("a", "Indonesia", "offered"), ("b", "Pakistan", "offered")], a=None, b=None)
    assert f.verdict == "names different items"
    overlap = _verdict("set", [("a", "Egypt and Jordan"), ("b", "Jordan and Libya")], a=None, b=None)
    assert overlap.verdict == "names different items"


def test_lists_under_different_qualifiers_name_different_items():
    # A contender is not an offer: the longer list adds no detail to the shorter,
    # and a country said not to have offered is still a contender.
    wider = _verdict("set", [("a", "Indonesia", "offered"), ("b", "Indonesia and Pakistan", "leading contenders")],
                     a=None, b=None)
    assert wider.verdict == "names different items"
    excluded = _verdict("set", [("a", "not Pakistan", "offered"), ("b", "Pakistan", "leading contenders")],
                        a=None, b=None)
    assert excluded.verdict == "names different items" and not excluded.contradictions


def test_lists_under_the_same_qualifier_compare_as_lists():
    assert _verdict("set", [("a", "Indonesia", "Offered"), ("b", "Indonesia and Egypt", "offered.")],
                    a=None, b=None).verdict == "adds detail"
    assert _verdict("set", [("a", "not Pakistan", "offered"), ("b", "Pakistan", "offered")],
                    a=None, b=None).verdict == "contradicts"
    # Qualifiers that differ only in case and a full stop are one answer.
    assert _verdict("set", [("a", "Indonesia", "Offered"), ("b", "indonesia", "offered.")], a=None, b=None).verdict is None


@pytest.mark.parametrize("relation", ["single", "set", "status"])
def test_an_answer_that_says_the_question_is_open_contradicts_nothing(relation):
    f = _verdict(relation, [("a", "unclear"), ("b", "yes, includes disarming Hamas")], a="2025-10-28", b="2025-10-28")
    assert f.verdict == "leaves open" and not f.contradictions
    (d,) = f.differences
    assert (d.a.text, d.b.text) == ("unclear", "yes, includes disarming Hamas")  # the open answer first
    assert _verdict(relation, [("a", "unclear"), ("b", "not confirmed")], a=None, b=None).verdict is None


def test_a_status_open_then_answered_is_still_a_change():
    f = _verdict("status", [("old", "not yet clear"), ("new", "UN mandate")], old="2025-10-28", new="2025-11-17")
    assert f.verdict == "changed"


def test_an_explicit_exclusion_contradicts():
    f = _verdict("set", [("a", "Pakistan"), ("b", "Egypt, Jordan; not Pakistan")], a=None, b=None)
    assert f.verdict == "contradicts"


def test_a_dated_change_is_a_change_in_order():
    f = _verdict("status", [("new", "UN mandate"), ("old", "not yet clear")], new="2025-11-17", old="2025-10-28")
    assert f.verdict == "changed"
    (d,) = f.differences
    assert (d.a.text, d.b.text, d.earlier.id, d.later.id) == ("not yet clear", "UN mandate", "old", "new")


def test_a_status_at_one_date_from_two_sources_contradicts():
    f = _verdict("status", [("a", "decided"), ("b", "not decided")], a="2025-10-28", b="2025-10-28")
    assert f.verdict == "contradicts"


def test_a_status_from_an_undated_source_cannot_be_ordered():
    f = _verdict("status", [("a", "decided"), ("b", "not decided")], a="2025-10-28", b=None)
    assert f.verdict == "cannot be ordered"


def test_a_bound_orders_an_undated_source_after_an_earlier_date():
    topic = _claims("status", [("old", "not yet clear"), ("new", "UN mandate")])
    dates = {"old": ArticleDate(When(date="2025-10-28", precision="day")),
             "new": ArticleDate(UNDATED, When(date="2025-11-17", precision="day"), (5,), derived=True)}
    assert find(topic, dates).verdict == "changed"


def test_a_source_that_gives_both_answers_does_not_disagree_with_either():
    # b says both "preparing" and "under process"; c says "under process": no source disagrees with another.
    f = _verdict("single", [("b", "preparing"), ("b", "under process"), ("c", "under process")], b=None, c=None)
    assert f.verdict is None



def test_every_open_answer_is_documented_for_editors():
    for page in ("CONTRIBUTING.md", "docs/methodology.md"):
        text = " ".join((REPO / page).read_text(encoding="utf-8").split())
        assert all(f"`{word}`" in text for word in OPEN_ANSWERS), page
