"""corpus.Memo: what `serve` keeps between rebuilds is used only while it is still true."""

from __future__ import annotations

import pytest

from generator import corpus
from generator.corpus import Memo, read_corpus
from generator.errors import BriefsInvalid


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The briefs validated and checked, in order (a kept brief is neither)."""
    seen: list[str] = []
    to_model, check_brief = corpus.to_model, corpus.check_brief

    def counting_to_model(doc, model, problems):
        if model is corpus.Brief:
            seen.append("validated")
        return to_model(doc, model, problems)

    def counting_check(brief, doc, seed, registries, problems):
        seen.append("checked")
        return check_brief(brief, doc, seed, registries, problems)

    monkeypatch.setattr(corpus, "to_model", counting_to_model)
    monkeypatch.setattr(corpus, "check_brief", counting_check)
    return seen


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_brief_is_taken_from_the_memo(project, counted):
    memo = Memo()
    first = read_corpus(project, memo)
    assert counted == ["validated", "checked"]
    second = read_corpus(project, memo)
    assert counted == ["validated", "checked"]  # nothing read again
    assert second == first


def test_a_changed_brief_is_read_again(project, counted):
    memo = Memo()
    read_corpus(project, memo)
    _edit(project / "briefs" / "fixture-brief.yaml", "tone: neutral", "tone: analytical")
    assert read_corpus(project, memo).records[0].brief.framing.tone == "analytical"
    assert counted == ["validated", "checked"] * 2


def test_a_changed_article_checks_the_kept_brief_again(project, counted):
    memo = Memo()
    read_corpus(project, memo)
    _edit(project / "seeds" / "fixture.txt", "was “under review”", "was “being studied”")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(project, memo)
    assert counted == ["validated", "checked", "checked"]
    assert any("the quote is in paragraph 1, not in the cited paragraphs 3" in line for line in e.value.problems.lines())


def test_a_changed_registry_forgets_every_kept_brief(project, counted):
    memo = Memo()
    read_corpus(project, memo)
    _edit(project / "briefs" / "registry" / "entities.yaml", "id: the-minister,", "id: the-ministre,")
    with pytest.raises(BriefsInvalid) as e:
        read_corpus(project, memo)
    assert counted == ["validated", "checked"] * 2
    assert any("unknown entity id `the-minister`" in line for line in e.value.problems.lines())


def test_a_brief_with_a_problem_is_not_kept(project, counted):
    memo = Memo()
    _edit(project / "briefs" / "fixture-brief.yaml", "speaker: the-minister", "speaker: nobody-known")
    for _ in range(2):
        with pytest.raises(BriefsInvalid):
            read_corpus(project, memo)
    assert memo.briefs == {}
    assert counted == ["validated", "checked"] * 2


def _brief_page(root, memo):
    from generator import site

    return next(o for o in site.build(root, memo=memo) if o.uri == "briefs/fixture-brief.md")


def test_a_brief_page_is_rendered_again_only_when_what_it_shows_changed(project):
    """render/brief.py keeps each brief page in the memo with what it was made from."""
    memo = Memo()
    first = _brief_page(project, memo)
    assert _brief_page(project, memo) is first  # nothing changed: the kept page
    _edit(project / "briefs" / "fixture-brief.yaml", "tone: neutral", "tone: analytical")
    edited = _brief_page(project, memo)
    assert edited is not first and "analytical" in edited.content
    _edit(project / "briefs" / "registry" / "entities.yaml", "name: The Minister", "name: The Chief Minister")
    renamed = _brief_page(project, memo)
    assert renamed is not edited and "The Chief Minister" in renamed.content
    _edit(project / "seeds" / "fixture.txt", "before any deployment.", "before any deployment at all.")
    reread = _brief_page(project, memo)
    assert reread is not renamed and "before any deployment at all." in reread.content


def test_without_a_memo_every_brief_page_is_rendered(project):
    from generator import site

    first, second = (next(o for o in site.build(project) if o.uri == "briefs/fixture-brief.md") for _ in range(2))
    assert first is not second and first == second


def test_the_memo_keeps_one_brief_per_file_however_often_it_is_saved(project):
    memo = Memo()
    for tone in ("analytical", "critical", "neutral"):
        _edit(project / "briefs" / "fixture-brief.yaml", "tone: ", f"tone: {tone} #")
        read_corpus(project, memo)
    assert len(memo.briefs) == 1


def test_the_memo_forgets_a_deleted_brief(project):
    from generator import site

    memo = Memo()
    site.build(project, memo=memo)
    assert len(memo.briefs) == len(memo.pages) == 1
    brief = project / "briefs" / "fixture-brief.yaml"
    brief.rename(brief.with_name("fixture-brief-renamed.yaml"))
    site.build(project, memo=memo)
    assert [p.rsplit("/", 1)[-1] for p in memo.briefs] == ["fixture-brief-renamed.yaml"]
    assert list(memo.pages) == ["briefs/fixture-brief-renamed.yaml"]
