"""The warehouse side: the operator's (and later the Automation API's) actions that move goods.

Every status change is recorded in the order's history; stock never goes negative (items are read FOR UPDATE
where the database supports it, and every decrement is checked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, utcnow
from wms_soap.services.inventory import stock
from wms_soap.services.orders import status as st
from wms_soap.services.orders.orders import cancel, release_allocations, set_status
from wms_soap.services.orders.queries import allocated_per_article_item, with_details
from wms_soap.store.inventory import ArticleItem
from wms_soap.store.orders import Order, OrderAllocation, OrderLine, Parcel, PickedItem

# --- outbound: release, allocate, pick, pack, ship, collect, cancel ----------------------------------------------

SOURCE = "warehouse"
_RELEASABLE = (st.NOTIFIED, st.ERROR, st.OPEN)
_PICKABLE = (st.OPEN, st.RELEASED, st.ALLOCATED)


@dataclass(frozen=True)
class PickRequest:
    """Pick ``number_of_items`` for one line (by OrderLineSystemId or ExternalOrderLineCode), optionally from one
    article item; without one, allocated items go first, then free stock by earliest expiry."""

    number_of_items: Decimal
    order_line_id: int | None = None
    external_order_line_code: str | None = None
    article_item_id: int | None = None


@dataclass(frozen=True)
class ParcelRequest:
    label_id: str | None = None
    tracking_url: str | None = None
    weight: Decimal | None = None
    pallet_type_code: str | None = None
    is_transporter_item: bool = True


def load_order(session: Session, order_id: int, goods_owner_id: int | None = None) -> Order:
    """The order with its details, for a change (on SQLite the write lock is taken first)."""
    claim_write_lock(session)
    query = select(Order).where(Order.id == order_id)
    if goods_owner_id is not None:
        query = query.where(Order.goods_owner_id == goods_owner_id)
    order = session.scalars(with_details(query)).first()
    if order is None:
        raise NotFound(f"Order {order_id} was not found")
    return order


def _label(order: Order) -> str:
    return f"Order {order.goods_owner_order_number or order.id}"


def release_order(session: Session, order_id: int, *, goods_owner_id: int | None = None) -> Order:
    """Release (300) an open order for picking."""
    order = load_order(session, order_id, goods_owner_id)
    if order.status not in _RELEASABLE:
        raise Conflict(f"{_label(order)} has status {order.status} and cannot be released")
    set_status(order, st.RELEASED, source=SOURCE)
    session.flush()
    return order


def allocate_order(session: Session, order_id: int, *, goods_owner_id: int | None = None) -> Order:
    """Reserve stock for every line (320); all or nothing: a shortage raises Conflict and nothing is reserved."""
    order = load_order(session, order_id, goods_owner_id)
    if order.status not in (st.OPEN, st.RELEASED, st.ALLOCATED):
        raise Conflict(f"{_label(order)} has status {order.status} and cannot be allocated")
    if order.status == st.OPEN:
        set_status(order, st.RELEASED, source=SOURCE)
    for line in order.lines:
        _allocate_line(session, order, line)
    set_status(order, st.ALLOCATED, source=SOURCE)
    session.flush()
    return order


def _open_quantity(line: OrderLine) -> Decimal:
    allocated = sum((a.number_of_items for a in line.allocations), Decimal(0))
    return line.ordered_number_of_items - line.picked_number_of_items - allocated


def _allocate_line(session: Session, order: Order, line: OrderLine) -> None:
    needed = _open_quantity(line)
    if needed <= 0 or not line.do_pick:
        return
    for item, free in _free_stock(session, line):
        take = min(free, needed)
        line.allocations.append(OrderAllocation(article_item_id=item.id, number_of_items=take))
        needed -= take
        if needed <= 0:
            return
    raise Conflict(f"{_label(order)}: not enough stock of article {line.article.article_number} "
                   f"to allocate line {line.external_order_line_code or line.id} ({needed} missing)")


def _free_stock(session: Session, line: OrderLine) -> list[tuple[ArticleItem, Decimal]]:
    """The line's article items with their unallocated quantity, earliest expiry first."""
    query = select(ArticleItem).where(ArticleItem.article_id == line.article_id, ArticleItem.number_of_items > 0)
    if line.batch:
        query = query.where(ArticleItem.batch == line.batch)
    if line.serial:
        query = query.where(ArticleItem.serial == line.serial)
    items = list(session.scalars(query.order_by(ArticleItem.expiry_date.is_(None), ArticleItem.expiry_date,
                                                ArticleItem.id).with_for_update(of=ArticleItem)))
    session.flush()
    reserved = allocated_per_article_item(session, [item.id for item in items])
    free = [(item, Decimal(item.number_of_items) - reserved.get(item.id, Decimal(0))) for item in items]
    return [(item, quantity) for item, quantity in free if quantity > 0]


