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
    arts = [Article(id="a", raw="Storm Damage Closes Harbour\n\nThe harbour authority said on Monday that the storm would explode the repair budget, and that workers would need three weeks to clear the debris from the main quay."),
            Article(id="b", raw="Farmers Welcome Early Rains\n\nFarmers in the northern districts said on Tuesday that the early rains had saved much of the maize harvest, according to the regional agriculture office.")]
    out = list(pipeline.run_articles(arts, settings))
    assert [a.id for a in out] == ["a", "b"]
    assert out[0].errors and out[0].errors[0].code == "E501" and out[0].errors[0].stage == "figures"
    assert "kaboom" in out[0].errors[0].message
    assert out[1].errors == []


def test_ids_default_to_a_stable_content_hash(settings):
    text = ("Council Meets\n\nThe city council met on Monday to discuss the new budget, and members agreed to "
            "publish the figures next week.")
    a = pipeline.process(text, settings=settings)
    b = pipeline.process(text, settings=settings)
    assert a.id == b.id and a.id.startswith("sha256:")


def test_unknown_stage_is_a_settings_error(settings):
    with pytest.raises(SettingsError):
        list(pipeline.run_articles([Article(raw="x")], settings.replace(stages="actors,nonsense")))


def test_clean_only_runs_no_analysis(settings):
    art = pipeline.process("Arrests in Lagos\n\nPolice arrested 12 people in Lagos on Friday after a protest over fuel prices turned violent, a police spokesman said.", settings=settings.replace(stages=""))
    assert art.text and art.actors == [] and art.events == []
