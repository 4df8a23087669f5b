"""The quotes stage: quotation-mark scanning, speech cues, speakers (issue 4).

Sentences here are written for these tests; the seed test reads ../shared at run time and skips without it.
"""
from __future__ import annotations

import json
import sys

import pytest

from eventwire.analyse._quote_marks import scan
from eventwire.pipeline import process


@pytest.fixture(scope="module")
def qsettings(settings):
    return settings.replace(stages="actors,quotes", clean=False)


def quotes(text, qsettings):
    art = process(text, settings=qsettings)
    assert not art.errors, art.errors
    return art.quotes


def by_text(qs, words):
    hits = [q for q in qs if words in q.text]
    assert hits, f"no quote with {words!r} in {[q.text for q in qs]}"
    return hits[0]


def marked(text):
    return [text[m.start:m.end] for m in scan(text)]


# --- quotation marks -------------------------------------------------------------------------------------

def test_straight_curly_and_guillemet_marks():
    text = 'He said "one thing," then “another thing” and «a third thing».'
    assert marked(text) == ["one thing", "another thing", "a third thing"]


def test_apostrophes_are_not_quotation_marks():
    text = "Don't mention the country's '80s debts at 9 o'clock, the Smiths' lawyer said."
    assert marked(text) == []


def test_single_marks_as_quotation_marks_and_nested():
    text = "The mayor called it 'a shambles'. “They told us ‘wait’ again,” she said."
    assert marked(text) == ["a shambles", "They told us ‘wait’ again"]


def test_same_marks_nested_inside_a_quote():
    text = ('"I do think dealers can be sued. If a man walks in and says, "I want 900 rounds," you might '
            'wonder," Lee said.')
    assert marked(text) == ['I do think dealers can be sued. If a man walks in and says, "I want 900 rounds," '
                            'you might wonder']
    # an opening mark that never closed gives way to the later one
    assert marked('He said "we will go on. Then "another try" came.') == ["another try"]


def test_a_mark_right_after_a_comma_closes_the_open_quote():
    # the space after the closing mark was lost: the mark still closes, and the next quote opens on its own
    text = '"We will find that out,"Ann Lee said in a statement. "More and more, voters agree."'
    assert marked(text) == ["We will find that out", "More and more, voters agree."]


def test_multi_paragraph_quote_is_one_entry_per_paragraph():
    text = '"First part of a long statement.\n\n"Second part, which ends here," he said.'
    marks = scan(text)
    assert [text[m.start:m.end] for m in marks] == ["First part of a long statement.", "Second part, which ends here"]
    assert marks[0].closed and marks[0].continued and marks[1].continues


def test_unclosed_quote_runs_to_paragraph_end():
    text = 'The minister said "this never ends\n\nNext paragraph without marks.'
    marks = scan(text)
    assert [text[m.start:m.end] for m in marks] == ["this never ends"]
    assert marks[0].closed is False


def test_scanner_survives_junk():
    for text in ['"', '""', "''", '“ ” « »', '"a" "b', "'", "\n\n\"\n", "x" * 50 + '"']:
        scan(text)


# --- speakers --------------------------------------------------------------------------------------------

def test_name_before_and_after_the_cue(qsettings):
    qs = quotes('Prime Minister Anna Lindqvist visited the port on Monday. "We will rebuild the harbour," '
                'said Lindqvist. "Every family will be housed by winter," Lindqvist told reporters.', qsettings)
    assert by_text(qs, "rebuild").speaker == "Anna Lindqvist"
    assert by_text(qs, "Every family").speaker == "Anna Lindqvist"
    assert by_text(qs, "rebuild").kind == "direct" and by_text(qs, "rebuild").verb == "said"


def test_it_added_goes_to_the_organization(qsettings):
    qs = quotes('The Foreign Ministry of Norway said in a statement that "talks must resume soon." '
                '"Both sides bear responsibility for the delay," it added.', qsettings)
    q = by_text(qs, "Both sides bear")
    assert "Ministry" in q.speaker and q.verb == "added"


def test_quote_paragraph_without_cue_continues_the_speaker(qsettings):
    text = ('"The bridge will reopen next week," said engineer Tomas Brandt.\n\n'
            '"Traffic has been diverted through the northern district until then."')
    qs = quotes(text, qsettings)
    assert by_text(qs, "Traffic has been diverted").speaker == "Tomas Brandt"


def test_joint_speakers(qsettings):
    qs = quotes('Presidents Elena Varga and Marco Testa reiterated the need for "a lasting truce" after their '
                'meeting.', qsettings)
    q = by_text(qs, "lasting truce")
    assert len(q.speakers) == 2 and any("Varga" in s for s in q.speakers) and any("Testa" in s for s in q.speakers)


def test_cited_as_saying_gives_the_cited_source(qsettings):
    qs = quotes('The newspaper cited the army as saying "the border crossing remains closed to all traffic."',
                qsettings)
    assert by_text(qs, "border crossing").speaker.lower().endswith("army")


def test_anonymous_source_keeps_its_words_and_demonym_country(qsettings):
    qs = quotes('"The convoy was turned back at the checkpoint," Israeli officials said on Sunday.', qsettings)
    q = by_text(qs, "convoy was turned back")
    assert q.speaker.endswith("officials") and q.speaker_country == "ISR"


def test_partial_quote_inside_a_sentence(qsettings):
    qs = quotes('Senator Paul Okafor called the new tariff plan "reckless" and argued that it would hurt '
                'farmers.', qsettings)
    q = by_text(qs, "reckless")
    assert q.text == "reckless" and q.speaker == "Paul Okafor"


def test_quoted_name_is_not_a_quote(qsettings):
    qs = quotes('Members of the "Green Brigade" marched through the capital on Friday.', qsettings)
    assert not [q for q in qs if q.kind == "direct"]


@pytest.mark.parametrize("text, title", [
    ('"We will fight for every vote," Ann Lee said on NBC\'s "Meet the Voters." She left early.', "Meet the Voters"),
    ('Tom Brand, who starred in "Lakes and Rivers," said the show "changed my life."', "Lakes and Rivers"),
    ('Lee told the hosts of "Mornings with Kate Dunn" that the bill "will not pass."', "Mornings with Kate Dunn"),
    ('"I was never afraid," Ann Lee wrote in her memoir, "Hard Roads."', "Hard Roads"),
])
def test_quoted_title_where_a_name_goes_is_not_a_quote(qsettings, text, title):
    qs = [q.text for q in quotes(text, qsettings) if q.kind == "direct"]
    assert qs and not [q for q in qs if title in q], qs


