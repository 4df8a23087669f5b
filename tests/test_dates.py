"""Date resolution for events (analyse/dates.py), on expressions written for these tests."""
from __future__ import annotations

import pytest

from eventwire.analyse import dates, nlp


@pytest.mark.parametrize("expr, published, expected", [
    ("on Tuesday", "2023-10-11", "2023-10-10"),       # a Wednesday page: the day before
    ("Wednesday", "2023-10-11", "2023-10-11"),        # the same day
    ("Saturday", "2023-10-11", "2023-10-07"),
    ("Thursday", "2023-10-11", "2023-10-12"),         # the day after: a later time zone
    ("last Wednesday", "2023-10-11", "2023-10-04"),
    ("yesterday", "2023-10-11", "2023-10-10"),
    ("last night", "2023-10-11", "2023-10-10"),
    ("today", "2023-10-11", "2023-10-11"),
    ("March 24, 2021", None, "2021-03-24"),
    ("24 March 2021", "2023-10-11", "2021-03-24"),
    ("December 29", "2017-01-10", "2016-12-29"),       # no year, just before a January page
    ("October 2", "2023-10-11", "2023-10-02"),
    ("2019-06-04", None, "2019-06-04"),
])
def test_resolve(expr, published, expected):
    assert dates.resolve(expr, published) == expected


@pytest.mark.parametrize("expr", ["last week", "earlier this month", "this year", "recently", "in 2019"])
def test_periods_without_a_day_are_null(expr):
    assert dates.resolve(expr, "2023-10-11") is None


def test_relative_dates_need_a_publication_date():
    assert dates.resolve("on Tuesday", None) is None
    assert dates.resolve("yesterday", None) is None


def test_weekday_and_day_without_year_or_page_date_uses_the_weekday():
    # 23 December fell on a Friday in 2022 (and 2016); the article's other years break the tie
    assert dates.resolve("Friday, December 23", None, hint_year=2022) == "2022-12-23"


def test_is_date_expression():
    assert dates.is_date_expression("last week")
    assert dates.is_date_expression("Friday")
    assert not dates.is_date_expression("the ministry")


@pytest.fixture(scope="module")
def parse(settings):
    model = nlp.load(settings.model)
    return model


def test_governing_expression_prefers_the_trigger_clause(parse):
    doc = parse("The army shelled the town on Monday, a week after rebels seized it on Saturday.")
    shelled = next(t for t in doc if t.text == "shelled")
    seized = next(t for t in doc if t.text == "seized")
    assert dates.governing_expression(shelled) == "Monday"
    assert dates.governing_expression(seized) == "Saturday"


def test_governing_expression_none_without_date(parse):
    doc = parse("The army shelled the town.")
    assert dates.governing_expression(doc[2]) is None


def test_user_date_expression_file_extends_the_table(tmp_path):
    """A user file with event_dates.tsv's header adds relative expressions (the ``knowledge`` setting)."""
    from eventwire import knowledge

    mine = tmp_path / "my_dates.tsv"
    mine.write_text("# written for this test\nexpression\tkind\tvalue\nthe day before yesterday\toffset\t-2\n",
                    encoding="utf-8")
    try:
        knowledge.use((str(mine),))
        assert dates.resolve("the day before yesterday", "2023-10-11") == "2023-10-09"
    finally:
        knowledge.use(())


def test_overnight_spans_two_days_and_names_none():
    assert dates.resolve("overnight", "2023-10-11") is None
    assert dates.resolve("last night", "2023-10-11") == "2023-10-10"


def test_anaphoric_expressions_are_left_to_the_story_s_day():
    assert dates.resolve("earlier in the day", "2023-10-11") is None
    assert dates.anaphoric("earlier in the day") == 0
    assert dates.anaphoric("the following day") == 1
    assert dates.anaphoric("yesterday") is None


def test_full_date_finds_day_month_and_year_only():
    assert dates.full_date("In this photo taken Tuesday, March 7, 2017, a man waves.") == "2017-03-07"
    assert dates.full_date("Taken on 5 June 2019 in Lagos") == "2019-06-05"
    assert dates.full_date("Taken on June 5 in Lagos") is None


def test_user_date_names_extend_the_shipped_ones(tmp_path):
    """Weekday and month names come from knowledge/date_names.tsv; a user file with its header adds some."""
    from eventwire import knowledge
    f = tmp_path / "names.tsv"
    f.write_text("# test names\ndate_name\tkind\tnumber\nfebr\tmonth\t2\ntues\tweekday\t1\n", encoding="utf-8")
    assert dates.resolve("on 3 Febr 2021", None) is None
    try:
        knowledge.use((str(f),))
        assert dates.resolve("on 3 Febr 2021", None) == "2021-02-03"
        assert dates.resolve("on Tues", "2023-10-11") == "2023-10-10"
        assert dates.resolve("March 24, 2021", None) == "2021-03-24"  # the shipped names still read
    finally:
        knowledge.use(())
    assert dates.resolve("on Tues", "2023-10-11") is None
