"""The actors knowledge base: shipped tables, lookups and user extension files."""
from __future__ import annotations

import pytest

from eventwire import knowledge
from eventwire.analyse import _kb
from eventwire.errors import ModelError


@pytest.fixture(scope="module")
def kb():
    return _kb.load()


@pytest.mark.parametrize("alias,code", [
    ("US", "USA"), ("U.S.", "USA"), ("United States", "USA"), ("America", "USA"), ("Britain", "GBR"),
    ("UK", "GBR"), ("South Korea", "KOR"), ("North Korea", "PRK"), ("Ivory Coast", "CIV"), ("Kosovo", "XKX"),
    ("Palestine", "PSE"), ("Gaza", "PSE"), ("West Bank", "PSE"), ("Russian Federation", "RUS"), ("Iran", "IRN"),
])
def test_country_names(kb, alias, code):
    e = kb.lookup(alias)
    assert e is not None and e.type == "country" and e.country == code


def test_acronyms_are_case_sensitive(kb):
    assert kb.lookup("us") is None
    assert kb.lookup("who") is None
    assert kb.lookup("WHO").country == "IGO"


@pytest.mark.parametrize("word,code,type_", [
    ("Turkish", "TUR", "demonym"), ("Israeli", "ISR", "demonym"), ("Palestinian", "PSE", "demonym"),
    ("Afghan", "AFG", "demonym"), ("Russians", "RUS", "people"), ("Serbs", "SRB", "people"),
    ("Moscow", "RUS", "capital"), ("Kremlin", "RUS", "seat"), ("White House", "USA", "seat"),
    ("Ankara", "TUR", "capital"), ("Downing Street", "GBR", "seat"), ("Tehran", "IRN", "capital"),
])
def test_demonyms_and_metonyms(kb, word, code, type_):
    e = kb.lookup(word)
    assert (e.type, e.country) == (type_, code)


@pytest.mark.parametrize("term,role,kind", [
    ("president", "GOV", "person"), ("foreign minister", "GOV", "person"), ("police", "MIL", "organization"),
    ("security forces", "MIL", "organization"), ("lawmakers", "LEG", "group"), ("rebels", "REB", "group"),
    ("junta", "GOV", "organization"), ("court", "JUD", "organization"), ("journalists", "MED", "group"),
    ("protesters", "CVL", "group"), ("opposition", "OPP", "group"),
])
def test_titles(kb, term, role, kind):
    e = kb.title(term)
    assert (e.role, e.kind) == (role, kind)


@pytest.mark.parametrize("name,country,role", [
    ("UN", "IGO", "IGO"), ("WFP", "IGO", "IGO"), ("NATO", "IGO", "IGO"), ("ECOWAS", "IGO", "IGO"),
    ("Hamas", "PSE", "REB"), ("Hezbollah", "LBN", "REB"), ("al-Shabab", "SOM", "REB"), ("Taliban", "AFG", "REB"),
    ("M23", "COD", "REB"), ("TPLF", "ETH", "REB"), ("Wagner", "RUS", "MIL"),
])
def test_organizations(kb, name, country, role):
    e = kb.lookup(name)
    assert (e.type, e.country, e.role) == ("org", country, role)


def test_every_shipped_file_starts_with_a_comment():
    for names in _kb._FILES.values():
        for name in names:
            first = knowledge.path(name).read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("#"), name


def test_user_file_extends_and_overrides(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("# my groups\nalias\tkey\tcountry\trole\tkind\nFreedom Riders Front\tFRF\tZAF\tREB\tgroup\n"
                 "Hamas\tHAMAS\tPSE\tGOV\tgroup\n", encoding="utf-8")
    knowledge.use((str(f),))
    try:
        kb = _kb.load()
        assert kb.lookup("Freedom Riders Front").country == "ZAF"
        assert kb.lookup("Hamas").role == "GOV"
    finally:
        knowledge.use(())
    assert _kb.load().lookup("Hamas").role == "REB"  # the shipped table is not changed


def test_bad_user_file_is_a_coded_error(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("what\tever\nx\ty\n", encoding="utf-8")
    with pytest.raises(ModelError) as err:
        knowledge.use((str(f),))
    assert err.value.code == "E402"
    with pytest.raises(ModelError):
        knowledge.use((str(tmp_path / "missing.tsv"),))
    assert knowledge.active() == ()  # a rejected set is not made active


def test_names_need_their_capital(kb):
    assert kb.lookup("amnesty") is None  # a presidential amnesty
    assert kb.lookup("Amnesty").key == "AI"
    assert kb.lookup("al-Shabab").country == "SOM"  # written without a capital
    assert kb.lookup("AUSTRALIA").country == "AUS"  # headline capitals
