"""Invoicing: a goods owner's price list applied to a period's shipped orders, receipts and storage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import make_goods_owner
from tests.inbound_fixtures import create_in_order, make_article, make_shipped_order
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services import invoices
from wms_soap.services.inbound import inorders
from wms_soap.services.inventory import stock
from wms_soap.services.invoices import InvoiceQuery, InvoiceRowInput, InvoiceUpdate
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.store.inventory import ArticleItem, InventoryTransaction

START = datetime(2026, 1, 1, tzinfo=UTC)
END = datetime(2026, 2, 1, tzinfo=UTC)


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner = make_goods_owner(session, code="INV")
    invoices.set_price_list(session, goods_owner.id, per_order=Decimal(20), per_order_line=Decimal(3),
                            per_parcel=Decimal(7), per_received_line=Decimal(5),
                            storage_per_item_day=Decimal("0.10"))
    return goods_owner.id


def charges_by_code(invoice: invoices.Invoice) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for charge in invoice.charges:
        totals[charge.article_code] = totals.get(charge.article_code, Decimal(0)) + charge.price
    return totals


def test_invoicing_prices_orders_lines_parcels_receipts_and_storage(session: Session, owner: int) -> None:
    a, b = make_article(session, owner, "A"), make_article(session, owner, "B")
    make_shipped_order(session, owner, "O-1", {"1": (a, 1), "2": (b, 2)}, parcels=2, shipped_at=START + timedelta(1))
    make_shipped_order(session, owner, "O-2", {"1": (a, 1)}, shipped_at=START + timedelta(2))
    make_shipped_order(session, owner, "O-LATE", {"1": (a, 1)}, shipped_at=END + timedelta(1))
    create_in_order(session, owner, "PO-1", {"10": ("A", 10)})
    in_order = inorders.get_in_order(session, goods_owner_id=owner, number="PO-1")
    warehouse_inbound.receive_everything(session, in_order, "A-01")
    in_order.lines[0].received_items[0].received_at = START + timedelta(days=3)
    in_order.lines[0].received_items[0].put_away_at = START + timedelta(days=3)
    item_id = in_order.lines[0].received_items[0].article_item_id
    put_away = session.scalars(select(InventoryTransaction)
                               .where(InventoryTransaction.article_item_id == item_id)).one()
    put_away.created_at = END - timedelta(days=10) + timedelta(hours=1)  # in stock at the end of the last 10 days
    later = session.get(ArticleItem, item_id)
    assert later is not None
    stock.remove_stock(session, article_item_id=later.id, quantity=Decimal(4), comment="after the period")

    invoice = invoices.run_invoicing(session, owner, START, END)

    assert charges_by_code(invoice) == {"ORDER": 40, "ORDERLINE": 9, "PARCEL": 21, "INLINE": 5,
                                        "STORAGE": Decimal("10.0")}  # 10 items x 10 days x 0.10
    assert invoice.amount == 85
    assert invoice.invoice_number.endswith(f"{invoice.id:06d}")
    with pytest.raises(Conflict):
        invoices.run_invoicing(session, owner, START, END)


def test_invoicing_needs_a_price_list_and_a_period(session: Session, owner: int) -> None:
    other = make_goods_owner(session, code="NOPRICE")
    with pytest.raises(NotFound):
        invoices.run_invoicing(session, other.id, START, END)
    with pytest.raises(ValidationFailed):
        invoices.run_invoicing(session, owner, END, START)


def test_query_filters_and_exclusive_cursor(session: Session, owner: int) -> None:
    made = [invoices.run_invoicing(session, owner, START + timedelta(days=n), START + timedelta(days=n + 1),
                                   invoice_date=START + timedelta(days=n + 1)) for n in range(4)]
    ids = [i.id for i in made]

    def query(**filters: object) -> list[int]:
        return [i.id for i in invoices.query_invoices(session, InvoiceQuery(**filters),  # type: ignore[arg-type]
                                                      goods_owner_id=owner)]

    assert query() == ids
    assert query(id_from=ids[0], max_count=2) == ids[1:3]
    assert query(ids=[ids[2]]) == [ids[2]]
    assert query(date_from=START + timedelta(days=2), date_to=START + timedelta(days=3)) == ids[1:3]
    invoices.update_invoice(session, InvoiceUpdate(ids[3], fields={"is_exported": True}), goods_owner_id=owner)
    assert query(is_exported=True) == [ids[3]]
    assert query(is_exported=False) == ids[:3]
    assert query(exported_from=datetime.now(UTC) - timedelta(minutes=5)) == [ids[3]]
    other = make_goods_owner(session, code="OTHER")
    assert invoices.query_invoices(session, InvoiceQuery(), goods_owner_id=other.id) == []


def test_process_invoice_updates_head_and_rows(session: Session, owner: int) -> None:
    invoice = invoices.run_invoicing(session, owner, START, END)
    updated = invoices.update_invoice(session, InvoiceUpdate(invoice.id, fields={"title": "January"}, rows=[
        InvoiceRowInput(price=Decimal(100), number_of_items=Decimal(2), comment="Extra handling",
                        article_code="EXTRA", article_title="Extra")]), goods_owner_id=owner)
    assert updated.title == "January" and updated.amount == 100
    row = updated.charges[-1]
    assert (row.article_code, row.unit_price) == ("EXTRA", 50)
    invoices.update_invoice(session, InvoiceUpdate(invoice.id, rows=[
        InvoiceRowInput(row_id=row.id, price=Decimal(30), number_of_items=Decimal(1))]), goods_owner_id=owner)
    assert updated.amount == 30
    with pytest.raises(NotFound):
        invoices.update_invoice(session, InvoiceUpdate(invoice.id + 100), goods_owner_id=owner)
