import pytest

from eventwire.errors import SettingsError
from eventwire.settings import DECLARED, Settings, describe, load_settings


def test_defaults_match_declarations():
    s = load_settings(env={})
    for d in DECLARED:
        value = getattr(s, d.name)
        if d.name in ("stages", "knowledge"):
            assert value == tuple(x for x in d.default.split(",") if x) if d.name == "stages" else value == ()
        else:
            assert value == d.default, d.name


def test_every_declared_setting_is_a_field():
    fields = set(Settings.__dataclass_fields__)
    assert {d.name for d in DECLARED} <= fields


def test_precedence_defaults_config_env_flags(tmp_path):
    cfg = tmp_path / "eventwire.toml"
    cfg.write_text('batch_size = 8\nmodel = "from_config"\nstages = "actors"\n')
    s = load_settings(config=cfg, env={})
    assert (s.batch_size, s.model, s.stages) == (8, "from_config", ("actors",))
    s = load_settings(config=cfg, env={"EVENTWIRE_BATCH_SIZE": "16"})
    assert s.batch_size == 16 and s.model == "from_config"
    s = load_settings({"batch_size": 4, "model": None}, config=cfg, env={"EVENTWIRE_BATCH_SIZE": "16"})
    assert s.batch_size == 4 and s.model == "from_config"
    assert s.sources["batch_size"] == "flag"


def test_config_section_is_accepted(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[eventwire]\nclean = false\n")
    assert load_settings(config=cfg, env={}).clean is False


def test_unknown_setting_names_the_known_ones(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("bach_size = 3\n")
    with pytest.raises(SettingsError) as err:
        load_settings(config=cfg, env={})
    assert err.value.code == "E101" and "batch_size" in str(err.value)


def test_bad_value_says_what_is_expected():
    with pytest.raises(SettingsError) as err:
        load_settings({"batch_size": "many"}, env={})
    assert err.value.code == "E102"
    with pytest.raises(SettingsError):
        load_settings({"progress": "sometimes"}, env={})


def test_broken_config_file(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("this is = = not toml")
    with pytest.raises(SettingsError) as err:
        load_settings(config=cfg, env={})
    assert err.value.code == "E103"


def test_settings_are_frozen_and_replace_coerces():
    s = load_settings(env={})
    with pytest.raises(Exception):
        s.batch_size = 3  # type: ignore[misc]
    assert s.replace(stages="actors, events").stages == ("actors", "events")


def test_describe_lists_env_names():
    rows = describe()
    assert {r["env"] for r in rows} >= {"EVENTWIRE_MODEL", "EVENTWIRE_DB"}
    assert all(r["help"] for r in rows)
