"""Two concurrent ProcessOrder calls for one goods-owner order number, on two connections, yield one order.

Runs on SQLite by default and on PostgreSQL when WMS_TEST_DATABASE_URL points at one (the ``session_factory``
fixture follows ``database_url``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tests.orders_support import line, make_article, make_owner, order_input
from tests.races import race
from wms_soap.services.orders import orders
from wms_soap.store.db import session_scope
from wms_soap.store.orders import Customer, Order

ROUNDS = 5


def _setup(session_factory: sessionmaker[Session]) -> int:
    with session_scope(session_factory) as session:
        goods_owner_id = make_owner(session, "RACE")
        make_article(session, goods_owner_id, "A-1")
    return goods_owner_id


def _race(session_factory: sessionmaker[Session], goods_owner_id: int, number: str, operation: str) -> list[Any]:
    return race(session_factory, lambda session: orders.process_order(
        session, goods_owner_id, order_input(number, [line("A-1", 1, "1")], operation=operation)))


def test_two_concurrent_creates_yield_one_order(session_factory: sessionmaker[Session]) -> None:
    goods_owner_id = _setup(session_factory)
    for round_ in range(ROUNDS):
        number = f"RACE-{round_}"
        outcomes = _race(session_factory, goods_owner_id, number, "CreateOrUpdate")
        assert all(isinstance(o, orders.ProcessOrderResult) for o in outcomes), outcomes
        assert len({o.order_id for o in outcomes}) == 1
        with session_factory() as session:
            count = session.scalar(select(func.count()).select_from(Order)
                                   .where(Order.goods_owner_order_number == number))
            assert count == 1
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 1


def test_concurrent_plain_creates_give_one_order_and_one_clear_refusal(
        session_factory: sessionmaker[Session]) -> None:
    goods_owner_id = _setup(session_factory)
    outcomes = _race(session_factory, goods_owner_id, "RACE-C", "Create")
    results = [o for o in outcomes if isinstance(o, orders.ProcessOrderResult)]
    refusals = [o for o in outcomes if not isinstance(o, orders.ProcessOrderResult)]
    assert len(results) == 1 and len(refusals) == 1
    assert "already exists" in str(refusals[0])
