"""The warehouse side of inbound flows: receive in-orders, put away, receive returns, run invoicing.

Operators drive these through ``wms-soap warehouse ...`` (and later the Automation API). Receiving books quantities
on the in-order (what the goods owner sees at once); putting away turns them into stock at a location. A return
is received against a shipped order, back to stock or to a quarantine location.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services import invoices as invoice_service
from wms_soap.services.common import utcnow
from wms_soap.services.inbound import inorders as inorder_service
from wms_soap.services.inbound import returns as return_service
from wms_soap.services.inventory import stock
from wms_soap.services.orders.orders import record_return
from wms_soap.store.inorders import (
    STATUS_CANCELLED,
    STATUS_RECEIVED,
    STATUS_RECEIVING,
    InOrder,
    InOrderAdvisedItem,
    InOrderLine,
    InOrderReceivedItem,
)
from wms_soap.store.invoices import Invoice
from wms_soap.store.orders import Order, OrderLine
from wms_soap.store.returns import (
    STATUS_PARTIALLY_RETURNED,
    STATUS_RETURNED,
    ReturnedItem,
    ReturnOrder,
    ReturnOrderLine,
)

ZERO = Decimal(0)
STATUS_SHIPPED = 450
QUARANTINE_STATUS = "QUARANTINE"


def _add_stock(session: Session, **kwargs: Any) -> int:
    """Stock enters through the inventory area's one door, which also writes the inventory transaction."""
    article_item_id: int = stock.add_stock(session, **kwargs)
    return article_item_id


# --- in-orders --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Receipt:
    """What arrived for one in-order line (named by its id or its external line code)."""

    number_of_items: Decimal
    line_id: int | None = None
    external_order_line_code: str | None = None
    article_number: str | None = None
    batch: str | None = None
    serial: str | None = None
    expiry_date: datetime | None = None
    comment: str | None = None


def find_in_order(session: Session, *, in_order_id: int | None = None, number: str | None = None,
                  goods_owner_id: int | None = None) -> InOrder:
    query = select(InOrder)
    if in_order_id:
        query = query.where(InOrder.id == in_order_id)
    elif number and goods_owner_id:
        query = query.where(InOrder.goods_owner_id == goods_owner_id, InOrder.goods_owner_order_number == number)
    else:
        raise ValidationFailed("Name the in-order by id, or by goods owner and number")
    found = session.scalar(query)
    if found is None:
        raise NotFound(f"In-order {in_order_id or number} was not found")
    return found


def _receipt_line(session: Session, in_order: InOrder, receipt: Receipt) -> InOrderLine:
    for line in in_order.lines:
        if receipt.line_id and line.id == receipt.line_id:
            return line
        if receipt.external_order_line_code and line.external_order_line_code == receipt.external_order_line_code:
            return line
    if receipt.article_number:
        ref = inorder_service.ArticleRef("ArticleNumber", number=receipt.article_number)
        article_id = inorder_service.find_article(session, in_order.goods_owner_id, ref).id
        found = next((line for line in in_order.lines if line.article_id == article_id), None)
        if found is not None:
            return found
    key = receipt.line_id or receipt.external_order_line_code or receipt.article_number
    raise NotFound(f"In-order line {key} was not found on in-order {in_order.goods_owner_order_number}")


def receive(session: Session, in_order: InOrder, receipts: list[Receipt]) -> list[InOrderReceivedItem]:
    """Book arrived goods on in-order lines (partial receipts allowed); the in-order goes to 400, or 500 when full.

    What the receipt leaves out comes from the line's advised article items (batch, serial, expiry, production
    date, goods status, container), then from the line itself (RowBatchNo, serial, expiry date)."""
    if in_order.status in (STATUS_CANCELLED, STATUS_RECEIVED):
        raise Conflict(f"In-order {in_order.goods_owner_order_number} is closed (status {in_order.status})")
    now = utcnow()
    items = []
    for receipt in receipts:
        if receipt.number_of_items <= 0:
            raise ValidationFailed("The received number of items must be positive")
        if receipt.serial and receipt.number_of_items != 1:
            raise ValidationFailed("An item with a serial number is received one at a time")
        line = _receipt_line(session, in_order, receipt)
        for quantity, advised in _against_advised(line, receipt):
            item = _received_item(line, receipt, quantity, advised, now)
            line.received_items.append(item)  # into the session through its line
            item.advised_item = advised
            items.append(item)
        line.received_number_of_items += receipt.number_of_items
    in_order.last_received_at = in_order.updated_at = now
    complete = all(line.received_number_of_items >= line.advised_number_of_items for line in in_order.lines)
    inorder_service.set_status(in_order, STATUS_RECEIVED if complete else STATUS_RECEIVING)
    session.flush()
    return items


