"""The nonce replay table: a nonce is accepted once per user, across authenticators sharing one database, even when
the first request rolled back; expired rows are purged."""

import os
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.functional.security_accounts import make_accounts
from wms_soap.errors import AuthenticationFailed
from wms_soap.security import nonces
from wms_soap.security.authenticator import Authenticator, Credentials
from wms_soap.security.wssecurity import password_digest
from wms_soap.store.access import UsedNonce

SECRET = "digest secret value"


@pytest.fixture
def accounts(settings: Any, session_factory: Any) -> None:
    make_accounts(session_factory, settings.secret_key, "correct horse battery", SECRET)


def digest_credentials(nonce: bytes, created: datetime | None = None) -> Credentials:
    created_text = (created or datetime.now(UTC)).replace(microsecond=0).isoformat()
    digest = password_digest(nonce, created_text, SECRET.encode()).decode()
    return Credentials("WSIdigest", digest, True, nonce, created_text)


def logon(authenticator: Authenticator, session_factory: Any, credentials: Credentials) -> bool:
    with session_factory() as session:
        try:
            authenticator.authenticate(session, credentials, face="goods_owner")
        except AuthenticationFailed:
            return False
    return True


@pytest.mark.usefixtures("accounts")
def test_a_nonce_is_accepted_once_across_processes(settings: Any, session_factory: Any) -> None:
    first, second = Authenticator(settings, session_factory), Authenticator(settings, session_factory)
    credentials = digest_credentials(os.urandom(16))
    assert logon(first, session_factory, credentials)
    assert not logon(second, session_factory, credentials)
    assert not logon(first, session_factory, credentials)
    assert logon(second, session_factory, digest_credentials(os.urandom(16)))


@pytest.mark.usefixtures("accounts")
def test_the_nonce_survives_a_rolled_back_request(settings: Any, session_factory: Any) -> None:
    authenticator = Authenticator(settings, session_factory)
    credentials = digest_credentials(os.urandom(16))
    with session_factory() as session:
        authenticator.authenticate(session, credentials, face="goods_owner")
        session.rollback()
    assert not logon(authenticator, session_factory, credentials)


@pytest.mark.usefixtures("accounts")
def test_expired_rows_are_purged(session_factory: Any) -> None:
    now = datetime.now(UTC)
    assert nonces.remember(session_factory, "WSIdigest", b"old", now - timedelta(hours=1), now - timedelta(minutes=50))
    assert nonces.remember(session_factory, "WSIdigest", b"new", now, now + timedelta(minutes=7))
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(UsedNonce)) == 1
    assert nonces.remember(session_factory, "WSIother", b"new", now, now + timedelta(minutes=7)), "per user"


@pytest.mark.usefixtures("accounts")
def test_the_table_holds_no_nonce_in_clear(session_factory: Any) -> None:
    nonces.remember(session_factory, "WSIdigest", b"clear-nonce", datetime.now(UTC), datetime.now(UTC))
    with session_factory() as session:
        row = session.scalars(select(UsedNonce)).one()
    assert "clear-nonce" not in row.nonce_sha256
