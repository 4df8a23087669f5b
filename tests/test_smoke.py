from eventwire import process


def test_process_returns_contract_record(settings):
    art = process("Headline here\n\nThe mayor of Springfield met residents on Monday.", settings=settings)
    rec = art.to_record()
    assert rec["schema"] == 1
    assert rec["errors"] == []
    assert "Springfield" in rec["text"]
