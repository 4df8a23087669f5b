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