def test_quoted_title_still_hides_its_words_from_the_speaker(qsettings):
    text = ('"The plan is dead," Ann Lee, a senior adviser, said Monday on Channel Nine\'s "Good Morning Valley." '
            '"Nobody will vote for it."')
    qs = quotes(text, qsettings)
    assert by_text(qs, "The plan is dead").speaker == "Ann Lee"
    assert by_text(qs, "Nobody will vote").speaker == "Ann Lee"


def test_chant_after_of_stays_a_quote(qsettings):
    qs = quotes('The crowd broke into a chant of "Vote Them Out!" as Ann Lee left the stage.', qsettings)
    assert [q.text for q in qs if q.kind == "direct"] == ["Vote Them Out!"]


def test_unclosed_quote_is_reported_open(qsettings):
    qs = quotes('The general said: "our troops will hold the line whatever happens', qsettings)
    q = by_text(qs, "hold the line")
    assert q.closed is False


def test_a_subheading_quote_takes_the_speaker_of_the_quote_it_repeats(qsettings):
    text = ('The marchers were stopped at the bridge.\n\n- \u2018Nobody listens to us\u2019 -\n\nPolice held 20 women '
            'for an hour.\n\n"Nobody listens to us, so we march," said Ruth Kemp, one of the organisers.')
    q = by_text(quotes(text, qsettings), "Nobody listens to us")
    assert q.text == "Nobody listens to us" and q.speaker == "Ruth Kemp"


def test_a_text_cut_off_after_an_opening_mark_quotes_nothing(qsettings):
    qs = quotes('The minister dismissed the criticism and said that "it', qsettings)
    assert not [q for q in qs if q.kind == "direct"]


# --- indirect speech -------------------------------------------------------------------------------------

def test_indirect_speech_from_the_parse(qsettings):
    qs = quotes("Finance Minister Lara Quist told parliament that the budget deficit would shrink next year.",
                qsettings)
    q = by_text(qs, "budget deficit would shrink")
    assert q.kind == "indirect" and q.speaker == "Lara Quist" and q.verb == "told"
    assert not q.text.startswith("that ")


@pytest.mark.parametrize("text, words, speaker", [
    ("Army spokesman Omar Haddad said in a statement that the soldiers had been told not to fire on marchers.",
     "soldiers had been told", "Omar Haddad"),
    ("The Norwegian Foreign Ministry announced in a statement that it would close its consulate in the port city.",
     "close its consulate", "Norwegian Foreign Ministry"),
    ("Oslo renewed its warning that it would defend the islands if its ships came under attack.",
     "defend the islands", "Norway"),
    ("Envoy Lina Berg reiterated her government's position that no talks can start until the troops withdraw.",
     "no talks can start", "Lina Berg"),
    ('The aid agency said on its website that nine trucks had "arrived safely" in the northern town of Kaya.',
     "nine trucks had", "aid agency"),
    ("The Southern Defence Pact (SDP) met in Lusaka on Monday. Some 900 soldiers from abroad will be sent to the "
     "border region, the SDP alliance said.", "900 soldiers", "Southern Defence Pact (SDP)"),
    ("The Norwegian defence ministry said on Monday that its navy would join the drills. Sweden said it would "
     "send two ships. More than 20 aircraft will take part, the Norwegian ministry said.",
     "20 aircraft", "Norwegian defence ministry"),
])
def test_reported_speech_and_its_speaker(qsettings, text, words, speaker):
    q = by_text(quotes(text, qsettings), words)
    assert q.kind == "indirect" and q.speaker == speaker


def test_a_relative_clause_on_a_speech_noun_is_not_reported_speech(qsettings):
    qs = quotes("The statement that the council issued on Monday ran to four pages.", qsettings)
    assert not [q for q in qs if "issued on Monday" in q.text]


def test_a_denied_claim_is_not_the_deniers_speech(qsettings):
    qs = quotes("The ministry denied the claim that its troops had crossed the border.", qsettings)
    assert not [q for q in qs if "crossed the border" in q.text and q.speaker and "ministry" in q.speaker.lower()]


def test_according_to(qsettings):
    qs = quotes("According to local police, three people were arrested near the stadium.", qsettings)
    q = by_text(qs, "three people were arrested")
    assert q.kind == "indirect" and "police" in q.speaker


def test_according_to_covers_quotes_under_a_verb_of_evidence(qsettings):
    qs = quotes('According to the hospital, the patient had "remarkably good" results, shows "unusual" strength and '
                '"will make a full recovery."', qsettings)
    for words in ("remarkably good", "unusual", "will make a full recovery."):
        q = by_text(qs, words)
        assert "hospital" in q.speaker and q.verb == "according to"


def test_offsets_point_into_the_text(qsettings):
    text = 'Officials said "the road is open" and the mayor said that schools would reopen on Monday.'
    art = process(text, settings=qsettings)
    for q in art.quotes:
        assert art.text[q.start:q.end] == q.text


def test_no_crash_on_odd_text(qsettings):
    for text in ['"', '“”', '"He said "', "'", "said said said", '" ' * 40]:
        art = process(text, settings=qsettings)
        assert not [e for e in art.errors if e.stage == "quotes"]


# --- the seed article (read from ../shared at run time) --------------------------------------------------

def test_seed_article_all_direct_quotes_with_speakers(shared, qsettings):
    sys.path.insert(0, str(shared / "eval"))
    from score import greedy, name_match, text_match

    gold = json.loads((shared / "examples" / "moscow-times-2023-10-11.gold.json").read_text(encoding="utf-8"))
    art = process(gold["raw"], settings=qsettings.replace(clean=True), published=gold.get("published"))
    pred = [q.to_record() for q in art.quotes if q.kind == "direct"]
    want = [q for q in gold["quotes"] if q.get("kind", "direct") == "direct"]
    pairs = greedy(want, pred, lambda g, p: text_match(g["text"], p["text"])
                   and name_match(g["speaker"], p["speakers"] or p["speaker"]))
    missing = [g["text"] for g in want if not any(g is a for a, _ in pairs)]
    assert len(pairs) == len(want) == 10, missing


