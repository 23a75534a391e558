"""The per-call account read: through an Engine (a raw DBAPI connection, no SQLAlchemy transaction) it gives exactly
what a Session gives, for every kind of user, and sees a change committed elsewhere on the very next call."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, update

from tests.functional.security_accounts import make_accounts
from wms_soap.security import accounts
from wms_soap.store.access import AdminUser, ApiUser, GoodsOwner


@pytest.fixture(autouse=True)
def _accounts(settings: Any, session_factory: Any) -> None:
    make_accounts(session_factory, settings.secret_key, "pw", "digest secret")


@pytest.mark.parametrize(("kind", "username"), [
    ("api", "WSIshop"), ("api", "WSIdigest"), ("api", "WSIinvoices"), ("automation", "automation1"),
    ("admin", "admin1"), ("api", "nobody"), ("admin", "WSIshop"),
])
def test_engine_read_equals_session_read(engine: Engine, session_factory: Any, kind: Any, username: str) -> None:
    with session_factory() as session:
        expected = accounts.load(session, kind, username)
    assert accounts.load(engine, kind, username) == expected


def test_engine_read_converts_times_and_flags(engine: Engine, session_factory: Any) -> None:
    until = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=15)
    with session_factory() as session, session.begin():
        session.execute(update(ApiUser).where(ApiUser.username == "WSIshop")
                        .values(locked_until=until, failed_logins=3, enabled=False))
        session.execute(update(AdminUser).where(AdminUser.username == "admin1").values(locked_until=until))
    account = accounts.load(engine, "api", "WSIshop")
    assert account is not None
    assert (account.state.locked_until, account.failed_logins, account.state.enabled) == (until, 3, False)
    assert account.state.enabled is False and account.state.goods_owner_api_access is True
    assert account.invoice_access is False and account.state.goods_owner_code == "SHOP"
    admin = accounts.load(engine, "admin", "admin1")
    assert admin is not None and admin.state.locked_until == until


def test_engine_read_sees_a_change_committed_elsewhere_at_once(engine: Engine, session_factory: Any) -> None:
    before = accounts.load(engine, "api", "WSIshop")
    assert before is not None and before.state.goods_owner_api_access
    with session_factory() as session, session.begin():
        session.execute(update(GoodsOwner).where(GoodsOwner.code == "SHOP").values(api_access=False))
    after = accounts.load(engine, "api", "WSIshop")
    assert after is not None and after.state.goods_owner_api_access is False
    with session_factory() as session, session.begin():
        session.execute(update(ApiUser).where(ApiUser.username == "WSIshop").values(password_hash="changed"))
    changed = accounts.load(engine, "api", "WSIshop")
    assert changed is not None and changed.password_hash == "changed"
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]  # the raw connection went back to the pool
