"""Lockout counters in the database: N consecutive failures lock the user for a while, even the right password is
refused meanwhile, success resets the run, the lock expires, an administrator can unlock; two authenticators
(as two processes would) agree."""

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.functional.security_accounts import make_accounts
from wms_soap.errors import AuthenticationFailed
from wms_soap.security import lockout
from wms_soap.security.authenticator import Authenticator, Credentials
from wms_soap.security.policy import GoodsOwnerClaim
from wms_soap.store.access import ApiUser

PASSWORD = "correct horse battery"


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def lockout_settings(settings: Any) -> Any:
    return dataclasses.replace(settings, lockout_threshold=3, lockout_minutes=15)


@pytest.fixture
def authenticator(lockout_settings: Any, session_factory: Any, clock: Clock) -> Authenticator:
    make_accounts(session_factory, lockout_settings.secret_key, PASSWORD, "digest secret")
    return Authenticator(lockout_settings, session_factory, now=clock)


def logon(authenticator: Authenticator, session_factory: Any, password: str, username: str = "WSIshop") -> bool:
    with session_factory() as session:
        try:
            authenticator.authenticate(session, Credentials(username, password, goods_owner=GoodsOwnerClaim()),
                                       face="goods_owner")
        except AuthenticationFailed:
            return False
    return True


def user_row(session_factory: Any, username: str = "WSIshop") -> ApiUser:
    with session_factory() as session:
        return session.scalars(select(ApiUser).where(ApiUser.username == username)).one()


def test_threshold_failures_lock_even_the_right_password(
    authenticator: Authenticator, session_factory: Any
) -> None:
    assert logon(authenticator, session_factory, PASSWORD)
    for _ in range(3):
        assert not logon(authenticator, session_factory, "wrong")
    assert user_row(session_factory).locked_until is not None
    assert not logon(authenticator, session_factory, PASSWORD)


def test_success_resets_the_run_of_failures(authenticator: Authenticator, session_factory: Any) -> None:
    for _ in range(2):
        assert not logon(authenticator, session_factory, "wrong")
    assert logon(authenticator, session_factory, PASSWORD)
    assert user_row(session_factory).failed_logins == 0
    for _ in range(2):
        assert not logon(authenticator, session_factory, "wrong")
    assert logon(authenticator, session_factory, PASSWORD)


def test_the_lock_expires(authenticator: Authenticator, session_factory: Any, clock: Clock) -> None:
    for _ in range(3):
        logon(authenticator, session_factory, "wrong")
    clock.now += timedelta(minutes=14)
    assert not logon(authenticator, session_factory, PASSWORD)
    clock.now += timedelta(minutes=2)
    assert logon(authenticator, session_factory, PASSWORD)


def test_one_failure_after_an_expired_lock_does_not_relock(
    authenticator: Authenticator, session_factory: Any, clock: Clock
) -> None:
    for _ in range(3):
        logon(authenticator, session_factory, "wrong")
    clock.now += timedelta(minutes=16)
    assert not logon(authenticator, session_factory, "wrong")
    assert logon(authenticator, session_factory, PASSWORD)


def test_unlock(authenticator: Authenticator, session_factory: Any) -> None:
    for _ in range(3):
        logon(authenticator, session_factory, "wrong")
    with session_factory() as session, session.begin():
        assert lockout.unlock(session, "api", "WSIshop")
        assert not lockout.unlock(session, "api", "WSInobody")
    assert logon(authenticator, session_factory, PASSWORD)


def test_two_processes_share_the_counter(
    authenticator: Authenticator, lockout_settings: Any, session_factory: Any, clock: Clock
) -> None:
    second = Authenticator(lockout_settings, session_factory, now=clock)
    assert logon(authenticator, session_factory, PASSWORD) and logon(second, session_factory, PASSWORD)
    logon(authenticator, session_factory, "wrong")
    logon(second, session_factory, "wrong")
    logon(authenticator, session_factory, "wrong")
    assert not logon(second, session_factory, PASSWORD), "the cached verification must not bypass the lock"


def test_unknown_user_failures_change_nothing(authenticator: Authenticator, session_factory: Any) -> None:
    for _ in range(4):
        assert not logon(authenticator, session_factory, "wrong", username="WSInobody")
    assert user_row(session_factory).failed_logins == 0


def test_every_failure_does_the_same_work(
    authenticator: Authenticator, session_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unknown user, wrong password, disabled, locked, no API access and wrong goods owner: each runs exactly one
    argon2id verification and one counter update, so none answers faster than the others."""
    from sqlalchemy import update

    from wms_soap.security import authenticator as authenticator_module
    from wms_soap.store.access import GoodsOwner

    with session_factory() as session, session.begin():
        session.execute(update(ApiUser).where(ApiUser.username == "WSIdisabled").values(enabled=False))
        until = datetime.now(UTC) + timedelta(hours=1)
        session.execute(update(ApiUser).where(ApiUser.username == "WSIlocked").values(locked_until=until))
        other = session.scalars(select(GoodsOwner).where(GoodsOwner.code == "OTHER")).one()
        other.api_access = False
    verifications: list[str] = []
    updates: list[str] = []
    real_verify, real_failure = authenticator_module.verify_password, lockout.record_failure
    monkeypatch.setattr(authenticator_module, "verify_password",
                        lambda stored, password: verifications.append(stored) or real_verify(stored, password))
    monkeypatch.setattr(lockout, "record_failure",
                        lambda factory, kind, username, now, policy: updates.append(username)
                        or real_failure(factory, kind, username, now, policy))
    cases = [("WSInobody", PASSWORD, None), ("WSIshop", "wrong", None), ("WSIdisabled", PASSWORD, None),
             ("WSIlocked", PASSWORD, None), ("WSIother", PASSWORD, None), ("WSIshop", PASSWORD, "OTHER")]
    for username, password, code in cases:
        verifications.clear()
        updates.clear()
        with session_factory() as session, pytest.raises(AuthenticationFailed) as raised:
            authenticator.authenticate(
                session, Credentials(username, password, goods_owner=GoodsOwnerClaim(code=code)), face="goods_owner"
            )
        assert str(raised.value) == "Logon failed: wrong username, password or goods owner"
        assert len(verifications) == 1 and updates == [username], username
