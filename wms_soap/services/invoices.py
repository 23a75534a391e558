"""Invoices: reading them (V2 and the legacy shape), changing them (ProcessInvoice), and producing them.

Invoicing a goods owner for a period prices what the warehouse did in it from the goods owner's price list: one
charge per shipped order, per shipped order line, per parcel, per received in-order line, and storage per stored
item per day. Whether the caller may see invoices at all is the access policy's decision, not this module's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.store.access import GoodsOwner
from wms_soap.store.inorders import InOrder, InOrderLine, InOrderReceivedItem
from wms_soap.store.inventory import ArticleItem, InventoryTransaction
from wms_soap.store.invoices import (
    CHARGE_MANUAL,
    CHARGE_ORDER,
    CHARGE_ORDER_LINE,
    CHARGE_PARCEL,
    CHARGE_RECEIVED_LINE,
    CHARGE_STORAGE,
    Invoice,
    InvoiceCharge,
    PriceList,
)
from wms_soap.store.orders import Order

ZERO = Decimal(0)
CHARGE_TITLES = {CHARGE_ORDER: "Order handling", CHARGE_ORDER_LINE: "Order line picking",
                 CHARGE_PARCEL: "Parcel", CHARGE_RECEIVED_LINE: "Received in-order line",
                 CHARGE_STORAGE: "Storage per item and day", CHARGE_MANUAL: "Manual charge"}


# --- reading ----------------------------------------------------------------------------------------------------

@dataclass
class InvoiceQuery:
    """GetInvoicesQueryV2 (and the legacy GetInvoicesQuery, which has no cursor)."""

    with_rows: bool = False
    ids: list[int] | None = None
    is_exported: bool | None = None
    exported_from: datetime | None = None
    exported_to: datetime | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    max_count: int | None = None
    id_from: int | None = None


@dataclass(frozen=True)
class ChargeContext:
    """The orders and in-orders the charges of some invoices point at, loaded once."""

    orders: dict[int, Order] = field(default_factory=dict)
    in_orders: dict[int, InOrder] = field(default_factory=dict)


def query_invoices(session: Session, query: InvoiceQuery, *, goods_owner_id: int) -> list[Invoice]:
    """Invoices by id; ``id_from`` is exclusive (the last id seen), ``max_count`` the page size."""
    statement = select(Invoice).where(Invoice.goods_owner_id == goods_owner_id).order_by(Invoice.id)
    conditions = [
        (query.ids, lambda: Invoice.id.in_(query.ids or [])),
        (query.is_exported is not None or None, lambda: Invoice.is_exported == bool(query.is_exported)),
        (query.exported_from, lambda: Invoice.exported_at >= query.exported_from),
        (query.exported_to, lambda: Invoice.exported_at <= query.exported_to),
        (query.date_from, lambda: Invoice.invoice_date >= query.date_from),
        (query.date_to, lambda: Invoice.invoice_date <= query.date_to),
        (query.id_from, lambda: Invoice.id > (query.id_from or 0)),
    ]
    for given, condition in conditions:
        if given:
            statement = statement.where(condition())
    if query.with_rows:
        statement = statement.options(selectinload(Invoice.charges))
    if query.max_count is not None and query.max_count > 0:
        statement = statement.limit(query.max_count)
    return list(session.scalars(statement))


def charge_context(session: Session, invoices: Iterable[Invoice]) -> ChargeContext:
    charges = [c for invoice in invoices for c in invoice.charges]
    order_ids = {c.order_id for c in charges if c.order_id}
    in_order_ids = {c.in_order_id for c in charges if c.in_order_id}
    orders = {o.id: o for o in session.scalars(
        select(Order).where(Order.id.in_(order_ids)).options(selectinload(Order.customer)))} if order_ids else {}
    in_orders = {o.id: o for o in session.scalars(
        select(InOrder).where(InOrder.id.in_(in_order_ids)))} if in_order_ids else {}
    return ChargeContext(orders, in_orders)


def goods_owner_code(session: Session, goods_owner_id: int) -> str | None:
    return session.scalar(select(GoodsOwner.code).where(GoodsOwner.id == goods_owner_id))


# --- ProcessInvoice ---------------------------------------------------------------------------------------------

@dataclass
class InvoiceRowInput:
    row_id: int = 0
    price: Decimal = ZERO
    number_of_items: Decimal = ZERO
    container: str | None = None
    comment: str | None = None
    action_date: datetime | None = None
    order_id: int | None = None
    article_code: str | None = None
    article_title: str | None = None
    account: str | None = None


@dataclass
class InvoiceUpdate:
    invoice_id: int
    fields: dict[str, Any] = field(default_factory=dict)  # invoice columns, None = unchanged
    rows: list[InvoiceRowInput] = field(default_factory=list)


def update_invoice(session: Session, update: InvoiceUpdate, *, goods_owner_id: int) -> Invoice:
    """ProcessInvoice (operation Update): change an invoice's head, change or add rows, recompute the amount."""
    invoice = session.scalar(select(Invoice).where(Invoice.id == update.invoice_id,
                                                   Invoice.goods_owner_id == goods_owner_id))
    if invoice is None:
        raise NotFound(f"Invoice {update.invoice_id} was not found")
    for name, value in update.fields.items():
        if value is not None:
            setattr(invoice, name, value)
    if update.fields.get("is_exported") and invoice.exported_at is None:
        invoice.exported_at = datetime.now(UTC)
    for row in update.rows:
        _apply_row(invoice, row)
    invoice.amount = sum((c.price for c in invoice.charges), ZERO)
    session.flush()
    return invoice


