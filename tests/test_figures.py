"""The figures stage (issue 6) on sentences written for these tests, and its score on the dev set."""
from __future__ import annotations

import json

import pytest

from eventwire.analyse import figures, nlp
from eventwire.model import Article, Event


@pytest.fixture(scope="session")
def model(settings):
    return nlp.load(settings.model)


@pytest.fixture
def figs(model, settings):
    def run(text: str, implicit: bool = False, events: list[Event] | None = None) -> list:
        art = Article(text=text)
        art.events = events or []
        art.cache["doc"] = model(text)
        figures.run(art, settings.replace(figures_implicit=implicit))
        return art.figures
    return run


def _keys(found):
    return [(f.category, f.count) for f in found]


def test_several_categories_in_one_sentence(figs):
    found = figs("The riots left at least 12 people dead, more than 300 injured, 40 missing "
                 "and led to more than 500 arrests, officials said.")
    assert _keys(found) == [("killed", 12), ("injured", 300), ("missing", 40), ("arrested", 500)]
    assert all(f.attributed_to == "officials" for f in found)
    assert found[0].victims == "people"
    assert all("officials said" in f.evidence for f in found)


def test_passives_and_according_to(figs):
    found = figs("More than 1,200 people have been detained and over 30 have been killed in Springfield, "
                 "according to the regional health ministry.")
    assert _keys(found) == [("detained", 1200), ("killed", 30)]
    assert found[1].attributed_to == "regional health ministry"
    assert found[1].victims == "people"  # "over 30" counts the people named before it
    assert found[0].location == "Springfield"


def test_breakdown_is_kept_apart_from_its_total(figs):
    found = figs("Shelling killed at least 25 people, including 7 children, in the port town.")
    assert _keys(found) == [("killed", 25), ("killed", 7)]
    assert found[0].part_of is None
    assert found[1].part_of == 0 and found[1].victims == "children"


def test_subset_of_an_earlier_count_is_a_breakdown(figs):
    found = figs("Forty rebels were killed in the assault. Officials said six of the rebels killed were commanders.")
    assert _keys(found) == [("killed", 40), ("killed", 6)]
    assert found[1].part_of == 0


def test_ranges_words_and_millions(figs):
    found = figs("Between 20 and 30 soldiers were captured. Some 1.2 million people have fled their homes. "
                 "A dozen villagers were wounded.")
    assert [(f.category, f.count, f.count_max) for f in found] == [
        ("detained", 20, 30), ("displaced", 1_200_000, None), ("injured", 12, None)]


def test_numbers_that_count_no_casualties(figs):
    assert figs("The army deployed 1,000 troops and released 200 prisoners.") == []
    assert figs("In 2019 a 25-year-old man paid $500 for 3 tickets, up 40 percent.") == []
    assert figs("Parliament voted 120 to 80 for the bill on October 7.") == []
    assert figs("No one was killed in the blast.") == []
    assert figs("She is one of the main groups behind the protests.") == []


def test_hypothetical_counts_are_not_figures(figs):
    assert figs("The storm could kill 40 people.") == []


def test_death_toll_and_anaphora(figs):
    assert _keys(figs("The death toll rose to 52 on Monday.")) == [("killed", 52)]
    found = figs("Officials said thousands of people had fled their homes. Aid groups put that number at 40,000.")
    assert _keys(found) == [("displaced", 40000)]
    assert found[0].attributed_to == "Aid groups"


def test_noun_cues_and_captured(figs):
    assert _keys(figs("Police said they had counted 278 arrests since March.")) == [("arrested", 278)]
    assert _keys(figs("Rebels captured four soldiers near the border.")) == [("detained", 4)]
    assert _keys(figs("A clash in the valley left 20 soldiers dead.")) == [("killed", 20)]


def test_same_count_told_twice_is_one_figure(figs):
    found = figs("Nine people killed in market attack\n\nNine people were killed when a bomb went off "
                 "in the market, police said.")
    assert _keys(found) == [("killed", 9)]
    assert found[0].attributed_to == "police"


def test_evidence_stops_at_a_paragraph_break(figs):
    found = figs("Two protesters shot dead at rally\n\nThe spokesman said in a statement that no force was used.")
    assert _keys(found) == [("killed", 2)]
    assert found[0].evidence == "Two protesters shot dead at rally"


def test_vague_and_single_victims_only_when_implicit(figs):
    text = "Troops killed an insurgent and detained several suspects. Hundreds of protesters were arrested."
    assert figs(text) == []
    found = figs(text, implicit=True)
    got = [(f.category, f.count, f.vague) for f in found]
    assert ("killed", 1, False) in got
    assert ("detained", None, True) in got
    assert ("arrested", None, True) in got


