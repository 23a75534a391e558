"""Production orders, the warehouse side: report production of a line (component stock consumed, the produced
article's stock added, both through ``services.inventory``, never negative), close a started order, list the open
ones. The goods owner's side is ``services.production``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, utcnow
from wms_soap.services.inventory import stock
from wms_soap.services.production.production import (
    FINISHED,
    OPEN,
    STARTED,
    STATUS_TEXTS,
    ZERO,
    amount,
)
from wms_soap.store.articles import Article
from wms_soap.store.inventory import ArticleItem
from wms_soap.store.production import (
    ProductionOrder,
    ProductionOrderComponent,
    ProductionOrderItem,
    ProductionOrderLine,
)

_PRECISION = Decimal("0.0001")


@dataclass(frozen=True)
class _Take:
    component: ProductionOrderComponent
    item: ArticleItem
    quantity: Decimal


def report_production(session: Session, order_id: int, line_number: str, quantity: Decimal, *,
                      location_code: str, batch: str | None = None, expiry_date: datetime | None = None,
                      at: datetime | None = None) -> ProductionOrder:
    """Produce ``quantity`` of a line's article at a location: its share of every component is taken from stock
    (oldest items first), the produced items are added. Conflict, with nothing changed, when a component is short."""
    now = at or utcnow()
    claim_write_lock(session)
    order = session.get(ProductionOrder, order_id, with_for_update=True)
    if order is None:
        raise NotFound(f"Production order {order_id} was not found")
    if order.status not in (OPEN, STARTED):
        raise Conflict(f"Production order {order.order_number} is {STATUS_TEXTS[order.status].lower()}")
    line = next((line for line in order.lines if line.line_number == line_number), None)
    if line is None:
        raise NotFound(f"Production order {order.order_number} has no line {line_number}")
    if quantity <= 0 or line.produced + quantity > line.to_produce:
        raise ValidationFailed(f"Line {line_number}: the quantity must be greater than 0 and at most "
                               f"{amount(line.to_produce - line.produced)} (still to produce)")
    takes = _plan_consumption(session, order.goods_owner_id, line, quantity, now)
    produced_item = stock.add_stock(
        session, goods_owner_id=order.goods_owner_id, article_id=line.article_id, location_code=location_code,
        quantity=quantity, batch=batch, expiry_date=expiry_date or order.expiry_date, cause="produced",
        comment=f"Production order {order.order_number} line {line_number}", at=now)
    _consume(session, order, line, takes, produced_item, now)
    line.items.append(_produced_record(session, line, produced_item, quantity, now))
    line.produced += quantity
    _mark_produced(order, now)
    session.flush()
    return order


def _plan_consumption(session: Session, goods_owner_id: int, line: ProductionOrderLine, quantity: Decimal,
                      now: datetime) -> list[_Take]:
    completes = line.produced + quantity == line.to_produce
    days = line.min_days_to_expiry_date
    fresh_until = now + timedelta(days=days) if days else None
    takes: list[_Take] = []
    for component in line.components:
        need = (component.to_consume - component.consumed if completes
                else (component.to_consume * quantity / line.to_produce).quantize(_PRECISION))
        takes.extend(_takes_for(session, goods_owner_id, component, max(need, ZERO), fresh_until))
    return takes


def _takes_for(session: Session, goods_owner_id: int, component: ProductionOrderComponent, need: Decimal,
               fresh_until: datetime | None) -> list[_Take]:
    """Unlocked items, oldest first; with MinDaysToExpiryDate only those that do not expire before ``fresh_until``."""
    conditions = [ArticleItem.goods_owner_id == goods_owner_id, ArticleItem.article_id == component.article_id,
                  ArticleItem.number_of_items > 0, ArticleItem.is_locked.is_(False)]
    if fresh_until is not None:
        conditions.append(or_(ArticleItem.expiry_date.is_(None), ArticleItem.expiry_date >= fresh_until))
    items = session.scalars(select(ArticleItem).where(*conditions).order_by(ArticleItem.in_date, ArticleItem.id))
    takes: list[_Take] = []
    left = need
    for item in items:
        if left <= 0:
            break
        take = min(Decimal(item.number_of_items), left)
        takes.append(_Take(component, item, take))
        left -= take
    if left > 0:
        article = session.get(Article, component.article_id)
        fresh = f" that does not expire before {fresh_until:%Y-%m-%d}" if fresh_until else ""
        raise Conflict(f"Not enough stock of {article.article_number if article else component.article_id} "
                       f"(specification line {component.line_number}): {amount(need)} needed, "
                       f"{amount(need - left)} available{fresh}")
    return takes


def _consume(session: Session, order: ProductionOrder, line: ProductionOrderLine, takes: list[_Take],
             produced_item: int, now: datetime) -> None:
    for take in takes:
        stock.remove_stock(session, article_item_id=take.item.id, quantity=take.quantity, cause="consumed",
                               comment=f"Production order {order.order_number} line {line.line_number}", at=now)
        take.component.consumed += take.quantity
        line.items.append(ProductionOrderItem(
            kind="consumed", article_id=take.item.article_id, article_item_id=take.item.id,
            produced_article_item_id=produced_item, number_of_items=take.quantity, batch=take.item.batch,
            serial=take.item.serial, expiry_date=take.item.expiry_date, created_at=now))


def _produced_record(session: Session, line: ProductionOrderLine, item_id: int, quantity: Decimal,
                     now: datetime) -> ProductionOrderItem:
    item = session.get(ArticleItem, item_id)
    assert item is not None
    return ProductionOrderItem(kind="produced", article_id=line.article_id, article_item_id=item_id,
                               number_of_items=quantity, batch=item.batch, serial=item.serial,
                               expiry_date=item.expiry_date, created_at=now)


def _mark_produced(order: ProductionOrder, now: datetime) -> None:
    order.start_production_time = order.start_production_time or now
    order.last_production_at = order.last_produced_at = order.updated_at = now
    if all(line.produced >= line.to_produce for line in order.lines):
        order.status, order.end_production_time = FINISHED, now
    else:
        order.status = STARTED


def finish_production(session: Session, order_id: int, *, at: datetime | None = None) -> ProductionOrder:
    """Close a started order although not everything was produced (the rest is not produced)."""
    now = at or utcnow()
    claim_write_lock(session)
    order = session.get(ProductionOrder, order_id, with_for_update=True)
    if order is None:
        raise NotFound(f"Production order {order_id} was not found")
    if order.status != STARTED:
        raise Conflict(f"Production order {order.order_number} is {STATUS_TEXTS[order.status].lower()}: only a "
                       "started order can be finished")
    order.status, order.end_production_time = FINISHED, now
    order.last_production_at = order.updated_at = now
    session.flush()
    return order


def orders_with_open_lines(session: Session, goods_owner_id: int | None = None) -> list[ProductionOrder]:
    """Open and started orders (the warehouse's production list), oldest first."""
    statement = select(ProductionOrder).where(ProductionOrder.status.in_((OPEN, STARTED)))
    if goods_owner_id is not None:
        statement = statement.where(ProductionOrder.goods_owner_id == goods_owner_id)
    return list(session.scalars(statement.order_by(ProductionOrder.id)))
