"""Number phrases as news writes them (eventwire.analyse._numbers); sentences written for these tests."""
from __future__ import annotations

import pytest
import spacy

from eventwire.analyse._numbers import find_numbers, parse_number, vague_minimum


@pytest.fixture(scope="module")
def tok():
    nlp = spacy.blank("en")
    return lambda text: list(nlp(text))


@pytest.mark.parametrize("text,value", [
    ("1,400", 1400), ("5,700", 5700), ("two", 2), ("nine", 9), ("a dozen", 12), ("1.2 million", 1_200_000),
    ("two hundred and fifty", 250), ("twenty-five", 25), ("three dozen", 36), ("2.2 million", 2_200_000),
    ("one thousand two hundred", 1200), ("40", 40),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["dozens", "hundreds", "several", "people", "", "and"])
def test_parse_number_rejects_vague_and_words(text):
    assert parse_number(text) is None


def test_vague_minimum_follows_the_annotation_convention():
    assert vague_minimum("several") == 3
    assert vague_minimum("multiple") == 3
    assert vague_minimum("numerous") == 4
    assert vague_minimum("at least several insurgents") == 3
    assert vague_minimum("tens of thousands") == 20_000
    assert vague_minimum("seven") is None


def _found(tok, text):
    tokens = tok(text)
    return [(p.count, p.count_max, p.vague, p.qualifier, " ".join(t.text for t in tokens[p.first:p.last + 1]))
            for p in find_numbers(tokens)]


def test_qualifiers_keep_the_count(tok):
    assert _found(tok, "at least 1,400 and more than 5,700 fled") == [
        (1400, None, False, "lower", "at least 1,400"), (5700, None, False, "lower", "more than 5,700")]


@pytest.mark.parametrize("text", ["between 20 and 30 were hurt", "20 to 30 were hurt", "20-30 were hurt"])
def test_ranges_give_count_and_count_max(tok, text):
    (count, count_max, vague, _, _), = _found(tok, text)
    assert (count, count_max, vague) == (20, 30, False)


def test_vague_amounts_are_flagged_without_a_count(tok):
    found = _found(tok, "hundreds were held and a few fled, while tens of thousands marched")
    assert [(c, v, s) for c, _, v, _, s in found] == [
        (None, True, "hundreds"), (None, True, "a few"), (None, True, "tens of thousands")]


def test_few_and_number_only_as_amounts(tok):
    assert _found(tok, "few were hurt") == []
    assert _found(tok, "the number rose") == []
    assert _found(tok, "a number of men fled")[0][2] is True


def test_years_are_marked(tok):
    tokens = tok("In 2019 five men fled")
    phrases = find_numbers(tokens)
    assert [(p.count, p.yearlike) for p in phrases] == [(2019, True), (5, False)]


def test_a_fourth_is_one_ordinal_person(tok):
    tokens = tok("and a fourth arrested")
    (p,) = find_numbers(tokens)
    assert (p.count, p.ordinal) == (1, True)
    assert parse_number("fourth") is None
