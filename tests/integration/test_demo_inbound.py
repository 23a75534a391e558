"""The inbound demo step: an in-order partly received, a return against a shipped order, and an invoice."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tests.factories import make_goods_owner
from wms_soap.demo.inbound import DEMO_IN_ORDER, DEMO_RETURN_IN_ORDER, seed_inbound
from wms_soap.demo.orders import seed_orders
from wms_soap.services import invoices
from wms_soap.services.inbound import inorders
from wms_soap.store.returns import ReturnOrder


def test_seed_inbound_after_orders(session: Session) -> None:
    owner = make_goods_owner(session, code="DEMO")
    seed_orders(session, owner.id)

    seeded = seed_inbound(session, owner.id)

    in_order = inorders.get_in_order_by_number(session, DEMO_IN_ORDER, goods_owner_id=owner.id)
    assert in_order is not None and in_order.id == seeded.in_order_id and in_order.status == 400
    assert inorders.received_total(in_order) == 60
    assert in_order.seller is not None and in_order.seller.supplier_number == "DEMO-SELLER"
    assert (in_order.communication_from_system, in_order.way_of_delivery_type and in_order.way_of_delivery_type.code,
            in_order.terms_of_delivery_type and in_order.terms_of_delivery_type.code) == ("DemoERP", "TRUCK", "FCA")
    [lot_1, lot_2] = in_order.lines[0].advised_items
    assert (lot_1.received_number_of_items, lot_2.received_number_of_items) == (60, 0)
    [received] = in_order.lines[0].received_items
    assert (received.batch, received.advised_item_id, received.location_code) == ("DEMO-LOT-1", lot_1.id, "DEMO-IN-01")
    customer_return = inorders.get_in_order_by_number(session, DEMO_RETURN_IN_ORDER, goods_owner_id=owner.id)
    assert customer_return is not None and customer_return.is_return_type
    assert customer_return.customer is not None and customer_return.customer.customer_number == "DEMO-RET-CUST"
    assert [item.serial for item in customer_return.lines[0].advised_items] == ["DEMO-SN-1"]
    return_order = session.get(ReturnOrder, seeded.return_order_id)
    assert return_order is not None and return_order.status == 500
    [invoice] = invoices.query_invoices(session, invoices.InvoiceQuery(with_rows=True), goods_owner_id=owner.id)
    assert invoice.id == seeded.invoice_id and invoice.amount > 0
    assert {c.article_code for c in invoice.charges} >= {"ORDER", "PARCEL", "INLINE"}
    assert seed_inbound(session, owner.id).in_order_id is None  # a second run changes nothing