def test_cited_by_keeps_the_subject(qsettings):
    qs = quotes('The defence minister, cited by the state news agency, said "the exercises are purely defensive."',
                qsettings)
    assert "minister" in by_text(qs, "purely defensive").speaker


def test_multi_paragraph_quote_takes_the_speaker_named_at_its_end(qsettings):
    text = ('"We have counted every ballot twice and found no irregularities.\n\n'
            '"The result stands," election commissioner Maria Solberg said on Tuesday.')
    qs = quotes(text, qsettings)
    assert by_text(qs, "counted every ballot").speaker == "Maria Solberg"
    assert by_text(qs, "The result stands").speaker == "Maria Solberg"


def test_transcript_label_and_dash_byline(qsettings):
    text = ('"HOST: Will you run again next year?"\n\n'
            '“Nobody listens to the villages any more.” ― Ines Moreau')
    qs = quotes(text, qsettings)
    assert by_text(qs, "run again").speaker.lower() == "host"
    assert by_text(qs, "run again").text.startswith("Will you")
    assert by_text(qs, "villages").speaker == "Ines Moreau"


def test_user_knowledge_file_adds_a_cue(qsettings, tmp_path):
    text = "The mayor groused that the new bridge would never be finished."
    only = qsettings.replace(stages="quotes")
    assert not [q for q in process(text, settings=only).quotes if "bridge" in q.text]
    extra = tmp_path / "my_cues.tsv"
    extra.write_text("# my speech verbs\ncue\tkind\tindirect\ngrouse\tverb\tyes\n", encoding="utf-8")
    art = process(text, settings=only.replace(knowledge=str(extra)))
    q = by_text(art.quotes, "new bridge would never be finished")
    assert q.kind == "indirect" and q.verb == "groused" and "mayor" in q.speaker


def test_she_said_prefers_a_woman(qsettings):
    text = ('Governor Maria Lopez met union leader John Becker on Monday. Becker said the strike would go on.\n\n'
            '"We are not giving up on the wage deal," she said.')
    qs = quotes(text, qsettings)
    assert by_text(qs, "not giving up").speaker == "Maria Lopez"


def test_doubled_single_marks_are_one_double_mark():
    text = "Using the levy ''is a poor idea,'' the economist said. ''We disagree,'' her rival said."
    assert marked(text) == ["is a poor idea", "We disagree"]


def test_document_noun_gives_its_author(qsettings):
    qs = quotes("A coalition statement said the ceasefire would hold through the holiday.", qsettings)
    q = by_text(qs, "ceasefire would hold")
    assert q.kind == "indirect" and "coalition" in q.speaker.lower() and "statement" not in q.speaker.lower()


def test_a_document_obtained_by_someone_is_not_theirs(qsettings):
    text = ('One such memo, obtained by The Harbor Gazette, asks staff to promise never to "demean or '
            'disparage" the owner.')
    q = by_text(quotes(text, qsettings), "demean or disparage")
    assert q.speaker is None or "Gazette" not in q.speaker


def test_according_to_a_statement_from(qsettings):
    qs = quotes("According to a statement from the Red Cross, two aid workers were released on Sunday.", qsettings)
    q = by_text(qs, "two aid workers were released")
    assert "Red Cross" in q.speaker


# --- quality gate on the dev set (read from ../shared at run time) ---------------------------------------

def test_dev_set_quote_floors(shared, qsettings):
    """Direct quotes F1 >= 0.95 and quotes+speaker F1 >= 0.82 on ../shared/dev (measured 0.987 / 0.872 when
    this floor was set; the speaker floor leaves room for changes in the actors stage's naming)."""
    sys.path.insert(0, str(shared / "eval"))
    from score import load_gold, score

    from eventwire.model import Article
    from eventwire.pipeline import run_articles

    golds = load_gold(shared / "dev")
    arts = [Article(id=g["id"], raw=g["raw"], published=g.get("published")) for g in golds]
    preds = {a.id: a.to_record() for a in run_articles(arts, qsettings.replace(clean=True))}
    metrics, _ = score(golds, preds)
    assert metrics["quotes"].f() >= 0.95, metrics["quotes"].f()
    assert metrics["quotes+speaker"].f() >= 0.82, metrics["quotes+speaker"].f()


# --- speaker choice on unseen text (PolNeAR error classes, sentences written for these tests) -------------

def test_surname_shared_by_two_people_keeps_the_one_named_here(qsettings):
    qs = quotes('Senator Ted Cruz spoke in Iowa on Monday. His father, Rafael Cruz, said "the crowds are '
                'bigger than ever." Ted Cruz thanked the voters.', qsettings)
    assert by_text(qs, "crowds are bigger").speaker == "Rafael Cruz"


def test_headline_name_before_colon_speaks_the_quote(qsettings):
    qs = quotes("Lee: Budget Plan Is \u2018Dead On Arrival\u2019\n\nSenator Ann Lee rejected the budget plan "
                "on Monday in a speech to farmers.", qsettings)
    assert "Lee" in by_text(qs, "Dead On Arrival").speaker


def test_person_citing_reasons_keeps_the_words(qsettings):
    qs = quotes('"We are losing ground every month," Ann Lee said, citing low economic growth and rising '
                "prices.", qsettings)
    assert by_text(qs, "losing ground").speaker == "Ann Lee"


def test_party_tag_in_brackets_is_the_named_person(qsettings):
    qs = quotes('Rep. Ann Lee (D-Ohio) said, "The bill is dead in the Senate."', qsettings)
    assert by_text(qs, "bill is dead").speaker == "Ann Lee"


def test_colon_lead_in_outranks_a_cue_in_a_subordinate_clause(qsettings):
    qs = quotes('When Tom Smith suggested a deal with the union, Ann Lee fired back: "There will be no deal '
                'this year."', qsettings)
    assert by_text(qs, "no deal this year").speaker == "Ann Lee"


