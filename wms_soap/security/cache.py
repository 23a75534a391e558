"""A short-lived in-memory cache of successful password verifications.

argon2id costs tens of milliseconds on purpose, and SOAP clients send their password on every call. An entry records
that a password (as a keyed HMAC fingerprint, never the password) matched a user's stored hash while the user was in a
given state. It is used only when the user's hash and state, re-read from the database on every call, are still the
same, so a password change, a disabled or locked user or a revoked goods-owner access drop it at once, in every
process.
"""

import hmac
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from wms_soap.security.secretbox import PasswordFingerprinter


@dataclass(frozen=True, slots=True)
class _Entry:
    password_hash: str
    fingerprint: bytes
    state: Hashable
    expires: float


class VerificationCache:
    """Maps (account kind, user id) to the last verified password fingerprint, for ``ttl_seconds``."""

    def __init__(
        self,
        secret_key: str,
        ttl_seconds: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_entries: int = 10_000,
    ) -> None:
        self._fingerprint = PasswordFingerprinter(secret_key)
        self._ttl = ttl_seconds
        self._clock = clock
        self._max_entries = max_entries
        self._entries: dict[tuple[str, int], _Entry] = {}
        self._lock = threading.Lock()

    def hit(self, kind: str, user_id: int, password_hash: str, state: Hashable, password: str) -> bool:
        """True when this password was verified for this user, hash and state less than ``ttl_seconds`` ago."""
        if self._ttl <= 0:
            return False
        with self._lock:
            entry = self._entries.get((kind, user_id))
        if entry is None:
            return False
        if entry.expires <= self._clock() or entry.password_hash != password_hash or entry.state != state:
            self.forget(kind, user_id)
            return False
        return hmac.compare_digest(entry.fingerprint, self._fingerprint(password))

    def remember(self, kind: str, user_id: int, password_hash: str, state: Hashable, password: str) -> None:
        if self._ttl <= 0:
            return
        entry = _Entry(password_hash, self._fingerprint(password), state, self._clock() + self._ttl)
        with self._lock:
            if len(self._entries) >= self._max_entries:
                self._entries.clear()
            self._entries[(kind, user_id)] = entry

    def forget(self, kind: str, user_id: int) -> None:
        with self._lock:
            self._entries.pop((kind, user_id), None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
