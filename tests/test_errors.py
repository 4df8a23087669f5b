import re

from eventwire import errors


def test_every_code_belongs_to_its_family():
    family = {"1": errors.SettingsError, "2": errors.InputError, "3": errors.CleanError,
              "4": errors.ModelError, "5": errors.StageError, "6": errors.StoreError}
    for code in errors.MESSAGES:
        assert re.fullmatch(r"E\d{3}", code)
        assert code[1] in family


def test_messages_say_how_to_fix():
    # every message names a cause and a remedy: at least two sentences
    for code, text in errors.MESSAGES.items():
        assert text.count(".") >= 2 or ";" in text, code


def test_make_fills_template_and_code():
    exc = errors.make(errors.InputError, "E201", path="nowhere.txt")
    assert exc.code == "E201" and "nowhere.txt" in str(exc) and str(exc).startswith("[E201]")
    assert isinstance(exc, errors.EventwireError)