def test_pronoun_follows_a_chain_of_the_same_pronoun(qsettings):
    qs = quotes("Peter Marsh praised Mayor Ann Kerr's record on Saturday. He currently serves as the city "
                'treasurer. "The books look good to me," he told a local radio station.', qsettings)
    assert by_text(qs, "books look good").speaker == "Peter Marsh"


def test_cue_with_a_subject_that_cannot_speak_passes_to_the_reporter(qsettings):
    qs = quotes('In her ruling, Judge Ann Kerr wrote that the wording of the law showed it to be "an attempt to '
                'silence critics of the council."', qsettings)
    assert "Kerr" in by_text(qs, "silence critics").speaker


def test_quoted_show_title_in_attributed_sentence_is_a_name(qsettings):
    qs = quotes('Ann Lee said on "Morning Hour" that the budget plan was dead and would not pass.', qsettings)
    assert not [q for q in qs if q.kind == "direct" and q.text == "Morning Hour"]


def test_name_right_before_the_verb_when_the_parse_loses_the_subject(qsettings):
    qs = quotes('"You are going to build it humanely, and you are going to bring the whole country along with '
                'you, because you have some wonderful people here," Trump said. "Do not forget that."', qsettings)
    assert "Trump" in by_text(qs, "build it humanely").speaker


def test_scare_quote_in_a_subordinate_clause_belongs_to_the_main_subject(qsettings):
    qs = quotes('Ann Lee levied a new tax on imports until the city council started paying "a fair share of '
                'the costs" for the harbour.', qsettings)
    assert by_text(qs, "fair share").speaker == "Ann Lee"


def test_nickname_after_as_stays_a_quote(qsettings):
    qs = quotes('Years ago a magazine article hailed the mayor as "The Comeback Kid" after his second win.',
                qsettings)
    assert [q for q in qs if q.kind == "direct" and q.text == "The Comeback Kid"]


# --- cues the parser splits off or leaves without a subject ---------------------------------------------

def test_cue_in_the_next_sentence_after_a_question(qsettings):
    text = ('Reporter Dana Whitcombe questioned the governor, Paul Okafor, at length on Monday.\n\n'
            '"Will you sign the budget bill?" Whitcombe asked.\n\n'
            '"Not this week," Okafor said. "Maybe next month?" Whitcombe repeated.')
    qs = quotes(text, qsettings)
    assert "Whitcombe" in by_text(qs, "sign the budget").speaker
    assert "Okafor" in by_text(qs, "Not this week").speaker
    assert "Whitcombe" in by_text(qs, "Maybe next month").speaker


def test_particle_speech_verbs(qsettings):
    text = ('Senator Maria Lindqvist spoke with the host, Tom Baker, about the port strike.\n\n'
            '"It has to end now," Lindqvist went on. "The ships are waiting."\n\n'
            '"That is not your call," Baker shot back.')
    qs = quotes(text, qsettings)
    assert "Lindqvist" in by_text(qs, "has to end now").speaker
    assert by_text(qs, "has to end now").verb == "went on"
    assert "Baker" in by_text(qs, "not your call").speaker


def test_inverted_speaker_with_a_party_label_before_the_name(qsettings):
    text = ('"The committee has wasted a year on this," said ranking Democrat Lorna Fitzwilliam of the '
            'oversight panel.')
    assert by_text(quotes(text, qsettings), "wasted a year").speaker.endswith("Lorna Fitzwilliam")


