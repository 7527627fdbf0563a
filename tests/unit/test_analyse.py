"""The analysis of the five real briefs says what the issue's reviewers checked by hand."""

from __future__ import annotations

import re

from conftest import REPO
from generator.corpus import read_corpus
from generator.site import outputs, site_of

SITE = site_of(read_corpus(REPO))
A = SITE.analysis
PAGES = {o.uri: o.text for o in outputs(SITE) if o.is_page}
NEWEST = "pakistan-rules-out-disarming-hamas-weighs-gaza-force"  # undated, but reports 17 November


def test_newest_first_puts_the_article_written_after_17_november_first():
    assert A.newest_first[0].id == NEWEST
    assert A.as_of is not None and A.as_of.after is not None and A.as_of.after.date == "2025-11-17"
    assert "**As of 17 November 2025 or later.** The newest source is undated" in PAGES["situation.md"]
    # On the home page the box's title says "as of"; its line does not say it again.
    assert '!!! abstract "Where things stand — as of 17 November 2025 or later"' in PAGES["index.md"]
    assert "**As of" not in PAGES["index.md"]
    for page in ("index.md", "situation.md"):
        assert "The newest source is undated, but the latest event it reports" in PAGES[page]
        assert "; the newest dated source is of 29 October 2025." in PAGES[page]  # a bound is not a date
    undated_newest = ("<strong>As of 17 November 2025 or later</strong>: the newest of 5 sources is undated "
                      "but was written then or after.")
    for page in ("conditions.md", "countries.md", "sources.md", "entities/index.md"):
        assert undated_newest in PAGES[page], page


def test_every_date_an_article_states_is_on_the_timeline_in_its_place():
    stated = [(r.id, e.text) for r in SITE.corpus.records for e in r.brief.events if e.when.date]
    placed = {(s.record.id, s.item.text): t for t in A.timeline for s in t.reports}
    for key in stated:
        assert placed[key].period != "undated", key
    order = [t.placed for t in A.timeline if t.period != "undated"]
    assert order == sorted(order)
    resolution = next(t for t in A.timeline if "Resolution 2803" in t.text)
    assert resolution.period == "2025-11"
    statement = next(t for t in A.timeline if t.when.precision == "day-month")
    assert statement.period == "2025-10"  # "October 5": placed in its article's year, shown without one
    assert "5 October (year not stated)" in PAGES["timeline/index.md"]
    assert "late 2024" in PAGES["timeline/index.md"]


def test_the_real_contradictions_are_flagged_and_only_between_sources():
    verdicts = {f.claims.topic.id: f.verdict for f in A.findings}
    assert verdicts["munir-rank"] == "contradicts"
    # The article that lists eight ceasefire brokers without Pakistan does not say they are the
    # eight-country group of the 2024 proposal, so its list answers another question.
    assert verdicts["eight-country-group"] is None and verdicts["ceasefire-broker-nations"] is None
    assert verdicts["munir-visits"] == "adds detail"
    # "not confirmed" (a minister not aware of any request) leaves open what "pressed by the US" answers.
    assert verdicts["troop-request"] == "leaves open"
    # "unclear" and "not stated" (one article speaks only of the contingent's goals) leave open the "yes".
    assert verdicts["isf-mandate-disarmament"] == "leaves open"
    # Lists under different qualifiers ("offered", "reportedly willing") name different items.
    assert verdicts["troop-contributors"] == "names different items"
    assert verdicts["isf-legal-basis"] == "changed"
    assert verdicts["israel-stance-on-pakistan"] is None  # one article, one answer left after its framing
    for f in A.findings:
        for d in f.contradictions:
            assert {s.record.id for s in d.a.claims}.isdisjoint({s.record.id for s in d.b.claims})
    page = PAGES["contradictions.md"]
    assert "Changed</strong> between the article of 28 October 2025 and the undated article (17 November 2025 or later)" in page
    tension = next(t for t in A.tensions if t.topic.id == "isf-mandate-disarmament")
    assert any(s.item.kind == "red-line" and s.record.id == NEWEST for s in tension.positions)
    assert "<h2>Tensions across kinds of statement</h2>" in page


