"""soap.answer_cache.AnswerCache: exact stamps, least recently used eviction within the byte budget."""

from __future__ import annotations

from wms_soap.soap.context import CachedBody
from wms_soap.soap.service.answer_cache import AnswerCache, answer_cache_for


def body(size: int, fill: bytes = b"x") -> CachedBody:
    return CachedBody(fill * size)


def test_an_entry_answers_only_its_own_stamp_and_a_stale_one_is_dropped() -> None:
    cache = AnswerCache(1000)
    cache.put("order", (1, 0, 7, 3), body(10))
    assert cache.get("order", (1, 0, 7, 3)) == body(10)
    assert cache.get("order", (1, 0, 7, 4)) is None
    assert len(cache) == 0 and cache.size_bytes == 0
    assert cache.get("order", (1, 0, 7, 3)) is None  # gone: a stale entry is never served again
    assert (cache.hits, cache.misses) == (1, 2)


def test_the_least_recently_used_entries_go_when_the_budget_is_full() -> None:
    cache = AnswerCache(100)
    for key in ("a", "b", "c"):
        cache.put(key, (0, 0, 0, 0), body(40))
    assert len(cache) == 2 and cache.size_bytes == 80 and cache.get("a", (0, 0, 0, 0)) is None
    assert cache.get("b", (0, 0, 0, 0)) is not None  # b is now the most recently used
    cache.put("d", (0, 0, 0, 0), body(40))
    assert cache.get("c", (0, 0, 0, 0)) is None and cache.get("b", (0, 0, 0, 0)) is not None


def test_a_new_answer_replaces_the_old_one_and_an_oversized_one_is_not_kept() -> None:
    cache = AnswerCache(100)
    cache.put("a", (0, 0, 0, 1), body(30))
    cache.put("a", (0, 0, 0, 2), body(50, b"y"))
    assert cache.size_bytes == 50 and cache.get("a", (0, 0, 0, 2)) == body(50, b"y")
    cache.put("big", (0, 0, 0, 0), body(101))
    assert cache.get("big", (0, 0, 0, 0)) is None and cache.size_bytes == 50


def test_zero_megabytes_means_no_cache() -> None:
    assert answer_cache_for(0) is None
    cache = answer_cache_for(2)
    assert cache is not None and cache.max_bytes == 2 * 1024 * 1024