@pytest.mark.parametrize("text, speaker, words", [
    pytest.param('Canberra (Wire) - Premier Jo Nakamura has criticised the tariff plan, saying that "reckless '
                 'moves" would cost jobs.',
                 "Nakamura", "reckless", id="a_dateline_subject_does_not_speak"),
    pytest.param('As Dale Kowalski, the union treasurer, put it: "Nobody reads the fine print until it bites."',
                 "Kowalski", "fine print", id="as_x_put_it"),
    pytest.param('"We expect a vote by Friday," said Ruth Adeyemi, a spokeswoman for the council.\n\n'
                 'Councillor Ivan Petrenko, who opposes the levy, posted a warning on his website.\n\n'
                 '"Voters will remember who raised their water bills."',
                 "Petrenko", "Voters will remember", id="a_lead_in_that_reports_speech_outranks_the_previous_speaker"),
    pytest.param('Many people in the hall stood up. The protest grew louder, with the organiser Ben Cole '
                 'reportedly shouting: "Nobody leaves until we get an answer!"',
                 "Cole", "Nobody leaves", id="a_speech_verb_before_the_colon_names_the_speaker"),
    pytest.param('"The levy is unfair and it will hurt families," Councillor Nadia Brooks said, going on to say '
                 'that the town had spent "far too long ignoring the people who pay for everything, '
                 'and they know it."',
                 "Brooks", "far too long", id="a_participle_clause_speaks_for_the_speech_verb_before_it"),
    pytest.param('Senator Hal Brody posted a photo with the caption "Best soup in town. I love Portland!"Former governor '
                 'Ines Vidal described exactly what was wrong with it to a local paper: "It was a cheap stunt."',
                 "Vidal", "cheap stunt", id="a_closing_mark_glued_to_the_next_word_ends_the_quote"),
    pytest.param('NAIROBI \u2014 Kenya\'s anti-government "Orange Shirts" on Tuesday turned down the president\'s '
                 'proposal for further dialogue and said the negotiations were over because he would not set a date '
                 'for a vote.',
                 "Orange Shirts", "negotiations were over", id="the_words_after_a_dateline_dash_speak"),
    pytest.param('City Attorney Ruth Kemp said in the letter that the advertisement "plainly and wrongly" suggests '
                 'that the city police back the mayor.',
                 "Ruth Kemp", "plainly and wrongly", id="what_a_thing_suggests_inside_speech_is_the_speakers"),
    pytest.param('The new poll shows that voters are "deeply uneasy" about the plan.',
                 "poll", "deeply uneasy", id="what_a_thing_shows_is_its_own_when_nobody_speaks"),
    pytest.param('Students say they follow politics online. "I just post it on Facebook or Twitter."\n\n'
                 'Marcus Pike, 33, of Corinth, Miss. rejects the notion that one ballot will make a difference. '
                 '"Nobody on the ballot speaks for me," he said in a phone interview.',
                 "Marcus Pike", "Nobody on the ballot", id="a_state_abbreviation_is_no_courtesy_title"),
    pytest.param('At the debate, Ann Lee cited her rival\'s past remarks about nurses as "careless and cruel."',
                 "Ann Lee", "careless and cruel", id="cited_as_words_are_the_citers"),
    pytest.param('Ann Lee spoke in Dayton on Friday. She says the vote underscores her point. She says it shows '
                 'that her rival is "unfit to lead."',
                 "Ann Lee", "unfit to lead", id="it_inside_a_speakers_clause_is_not_the_speaker"),
    pytest.param('Tom Hale\'s voice was hoarser than in 2008. In his debut for the race, the former governor gave '
                 'a speech to 700 people. "We will win this state," he told them.',
                 "Tom Hale", "We will win", id="the_owner_of_the_subject_is_salient"),
    pytest.param('Ann Lee, who runs her father\'s company, told the paper that she took a week off after her first '
                 'child, Mia, was born.\n\n"It was a hard time for the family," she told the paper.',
                 "Ann Lee", "hard time", id="a_kin_word_of_someone_else_gives_no_gender"),
    pytest.param('The new ad uses footage of Ann Lee asking, "Why am I not ahead by fifty points?"',
                 "Ann Lee", "fifty points", id="footage_of_someone_saying_gives_that_person"),
    pytest.param('"That is false. That is false," Hale said, after Fox\'s Ruth Kemp said the candidate had once '
                 'called Sen. Ann Lee the "personal senator" of a mogul.',
                 "Hale", "That is false", id="the_speech_verb_right_after_the_quote_speaks_it"),
    pytest.param('Columnists across the state warned that the roads were failing. "Drivers should stay home," '
                 'opined the Dayton Ledger.', "Dayton Ledger", "stay home", id="opined_the_paper"),
    pytest.param('On Monday the campaign sent out an email about the race. "Our movement has changed the debate," '
                 'read the email.', "email", "changed the debate", id="read_the_note_after_a_quote"),
    pytest.param('Singer Jo Park, star of the show, praised the plan.\n\nMoore thanked the mayor for "stepping up '
                 'when nobody else would."', "Moore", "stepping up", id="thanked_someone_for_their_words"),
    pytest.param('Kim asks as a repair guy walks in front of the stage, saying he is "here to mend the cracks in '
                 'your roof."', "repair guy", "cracks in your roof",
                 id="a_participle_speaks_for_the_subject_of_its_own_verb"),
    pytest.param('I saw a man rushing down the hall. The editor I was talking to, Tom Reyes, stopped me to announce, '
                 '"There goes the team."', "Tom Reyes", "There goes the team",
                 id="a_name_set_off_after_a_relative_clause_names_the_description"),
    pytest.param('Tom Lee spoke on Monday. "It was a trap," some in the party said.', "some in the party",
                 "It was a trap", id="an_indefinite_pronoun_is_nobody_named_before"),
    pytest.param('Tom Lee spoke on Monday. Someone in the crowd shouted "Liar!"', "Someone in the crowd", "Liar!",
                 id="someone_in_the_crowd"),
    pytest.param('The plan works because of its money, said Ann Kemp, the outreach director. Others are "having to '
                 'make do with far fewer people," she said.', "Ann Kemp", "make do with",
                 id="an_indefinite_pronoun_is_nobodys_antecedent"),
    pytest.param('If the city is trying to sink the deal \u2014 as many believe, though the mayor flatly denies '
                 '\u2014 "why would you not want to ask that question?" asked Kemp, now a partner at a law firm.',
                 "Kemp", "why would you not want", id="an_inverted_speech_verb_after_the_quote_outranks_one_before"),
    pytest.param('"He is playing that part again," said former Ohio Gov. and party Chairman Ed Ruiz.', "Ed Ruiz",
                 "playing that part", id="two_titles_of_one_person"),
    pytest.param('Pollsters took heat on Monday.\n\nSome surveys overstate turnout - Pew Research: "All the '
                 'samples include more engaged people than the benchmarks."', "Pew Research", "All the samples",
                 id="a_source_credited_after_a_dash_and_before_a_colon"),
    pytest.param('BBC Director On Hale: "We Do Not Pay Guests To Appear"\n\nBBC Director Ruth Kemp is not bending '
                 'to candidate Tom Hale, who has threatened to skip the forum.', "Ruth Kemp", "We Do Not Pay",
                 id="a_headline_lead_names_its_speaker_before_the_topic"),
    pytest.param('Six thousand people came to see him. On Friday the governor campaigned for a retired teacher named '
                 'Ann Kemp, who is running for the House and who worked the crowd, praising "the honest heart of this '
                 'town" as she spoke.', "Ann Kemp", "honest heart", id="who_in_a_second_relative_clause_and_named"),
    pytest.param('Kim posted a message on Facebook reading "Thank you all" soon after the vote closed.', "Kim",
                 "Thank you all", id="the_sender_of_a_message_reading_the_words"),
])
def test_the_speaker_named_around_the_quote(qsettings, text, speaker, words):
    assert speaker in by_text(quotes(text, qsettings), words).speaker


def test_name_and_colon_inside_a_paragraph_label_the_quote(qsettings):
    text = ('Both candidates reject the plan. Governor Ellen Marsh: "We will not pay for it." Mayor Karl '
            'Brenner: "Neither will we."\n\nNote: "draft" is the word used in the memo.')
    qs = quotes(text, qsettings)
    assert "Marsh" in by_text(qs, "not pay for it").speaker
    assert "Brenner" in by_text(qs, "Neither will we").speaker
    assert not any(q.speaker == "Note" for q in qs)


def test_object_control_the_object_speaks(qsettings):
    text = ('The mayor defended the spending plan for an hour. That prompted Councillor Amy Rourke to stand up '
            'and call the budget "a fantasy" before the vote.')
    direct = [q for q in quotes(text, qsettings) if q.kind == "direct"]
    assert "Rourke" in by_text(direct, "a fantasy").speaker


def test_a_show_title_with_the_sentence_period_inside_the_marks_is_no_quote(qsettings):
    text = ('"We will hold the line on taxes," Senator Rita Obi said on "Sunday Briefing." Obi also told '
            '"Morning Desk." that she would run again.')
    qs = quotes(text, qsettings)
    assert not any(q.kind == "direct" and "Briefing" in q.text for q in qs)
    assert not any(q.kind == "direct" and "Morning Desk" in q.text for q in qs)
    assert "Obi" in by_text(qs, "hold the line").speaker


