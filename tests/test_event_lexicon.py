"""The events stage's knowledge loaders (analyse/_event_lexicon.py)."""
from __future__ import annotations

from eventwire.analyse._event_lexicon import number_words


def test_number_words_are_the_unit_rows_of_the_figures_number_table():
    words = number_words()
    assert (words["one"], words["four"], words["ten"], words["twelve"]) == (1, 4, 10, 12)
    assert "dozen" not in words and "hundred" not in words  # other kinds of number words
