"""Two concurrent ProcessShipment CreateOrUpdate calls with one ShipmentOrderNumber, on two connections, yield one
shipment (SQLite by default, PostgreSQL with WMS_TEST_DATABASE_URL)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner
from tests.races import race
from wms_soap.services.orders import shipments
from wms_soap.services.orders.shipments import ShipmentInput
from wms_soap.store.db import session_scope
from wms_soap.store.shipments import Shipment

ROUNDS = 5


def _race(session_factory: sessionmaker[Session], goods_owner_id: int, number: str) -> list[object]:
    def create(session: Session) -> int | None:
        shipment = shipments.process_shipment(session, ShipmentInput(shipment_order_number=number),
                                              goods_owner_id=goods_owner_id)
        return shipment.id if shipment is not None else None

    return race(session_factory, create)


def test_two_concurrent_creates_yield_one_shipment(session_factory: sessionmaker[Session]) -> None:
    with session_scope(session_factory) as session:
        goods_owner_id = make_goods_owner(session, code="RACE").id
    for round_ in range(ROUNDS):
        number = f"S-{round_}"
        outcomes = _race(session_factory, goods_owner_id, number)
        assert all(isinstance(o, int) for o in outcomes) and len(set(outcomes)) == 1, outcomes
        with session_factory() as session:
            assert session.scalar(select(func.count()).select_from(Shipment)
                                  .where(Shipment.shipment_order_number == number)) == 1