def test_paragraph_labels_with_descriptions_party_tags_and_digest_dashes(qsettings):
    text = ('The hearing turned on one number.\n\n'
            'Rep. Alan Whitcombe (R-Ohio):"Who gave you that figure?"\n\n'
            'Former commerce secretary Joan Pelletier:"We took it from the department\'s own audit."\n\n'
            'Asked about the audit, she added: "It was thorough."\n\n'
            'Turnout models have been shifting all spring - Dana Okonkwo: "The suburbs moved first."')
    qs = quotes(text, qsettings)
    assert "Whitcombe" in by_text(qs, "Who gave you").speaker
    assert "Pelletier" in by_text(qs, "own audit").speaker
    assert "Pelletier" in by_text(qs, "It was thorough").speaker
    assert "Okonkwo" in by_text(qs, "suburbs moved first").speaker


def test_a_quote_under_a_verb_of_thought_goes_to_the_speech_verb_beside_it(qsettings):
    text = ('In his years in office, Governor Tom Reyes said, most residents have come to believe '
            '"that the river is worth saving and that we should pay for it."')
    q = by_text([q for q in quotes(text, qsettings) if q.kind == "direct"], "river is worth saving")
    assert "Reyes" in q.speaker


def test_a_bare_subject_and_verb_after_a_quote_attribute_it(qsettings):
    text = ('The host turned to the governor, Lena Marsh.\n\n'
            '"Would you raise the levy again?" Hopkins pressed. "Even after the vote?"\n\n'
            '"We will see," Marsh countered.')
    qs = quotes(text, qsettings)
    assert "Hopkins" in by_text(qs, "raise the levy").speaker
    assert "Marsh" in by_text(qs, "We will see").speaker


def test_continue_and_read_are_speech_only_without_a_complement_of_their_own(qsettings):
    text = ('Senator Ruth Calder praised the mayor, Owen Pike. She said she is certain Pike will continue to be '
            '"a voice for the harbour towns."\n\n'
            '"We owe him a lot," Calder continued.\n\n'
            'The council letter, signed by Pike, reads: "The budget stands."')
    qs = quotes(text, qsettings)
    assert "Calder" in by_text(qs, "a voice for the harbour").speaker
    assert "Calder" in by_text(qs, "We owe him").speaker
    assert by_text(qs, "The budget stands").verb == "reads"


def test_a_dash_attribution_on_the_next_paragraph_names_the_speaker(qsettings):
    text = ('The debate turned to the port.\n\n"We will dredge the harbour before the winter storms."\n\n'
            '- Mayor Hanna Kowalczyk.\n\nCouncillor Tim Reyes spoke next. "It cannot be done."\n\n'
            '- A risky plan -.\n\nThe vote is on Friday.')
    qs = quotes(text, qsettings)
    assert "Kowalczyk" in by_text(qs, "dredge the harbour").speaker
    assert "Reyes" in by_text(qs, "cannot be done").speaker


def test_a_noun_is_never_the_speaker_by_standing_before_the_cue(qsettings):
    text = ('After the floods, Governor Lena Ortiz released a new radio ad calling the response "a disgrace."')
    direct = [q for q in quotes(text, qsettings) if q.kind == "direct"]
    assert "Ortiz" in by_text(direct, "a disgrace").speaker


def _parsed(words, pos, heads, deps, ents):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    return Doc(Vocab(), words=words, pos=pos, heads=heads, deps=deps, ents=ents)


