"""Demo seeding step for the inbound side: an in-order (partly received and put away), a return and an invoice.

Run it after the orders step: the return is registered against a shipped demo order, and the invoice prices what
was shipped and received today. Safe to run twice: it does nothing when the demo in-order exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.services import inorders, invoices, returns, warehouse_inbound
from wms_soap.services.inorders import ArticleRef, InOrderInput, InOrderLineInput, SupplierInput
from wms_soap.store.articles import Article
from wms_soap.store.orders import Order

DEMO_IN_ORDER = "DEMO-PO-1"
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
    outcome = inorders.process_in_order(session, InOrderInput(
        operation="CreateOrUpdate", goods_owner_order_number=DEMO_IN_ORDER,
        fields={"reference_number": "Demo purchase order", "in_date": datetime.now(UTC)},
        supplier=SupplierInput(number="DEMO-SUP", name="Demo Supplier AB"),
        lines=[InOrderLineInput("ExternalOrderLineCode", ArticleRef("ArticleNumber", number=number), Decimal(count),
                                external_order_line_code=code)
               for code, (number, _), count in zip(("10", "20"), DEMO_ARTICLES, (100, 40), strict=True)]),
        goods_owner_id=goods_owner_id)
    in_order = warehouse_inbound.find_in_order(session, in_order_id=outcome.in_order_id)
    warehouse_inbound.receive(session, in_order, [
        warehouse_inbound.Receipt(Decimal(60), external_order_line_code="10", batch="DEMO-LOT-1",
                                  expiry_date=datetime.now(UTC) + timedelta(days=365))])
    warehouse_inbound.put_away_all(session, in_order, "DEMO-IN-01")
    return InboundDemo(outcome.in_order_id, _seed_return(session, goods_owner_id), _seed_invoice(session,
                                                                                                 goods_owner_id))


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
