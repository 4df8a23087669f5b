"""Reading the words around a number (analyse/_figure_context.py) with the word tables moved out of code:
knowledge/figure_modals.tsv, figure_count_nouns.tsv and (figures.py) figure_before_number.tsv.

The texts are written for these tests (not from any article)."""
from __future__ import annotations

import pytest

from eventwire import knowledge
from eventwire.analyse import _figure_context as ctx
from eventwire.analyse import figures, nlp
from eventwire.analyse._figure_tables import word_set


@pytest.fixture(scope="module")
def parse():
    return nlp.load("auto")


@pytest.fixture(autouse=True)
def no_user_files():
    knowledge.use(())
    yield
    knowledge.use(())


def _lemma(doc, lemma: str):
    return next(t for t in doc if t.lemma_ == lemma)


def test_a_modal_makes_the_cue_unreal(parse):
    assert ctx.is_irrealis(_lemma(parse("The storm could kill 40 villagers, officials said."), "kill"))
    assert not ctx.is_irrealis(_lemma(parse("The storm killed 40 villagers, officials said."), "kill"))


def test_a_count_noun_stands_for_the_number(parse):
    doc = parse("Officials put that number at 140 on Friday.")
    anchor = next(t for t in doc if t.text == "140")
    found = ctx.count_noun(anchor, next(iter(doc.sents)))
    assert found is not None and found.text == "number"


def test_before_number_table_keeps_signs_a_comment_line_would_hide():
    # "#" starts a comment line in a TSV file: the table puts its kind first so the sign is a value
    assert {"$", "#", "No.", "aged", "no", "No"} <= figures._before_number()
    assert "NO" not in figures._before_number()  # matched case-sensitively


def test_user_file_adds_a_modal(tmp_path):
    f = tmp_path / "modals.tsv"
    f.write_text("# test modals\nmodal\nought\n", encoding="utf-8")
    knowledge.use((str(f),))
    assert {"ought", "could"} <= word_set("figure_modals.tsv", "modal")