def _apply_row(invoice: Invoice, row: InvoiceRowInput) -> None:
    charge = next((c for c in invoice.charges if c.id == row.row_id), None) if row.row_id else None
    if charge is None:
        if row.row_id:
            raise NotFound(f"Invoice row {row.row_id} was not found on invoice {invoice.id}")
        charge = InvoiceCharge(article_code=row.article_code or CHARGE_MANUAL)
        invoice.charges.append(charge)
    charge.number_of_items = row.number_of_items
    charge.price = row.price
    charge.unit_price = row.price / row.number_of_items if row.number_of_items else row.price
    charge.comment = row.comment if row.comment is not None else charge.comment
    charge.container = row.container if row.container is not None else charge.container
    charge.action_date = row.action_date or charge.action_date
    charge.order_id = row.order_id or charge.order_id
    charge.article_title = row.article_title or charge.article_title or CHARGE_TITLES.get(charge.article_code)
    charge.account = row.account or charge.account


# --- producing invoices ----------------------------------------------------------------------------------------

def set_price_list(session: Session, goods_owner_id: int, **prices: Any) -> PriceList:
    """Create or change a goods owner's price list (per_order, per_order_line, per_parcel, ...)."""
    price_list = session.scalar(select(PriceList).where(PriceList.goods_owner_id == goods_owner_id))
    if price_list is None:
        price_list = PriceList(goods_owner_id=goods_owner_id, currency_code="SEK", per_order=ZERO,
                               per_order_line=ZERO, per_parcel=ZERO, per_received_line=ZERO,
                               storage_per_item_day=ZERO)
        session.add(price_list)
    for name, value in prices.items():
        if not hasattr(PriceList, name) or name in ("id", "goods_owner_id"):
            raise ValidationFailed(f"Unknown price list field {name!r}")
        setattr(price_list, name, value)
    session.flush()
    return price_list


def run_invoicing(session: Session, goods_owner_id: int, period_start: datetime, period_end: datetime,
                  *, invoice_date: datetime | None = None) -> Invoice:
    """Price the period [start, end) from the goods owner's price list into one new invoice."""
    if period_end <= period_start:
        raise ValidationFailed("The invoicing period must end after it starts")
    price_list = session.scalar(select(PriceList).where(PriceList.goods_owner_id == goods_owner_id))
    if price_list is None:
        raise NotFound(f"Goods owner {goods_owner_id} has no price list")
    duplicate = session.scalar(select(Invoice.id).where(Invoice.goods_owner_id == goods_owner_id,
                                                        Invoice.period_start == period_start,
                                                        Invoice.period_end == period_end))
    if duplicate is not None:
        raise Conflict(f"Invoice {duplicate} already covers this period")
    invoice = Invoice(goods_owner_id=goods_owner_id, invoice_date=invoice_date or datetime.now(UTC),
                      period_start=period_start, period_end=period_end, currency_code=price_list.currency_code,
                      title=f"Warehouse services {period_start:%Y-%m-%d} - {period_end:%Y-%m-%d}",
                      is_exported=False, amount=ZERO, invoice_number="")
    charges = [*_order_charges(session, price_list, period_start, period_end),
               *_received_line_charges(session, price_list, period_start, period_end),
               *_storage_charges(session, price_list, period_start, period_end)]
    invoice.charges = [c for c in charges if c.number_of_items and c.unit_price]
    invoice.amount = sum((c.price for c in invoice.charges), ZERO)
    session.add(invoice)
    session.flush()
    invoice.invoice_number = f"{invoice.invoice_date:%Y}-{invoice.id:06d}"
    return invoice


