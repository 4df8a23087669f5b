"""The actors stage's word lists (analyse/_actor_words.py, knowledge/actor_words.tsv).

The texts are written for these tests (not from any article)."""
from __future__ import annotations

import pytest

from eventwire import knowledge
from eventwire.analyse import actors
from eventwire.analyse._actor_words import actor_words
from eventwire.model import Article


@pytest.fixture(autouse=True)
def no_user_files():
    """Every test starts and ends with only the shipped tables active."""
    knowledge.use(())
    yield
    knowledge.use(())


def test_shipped_groups():
    assert {"mr", "dr.", "gen."} <= actor_words("honorific")
    assert {"the", "their", "namely"} <= actor_words("determiner")
    assert {"in", "near", "towards"} <= actor_words("place_preposition")
    assert {"ambassador", "consulate general"} <= actor_words("mission")
    assert {"dozens", "thousands"} <= actor_words("number")
    assert {"president", "chancellor"} <= actor_words("title")
    assert actor_words("no such group") == frozenset()


def test_honorific_is_not_part_of_a_person_name(settings):
    a = Article(text="Dr. Amina Wanjiru, Kenya's health minister, said on Monday that the clinics would reopen.")
    actors.run(a, settings)
    assert [(x.name, x.country) for x in a.actors] == [("Amina Wanjiru", "KEN")]


def test_user_file_extends_a_group(tmp_path):
    f = tmp_path / "words.tsv"
    f.write_text("# test words\nword\tgroup\nProf\thonorific\n", encoding="utf-8")
    assert "prof" not in actor_words("honorific")
    knowledge.use((str(f),))
    assert "prof" in actor_words("honorific") and "mr" in actor_words("honorific")
    knowledge.use(())
    assert "prof" not in actor_words("honorific")


def test_shipped_nicknames_and_particles():
    from eventwire.analyse._actor_words import nicknames

    assert nicknames()["chuck"] == "charles" and nicknames()["bill"] == "william"
    assert {"de", "van", "bin"} <= actor_words("particle")


def test_a_short_given_name_and_the_full_one_are_one_person(settings):
    a = Article(text="Sen. Chuck Hollis spoke on Monday. Later Charles Hollis, the committee chairman, "
                     "said the hearing would go ahead, and Hollis left.")
    actors.run(a, settings)
    people = [x for x in a.actors if x.kind == "person" and "Hollis" in x.name]
    assert len(people) == 1 and people[0].name == "Charles Hollis"


def test_a_name_particle_does_not_cut_a_name(settings):
    a = Article(text="On Monday the Dutch envoy Pieter de Vries told reporters the talks had failed.")
    actors.run(a, settings)
    assert any(x.name == "Pieter de Vries" for x in a.actors)
