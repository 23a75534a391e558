"""Shipments and trips: ProcessShipment's operations and identifications, UpdateShipment, the queries, the operator's
side (orders on shipments, shipments on trips, orders assigned to API users) and goods-owner isolation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import make_api_user, make_goods_owner
from tests.inbound_fixtures import make_article, make_shipped_order
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services import registers as system
from wms_soap.services.orders import shipments
from wms_soap.services.orders.shipment_queries import ShipmentQuery, query_shipments, query_trips
from wms_soap.services.orders.shipments import ShipmentInput, ShipmentUpdate, TripInput
from wms_soap.store.access import GoodsOwner
from wms_soap.store.orders import Order
from wms_soap.store.shipments import OrderAssignment, Shipment, ShipmentOrder


@pytest.fixture
def owner_id(session: Session) -> int:
    return make_goods_owner(session, code="SHIP").id


def shipped(session: Session, owner_id: int, number: str) -> Order:
    article = make_article(session, owner_id, f"ART-{number}")
    return make_shipped_order(session, owner_id, number, {"1": (article, 1)})


def create(session: Session, owner_id: int, number: str = "S-1", **values: object) -> Shipment:
    data = ShipmentInput(operation="Create", identification="ShipmentOrderNumber", shipment_order_number=number)
    for name, value in values.items():
        setattr(data, name, value)
    shipment = shipments.process_shipment(session, data, goods_owner_id=owner_id)
    assert shipment is not None
    return shipment


def test_create_puts_orders_on_the_shipment_with_transporter(session: Session, owner_id: int) -> None:
    system.create_transporter_contract(session, owner_id, transporter_code="DHL", service_code="PARCEL")
    first, second = shipped(session, owner_id, "O-1"), shipped(session, owner_id, "O-2")
    shipment = create(session, owner_id, waybill=123456789012, transporter_code="DHL",
                      transporter_service_code="PARCEL", payment_type="Prepaid", order_ids=[first.id, second.id])
    assert [link.order_id for link in shipment.orders] == [first.id, second.id]
    assert shipment.transporter_contract is not None and shipment.transporter_contract.service_code == "PARCEL"
    assert (shipment.waybill, shipment.payment_type, shipment.status) == (123456789012, "Prepaid", 100)


def test_create_or_update_finds_by_each_identification(session: Session, owner_id: int) -> None:
    shipment = create(session, owner_id, transporter_order_number="T-9", waybill=42, route="NORTH")
    for identification in ("ShipmentOrderNumber", "WayBill", "TransporterOrderNumber",
                           "TransporterOrderNumberAndShipmentOrderNumber", "TransporterOrderNumberAndRoute",
                           "ShipmentId"):
        found = shipments.process_shipment(session, ShipmentInput(
            identification=identification, shipment_id=shipment.id, shipment_order_number="S-1",
            transporter_order_number="T-9", waybill=42, route="NORTH", comment=identification),
            goods_owner_id=owner_id)
        assert found is shipment and shipment.comment == identification
    assert session.scalar(select(func.count()).select_from(Shipment)) == 1


def test_identification_by_delivery_day_and_by_trip_and_consignee(session: Session, owner_id: int) -> None:
    shipments.create_trip(session, owner_id, TripInput(trip_order_number="TR-1"))
    address: dict[str, Any] = {"consignee_name": "Anna", "consignee_address": "Storgatan 1",
                               "consignee_post_code": "22100", "consignee_city": "Lund"}
    shipment = create(session, owner_id, "S-1", identification="TripOrderNumberAndConsigneeFullNameAndAddress",
                      trip_order_number="TR-1", delivery_date=datetime(2026, 12, 1, 15, tzinfo=UTC), **address)
    assert shipment.trip_id is not None
    same = shipments.process_shipment(session, ShipmentInput(
        identification="TripOrderNumberAndConsigneeFullNameAndAddress", trip_order_number="TR-1", comment="a",
        **address), goods_owner_id=owner_id)
    by_day = shipments.process_shipment(session, ShipmentInput(
        identification="ShipmentOrderNumberAndDeliveryDate", shipment_order_number="S-1",
        delivery_date=datetime(2026, 12, 1), comment="b"), goods_owner_id=owner_id)
    assert same is by_day is shipment and shipment.comment == "b"
    other_day = shipments.process_shipment(session, ShipmentInput(
        identification="ShipmentOrderNumberAndDeliveryDate", shipment_order_number="S-1",
        delivery_date=datetime(2026, 12, 2)), goods_owner_id=owner_id)
    assert other_day is not shipment
    with pytest.raises(Conflict, match="Several shipments"):
        shipments.process_shipment(session, ShipmentInput(shipment_order_number="S-1"), goods_owner_id=owner_id)


def test_bad_process_input_is_refused_clearly(session: Session, owner_id: int) -> None:
    create(session, owner_id)
    with pytest.raises(Conflict, match="exists already"):
        create(session, owner_id)
    with pytest.raises(ValidationFailed, match="ShipmentOrderNumber is not supplied"):
        create(session, owner_id, shipment_order_number=None)
    with pytest.raises(ValidationFailed, match="ShipmentId"):
        create(session, owner_id, identification="ShipmentId", shipment_id=5)
    with pytest.raises(ValidationFailed, match="Unknown ShipmentOperation"):
        create(session, owner_id, number="S-2", operation="Merge")
    with pytest.raises(ValidationFailed, match="shipment status"):
        create(session, owner_id, number="S-2", status=777)
    with pytest.raises(NotFound, match="transporter contract"):
        create(session, owner_id, number="S-2", transporter_code="NOPE")
    with pytest.raises(NotFound, match="Order 999999"):
        create(session, owner_id, number="S-2", order_ids=[999999])


def test_an_order_has_one_current_shipment_and_a_sent_one_keeps_its_orders(session: Session, owner_id: int) -> None:
    order = shipped(session, owner_id, "O-1")
    first = create(session, owner_id, "S-1", order_ids=[order.id])
    second = create(session, owner_id, "S-2", order_ids=[order.id])
    assert session.scalars(select(ShipmentOrder.shipment_id).where(ShipmentOrder.order_id == order.id)).all() \
        == [second.id]
    assert first.orders == []
    shipments.update_shipment(session, owner_id, ShipmentUpdate(shipment_id=second.id, status=450))
    with pytest.raises(Conflict, match="has been sent"):
        shipments.add_orders_to_shipment(session, owner_id, first.id, [order.id])
    with pytest.raises(Conflict, match="has been sent"):
        shipments.process_shipment(session, ShipmentInput(operation="Remove", identification="ShipmentId",
                                                          shipment_id=second.id), goods_owner_id=owner_id)


def test_remove_deletes_an_unsent_shipment_and_frees_its_orders(session: Session, owner_id: int) -> None:
    order = shipped(session, owner_id, "O-1")
    shipment = create(session, owner_id, order_ids=[order.id])
    assert shipments.process_shipment(session, ShipmentInput(operation="Remove", shipment_order_number="S-1"),
                                      goods_owner_id=owner_id) is None
    assert session.get(Shipment, shipment.id) is None
    assert session.scalar(select(func.count()).select_from(ShipmentOrder)) == 0
    with pytest.raises(shipments.ShipmentNotFound):
        shipments.process_shipment(session, ShipmentInput(operation="Remove", shipment_order_number="S-1"),
                                   goods_owner_id=owner_id)


def test_update_shipment_sets_status_comment_waybill(session: Session, owner_id: int) -> None:
    shipment = create(session, owner_id, waybill=1)
    updated = shipments.update_shipment(session, owner_id, ShipmentUpdate(
        identification="WayBill", waybill=1, status=450, comment="loaded", new_waybill=2,
        customs_reference_number="CR-1"))
    assert updated is shipment
    assert (shipment.status, shipment.comment, shipment.waybill, shipment.customs_reference_number) \
        == (450, "loaded", 2, "CR-1")
    assert shipment.shipped_time is not None
    with pytest.raises(ValidationFailed, match="customs"):
        shipments.update_shipment(session, owner_id, ShipmentUpdate(
            shipment_id=shipment.id, unsupported=["UpdateShipmentSetCustomsStatusApproved"]))
    with pytest.raises(shipments.ShipmentNotFound):
        shipments.update_shipment(session, owner_id, ShipmentUpdate(identification="WayBill", waybill=1))


def test_trips_shipments_and_queries(session: Session, owner_id: int) -> None:
    trip = shipments.create_trip(session, owner_id, TripInput(name="Morning run", trip_order_number="TR-1",
                                                               route_code="R1", start_time=datetime.now(UTC)))
    order = shipped(session, owner_id, "O-1")
    on_trip = create(session, owner_id, "S-1", trip_order_number="TR-1", order_ids=[order.id],
                     delivery_date=datetime(2026, 12, 1, tzinfo=UTC))
    create(session, owner_id, "S-2")
    assert on_trip.trip_id == trip.id
    with pytest.raises(Conflict):
        shipments.create_trip(session, owner_id, TripInput(trip_order_number="TR-1"))
    views = query_shipments(session, owner_id, ShipmentQuery(get_orders=True, max_shipments=1))
    assert [(v.shipment.shipment_order_number, [o.order.id for o in v.orders]) for v in views] == [("S-1", [order.id])]
    after = query_shipments(session, owner_id, ShipmentQuery(shipment_id_from=on_trip.id + 1))
    assert [v.shipment.shipment_order_number for v in after] == ["S-2"]
    by_day = query_shipments(session, owner_id, ShipmentQuery(
        delivery_date_from=datetime(2026, 12, 1), delivery_date_to=datetime(2026, 12, 1)))
    assert [v.shipment.id for v in by_day] == [on_trip.id]
    assert [t.id for t in query_trips(session, owner_id, [trip.id])] == [trip.id]
    shipments.put_shipment_on_trip(session, owner_id, on_trip.id, None)
    assert on_trip.trip_id is None


def test_assign_order_to_an_api_user_of_its_goods_owner(session: Session, owner_id: int) -> None:
    order = shipped(session, owner_id, "O-1")
    theirs = make_api_user(session, make_goods_owner(session, code="OTHER"))
    with pytest.raises(NotFound, match="API user"):
        shipments.assign_order(session, owner_id, order.id, theirs.username)
    mine = make_api_user(session, session.get(GoodsOwner, owner_id))
    assignment = shipments.assign_order(session, owner_id, order.id, mine.username)
    assert assignment is not None and assignment.api_user_id == mine.id
    shipments.assign_order(session, owner_id, order.id, None)
    assert session.scalar(select(func.count()).select_from(OrderAssignment)) == 0


def test_another_goods_owners_shipments_trips_and_orders_are_not_found(session: Session, owner_id: int) -> None:
    other = make_goods_owner(session, code="OTHER").id
    theirs = create(session, other, "S-1")
    trip = shipments.create_trip(session, other, TripInput(trip_order_number="TR-X"))
    their_order = shipped(session, other, "O-X")
    with pytest.raises(shipments.ShipmentNotFound):
        shipments.find_shipment(session, owner_id, theirs.id)
    with pytest.raises(shipments.ShipmentNotFound):
        shipments.update_shipment(session, owner_id, ShipmentUpdate(shipment_id=theirs.id, comment="x"))
    with pytest.raises(shipments.TripNotFound):
        create(session, owner_id, "S-1", trip_order_number="TR-X")
    mine = create(session, owner_id, "S-1")
    with pytest.raises(shipments.TripNotFound):
        shipments.put_shipment_on_trip(session, owner_id, mine.id, trip.id)
    with pytest.raises(NotFound):
        shipments.add_orders_to_shipment(session, owner_id, mine.id, [their_order.id])
    assert query_shipments(session, owner_id, ShipmentQuery(shipment_ids=[theirs.id])) == []
    assert query_trips(session, owner_id, [trip.id]) == []