def _against_advised(line: InOrderLine, receipt: Receipt) -> list[tuple[Decimal, InOrderAdvisedItem | None]]:
    """Split a receipt over the line's open advised items (the same serial, else the same batch, else any, in
    order); what no advised item expects is received on its own. Counts what each advised item got."""
    open_items = [item for item in line.advised_items if item.remaining > 0]
    if receipt.serial:
        open_items = [item for item in open_items if item.serial == receipt.serial]
    elif receipt.batch:
        open_items = [item for item in open_items if item.batch == receipt.batch]
    parts: list[tuple[Decimal, InOrderAdvisedItem | None]] = []
    left = receipt.number_of_items
    for advised in open_items:
        if left <= 0:
            break
        taken = min(left, advised.remaining)
        advised.received_number_of_items += taken
        parts.append((taken, advised))
        left -= taken
    if left > 0:
        parts.append((left, None))
    return parts


def _received_item(line: InOrderLine, receipt: Receipt, quantity: Decimal, advised: InOrderAdvisedItem | None,
                   now: datetime) -> InOrderReceivedItem:
    unused = not any(item.serial == line.serial for item in line.received_items)
    line_serial = line.serial if quantity == 1 and unused else None
    return InOrderReceivedItem(
        number_of_items=quantity, batch=receipt.batch or (advised and advised.batch) or line.row_batch_no,
        serial=receipt.serial or (advised and advised.serial) or line_serial,
        expiry_date=receipt.expiry_date or (advised and advised.expiry_date) or line.expiry_date,
        production_date=(advised and advised.production_date) or line.production_date,
        status_code=(advised and advised.status_code) or line.item_status_code,
        container=(advised and advised.container) or line.in_order.container,
        comment=receipt.comment or (advised and advised.comment) or None, received_at=now, is_in_reported=False)


def put_away(session: Session, item: InOrderReceivedItem, location_code: str) -> int:
    """Move a received item onto a location: it becomes stock (an article item)."""
    if item.put_away_at is not None:
        raise Conflict(f"Received item {item.id} is already put away at {item.location_code}")
    line = item.line
    in_order = line.in_order
    item.article_item_id = _add_stock(
        session, goods_owner_id=in_order.goods_owner_id, article_id=line.article_id, location_code=location_code,
        quantity=item.number_of_items, batch=item.batch, serial=item.serial, expiry_date=item.expiry_date,
        status=item.status_code, comment=f"Received on in-order {in_order.goods_owner_order_number}", cause="received")
    item.put_away_at = utcnow()
    item.location_code = location_code
    return item.article_item_id


def put_away_all(session: Session, in_order: InOrder, location_code: str) -> list[InOrderReceivedItem]:
    pending = [item for line in in_order.lines for item in line.received_items if item.put_away_at is None]
    for item in pending:
        put_away(session, item, location_code)
    session.flush()
    return pending


def receive_everything(session: Session, in_order: InOrder, location_code: str | None = None) -> list[
        InOrderReceivedItem]:
    """Receive what is still outstanding on every line (and put it away when a location is given)."""
    receipts = [Receipt(line.advised_number_of_items - line.received_number_of_items, line_id=line.id)
                for line in in_order.lines if line.advised_number_of_items > line.received_number_of_items]
    items = receive(session, in_order, receipts)
    if location_code:
        put_away_all(session, in_order, location_code)
    return items


