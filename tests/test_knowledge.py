"""The shared knowledge-file reader and the user's knowledge files reaching every stage."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire import knowledge, process
from eventwire.clean import _knowledge as clean_kb
from eventwire.errors import ModelError


@pytest.fixture(autouse=True)
def no_user_files():
    """Every test starts and ends with only the shipped tables active."""
    knowledge.use(())
    yield
    knowledge.use(())


def _tsv(folder: Path, name: str, header: str, *lines: str) -> str:
    path = folder / name
    path.write_text("# written for this test\n" + "\n".join([header, *lines]) + "\n", encoding="utf-8")
    return str(path)


def _with(settings, *files: str):
    return settings.replace(knowledge=os.pathsep.join(files))


def test_read_table_skips_comments_and_blank_lines_and_strips_values(tmp_path):
    f = tmp_path / "t.tsv"
    f.write_text("# what it is\n\nword\tkind\tvalue\n  dozen \tvague\t12\n# a note\n\npair\tnumber\n",
                 encoding="utf-8")
    table = knowledge.read_table(f)
    assert table.header == ("word", "kind", "value")
    assert table.rows == ({"word": "dozen", "kind": "vague", "value": "12"},
                          {"word": "pair", "kind": "number", "value": ""})


def test_read_table_errors_name_the_file(tmp_path):
    empty = tmp_path / "empty.tsv"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    for bad in (empty, tmp_path / "missing.tsv"):
        with pytest.raises(ModelError) as err:
            knowledge.read_table(bad)
        assert err.value.code == "E402" and bad.name in err.value.message


def test_rows_put_user_rows_after_the_shipped_ones(tmp_path):
    shipped = knowledge.rows("figure_noncount.tsv")
    mine = _tsv(tmp_path, "noncount.tsv", "noncount", "gizmos")
    other = _tsv(tmp_path, "gender.tsv", "word\tgender\tkind", "Ottoline\tf\tname")
    knowledge.use((mine, other))
    assert knowledge.rows("figure_noncount.tsv") == shipped + ({"noncount": "gizmos"},)
    assert knowledge.rows("gender_words.tsv")[-1] == {"word": "Ottoline", "gender": "f", "kind": "name"}
    knowledge.use(())
    assert knowledge.rows("figure_noncount.tsv") == shipped


def test_each_shipped_table_has_its_own_header():
    """A user file's header says which table it extends: only the two country-name tables share one."""
    shared = [names for names in knowledge._shipped_headers().values() if len(names) > 1]
    assert shared == [("countries.tsv", "country_aliases.tsv")]


def test_unknown_header_is_e402_naming_the_file_and_the_known_headers(tmp_path, settings):
    bad = _tsv(tmp_path, "my_weird_table.tsv", "colour\tflavour", "red\tsweet")
    with pytest.raises(ModelError) as err:
        knowledge.use((bad,))
    assert err.value.code == "E402"
    assert "my_weird_table.tsv" in err.value.message and "quote_cues.tsv" in err.value.message
    assert knowledge.active() == ()
    with pytest.raises(ModelError):  # the pipeline checks the files before any article
        process("The minister spoke on Monday.", settings=_with(settings, bad))


def test_user_country_alias_and_armed_group_become_actors(tmp_path, settings):
    text = "Freedonia accused the Marsh Lions Brigade of shelling a border village on Monday."
    country = _tsv(tmp_path, "places.tsv", "alias\tcode\tcanonical", "Freedonia\tFDN\tFreedonia")
    group = _tsv(tmp_path, "groups.tsv", "alias\tkey\tcountry\trole\tkind", "Marsh Lions Brigade\tMLB\tFDN\tREB\tgroup")
    before = {a.name: a for a in process(text, settings=settings).actors}
    assert "Freedonia" not in before and before["Marsh Lions Brigade"].country is None
    after = {a.name: a for a in process(text, settings=_with(settings, country, group)).actors}
    assert (after["Freedonia"].country, after["Freedonia"].kind) == ("FDN", "state")
    assert (after["Marsh Lions Brigade"].country, after["Marsh Lions Brigade"].role) == ("FDN", "REB")


def test_user_figure_cue_extends_figures(tmp_path, settings):
    text = "The storm stranded 200 travellers at the airport on Sunday, officials said."
    cues = _tsv(tmp_path, "cues.tsv", "lemma\tcategory\tpos\theads\tpeople_object", "strand\tdisplaced\tVERB\t\tyes")
    assert process(text, settings=settings).figures == []
    found = process(text, settings=_with(settings, cues)).figures
    assert [(f.category, f.count) for f in found] == [("displaced", 200)]


def test_user_quote_cue_extends_quotes(tmp_path, settings):
    text = "The farmers' leader grumbled that the new tax would ruin the harvest."
    cues = _tsv(tmp_path, "speech.tsv", "cue\tkind\tindirect", "grumble\tverb\tyes")
    assert process(text, settings=settings).quotes == []
    q = process(text, settings=_with(settings, cues)).quotes
    assert [(x.kind, x.verb, x.text) for x in q] == [("indirect", "grumbled", "the new tax would ruin the harvest")]
    assert "leader" in q[0].speaker


def test_user_boilerplate_cue_reaches_clean(tmp_path):
    cue = _tsv(tmp_path, "bp.tsv", "cue\tkind\tweight\tstrong", "tap to join our channel\tnav\t1.0\tyes")
    assert "tap to join our channel" not in clean_kb.cues()[1]
    knowledge.use((cue,))
    regex, table = clean_kb.cues()
    assert table["tap to join our channel"] == ("nav", 1.0, True)
    assert regex.search("Please TAP TO JOIN OUR CHANNEL now")


def test_read_json_reads_a_shipped_file_and_names_a_missing_one():
    assert isinstance(knowledge.read_json("boilerplate_patterns.json")["patterns"], list)
    with pytest.raises(ModelError) as err:
        knowledge.read_json("no_such_file.json")
    assert err.value.code == "E402" and "no_such_file.json" in err.value.message
