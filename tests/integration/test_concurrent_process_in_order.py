"""Two concurrent ProcessInOrder calls for one in-order number, on two connections, yield one in-order.

Runs on SQLite by default and on PostgreSQL when WMS_TEST_DATABASE_URL points at one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner
from tests.inbound_fixtures import in_order_input, make_article
from tests.races import race
from wms_soap.services.inbound import inorders
from wms_soap.store.db import session_scope
from wms_soap.store.inorders import InOrder
from wms_soap.store.suppliers import Supplier

ROUNDS = 5


def _setup(session_factory: sessionmaker[Session]) -> int:
    with session_scope(session_factory) as session:
        owner = make_goods_owner(session, code="RACE")
        make_article(session, owner.id, "A-1")
        return owner.id


def _race(session_factory: sessionmaker[Session], goods_owner_id: int, number: str, operation: str) -> list[Any]:
    return race(session_factory, lambda session: inorders.process_in_order(
        session, in_order_input(number, {"10": ("A-1", 3)}, operation=operation, supplier=number),
        goods_owner_id=goods_owner_id))


def test_two_concurrent_create_or_updates_yield_one_in_order(session_factory: sessionmaker[Session]) -> None:
    goods_owner_id = _setup(session_factory)
    for round_ in range(ROUNDS):
        number = f"RACE-{round_}"
        outcomes = _race(session_factory, goods_owner_id, number, "CreateOrUpdate")
        assert all(isinstance(o, inorders.ProcessInOrderOutcome) for o in outcomes), outcomes
        assert len({o.in_order_id for o in outcomes}) == 1
        with session_factory() as session:
            assert session.scalar(select(func.count()).select_from(InOrder)
                                  .where(InOrder.goods_owner_order_number == number)) == 1
            assert session.scalar(select(func.count()).select_from(Supplier)
                                  .where(Supplier.supplier_number == number)) == 1


def test_concurrent_plain_creates_give_one_in_order_and_one_refusal(session_factory: sessionmaker[Session]) -> None:
    goods_owner_id = _setup(session_factory)
    outcomes = _race(session_factory, goods_owner_id, "RACE-C", "Create")
    created = [o for o in outcomes if isinstance(o, inorders.ProcessInOrderOutcome)]
    refused = [o for o in outcomes if not isinstance(o, inorders.ProcessInOrderOutcome)]
    assert len(created) == 1 and len(refused) == 1
    assert "already exists" in str(refused[0])
