"""Demo data of the shipments area: a trip with a sent shipment of the demo's sent and collected orders, and one
order assigned to the demo API user (GetShipmentsByQuery, GetTripsByQuery and the order filters have data)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.services.orders import shipments
from wms_soap.services.orders.shipments import ShipmentInput, TripInput
from wms_soap.store.orders import Order
from wms_soap.store.shipments import STATUS_SENT, Shipment

DEMO_SHIPPED_ORDERS = ("DEMO-450", "DEMO-500")
DEMO_ASSIGNED_ORDER = "DEMO-400"


def seed_shipments(session: Session, goods_owner_id: int, api_username: str) -> Shipment:
    """Trip DEMO-TRIP-1 carrying shipment DEMO-SHIP-1 (status 450 Sent); DEMO-400 assigned to ``api_username``."""
    numbers = session.execute(select(Order.goods_owner_order_number, Order.id).where(
        Order.goods_owner_id == goods_owner_id,
        Order.goods_owner_order_number.in_((*DEMO_SHIPPED_ORDERS, DEMO_ASSIGNED_ORDER))))
    ids = {number: order_id for number, order_id in numbers}
    shipments.create_trip(session, goods_owner_id, TripInput(
        name="Demo morning run", trip_order_number="DEMO-TRIP-1", route_code="DEMO-ROUTE",
        vehicle_registration_number="ABC123"))
    shipment = shipments.process_shipment(session, ShipmentInput(
        operation="Create", shipment_order_number="DEMO-SHIP-1", waybill=73300000001, transporter_code="DEMOPOST",
        transporter_service_code="PARCEL", payment_type="Prepaid", trip_order_number="DEMO-TRIP-1",
        status=STATUS_SENT, order_ids=[ids[number] for number in DEMO_SHIPPED_ORDERS if number in ids]),
        goods_owner_id=goods_owner_id)
    assert shipment is not None  # Create never removes
    if DEMO_ASSIGNED_ORDER in ids:
        shipments.assign_order(session, goods_owner_id, ids[DEMO_ASSIGNED_ORDER], api_username)
    return shipment
