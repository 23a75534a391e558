"""The access-core tables on a real database: constraints hold, and the engine is configured as promised."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from tests import factories
from wms_soap.store.access import ApiUser, AuditEntry, GoodsOwner, UsedNonce
from wms_soap.store.db import create_engine_for, session_scope


def test_usernames_and_codes_are_unique_per_table(session: Session) -> None:
    owner = factories.make_goods_owner(session, code="SHOP")
    factories.make_api_user(session, owner, username="WSIshop")
    session.commit()
    with pytest.raises(IntegrityError):
        factories.make_api_user(session, owner, username="WSIshop")
    session.rollback()
    with pytest.raises(IntegrityError):
        factories.make_goods_owner(session, code="SHOP")
    session.rollback()
    factories.make_automation_user(session, username="robot")
    session.commit()
    with pytest.raises(IntegrityError):
        factories.make_automation_user(session, username="robot")


def test_foreign_keys_are_enforced(session: Session) -> None:
    owner = factories.make_goods_owner(session)
    user = factories.make_api_user(session, owner)
    session.commit()
    user.goods_owner_id = owner.id + 1000
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()
    session.delete(owner)
    with pytest.raises(IntegrityError):
        session.flush()


def test_a_nonce_is_accepted_once_per_user(session_factory: sessionmaker[Session]) -> None:
    expires = datetime.now(UTC) + timedelta(minutes=10)
    with session_scope(session_factory) as session:
        session.add(UsedNonce(username="WSIshop", nonce_sha256="ab" * 32, expires_at=expires))
        session.add(UsedNonce(username="WSIother", nonce_sha256="ab" * 32, expires_at=expires))
    with pytest.raises(IntegrityError), session_scope(session_factory) as session:
        session.add(UsedNonce(username="WSIshop", nonce_sha256="ab" * 32, expires_at=expires))


def test_session_scope_commits_or_rolls_back(session_factory: sessionmaker[Session]) -> None:
    with pytest.raises(RuntimeError), session_scope(session_factory) as session:
        factories.make_goods_owner(session, code="GONE")
        raise RuntimeError("boom")
    with session_scope(session_factory) as session:
        factories.make_goods_owner(session, code="KEPT")
    with session_factory() as session:
        assert [owner.code for owner in session.query(GoodsOwner)] == ["KEPT"]


def test_savepoints_roll_back_alone(session_factory: sessionmaker[Session]) -> None:
    with session_scope(session_factory) as session:
        factories.make_goods_owner(session, code="OUTER")
        with pytest.raises(IntegrityError), session.begin_nested():
            factories.make_goods_owner(session, code="OUTER")
    with session_factory() as session:
        assert [owner.code for owner in session.query(GoodsOwner)] == ["OUTER"]


def test_audit_rows_keep_times_and_have_no_foreign_key(session: Session) -> None:
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    session.add(AuditEntry(at=at, face="soap", username="WSIgone", goods_owner_id=999, operation="GetOrder",
                           outcome="ok", duration_ms=1.5, client_address="127.0.0.1", request_id="r1"))
    session.commit()
    entry = session.query(AuditEntry).one()
    assert entry.at.replace(tzinfo=UTC) == at
    assert entry.goods_owner_id == 999


def test_defaults_of_a_new_api_user(session: Session) -> None:
    user = factories.make_api_user(session)
    session.commit()
    session.expire_all()
    stored = session.get(ApiUser, user.id)
    assert stored is not None
    assert (stored.enabled, stored.invoice_access, stored.failed_logins, stored.locked_until) == (True, False, 0, None)
    assert stored.created_at is not None and stored.goods_owner.api_access is True


def test_sqlite_pragmas(tmp_path: Path) -> None:
    """The embedded default's settings (checked on an SQLite file in both runs, PostgreSQL's included)."""
    engine = create_engine_for(f"sqlite:///{tmp_path / 'pragmas.sqlite3'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
    engine.dispose()


def test_database_answers(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