def test_condition_counts_exclude_stances_demands_and_preferences():
    for c in A.conditions:
        assert all(p.kind in ("condition", "red-line") for ps in c.cells.values() for p in ps)
    parliament = next(c for c in A.conditions if c.topic.id == "parliament-consulted")
    assert not parliament.cells and parliament.other  # a promise, listed beside the count
    assert "| Parliament taken into confidence |" not in PAGES["index.md"]


def test_a_troop_offer_on_the_situation_sheet_names_its_source_before_its_long_claim():
    # On paper each item is cut at two lines: the cut must take the claim's end, not its source.
    line = next(x for x in PAGES["situation.md"].splitlines() if x.startswith("- **offered: Indonesia**"))
    assert line.startswith("- **offered: Indonesia** — on record ([undated, 17 November 2025 or later](briefs/")
    assert line.index("#p-9") < line.index("Dar told parliament")


def test_two_sources_of_the_same_date_are_told_apart_where_sources_are_named_by_date():
    # Two of the five articles carry no date and no bound: "an undated article" twice on one
    # line could not be told apart on a phone, where a link's tooltip does not show.
    assert A.same_date == {"pakistan-considering-isf-troops-israel-may-object", "pakistan-reportedly-seeks-isf-command"}
    for page in ("situation.md", "contradictions.md"):
        # The article's headline where it has one, else the brief's title, said to be the brief's.
        assert "an undated article, briefed as “Pakistan reportedly willing to join …”" in PAGES[page], page
        assert "an undated article, headlined “Pakistan Plans to Send Troops …”" in PAGES[page], page
        assert "an undated article]" not in PAGES[page] and "an undated article</a>" not in PAGES[page], page


def test_the_home_page_s_open_questions_say_whose_article_leaves_them_open():
    section = PAGES["index.md"].partition("## Open questions")[2]
    assert "A later article may answer what an earlier one left open" in section
    first, second = (section.index(f"- [{name}](briefs/") for name in
                     ("The undated article &#40;17 November 2025 or later&#41;", "The article of 29 October 2025"))
    assert first < second  # newest first
    assert "    - When the final decision will be taken, and by whom." in section


def test_the_sources_page_s_judgements_lead_back_to_their_paragraphs_and_flags():
    page = PAGES["sources.md"]
    assert ("“The clarification comes after a report published last week” "
            '<a href="briefs/asif-gaza-force-decision-still-under-process.md#p-10"') in page
    assert '<a href="briefs/asif-gaza-force-decision-still-under-process.md#framing">4 flags</a>' in page


def test_a_question_only_one_source_answers_is_not_listed_as_agreement():
    page = PAGES["contradictions.md"]
    agree, _, one = page.partition("<h2>Where sources agree</h2>")[2].partition("<h2>Answered by one source only</h2>")
    assert "give the same answer: " in agree and "Only 1 source" not in agree
    assert one.count("Only 1 source answers it: ") == one.count("<h3 ") > 0


def test_answers_are_never_in_quotation_marks_which_would_read_as_the_articles_words():
    page = PAGES["contradictions.md"]
    for f in A.findings:
        for answer in f.claims.answers:
            assert f"“{answer.text}”" not in page, answer.text
    assert "<li><em>General</em> (1 source: " in page


def test_lists_naming_different_countries_are_shown_once_each_not_as_added_detail():
    section = PAGES["contradictions.md"].partition("<h2>Where sources name different items</h2>")[2].partition("<h2>")[0]
    assert "<h3 id=\"troop-contributors\">Countries offering troops</h3>" in section
    assert "4 sources give lists that name different items." in section
    assert section.count("<li><em>offered: Indonesia</em> (1 source: ") == 1
    assert "adds detail" not in section


