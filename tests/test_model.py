from eventwire.model import Actor, Article, Event, Figure, Quote


def test_record_round_trip():
    art = Article(id="x1", url="https://example.org/a", title="T", published="2024-01-02", text="Alpha met Beta.")
    art.actors = [Actor("Alpha", "person", "KEN", "GOV", [(0, 5)])]
    art.quotes = [Quote("hello", 1, 6, speaker="Alpha", speaker_country="KEN", speakers=["Alpha"], verb="said")]
    art.events = [Event("CONSULT", 0, 15, "Alpha met Beta.", cameo="040", source="Alpha", source_country="KEN",
                        confidence=0.87654, spans=[(0, 15)])]
    art.figures = [Figure("killed", 3, 0, 15, "Alpha met Beta.", victims="people")]
    art.add_error("E501", "events", "boom")
    rec = art.to_record()
    assert rec["schema"] == 1 and rec["events"][0]["confidence"] == 0.877
    again = Article.from_record(rec).to_record()
    assert again == rec


def test_contract_fields_present():
    rec = Article(id="y").to_record()
    for key in ("schema", "id", "url", "outlet", "title", "published", "language", "text", "removed",
                "actors", "quotes", "events", "figures", "errors"):
        assert key in rec


def test_content_hash_is_stable_and_input_based():
    assert Article(raw="abc").content_hash() == Article(raw="abc").content_hash()
    assert Article(raw="abc").content_hash() != Article(raw="abd").content_hash()