def test_implicit_named_victims_are_counted_once(figs):
    found = figs("The force killed the commander Abdul Karim and one other fighter. "
                 "Abdul Karim was killed in the strike.", implicit=True)
    assert sorted(_keys(found)) == [("killed", 1), ("killed", 1)]


def test_purpose_clauses_are_not_figures(figs):
    assert figs("Police conducted an operation to arrest a rebel leader.", implicit=True) == []


def test_figures_point_to_their_event(figs):
    text = "Soldiers shot dead five protesters in the square on Friday. Police arrested 30 people."
    ev_start = 0
    ev_end = text.index(". ") + 1
    arrest_start = ev_end + 1
    events = [Event("ASSAULT", ev_start, ev_end, text[ev_start:ev_end]),
              Event("COERCE", arrest_start, len(text), text[arrest_start:])]
    found = figs(text, events=events)
    assert [(f.category, f.count, f.event) for f in found] == [("killed", 5, 0), ("arrested", 30, 1)]


def test_figures_in_the_contract_record(settings):
    from eventwire import process
    rec = process("Floods kill 14\n\nAt least 14 people were killed and 2,000 displaced by floods in "
                  "the north, the disaster agency said.", settings=settings).to_record()
    assert [(f["category"], f["count"]) for f in rec["figures"]] == [("killed", 14), ("displaced", 2000)]
    for f in rec["figures"]:
        assert rec["text"][f["start"]:f["end"]]
        assert set(f) >= {"category", "count", "count_max", "victims", "location", "attributed_to",
                          "evidence", "start", "end"}


def test_dev_set_figures_f1(shared, settings):
    """Figures F1 on the dev gold set (../shared/dev), scored as score.py does: category + count."""
    from eventwire.pipeline import run_articles

    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((shared / "dev").glob("d*.gold.json"))]
    if not golds:
        pytest.skip("no dev gold files")
    arts = [Article(id=g["id"], raw=g["raw"], url=g.get("url"), published=g.get("published")) for g in golds]
    done = list(run_articles(arts, settings.replace(stages="figures")))
    tp = n_pred = n_gold = 0
    for g, art in zip(golds, done):
        gold = [(f["category"], f["count"]) for f in g.get("figures", [])]
        n_gold += len(gold)
        n_pred += len(art.figures)
        for f in art.figures:
            if (f.category, f.count) in gold:
                gold.remove((f.category, f.count))
                tp += 1
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= 0.80, f"figures F1 {f1:.3f} (P {p:.3f} R {r:.3f})"


def test_cue_in_a_clause_of_another_verb_does_not_count_its_object(figs):
    found = figs("Police targeted two gang leaders, detaining one of them.")
    assert _keys(found) == [("detained", 1)]


def test_cue_sharing_the_object_of_a_conjoined_verb(figs):
    assert _keys(figs("Officers pepper-sprayed one man and arrested him.")) == [("arrested", 1)]


def test_unnamed_definite_single_repeats_an_earlier_count(figs):
    found = figs("Troops detained one suspected smuggler on Monday. After questioning, the troops "
                 "detained the suspected smuggler.", implicit=True)
    assert _keys(found) == [("detained", 1)]


def test_sources_are_not_victims(figs):
    assert figs("Several officials reported that the commander was killed.", implicit=True)[0].victims \
        == "commander"
    assert _keys(figs("Two officials said the talks had failed.")) == []


def test_nominal_death_of_a_named_person_when_implicit(figs):
    found = figs("The army confirmed the death of Abdul Karim, a rebel commander.", implicit=True)
    assert _keys(found) == [("killed", 1)]


def test_people_nouns_outside_the_lexicon_as_the_object_of_a_cue(figs):
    assert _keys(figs("Gunmen abducted 30 schoolgirls from a village school.")) == [("missing", 30)]
    assert _keys(figs("Police arrested protesters in 12 cities.")) == []


def test_compound_adjectives_and_released_hostages(figs):
    assert _keys(figs("The 2,000-strong force killed 30 militants.")) == [("killed", 30)]
    assert _keys(figs("Eleven of the 20 hostages were released on Friday.")) == []
    assert _keys(figs("Troops opened fire on 3,000 demonstrators, killing at least eight.")) == [("killed", 8)]


