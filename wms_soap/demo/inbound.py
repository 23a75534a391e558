"""Demo seeding step for the inbound side: in-orders with their details (seller, communication info, ways and
terms of delivery, advised article items on pallets), one partly received against its advised items and put away,
a return in-order from a customer, a return and an invoice.

Run it after the orders step: the return is registered against a shipped demo order, and the invoice prices what
was shipped and received today. Safe to run twice: it does nothing when the demo in-order exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.services import invoices
from wms_soap.services.inbound import inorders, returns
from wms_soap.services.inbound.inorders import (
    AdvisedItemInput,
    ArticleRef,
    InOrderCustomerInput,
    InOrderInput,
    InOrderLineInput,
    RegisterRef,
    ReturnCauseInput,
    SupplierInput,
)
from wms_soap.services.inventory.article_items import register_status
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.store.articles import Article
from wms_soap.store.orders import Order

DEMO_IN_ORDER = "DEMO-PO-1"
DEMO_RETURN_IN_ORDER = "DEMO-PO-RET-1"
DEMO_ARTICLES = (("DEMO-IN-1", "Demo inbound article 1"), ("DEMO-IN-2", "Demo inbound article 2"))


@dataclass(frozen=True)
class InboundDemo:
    in_order_id: int | None
    return_order_id: int | None
    invoice_id: int | None


def _article(session: Session, goods_owner_id: int, number: str, name: str) -> Article:
    article = session.scalars(select(Article).where(Article.goods_owner_id == goods_owner_id,
                                                    Article.article_number == number)).first()
    if article is None:
        now = datetime.now(UTC)
        article = Article(goods_owner_id=goods_owner_id, article_number=number, name=name, created_at=now,
                          updated_at=now)
        session.add(article)
        session.flush()
    return article


def seed_inbound(session: Session, goods_owner_id: int) -> InboundDemo:
    """Seed the goods owner's demo in-order, return order and invoice."""
    if inorders.get_in_order_by_number(session, DEMO_IN_ORDER, goods_owner_id=goods_owner_id) is not None:
        return InboundDemo(None, None, None)
    for number, name in DEMO_ARTICLES:
        _article(session, goods_owner_id, number, name)
    register_status(session, "QC", "Quality control")
    outcome = inorders.process_in_order(session, _purchase_order(datetime.now(UTC)), goods_owner_id=goods_owner_id)
    inorders.process_in_order(session, _return_in_order(), goods_owner_id=goods_owner_id)
    in_order = warehouse_inbound.find_in_order(session, in_order_id=outcome.in_order_id)
    warehouse_inbound.receive(session, in_order, [  # batch and expiry come from the advised item
        warehouse_inbound.Receipt(Decimal(60), external_order_line_code="10")])
    warehouse_inbound.put_away_all(session, in_order, "DEMO-IN-01")
    return InboundDemo(outcome.in_order_id, _seed_return(session, goods_owner_id), _seed_invoice(session,
                                                                                                 goods_owner_id))


def _purchase_order(now: datetime) -> InOrderInput:
    """The demo purchase order: line 10 advised as two lots on two pallets, line 20 with a goods status."""
    lots = [AdvisedItemInput(number_of_items=Decimal(60), batch="DEMO-LOT-1", expiry_date=now + timedelta(days=365),
                             pallet_label_id="DEMO-PALLET-1", pallet_type_code="EUR"),
            AdvisedItemInput(number_of_items=Decimal(40), batch="DEMO-LOT-2", expiry_date=now + timedelta(days=400),
                             pallet_label_id="DEMO-PALLET-2", pallet_type_code="EUR")]
    lines = [InOrderLineInput("ExternalOrderLineCode", ArticleRef("ArticleNumber", number=number), Decimal(count),
                              external_order_line_code=code)
             for code, (number, _), count in zip(("10", "20"), DEMO_ARTICLES, (100, 40), strict=True)]
    lines[0].items = lots
    lines[1].fields.update(item_status_code="QC", production_date=now - timedelta(days=30))
    return InOrderInput(
        operation="CreateOrUpdate", goods_owner_order_number=DEMO_IN_ORDER,
        fields={"reference_number": "Demo purchase order", "in_date": now, "communication_from_system": "DemoERP",
                "communication_to_system": "wms-soap", "communication_message_id": "DEMO-MSG-1",
                "terms_of_delivery_location": "Gothenburg"},
        supplier=SupplierInput(number="DEMO-SUP", name="Demo Supplier AB", city="Borås", country_code="SE"),
        seller=SupplierInput(operation="CreateOrFind", number="DEMO-SELLER", name="Demo Trading AB", city="Malmö",
                             country_code="SE"),
        way_of_delivery_type=RegisterRef("find_or_create", "code", "TRUCK", "By truck"),
        terms_of_delivery_type=RegisterRef("find_or_create", "code", "FCA", "Free carrier"),
        lines=lines)


def _return_in_order() -> InOrderInput:
    """A return announced as an in-order: from a customer, with a return cause and the serial that comes back."""
    line = InOrderLineInput("ExternalOrderLineCode", ArticleRef("ArticleNumber", number=DEMO_ARTICLES[1][0]),
                            Decimal(1), external_order_line_code="10",
                            return_cause=ReturnCauseInput("FindOrCreate", "DEMO-DAMAGED", "Damaged in transit"),
                            items=[AdvisedItemInput(serial="DEMO-SN-1")])
    return InOrderInput(
        operation="CreateOrUpdate", goods_owner_order_number=DEMO_RETURN_IN_ORDER,
        fields={"is_return_type": True, "reference_number": "Customer return"},
        customer=InOrderCustomerInput("CustomerNumber", "CreateOrUpdate", {
            "customer_number": "DEMO-RET-CUST", "name": "Demo Customer", "city": "Uppsala", "country_code": "SE"}),
        lines=[line])


def _seed_return(session: Session, goods_owner_id: int) -> int | None:
    shipped = session.scalars(select(Order).where(Order.goods_owner_id == goods_owner_id, Order.status == 450)
                              .order_by(Order.id)).first()
    if shipped is None or not shipped.lines:
        return None
    line = shipped.lines[0]
    return_order = returns.process_return_order(session, returns.ReturnOrderInput(
        customer_order_identification="OrderId", order_id=shipped.id, return_order_number="DEMO-RMA-1",
        comment="Demo return", cause=returns.ReturnCauseInput("FindOrCreate", "DEMO-SIZE", "Wrong size"),
        lines=[returns.ReturnLineInput("OrderLineId", Decimal(1), order_line_id=line.id)]),
        goods_owner_id=goods_owner_id)
    warehouse_inbound.receive_return(session, return_order, [warehouse_inbound.ReturnReceipt(
        Decimal(1), return_line_id=return_order.lines[0].id, location_code="DEMO-RET-01")])
    return return_order.id


def _seed_invoice(session: Session, goods_owner_id: int) -> int:
    invoices.set_price_list(session, goods_owner_id, per_order=Decimal("25.00"), per_order_line=Decimal("3.50"),
                            per_parcel=Decimal("12.00"), per_received_line=Decimal("8.00"),
                            storage_per_item_day=Decimal("0.05"))
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return invoices.run_invoicing(session, goods_owner_id, today, today + timedelta(days=1)).id