def _charge(code: str, unit_price: Decimal, count: Decimal | int, when: datetime | None,
            **context: Any) -> InvoiceCharge:
    count = Decimal(count)
    return InvoiceCharge(article_code=code, article_title=CHARGE_TITLES[code], unit_price=unit_price,
                         number_of_items=count, price=unit_price * count, action_date=when, **context)


def _order_charges(session: Session, prices: PriceList, start: datetime, end: datetime) -> list[InvoiceCharge]:
    orders = session.scalars(select(Order).where(Order.goods_owner_id == prices.goods_owner_id,
                                                 Order.shipped_time >= start, Order.shipped_time < end)
                             .options(selectinload(Order.lines), selectinload(Order.parcels)).order_by(Order.id))
    charges = []
    for order in orders:
        charges.append(_charge(CHARGE_ORDER, prices.per_order, 1, order.shipped_time, order_id=order.id))
        picked_lines = [line for line in order.lines if line.picked_number_of_items]
        charges.append(_charge(CHARGE_ORDER_LINE, prices.per_order_line, len(picked_lines), order.shipped_time,
                               order_id=order.id))
        charges.append(_charge(CHARGE_PARCEL, prices.per_parcel, len(order.parcels), order.shipped_time,
                               order_id=order.id))
    return charges


def _received_line_charges(session: Session, prices: PriceList, start: datetime,
                           end: datetime) -> list[InvoiceCharge]:
    rows = session.execute(
        select(InOrderLine.in_order_id, InOrderLine.id, InOrderLine.article_id)
        .join(InOrder, InOrder.id == InOrderLine.in_order_id)
        .where(InOrder.goods_owner_id == prices.goods_owner_id,
               InOrderLine.received_items.any((InOrderReceivedItem.received_at >= start)
                                              & (InOrderReceivedItem.received_at < end)))
        .order_by(InOrderLine.id))
    return [_charge(CHARGE_RECEIVED_LINE, prices.per_received_line, 1, end, in_order_id=in_order_id,
                    article_id=article_id) for in_order_id, _line_id, article_id in rows]


def _storage_charges(session: Session, prices: PriceList, start: datetime, end: datetime) -> list[InvoiceCharge]:
    """Per article item: the items it held at the end of each whole day of the period, priced per item and day.

    What an item held at a moment is what it holds now minus the inventory transactions booked on it since then.
    """
    if not prices.storage_per_item_day:
        return []
    days = [start + timedelta(days=n) for n in range(1, (end - start) // timedelta(days=1) + 1)]
    charges = []
    for item_id, article_id, held_now, changes in _item_histories(session, prices.goods_owner_id, start):
        item_days = sum((held_now - sum((q for at, q in changes if _aware(at) > day), ZERO) for day in days), ZERO)
        if item_days > 0:
            charges.append(_charge(CHARGE_STORAGE, prices.storage_per_item_day, item_days, end, article_id=article_id,
                                   article_item_id=item_id, comment=f"{item_days} item-days"))
    return charges


def _item_histories(session: Session, goods_owner_id: int,
                    since: datetime) -> list[tuple[int, int, Decimal, list[tuple[datetime, Decimal]]]]:
    """(item id, article id, held now, [(when, quantity change)] since ``since``) of items in stock or moved since."""
    changes: dict[int, list[tuple[datetime, Decimal]]] = {}
    for item_id, at, quantity in session.execute(
            select(InventoryTransaction.article_item_id, InventoryTransaction.created_at,
                   InventoryTransaction.quantity)
            .where(InventoryTransaction.goods_owner_id == goods_owner_id, InventoryTransaction.created_at >= since,
                   InventoryTransaction.article_item_id.is_not(None))):
        changes.setdefault(item_id or 0, []).append((at, quantity))
    items = session.execute(select(ArticleItem.id, ArticleItem.article_id, ArticleItem.number_of_items)
                            .where(ArticleItem.goods_owner_id == goods_owner_id,
                                   (ArticleItem.number_of_items > 0) | ArticleItem.id.in_(list(changes)))
                            .order_by(ArticleItem.id))
    return [(item_id, article_id, Decimal(held), changes.get(item_id, [])) for item_id, article_id, held in items]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
