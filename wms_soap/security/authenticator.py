"""Authentication of every face: who is calling, proven by a password (clear or WS-Security digest).

Every failure (unknown user, wrong password, disabled, locked, goods owner without API access, wrong goods owner,
replayed nonce) raises the same ``AuthenticationFailed`` after the same amount of work: one account query, one
password verification (argon2id, or a dummy one for unknown users) and one lockout-counter update.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.config import Settings
from wms_soap.errors import AuthenticationFailed
from wms_soap.security import accounts, lockout, nonces
from wms_soap.security.accounts import Account
from wms_soap.security.cache import VerificationCache
from wms_soap.security.passwords import DUMMY_HASH, verify_password
from wms_soap.security.policy import Face, GoodsOwnerClaim, claim_matches, kind_for_face, may_log_on
from wms_soap.security.principal import Principal
from wms_soap.security.secretbox import SecretBox
from wms_soap.security.wssecurity import PAST_WINDOW, UsernameToken, digest_matches

_DUMMY_SECRET = "wms-soap dummy digest secret"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a caller presented: a username with a clear password, or a WS-Security digest; maybe a goods owner."""

    username: str
    password: str = field(repr=False)
    digest: bool = False
    nonce: bytes | None = field(default=None, repr=False)
    created: str | None = None
    goods_owner: GoodsOwnerClaim = field(default_factory=GoodsOwnerClaim)

    @classmethod
    def from_token(cls, token: UsernameToken, goods_owner: GoodsOwnerClaim | None = None) -> "Credentials":
        goods_owner = goods_owner or GoodsOwnerClaim()
        return cls(token.username, token.password, token.digest, token.nonce, token.created, goods_owner)


class Authenticator:
    """Checks credentials against the accounts of one database; one instance per application (it holds the cache)."""

    def __init__(
        self,
        settings: Settings,
        session_factory: sessionmaker[Session],
        *,
        now: Callable[[], datetime] = utc_now,
        cache: VerificationCache | None = None,
    ) -> None:
        self._settings = settings
        self._session_factory = session_factory
        self._now = now
        self._box = SecretBox(settings.secret_key)
        self._dummy_token = self._box.encrypt(_DUMMY_SECRET)
        self.cache = cache or VerificationCache(settings.secret_key, settings.auth_cache_seconds)

    def authenticate(
        self, session: Session | Connection | Engine, credentials: Credentials, *, face: Face
    ) -> Principal:
        """The principal for ``credentials`` on ``face``, or AuthenticationFailed.

        ``session`` (a Session, a Connection, or an Engine: cheapest, see ``accounts.load``) is only read from; the
        lockout counters and the nonce table are written in their own short transactions (so they survive the
        request's rollback). Pass a session that has not written anything yet.
        """
        kind = kind_for_face(face)
        now = self._now()
        account = accounts.load(session, kind, credentials.username)
        allowed = account is not None and _allowed(account, credentials.goods_owner, now)
        if self._secret_matches(account, credentials, allowed) and allowed and self._fresh_nonce(credentials, now):
            assert account is not None
            if account.failed_logins:
                lockout.record_success(self._session_factory, kind, account.id)
            return account.principal()
        lockout.record_failure(self._session_factory, kind, credentials.username, now, self._lockout_policy())
        raise AuthenticationFailed()

    def _secret_matches(self, account: Account | None, credentials: Credentials, allowed: bool) -> bool:
        if credentials.digest:
            return self._digest_matches(account, credentials)
        if account is None:
            verify_password(DUMMY_HASH, credentials.password)
            return False
        key = (account.kind, account.id, account.password_hash, account.state, credentials.password)
        if allowed and self.cache.hit(*key):
            return True
        verified = verify_password(account.password_hash, credentials.password)
        if verified and allowed:
            self.cache.remember(*key)
        return verified

    def _digest_matches(self, account: Account | None, credentials: Credentials) -> bool:
        token = UsernameToken(credentials.username, credentials.password, True, credentials.nonce, credentials.created)
        encrypted = account.digest_secret_encrypted if account is not None else None
        try:
            secret = self._box.decrypt(encrypted or self._dummy_token)
        except ValueError:
            return False
        return digest_matches(token, secret) and encrypted is not None

    def _fresh_nonce(self, credentials: Credentials, now: datetime) -> bool:
        if credentials.nonce is None:
            return True
        keep_until = now + PAST_WINDOW + timedelta(seconds=120)
        return nonces.remember(self._session_factory, credentials.username, credentials.nonce, now, keep_until)

    def _lockout_policy(self) -> lockout.LockoutPolicy:
        return lockout.LockoutPolicy(
            self._settings.lockout_threshold, timedelta(minutes=self._settings.lockout_minutes)
        )


def _allowed(account: Account, claim: GoodsOwnerClaim, now: datetime) -> bool:
    return may_log_on(account.state, now) and claim_matches(claim, account.state)
