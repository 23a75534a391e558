"""The demo seeds a trip with a sent shipment of the sent and collected demo orders, and an assigned order."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.config import Settings
from wms_soap.demo import seed as demo
from wms_soap.store.access import ApiUser
from wms_soap.store.orders import Order
from wms_soap.store.shipments import OrderAssignment, Shipment, Trip


def test_demo_has_a_trip_a_shipment_and_an_assigned_order(settings: Settings, session: Session) -> None:
    assert demo.prepare(settings).seeded_now
    shipment = session.scalars(select(Shipment)).one()
    trip = session.scalars(select(Trip)).one()
    assert (shipment.shipment_order_number, shipment.status, shipment.trip_id) == ("DEMO-SHIP-1", 450, trip.id)
    assert shipment.transporter_contract is not None and shipment.transporter_contract.transporter.code == "DEMOPOST"
    numbers = session.scalars(select(Order.goods_owner_order_number).where(
        Order.id.in_([link.order_id for link in shipment.orders])).order_by(Order.id)).all()
    assert list(numbers) == ["DEMO-450", "DEMO-500"]
    assignment = session.scalars(select(OrderAssignment)).one()
    assert session.get(ApiUser, assignment.api_user_id).username == "WSIDEMO"  # type: ignore[union-attr]
    assert session.get(Order, assignment.order_id).goods_owner_order_number == "DEMO-400"  # type: ignore[union-attr]
