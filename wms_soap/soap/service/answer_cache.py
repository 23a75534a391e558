"""Serialized answers of the hot single-order reads, served again while their goods owner's answer stamp holds.

An entry is the UTF-8 text of one response element (e.g. ``<GetOrderByOrderNumberResponse xmlns="...">``, in ASMX's
shape: ``soap.envelope``; the same text for SOAP 1.1 and 1.2) filed under its key and
the stamp read BEFORE the data it was built from (``store.answer_stamps``: the database counts the stamp up on every
write of anything the answer shows, in any process). A call reads the current stamp first; an entry is used only if
its stamp is exactly that one, so every process answers from the committed state, as without the cache. Entries
are kept in least-recently-used order within a byte budget (``WMS_ANSWER_CACHE_MB``); a stale entry is dropped when
met.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from wms_soap.soap.context import CachedBody
from wms_soap.store.answer_stamps import Stamp


class AnswerCache:
    """Thread-safe LRU of ``CachedBody`` by key, each valid for one stamp, within ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, tuple[Stamp, CachedBody]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, stamp: Stamp) -> CachedBody | None:
        """The body filed under ``key`` for exactly ``stamp``, else ``None`` (and a stale entry is dropped)."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == stamp:
                self._entries.move_to_end(key)
                self.hits += 1
                return found[1]
            if found is not None:
                self._drop(key)
            self.misses += 1
            return None

    def put(self, key: Hashable, stamp: Stamp, body: CachedBody) -> None:
        """File ``body`` under ``key`` for ``stamp``, evicting the least recently used entries beyond the budget."""
        size = len(body.text)
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (stamp, body)
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, key: Hashable) -> None:
        _, body = self._entries.pop(key)
        self._bytes -= len(body.text)


def answer_cache_for(megabytes: int) -> AnswerCache | None:
    """The cache ``WMS_ANSWER_CACHE_MB`` asks for, ``None`` for 0."""
    return AnswerCache(megabytes * 1024 * 1024) if megabytes > 0 else None