# --- returns ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReturnReceipt:
    """Goods that came back for one line of a return order."""

    number_of_items: Decimal
    return_line_id: int | None = None
    article_number: str | None = None
    cause_code: str | None = None
    location_code: str | None = None
    quarantine: bool = False
    batch: str | None = None
    serial: str | None = None
    expiry_date: datetime | None = None
    comment: str | None = None


def find_return_order(session: Session, return_order_id: int) -> ReturnOrder:
    found = session.get(ReturnOrder, return_order_id)
    if found is None:
        raise NotFound(f"Return order {return_order_id} was not found")
    return found


def _return_line(session: Session, return_order: ReturnOrder, receipt: ReturnReceipt) -> ReturnOrderLine:
    if receipt.return_line_id:
        return return_service.lines_by_id(return_order, [receipt.return_line_id])[0]
    names = return_service.article_names(session, {line.article_id for line in return_order.lines})
    found = next((line for line in return_order.lines if names.get(line.article_id, (None,))[0]
                  == receipt.article_number), None)
    if found is None:
        raise return_service.ReturnOrderRowNotFound(f"Article {receipt.article_number} is not on the return order")
    return found


def receive_return(session: Session, return_order: ReturnOrder, receipts: list[ReturnReceipt]) -> list[ReturnedItem]:
    """Book returned goods against a shipped order: back to stock, or to a quarantine location."""
    order = session.get(Order, return_order.order_id)
    if order is None or order.status < STATUS_SHIPPED or order.status >= 1000:
        raise Conflict(f"Order {return_order.order_id} has not been shipped; nothing can be returned")
    now = utcnow()
    booked = []
    for receipt in receipts:
        line = _return_line(session, return_order, receipt)
        order_line = session.get(OrderLine, line.order_line_id) if line.order_line_id else None
        if receipt.number_of_items <= 0:
            raise ValidationFailed("The returned number of items must be positive")
        if order_line is not None and (order_line.returned_number_of_items + receipt.number_of_items
                                       > order_line.picked_number_of_items):
            raise Conflict(f"More items would be returned than were picked on order line {order_line.id}")
        cause = return_service.resolve_cause(session, return_service.ReturnCauseInput("FindOrCreate",
                                                                                      receipt.cause_code),
                                             return_order.goods_owner_id) if receipt.cause_code else line.return_cause
        item = ReturnedItem(number_of_items=receipt.number_of_items, batch=receipt.batch, serial=receipt.serial,
                            expiry_date=receipt.expiry_date, location_code=receipt.location_code,
                            quarantine=receipt.quarantine, comment=receipt.comment, return_cause=cause,
                            returned_at=now)
        if receipt.location_code:
            item.article_item_id = _add_stock(
                session, goods_owner_id=return_order.goods_owner_id, article_id=line.article_id,
                location_code=receipt.location_code, quantity=receipt.number_of_items, batch=receipt.batch,
                serial=receipt.serial, expiry_date=receipt.expiry_date,
                status=QUARANTINE_STATUS if receipt.quarantine else None, locked=receipt.quarantine,
                comment=f"Returned on order {order.goods_owner_order_number}", cause="returned")
        line.items.append(item)
        line.returned_number_of_items += receipt.number_of_items
        if order_line is not None:
            record_return(session, order_line, receipt.number_of_items, at=now,
                          cause_code=cause.code if cause else None, cause_name=cause.name if cause else None)
        booked.append(item)
    _close_return(return_order, now)
    session.flush()
    return booked


def _close_return(return_order: ReturnOrder, now: datetime) -> None:
    done = all(line.returned_number_of_items >= line.to_be_returned_number_of_items for line in return_order.lines)
    return_order.status = STATUS_RETURNED if done else STATUS_PARTIALLY_RETURNED
    return_order.last_returned_at = now


# --- invoicing --------------------------------------------------------------------------------------------------

def run_invoicing(session: Session, goods_owner_id: int, period_start: datetime, period_end: datetime) -> Invoice:
    """The warehouse's month-end (or any period) run for one goods owner."""
    return invoice_service.run_invoicing(session, goods_owner_id, period_start, period_end)
