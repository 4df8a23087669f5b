import pytest

from eventwire import pipeline
from eventwire.errors import SettingsError
from eventwire.model import Article


def test_one_bad_stage_does_not_stop_the_batch(settings, monkeypatch):
    def boom(article, settings):
        if "explode" in article.text:
            raise RuntimeError("kaboom")
        return article

    monkeypatch.setattr(pipeline.STAGES["figures"], "run", boom)
    arts = [Article(id="a", raw="Title\n\nThis one should explode now."),
            Article(id="b", raw="Title\n\nThis one is fine and calm.")]
    out = list(pipeline.run_articles(arts, settings))
    assert [a.id for a in out] == ["a", "b"]
    assert out[0].errors and out[0].errors[0].code == "E501" and out[0].errors[0].stage == "figures"
    assert "kaboom" in out[0].errors[0].message
    assert out[1].errors == []


def test_ids_default_to_a_stable_content_hash(settings):
    a = pipeline.process("Title\n\nSome text about a meeting.", settings=settings)
    b = pipeline.process("Title\n\nSome text about a meeting.", settings=settings)
    assert a.id == b.id and a.id.startswith("sha256:")


def test_unknown_stage_is_a_settings_error(settings):
    with pytest.raises(SettingsError):
        list(pipeline.run_articles([Article(raw="x")], settings.replace(stages="actors,nonsense")))


def test_clean_only_runs_no_analysis(settings):
    art = pipeline.process("Title\n\nPolice arrested 12 people in Lagos.", settings=settings.replace(stages=""))
    assert art.text and art.actors == [] and art.events == []
