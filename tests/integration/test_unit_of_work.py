"""The unit of work: lazy session, commit on success, rollback on error, after-commit hooks, lost races, the caller."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.errors import AuthenticationFailed, Conflict, ValidationFailed
from wms_soap.security.principal import Principal
from wms_soap.store.access import Warehouse
from wms_soap.unit_of_work import UnitOfWork


def _warehouses(session_factory: sessionmaker[Session]) -> list[str]:
    with session_factory() as session:
        return list(session.scalars(select(Warehouse.code).order_by(Warehouse.code)))


def test_work_that_never_touches_the_session_opens_none(session_factory: sessionmaker[Session]) -> None:
    with UnitOfWork(session_factory) as work:
        pass
    assert work._session is None


def test_leaving_the_block_commits_and_runs_the_hooks_after(session_factory: sessionmaker[Session]) -> None:
    seen: list[list[str]] = []
    with UnitOfWork(session_factory) as work:
        work.session.add(Warehouse(code="UOW1", name="One"))
        work.after_commit(lambda: seen.append(_warehouses(session_factory)))
        assert seen == []
    assert "UOW1" in seen[0]


def test_an_error_rolls_everything_back_and_skips_the_hooks(session_factory: sessionmaker[Session]) -> None:
    hooks: list[str] = []
    with pytest.raises(ValidationFailed), UnitOfWork(session_factory) as work:
        work.session.add(Warehouse(code="UOW2", name="Two"))
        work.session.flush()
        work.after_commit(lambda: hooks.append("ran"))
        raise ValidationFailed("no")
    assert "UOW2" not in _warehouses(session_factory)
    assert hooks == []


def test_a_unique_key_lost_at_commit_is_a_conflict(session_factory: sessionmaker[Session]) -> None:
    with UnitOfWork(session_factory) as work:
        work.session.add(Warehouse(code="UOW3", name="Three"))
    with pytest.raises(Conflict), UnitOfWork(session_factory) as work:
        work.session.add(Warehouse(code="UOW3", name="Again"))
    with session_factory() as session:
        assert session.scalar(select(func.count()).where(Warehouse.code == "UOW3")) == 1


def test_a_unique_key_lost_inside_the_block_is_a_conflict(session_factory: sessionmaker[Session]) -> None:
    with UnitOfWork(session_factory) as work:
        work.session.add(Warehouse(code="UOW4", name="Four"))
    with pytest.raises(Conflict), UnitOfWork(session_factory) as work:
        work.session.add(Warehouse(code="UOW4", name="Again"))
        work.session.flush()


def test_the_callers_goods_owner_is_an_api_users_only(session_factory: sessionmaker[Session]) -> None:
    api = Principal(kind="api", user_id=1, username="WSIone", goods_owner_id=7)
    automation = Principal(kind="automation", user_id=2, username="lift")
    assert UnitOfWork(session_factory, caller=api).caller.goods_owner_id == 7
    for principal in (automation, None):
        with pytest.raises(AuthenticationFailed):
            _ = UnitOfWork(session_factory, caller=principal).caller.goods_owner_id


def test_run_commits_what_the_work_returns_and_keeps_the_session_open_until_close(
        session_factory: sessionmaker[Session]) -> None:
    work = UnitOfWork(session_factory)
    added = work.run(lambda code: work.session.merge(Warehouse(code=code, name="Five")), "UOW5")
    assert "UOW5" in _warehouses(session_factory)
    assert work.session.get(Warehouse, added.id) is added  # still readable, as a SOAP face's serializer needs
    work.close()
    assert work._session is None


def test_run_rolls_back_and_propagates_what_the_work_raises(session_factory: sessionmaker[Session]) -> None:
    work = UnitOfWork(session_factory)

    def fails() -> None:
        work.session.add(Warehouse(code="UOW6", name="Six"))
        work.session.flush()
        raise ValidationFailed("no")

    with pytest.raises(ValidationFailed):
        work.run(fails)
    work.close()
    assert "UOW6" not in _warehouses(session_factory)


def test_run_turns_a_unique_key_lost_inside_the_work_into_a_conflict(session_factory: sessionmaker[Session]) -> None:
    with UnitOfWork(session_factory) as work:
        work.session.add(Warehouse(code="UOW7", name="Seven"))
    work = UnitOfWork(session_factory)

    def duplicate() -> None:
        work.session.add(Warehouse(code="UOW7", name="Again"))
        work.session.flush()

    with pytest.raises(Conflict, match="look again and retry"):
        work.run(duplicate)
    work.close()