def test_the_entities_index_says_who_each_is():
    index = PAGES["entities/index.md"]
    assert ('<a href="asim-iftikhar-ahmed.md">Asim Iftikhar Ahmed</a></td><td>Pakistan\'s representative at the '
            "United Nations.</td>") in index
    assert "Former Pakistani prime minister, imprisoned. <em>(background)</em>" in index  # no article states it


def test_what_changed_lists_only_days_with_a_year():
    changed = PAGES["index.md"].partition("## What changed")[2].partition("## ")[0]
    assert "**17 November 2025 (inferred)**" in changed
    assert "year not stated" not in changed  # 5 October: on the timeline, in its article's year, but not here
    # Sources by their article's date, the title as tooltip: titles on every line filled a phone's screens.
    assert '([the undated article &#40;17 November 2025 or later&#41;](briefs/pakistan-rules-out-disarming-hamas' in changed


def test_the_countries_page_gives_each_claim_once_and_each_country_what_the_claims_call_it():
    page = PAGES["countries.md"]
    # The claim naming six countries is written out once, not on six rows.
    assert page.count("have reportedly expressed willingness to contribute forces") == 1
    assert '<td><span id="claim-1">1</span></td><td><strong>offered: Indonesia</strong> — Dar told parliament' in page
    assert '>29 October 2025</a> <a href="briefs/asif-gaza-force-decision-still-under-process.md#p-10"' in page
    indonesia = page[page.index(">Indonesia</a></td>"):page.index("</ul>", page.index(">Indonesia</a></td>"))]
    # Newest source first, each in the claim's own words for the country, linked to its row and paragraph.
    assert indonesia.index("<strong>offered</strong> (on record)") < indonesia.index("<strong>leading contenders</strong>")
    assert '— <a href="#claim-1">claim 1</a>, <a href="briefs/pakistan-rules-out-disarming-hamas-weighs-gaza-force.md#p-9"' in indonesia


def test_the_timeline_links_straight_to_its_latest_dated_event():
    page = PAGES["timeline/index.md"]
    anchor = re.search(r'<p><a href="#(event-\d+)">Go to the latest dated event \(17 November 2025\)</a></p>', page)[1]
    entry = page[page.index(f'<li id="{anchor}">'):]
    assert entry.startswith(f'<li id="{anchor}"><strong>17 November 2025 (inferred)</strong> — The UN Security Council')


def test_the_situation_sheet_s_dates_name_their_sources_before_the_text_and_count_what_they_leave_out():
    sheet = PAGES["situation.md"]
    line = next(x for x in sheet.splitlines() if "Rana Sanaullah" in x)
    assert line.startswith("- **27 October 2025 (inferred)**, in [the article of 28 October 2025](briefs/")
    assert line.index("#p-18") < line.index("Rana Sanaullah")  # the cut on paper takes the text's end
    assert "- and 5 more on [its brief](briefs/pakistan-rules-out-disarming-hamas-weighs-gaza-force.md)" in sheet


def test_open_answers_are_counted_once_each_in_a_question_s_summary():
    page = PAGES["contradictions.md"]
    assert "<strong>2 answers leaving it open among 3 sources.</strong>" in page  # the ISF mandate
    assert "<strong>1 answer leaving it open among 3 sources.</strong>" in page  # the troop request


def test_the_status_line_s_headline_is_bold_and_who_reports_what_follows_plainly():
    home = PAGES["index.md"]
    assert "    **No decision reported.** On 28 October Pakistan's defence minister said" in home
    # The Hamas red line rests on one undated article, paraphrasing him; the line says so.
    assert "One undated article, written on or after 17 November, adds without quoting him" in home


def test_two_look_alike_questions_kept_apart_say_why_in_the_editors_note():
    page = PAGES["contradictions.md"]
    for topic in ("eight-country-group", "ceasefire-broker-nations"):
        note = SITE.corpus.topics[topic].description
        assert note and f"<p><em>The editors' note:</em> {note}</p>" in page.replace("&#39;", "'")


