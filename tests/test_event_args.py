"""Event arguments: which actor fills the source and target of a trigger (analyse/_event_args.py).

The texts are written for these tests (not from any article)."""
from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def code(analysed):
    return analysed


def _named(art):
    return {(e.type, e.source, e.target) for e in art.events}


def test_dateline_place_is_not_the_source(code):
    art = code("VALLETTA \u2014 Maltese Prime Minister Carmel Vella on Monday held talks with Tunisian "
               "President Hedi Mansour in Valletta.")
    assert ("CONSULT", "Carmel Vella", "Hedi Mansour") in _named(art)
    assert all(e.source_country == "MLT" for e in art.events if e.type == "CONSULT")


def test_dateline_before_coordinated_states(code):
    art = code("date 2020-03-04 VALLETTA -- Malta and Tunisia have signed an agreement on sea rescues.")
    keys = {(e.type, e.source_country, e.target_country) for e in art.events}
    assert ("AGREE", "MLT", "TUN") in keys and ("AGREE", "TUN", "MLT") in keys


def test_two_governments_are_the_parties_of_the_last_meeting(code):
    art = code("Maltese Prime Minister Carmel Vella on Monday held talks with Tunisian President Hedi Mansour. "
               "Vella told reporters that the two governments had agreed to set up joint patrols.")
    named = _named(art)
    assert ("AGREE", "Carmel Vella", "Hedi Mansour") in named
    assert ("AGREE", "Hedi Mansour", "Carmel Vella") in named
    assert not any("governments" in (e.source or "") + (e.target or "") for e in art.events)


@pytest.mark.parametrize("text, target", [
    ("Malta on Tuesday demanded that Tunisia release the fishing crew.", "TUN"),
    ("Tunisia demanded an immediate apology by Malta over the incident.", "MLT"),
])
def test_a_demand_is_made_of_the_subject_or_agent_of_the_demanded_act(code, text, target):
    art = code(text)
    req = [e for e in art.events if e.type == "REQUEST"]
    assert req and req[0].target_country == target, [(e.type, e.source, e.target) for e in art.events]


def test_rejected_call_is_aimed_at_whoever_made_it(code):
    art = code("Malta on Friday rejected renewed calls by Tunisia for joint fishing patrols.")
    rej = [e for e in art.events if e.type == "REJECT"]
    assert rej and rej[0].source_country == "MLT" and rej[0].target_country == "TUN"


def test_two_sides_are_the_parties_named_between_when_no_meeting_was_coded(code):
    art = code("The curfew in Valletta was lifted after a compromise between the Maltese government and the "
               "Labour Party. The two sides agreed to end the dispute. Earlier, protesters clashed with police "
               "in the capital.")
    agree = {(e.source, e.target) for e in art.events if e.type == "AGREE"}
    assert ("Maltese government", "Labour Party") in agree, agree
    assert not any("police" in s + t for s, t in agree)


def test_a_clause_before_the_verb_is_not_what_was_agreed(code):
    art = code("A relief column carrying grain got to Gozo island in storm-hit Malta on Friday, UN officials "
               "reported, seven days after the government and Maltese rebels agreed to a conditional truce.")
    agree = {(e.source_country, e.target_country, e.target) for e in art.events if e.type == "AGREE"}
    assert agree and all(t != "Malta" for _, _, t in agree), agree


def test_a_capital_naming_an_agreement_is_where_not_who(code):
    art = code("Tunisia said the deal would carry forward the Valletta agreement reached last year.")
    assert not any(e.source_country == "MLT" for e in art.events), \
        [(e.type, e.source, e.target) for e in art.events]


def test_own_forces_are_not_the_other_party(code):
    art = code("Malta and Tunisia have begun pulling their troops back from the disputed islet.")
    keys = {(e.type, e.source_country, e.target_country) for e in art.events}
    assert ("RETREAT", "MLT", "TUN") in keys and ("RETREAT", "TUN", "MLT") in keys, keys


def test_coordinated_demonyms_name_the_parties_before_the_place_they_share(code):
    art = code("The Turkish and Greek sides of the divided island of Cyprus have agreed to share information "
               "on missing people.")
    keys = {(e.type, e.source_country, e.target_country) for e in art.events}
    assert ("AGREE", "TUR", "GRC") in keys and ("AGREE", "GRC", "TUR") in keys, keys