def release_order_allocations(session: Session, order_id: int, *, goods_owner_id: int | None = None) -> Order:
    """Give the order's reserved stock back (320 -> 300)."""
    order = load_order(session, order_id, goods_owner_id)
    release_allocations(order, source=SOURCE, comment="allocations released")
    session.flush()
    return order


def pick(session: Session, order_id: int, requests: list[PickRequest], *, goods_owner_id: int | None = None,
         at: datetime | None = None) -> Order:
    """Pick per line, partially if asked; the order is Picked (400) once every line is fully picked."""
    order = load_order(session, order_id, goods_owner_id)
    if order.status not in _PICKABLE:
        raise Conflict(f"{_label(order)} has status {order.status} and cannot be picked")
    at = at or utcnow()
    for request in requests:
        _pick_line(session, order, _line_of(order, request), request, at)
    order.last_picking_time = order.updated_at = at
    if all(line.picked_number_of_items >= line.ordered_number_of_items for line in order.lines if line.do_pick):
        order.pick_finished_time = at
        set_status(order, st.PICKED, source=SOURCE, at=at)
    session.flush()
    return order


def _line_of(order: Order, request: PickRequest) -> OrderLine:
    for line in order.lines:
        if (request.order_line_id is not None and line.id == request.order_line_id) or (
                request.external_order_line_code is not None
                and line.external_order_line_code == request.external_order_line_code):
            return line
    raise NotFound(f"{_label(order)} has no line {request.order_line_id or request.external_order_line_code}")


def _pick_line(session: Session, order: Order, line: OrderLine, request: PickRequest, at: datetime) -> None:
    wanted = request.number_of_items
    if wanted <= 0:
        raise ValidationFailed("The number of items to pick must be positive")
    if line.picked_number_of_items + wanted > line.ordered_number_of_items:
        raise Conflict(f"{_label(order)}: line {line.external_order_line_code or line.id} has "
                       f"{line.ordered_number_of_items - line.picked_number_of_items} left to pick, not {wanted}")
    for item, available in _sources(session, line, request):
        take = min(available, wanted)
        _take(session, order, line, item, take, at)
        wanted -= take
        if wanted <= 0:
            break
    if wanted > 0:
        raise Conflict(f"{_label(order)}: not enough stock of article {line.article.article_number} "
                       f"to pick line {line.external_order_line_code or line.id} ({wanted} missing)")
    line.last_picking_time = at


def _sources(session: Session, line: OrderLine, request: PickRequest) -> list[tuple[ArticleItem, Decimal]]:
    wanted = request.number_of_items
    if request.article_item_id is not None:
        item = session.get(ArticleItem, request.article_item_id, with_for_update={"of": ArticleItem})
        if item is None or item.article_id != line.article_id:
            raise NotFound(f"Article item {request.article_item_id} of article "
                           f"{line.article.article_number} was not found")
        if Decimal(item.number_of_items) < wanted:
            raise Conflict(f"Article item {item.id} holds {Decimal(item.number_of_items).normalize()}, "
                           f"cannot pick {wanted} from it")
        return [(item, wanted)]
    sources: list[tuple[ArticleItem, Decimal]] = []
    for allocation in list(line.allocations):
        item = session.get(ArticleItem, allocation.article_item_id, with_for_update={"of": ArticleItem})
        if item is not None:
            sources.append((item, min(allocation.number_of_items, Decimal(item.number_of_items))))
    sources.extend(_free_stock(session, line))
    return sources