def test_the_quotes_page_names_each_source_by_its_article_s_date_not_its_title():
    page = PAGES["quotes.md"]
    assert ('“With the U.S., we can see an end to the war” — date not stated, addressing parliament; in <a href="'
            'briefs/pakistan-rules-out-disarming-hamas-weighs-gaza-force.md" title="Pakistan rules out disarming Hamas as it '
            'weighs a role in the Gaza stabilization force">the undated article (17 November 2025 or later)</a>') in page


def test_names_only_an_author_s_bio_gives_are_listed_apart_from_the_story_s_organisations():
    index = PAGES["entities/index.md"]
    story, _, apart = index.partition("<h2>Named only in an author's bio</h2>")
    assert '<a href="al-jazeera.md">Al Jazeera</a>' in apart and "al-jazeera.md" not in story
    assert A.entities["hamas"].only_in_author_bios is False and '<a href="hamas.md">Hamas</a>' in story


def test_a_condition_card_names_its_sources_by_date_and_leaves_out_those_that_do_not_give_it():
    from generator.tables import label_cells

    page = label_cells(PAGES["conditions.md"])
    assert '<td data-label="S1, undated, 17 November 2025 or later"><a href="briefs/pakistan-rules-out' in page
    assert "<td>—</td>" not in PAGES["conditions.md"]  # a blank cell, which a phone's card leaves out


def test_the_sources_page_gives_each_article_s_own_headline_under_its_brief_s_title():
    page = PAGES["sources.md"]
    assert ("<br /><em>Headline:</em> “Pakistan Plans to Send Troops to Gaza as Part of International Stabilization Force; Israel Likely to Object”") in page
    assert "seeking command and guarantees</a><br /><em>Headline:</em> <em>not stated</em>" in page  # 002 prints none


def test_a_tension_names_its_sources_by_date_as_the_other_views_do():
    tensions = PAGES["contradictions.md"].partition("<h2>Tensions across kinds of statement</h2>")[2].partition("<h2>")[0]
    assert ('(the outlet itself; <a href="briefs/asif-decision-in-process-officials-inclined.md" title="Asif says ISF '
            "troop decision 'in process'; unnamed officials say consultations suggest Islamabad is inclined to take part"
            '">28 October 2025</a>').replace("'", "&#39;") in tensions.replace("'", "&#39;")


def test_the_contradictions_page_opens_with_every_question_linked_to_its_place():
    page = PAGES["contradictions.md"]
    glance = page.partition("<p class=\"admonition-title\">At a glance: ")[2].partition("</div>")[0]
    assert glance.startswith(f"{len(A.findings)} questions the sources answer</p>")
    for f in A.findings:
        anchor = f.claims.topic.id
        assert glance.count(f'href="#{anchor}"') == 1, anchor
        assert page.count(f'<h3 id="{anchor}">') == 1, anchor
    # The contradiction's answers are in the summary, in italics, as the section gives them.
    assert "Asim Munir's rank</a> (<em>General</em> against <em>Field Marshal</em>)" in glance
    for t in A.tensions:
        assert f'href="#tension-{t.topic.id}"' in glance and f'<h3 id="tension-{t.topic.id}">' in page


def test_the_home_page_names_the_differences_that_matter_with_their_answers():
    section = PAGES["index.md"].partition("## Where the sources differ\n")[2].partition("\n## ")[0]
    assert ("- **Contradict each other:** [Asim Munir's rank](contradictions.md#munir-rank) "
            "(*General* against *Field Marshal*)") in section
    assert "- **Changed over time:** [Legal basis of the ISF](contradictions.md#isf-legal-basis) (from *" in section
    assert "Where one source adds detail" not in section and "Agree" not in section  # the weaker kinds stay on that page



def test_the_home_page_says_how_far_the_archived_texts_can_be_traced():
    # No archived text names its outlet or address: a reader should learn it without opening each source.
    assert ("*Built from 5 briefs.* Of the 5 archived texts, none names its outlet, none gives its address, "
            "1 gives its author and 2 carry a date stamp; [sources and framing](sources.md) weighs each source.\n"
            ) in PAGES["index.md"]