@pytest.mark.parametrize("words, pos, heads, deps, ents, name", [
    # the parse left the speech verb without a subject: the name before the apposition speaks
    (["Tom", "Reyes", ",", "a", "senior", "adviser", ",", "said"],
     ["PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB"],
     [1, 7, 1, 5, 5, 1, 1, 7], ["compound", "dep", "punct", "det", "amod", "appos", "punct", "ROOT"],
     ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"], "Reyes"),
    (["her", "adviser", ",", "Tom", "Reyes", ",", "said"],
     ["PRON", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"],
     [1, 6, 1, 4, 1, 6, 6], ["poss", "dep", "punct", "compound", "appos", "punct", "ROOT"],
     ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"], "Reyes"),
    # a place's apposition is no speaker's
    (["in", "Oslo", ",", "Norway", ",", "had", "said"],
     ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "AUX", "VERB"],
     [6, 0, 1, 1, 6, 6, 6], ["prep", "pobj", "punct", "appos", "punct", "aux", "ROOT"],
     ["O", "B-GPE", "O", "B-GPE", "O", "O", "O"], None),
])
def test_adjacent_name_skips_an_apposition(words, pos, heads, deps, ents, name):
    from eventwire.analyse._speech import adjacent_name
    doc = _parsed(words, pos, heads, deps, ents)
    found = adjacent_name(doc[len(doc) - 1])
    assert (found.text if found is not None else None) == name


def test_speaker_span_points_at_the_words_that_name_the_speaker(qsettings):
    text = ('Ann Lee, the city\'s mayor, spoke on Monday. "We will rebuild the bridge," she said. '
            '"It will take a year."\n\n"Nobody was hurt," said Tom Reyes, a fire chief.\n\n'
            'HALE: "We are ready."\n\n"It is closed," Sen. Ruth Kemp (D-Ohio) said.')
    art = process(text, settings=qsettings)
    spans = {q.text: art.text[q.speaker_span[0]:q.speaker_span[1]] for q in art.quotes if q.speaker_span}
    assert spans["We will rebuild the bridge"] == "she"
    assert spans["It will take a year."] == "she"  # the run goes on under the same words
    assert spans["Nobody was hurt"] == "Tom Reyes, a fire chief"  # the whole source phrase, as corpora mark it
    assert spans["We are ready."] == "HALE"
    assert spans["It is closed"] == "Sen. Ruth Kemp (D-Ohio)"
    rec = art.to_record()["quotes"]
    assert all(isinstance(q["speaker_span"], list) for q in rec)


def test_remembered_without_an_object_reports_speech(qsettings):
    text = ('"Everybody told her not to do it, and she did it anyway," remembered Ann Lee, a former aide. '
            '"She never looked back."\n\nTom Reyes remembered the storm of 1998. "It was worse than this," he said.')
    qs = quotes(text, qsettings)
    assert by_text(qs, "Everybody told her").speaker == "Ann Lee"
    assert by_text(qs, "worse than this").speaker == "Tom Reyes"


def test_a_thing_that_says_nothing_is_no_speaker(qsettings):
    qs = quotes('Ann Lee spoke on Monday.\n\nFrustrations over the plan stem from a report about its '
                '"hemorrhaging cash" this spring.', qsettings)
    assert not [q for q in qs if "hemorrhaging" in q.text]
    # people the lexicons know as people do speak, whatever their verb
    qs = quotes('In a letter, his longtime personal physician called his health "astonishingly excellent."',
                qsettings)
    assert "physician" in by_text(qs, "astonishingly excellent").speaker


def test_speaker_span_leaves_out_what_is_not_the_source(qsettings):
    text = ('"We will appeal," said Tom Reyes, the attorney general of Ohio, in an interview.\n\n'
            'Even Canada, the largest trading partner, said the tariff was "a mistake."\n\n'
            'A memo obtained by the Harbor Gazette called the plan "a disaster."')
    art = process(text, settings=qsettings)
    spans = {q.text: art.text[q.speaker_span[0]:q.speaker_span[1]] for q in art.quotes if q.speaker_span}
    assert spans["We will appeal"] == "Tom Reyes, the attorney general of Ohio"
    assert spans["a mistake."] == "Canada, the largest trading partner"
    assert spans["a disaster."] == "A memo"


def test_speaker_span_never_holds_its_own_cue(qsettings):
    text = ('The plan drew fire from Ann Lee, who warned in May that it would be "a costly mistake."\n\n'
            'A message that said the party "would win easily" went out at noon.')
    art = process(text, settings=qsettings)
    found = {q.text: q for q in art.quotes if q.kind == "direct"}
    span = found["a costly mistake."].speaker_span
    assert art.text[span[0]:span[1]] == "who"  # the relative pronoun, as attribution corpora mark the source
    assert found["a costly mistake."].speaker == "Ann Lee"
    span = found["would win easily"].speaker_span
    assert art.text[span[0]:span[1]] == "that"


def test_quote_under_the_speakers_own_pronoun_takes_the_outer_cue(qsettings):
    text = ('Tom Reyes met reporters on Monday. Reyes said he would advise the council on the '
            '"serious risks that remain out there."\n\n'
            'Ann Lee said the budget was sound, but she noted "real gaps in the plan."')
    art = process(text, settings=qsettings)
    found = {q.text: q for q in art.quotes if q.kind == "direct"}
    risks = found["serious risks that remain out there."]
    assert (risks.speaker, risks.verb) == ("Tom Reyes", "said")
    assert art.text[risks.speaker_span[0]:risks.speaker_span[1]] == "Reyes"
    gaps = found["real gaps in the plan."]  # a statement of its own: its own pronoun is the source
    assert gaps.speaker == "Ann Lee"
    assert art.text[gaps.speaker_span[0]:gaps.speaker_span[1]] == "she"


def test_quote_under_a_repeated_pronoun_takes_the_outer_one(qsettings):
    art = process('Ann Lee spoke on Monday. She said she raised the issue "to answer the earlier remarks" of others.',
                  settings=qsettings)
    q = next(q for q in art.quotes if q.kind == "direct")
    assert (q.speaker, q.verb) == ("Ann Lee", "said")
    assert q.speaker_span[0] == art.text.index("She said")


def test_a_surname_tagged_as_a_noun_still_speaks(qsettings):
    text = ('"Is the wall negotiable?" Pruitt pressed. "Could it be shorter?"\n\n'
            '"I would say this," Tom Reyes said.')
    qs = quotes(text, qsettings)
    assert by_text(qs, "Is the wall negotiable?").speaker != "Tom Reyes"
    assert by_text(qs, "Could it be shorter?").speaker == by_text(qs, "Is the wall negotiable?").speaker


def test_a_relative_clause_with_its_own_subject_speaks_for_itself(qsettings):
    qs = quotes('Tom Reyes criticized the plan, which an inquiry said was "deeply flawed" but lawful.', qsettings)
    assert "inquiry" in by_text(qs, "deeply flawed").speaker


def test_an_abbreviated_title_does_not_end_the_sentence(qsettings):
    art = process('"No comment," said Army spokesman Maj. Ann Reyes.', settings=qsettings)
    q = next(q for q in art.quotes if q.text == "No comment")
    assert q.speaker == "Ann Reyes"
    assert art.text[q.speaker_span[0]:q.speaker_span[1]] == "Army spokesman Maj. Ann Reyes"


def test_speaker_span_keeps_the_state_after_a_town(qsettings):
    art = process('"It would bring more jobs," says Ann Reyes, 31, a nurse from Dayton, Ohio. "I am sure."',
                  settings=qsettings)
    spans = {q.text: art.text[q.speaker_span[0]:q.speaker_span[1]] for q in art.quotes if q.speaker_span}
    assert spans["It would bring more jobs"] == "Ann Reyes, 31, a nurse from Dayton, Ohio"


def test_a_dash_byline_names_the_person_not_the_place(qsettings):
    qs = quotes('Delegates spoke on Tuesday.\n\n"We love it here and we will be back." \u2014 Ann Reyes, Denver\n\n'
                '"It is great." \u2014 Tom Lee, a delegate from Ohio', qsettings)
    assert by_text(qs, "We love it here").speaker == "Ann Reyes"
    assert by_text(qs, "It is great.").speaker == "Tom Lee"


def test_a_name_right_before_the_colon_opening_a_quote_speaks(qsettings):
    qs = quotes('The early lead does not surprise pollster Dana Whitfield: "Newcomers often start strong."\n\n'
                'Tom Reyes spoke to reporters. Later he told Ann Lee: "We will win."', qsettings)
    assert by_text(qs, "Newcomers often start strong").speaker == "Dana Whitfield"
    assert by_text(qs, "We will win.").speaker == "Tom Reyes"  # the listener of a speech verb does not speak


def test_speaker_span_leaves_out_the_time_the_occasion_and_a_whose_clause(qsettings):
    text = ('Tom Reyes, whose new book covers the strike, said the mill was "a ruin."\n\n'
            'The suit put Lopez "through hell," according to her lawyers in a court filing.')
    art = process(text, settings=qsettings)
    spans = {q.text: art.text[q.speaker_span[0]:q.speaker_span[1]] for q in art.quotes
             if q.kind == "direct" and q.speaker_span}
    assert spans["a ruin."] == "Tom Reyes"
    assert spans["through hell"] == "her lawyers"
    art = process('A notice on the county\u2019s website called the road "unsafe for trucks."', settings=qsettings)
    q = next(q for q in art.quotes if q.kind == "direct")
    assert art.text[q.speaker_span[0]:q.speaker_span[1]] == "A notice on the county\u2019s website"  # where it is


def test_a_reported_clause_ending_in_a_partial_quote_keeps_its_closing_mark(qsettings):
    qs = quotes('It was "a mess," said Ann Lee. Tom Reyes said the mill was "a ruin."', qsettings)
    clauses = {q.text for q in qs if q.kind == "indirect"}
    assert 'It was "a mess,"' in clauses
    assert 'the mill was "a ruin."' in clauses


def test_words_after_an_inverted_speech_verb_are_its_speaker_not_a_clause(qsettings):
    qs = quotes('"It is over," said ranking Democrat Ann Lee (D-Md.).', qsettings)
    assert [q.kind for q in qs] == ["direct"]
    assert "Ann Lee" in qs[0].speaker


def test_a_quoted_adjective_on_a_speech_noun_is_not_the_nouns_speaker(qsettings):
    qs = quotes('Kim attacked Lee\'s "reckless" remarks on Monday.\n\nIn a statement, watchdog head Tom Reyes called '
                'Hale\'s assertion of a "right to the files" over the archive "deeply troubling."', qsettings)
    assert by_text(qs, "reckless").speaker == "Kim"
    assert by_text(qs, "deeply troubling").speaker == "Tom Reyes"
    assert "Hale" in by_text(qs, "right to the files").speaker  # what the assertion asserts is Hale's


def test_a_description_after_an_opening_phrase_is_not_the_name_before_it(qsettings):
    # parsed as an apposition of the hosts' names; it is the subject of "stated"
    text = ('In an interview with Morning Joe hosts Tom Reyes and Ann Kemp, the Republican presidential candidate '
            'stated that the plan was "dead on arrival."')
    speaker = by_text(quotes(text, qsettings), "dead on arrival").speaker
    assert "Kemp" not in speaker and "Reyes" not in speaker


def test_of_two_subjects_a_quoted_title_is_not_the_speaker():
    # 'Kemp, star of TV's "Harbor," thanked ...' parsed with both Kemp and "Harbor" as subjects
    import spacy
    from spacy.tokens import Doc
    from eventwire.analyse._speech import speaker_tokens
    words = ["Kemp", ",", "star", "of", "TV", "'s", "\u201c", "Harbor", ",", "\u201d", "thanked", "him"]
    doc = Doc(spacy.blank("en").vocab, words=words,  # an English vocabulary knows quotation marks
              pos=["PROPN", "PUNCT", "NOUN", "ADP", "NOUN", "PART", "PUNCT", "NOUN", "PUNCT", "PUNCT", "VERB", "PRON"],
              heads=[10, 0, 0, 2, 7, 4, 7, 10, 7, 7, 10, 10],
              deps=["nsubj", "punct", "appos", "prep", "poss", "case", "punct", "nsubj", "punct", "punct", "ROOT",
                    "dobj"], ents=["B-PERSON"] + ["O"] * 11)
    assert [t.text for t in speaker_tokens(doc[10])] == ["Kemp"]


def test_of_two_subjects_the_one_right_after_a_closing_mark_still_speaks():
    # 'His assessment: "Fine," he said.' parsed with both "assessment" and "he" as subjects
    import spacy
    from spacy.tokens import Doc
    from eventwire.analyse._speech import speaker_tokens
    words = ["His", "assessment", ":", "\u201c", "Fine", ",", "\u201d", "he", "said", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["PRON", "NOUN", "PUNCT", "PUNCT", "ADJ", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"],
              heads=[1, 8, 8, 8, 8, 8, 8, 8, 8, 8],
              deps=["poss", "nsubj", "punct", "punct", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"])
    assert [t.text for t in speaker_tokens(doc[8])] == ["he"]


def test_a_quote_that_goes_on_points_at_the_nearest_mention_of_its_speaker(qsettings):
    text = ('"We lost the vote," said Al Green, who helped found the council. Green supports the mayor in the race. '
            '"Our challenge was simple."')
    art = process(text, settings=qsettings)
    q = next(q for q in art.quotes if q.text == "Our challenge was simple.")
    assert q.speaker == "Al Green"
    assert q.speaker_span[0] == art.text.index("Green supports")
    art = process('"We lost the vote," said Al Green. He spoke at noon. "Our challenge was simple."', settings=qsettings)
    q = next(q for q in art.quotes if q.text == "Our challenge was simple.")
    assert (q.speaker, q.speaker_span[0]) == ("Al Green", art.text.index("He spoke"))


def test_a_byline_paragraph_with_how_it_was_said_names_the_speaker(qsettings):
    text = ('"He may sit in on the meetings," Tom Reyes said. "I doubt he will learn much."\n\n'
            '"Great speech. She is ready. She never quits."\n\n-Senator Ann Lee, tweeting after the speech.')
    art = process(text, settings=qsettings)
    q = next(q for q in art.quotes if q.text.startswith("Great speech"))
    assert "Ann Lee" in q.speaker and not q.speaker.startswith("-")
    assert art.text[q.speaker_span[0]:q.speaker_span[1]] == "Senator Ann Lee"


def test_a_lower_case_sentence_after_a_quote_may_hold_its_cue(qsettings):
    text = ('Tom Reyes, a radio host, has set up a site that pitches the island as a new home.\n\n'
            '"Hi there! Your vote may go badly!" a welcome note on the site reads. "If it does, come to us!"')
    qs = quotes(text, qsettings)
    assert "note" in by_text(qs, "Hi there!").speaker
    assert "note" in by_text(qs, "If it does").speaker