def _take(session: Session, order: Order, line: OrderLine, item: ArticleItem, quantity: Decimal,
          at: datetime) -> None:
    """Move ``quantity`` of an article item off the shelf onto the order line."""
    if quantity <= 0:
        return
    _consume_allocation(line, item.id, quantity)
    location_code = item_location_code(item)
    stock.remove_stock(session, article_item_id=item.id, quantity=quantity, cause="picked",
                       comment=f"picked for order {order.id}")
    order.picked_items.append(PickedItem(
        order_line_id=line.id, article_item_id=item.id, number_of_items=quantity, batch=item.batch,
        serial=item.serial, expiry_date=item.expiry_date, in_date=item.in_date, location_code=location_code,
        picked_at=at, returned=False))
    line.picked_number_of_items += quantity


def _consume_allocation(line: OrderLine, article_item_id: int, quantity: Decimal) -> None:
    for allocation in list(line.allocations):
        if allocation.article_item_id != article_item_id or quantity <= 0:
            continue
        used = min(allocation.number_of_items, quantity)
        allocation.number_of_items -= used
        quantity -= used
        if allocation.number_of_items <= 0:
            line.allocations.remove(allocation)


def pack(session: Session, order_id: int, parcels: list[ParcelRequest], *, waybill: str | None = None,
         goods_owner_id: int | None = None, at: datetime | None = None) -> Order:
    """Pack the picked, not yet packed items into new parcels (the first parcel takes them all)."""
    order = load_order(session, order_id, goods_owner_id)
    unpacked = [item for item in order.picked_items if item.parcel_id is None]
    if not unpacked:
        raise Conflict(f"{_label(order)} has no picked items left to pack")
    if not parcels:
        raise ValidationFailed("At least one parcel is needed to pack into")
    at = at or utcnow()
    created = [Parcel(label_id=p.label_id, tracking_url=p.tracking_url, weight=p.weight,
                      pallet_type_code=p.pallet_type_code, is_transporter_item=p.is_transporter_item,
                      created_at=at) for p in parcels]
    order.parcels.extend(created)
    lines = {line.id: line for line in order.lines}
    for item in unpacked:
        item.parcel = created[0]
        lines[item.order_line_id].packed_number_of_items += item.number_of_items
    if waybill is not None:
        order.waybill = waybill
    order.updated_at = at
    session.flush()
    return order


def ship(session: Session, order_id: int, *, goods_owner_id: int | None = None,
         at: datetime | None = None) -> Order:
    """Send (450) a picked order."""
    order = load_order(session, order_id, goods_owner_id)
    if order.status != st.PICKED:
        raise Conflict(f"{_label(order)} has status {order.status}; only picked orders (400) can be shipped")
    at = at or utcnow()
    order.shipped_time = at
    set_status(order, st.SENT, source=SOURCE, at=at)
    session.flush()
    return order


def collect(session: Session, order_id: int, *, goods_owner_id: int | None = None,
            at: datetime | None = None) -> Order:
    """Mark a sent order collected (500)."""
    order = load_order(session, order_id, goods_owner_id)
    if order.status != st.SENT:
        raise Conflict(f"{_label(order)} has status {order.status}; only sent orders (450) can be collected")
    at = at or utcnow()
    order.collected_time = at
    set_status(order, st.COLLECTED, source=SOURCE, at=at)
    session.flush()
    return order


def cancel_order(session: Session, order_id: int, *, goods_owner_id: int | None = None) -> Order:
    """Cancel (1000) an order whose picking has not started."""
    order = load_order(session, order_id, goods_owner_id)
    cancel(order, source=SOURCE)
    session.flush()
    return order


def pick_remaining(session: Session, order_id: int, *, goods_owner_id: int | None = None,
                   at: datetime | None = None) -> Order:
    """Pick everything still to pick on every line."""
    order = load_order(session, order_id, goods_owner_id)
    requests = [PickRequest(line.ordered_number_of_items - line.picked_number_of_items, order_line_id=line.id)
                for line in order.lines if line.do_pick and line.ordered_number_of_items > line.picked_number_of_items]
    return pick(session, order_id, requests, goods_owner_id=goods_owner_id, at=at)


def item_location_code(item: ArticleItem) -> str | None:
    location = getattr(item, "location", None)
    return getattr(location, "code", None)
