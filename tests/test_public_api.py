import eventwire


def test_public_api_is_small_and_documented():
    assert sorted(eventwire.__all__) == sorted(["process", "code", "Article", "Actor", "Quote", "Event", "Figure",
                                                "Settings", "load_settings", "EventwireError", "__version__"])
    for name in eventwire.__all__:
        obj = getattr(eventwire, name)
        if callable(obj):
            assert obj.__doc__, name


def test_unknown_attribute_raises():
    import pytest

    with pytest.raises(AttributeError):
        eventwire.no_such_thing  # noqa: B018