def test_pronoun_subset_and_number_of_phrase(figs):
    found = figs("Nine police officers were injured, two of them seriously.")
    assert [(f.category, f.count, f.part_of, f.victims) for f in found] == [
        ("injured", 9, None, "police officers"), ("injured", 2, 0, "police officers")]
    assert _keys(figs("The number of displaced people has reached 200,000.")) == [("displaced", 200000)]


@pytest.mark.parametrize("text", [
    "The clashes left 40 dead, including 18 police.",
    "The death toll rose to 40, including 18 police officers.",
    "Of the 40 dead, 18 were police officers.",
])
def test_breakdowns_of_a_total_issue_6(figs, text):
    found = figs(text)
    assert [(f.category, f.count, f.part_of) for f in found] == [("killed", 40, None), ("killed", 18, 0)]


def test_breakdown_goes_to_the_right_total(figs):
    found = figs("Police killed 12 protesters and arrested 30 people, including 5 journalists.")
    assert [(f.category, f.count, f.part_of) for f in found] == [
        ("killed", 12, None), ("arrested", 30, None), ("arrested", 5, 1)]


@pytest.mark.parametrize("text", [
    "The army said it had been looking to arrest 12 senior members of the group.",
    "Police foiled a plot to kidnap and execute a soldier.",
    "Police launched an operation to arrest five suspects.",
])
def test_plans_and_aims_are_not_figures(figs, text):
    assert figs(text, implicit=True) == []


def test_forced_to_flee_is_displacement(figs):
    assert _keys(figs("The war has forced 2 million people to flee.")) == [("displaced", 2_000_000)]


def test_same_count_of_different_people_is_kept(figs):
    found = figs("Two soldiers were killed in the north, and two civilians were killed in the south.")
    assert [(f.category, f.count, f.victims) for f in found] == [
        ("killed", 2, "soldiers"), ("killed", 2, "civilians")]


def test_homes_are_not_people(figs):
    found = figs("Over 1,000 homes were destroyed and 5,000 people were left homeless.")
    assert _keys(found) == [("displaced", 5000)]


def test_conjoined_verb_with_its_own_object(figs):
    found = figs("Police used tear gas on 500 protesters and detained 45 of them.")
    assert _keys(found) == [("detained", 45)]


def test_ages_after_names_are_not_counts(figs):
    found = figs("Two journalists, Ahmed Salem, 32, and Omar Haddad, 28, were jailed last year.")
    assert _keys(found) == [("detained", 2)]


def test_sources_of_counts(figs):
    found = figs("A monitoring group, the Riverside Rights Watch, says shelling killed 14 people on Sunday.")
    assert found[0].attributed_to == "Riverside Rights Watch"
    found = figs("Local radio cited hospital officials as saying that 8 people had died.")
    assert found[0].attributed_to == "hospital officials"
    found = figs("The regional health office said the clinic was full. It also said 40 people had been "
                 "wounded.")
    assert [(f.category, f.count, f.attributed_to) for f in found] == [("injured", 40, "regional health office")]


def test_lives_lost_not_saved_and_claimed_is_not_a_source(figs):
    found = figs("The clashes claimed the lives of 17 people.")
    assert [(f.category, f.count, f.attributed_to) for f in found] == [("killed", 17, None)]
    assert _keys(figs("Twelve people lost their lives in the fire.")) == [("killed", 12)]
    assert figs("Doctors saved the lives of 30 children.") == []


def test_labelled_numbers_in_a_list(figs):
    found = figs("Deaths: 120 | Injuries: 340 | Arrests: 55")
    assert [(f.category, f.count, f.part_of) for f in found] == [
        ("killed", 120, None), ("injured", 340, None), ("arrested", 55, None)]


def test_event_link_prefers_the_event_against_the_victims(figs):
    text = "Protesters clashed with police, and five protesters were wounded."
    events = [Event("ASSAULT", 0, len(text), text, source="Protesters", target="police"),
              Event("ASSAULT", 0, len(text), text, source="police", target="protesters")]
    assert [(f.category, f.count, f.event) for f in figs(text, events=events)] == [("injured", 5, 1)]


def test_a_fourth_after_a_count_is_one_more_person(figs):
    found = figs("Three militants were killed and a fourth arrested.")
    assert _keys(found) == [("killed", 3), ("arrested", 1)]
    assert figs("A third of the population has fled.") == []


def test_plural_objects_count_only_for_verbs_acting_on_people(figs):
    assert figs("The summit held 3 sessions on Monday.") == []
    assert figs("Rebels captured 3 positions near the river.") == []
    assert _keys(figs("Thirty miners died in the collapse.")) == [("killed", 30)]
    assert _keys(figs("Three bombs killed 20 people.")) == [("killed", 20)]
