"""The cache helpers answer as an empty cache when the cache server is away."""

import logging

import pytest

from talentbridge.cache import cache_add, cache_delete, cache_get, cache_incr, cache_set
from talentbridge.throttle import take_attempt

from .broken_cache import SETTINGS as UNREACHABLE


def test_helpers_use_the_cache_when_it_answers():
    assert cache_add("k", 1, 60) is True
    assert cache_add("k", 2, 60) is False
    assert cache_get("k") == 1
    assert cache_set("k", 3, 60) is True
    assert cache_get("k") == 3
    assert cache_delete("k") is True
    assert cache_get("k", "none") == "none"
    assert [cache_incr("n", 60), cache_incr("n", 60)] == [1, 2]


def test_helpers_answer_as_an_empty_cache_while_the_server_is_away(settings, caplog):
    settings.CACHES = UNREACHABLE
    with caplog.at_level(logging.WARNING, logger="talentbridge.cache"):
        assert cache_get("k", "none") == "none"
        assert cache_add("k", 1, 60) is False
        assert cache_set("k", 1, 60) is False
        assert cache_delete("k") is False
        assert cache_incr("n", 60) is None
    assert len(caplog.records) == 5
    assert "cache unavailable, get k skipped" in caplog.records[0].getMessage()


def test_throttle_lets_attempts_through_while_the_cache_is_away(settings):
    settings.CACHES = UNREACHABLE
    assert all(take_attempt("reset:someone@example.cn", limit=1) for _ in range(3))


def test_throttle_still_counts_with_a_cache():
    assert [take_attempt("reset:x", limit=2) for _ in range(3)] == [True, True, False]


@pytest.mark.parametrize("value", [None, 0, ""])
def test_a_cached_falsy_value_is_returned_as_it_is(value):
    cache_set("falsy", value, 60)
    assert cache_get("falsy", "missing") == value
