"""Movement article items: what an automated system must bring from its store-location to its out-location.

Allocating an order (``outbound.allocate_order``) plans one movement per allocation of stock that lies in a
system's store-location. A movement is "to be handled" while it is open, not handled, and its allocation still
exists (a released, cancelled or otherwise picked allocation needs no movement: nothing to hook); the controller
marks it handled once (MovementArticleItemHandled), and it is done when MoveArticleItem brings the goods to the
out-location.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.access.operators import Actor
from wms_soap.services.warehouse.automated_systems import check_controller, claim_handled, systems_by_location
from wms_soap.store.articles import Article
from wms_soap.store.automated_storage import AutomatedSystem, MovementArticleItem
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.inventory import ArticleItem, Location
from wms_soap.store.orders import Order, OrderAllocation

OPEN, DONE = "open", "done"
MAX_ROWS = 10_000


@dataclass(frozen=True)
class MovementsQuery:
    from_locations: Sequence[str] = ()
    to_locations: Sequence[str] = ()
    order_id: int | None = None
    article_item_id: int | None = None
    article_id: int | None = None
    goods_owner_id: int | None = None
    only_to_be_handled: bool = False
    max_rows: int | None = None


@dataclass(frozen=True)
class MovementView:
    movement: MovementArticleItem
    article: Article
    order: Order
    from_location: str
    to_location: str


# --- planning ---

def plan(session: Session, order: Order, at: datetime | None = None) -> list[MovementArticleItem]:
    """Movements for the order's allocations in store-locations that no open movement covers yet."""
    allocations = [a for line in order.lines for a in line.allocations]
    items = {item.id: item for item in session.scalars(
        select(ArticleItem).where(ArticleItem.id.in_([a.article_item_id for a in allocations])))} if allocations else {}
    systems = systems_by_location(session, "store", {item.location_id for item in items.values()}) if items else {}
    if not systems:
        return []
    covered = _open_quantities(session, order.id)
    now = at or datetime.now(UTC)
    planned = []
    for allocation in allocations:
        item = items[allocation.article_item_id]
        system = systems.get(item.location_id)
        missing = allocation.number_of_items - covered.get((allocation.order_line_id, item.id), Decimal(0))
        if system is not None and missing > 0:
            planned.append(_movement(system, order, allocation.order_line_id, item, missing, now))
    session.add_all(planned)
    session.flush()
    return planned


def _open_quantities(session: Session, order_id: int) -> dict[tuple[int, int], Decimal]:
    rows = session.execute(select(MovementArticleItem.order_line_id, MovementArticleItem.article_item_id,
                                  MovementArticleItem.number_of_items)
                           .where(MovementArticleItem.order_id == order_id, MovementArticleItem.state == OPEN))
    totals: dict[tuple[int, int], Decimal] = {}
    for line_id, item_id, quantity in rows:
        totals[(line_id, item_id)] = totals.get((line_id, item_id), Decimal(0)) + Decimal(quantity)
    return totals


def _movement(system: AutomatedSystem, order: Order, line_id: int, item: ArticleItem, quantity: Decimal,
              at: datetime) -> MovementArticleItem:
    return MovementArticleItem(
        automated_system_id=system.id, goods_owner_id=order.goods_owner_id, article_id=item.article_id,
        article_item_id=item.id, order_id=order.id, order_line_id=line_id, from_location_id=system.store_location_id,
        to_location_id=system.out_location_id, number_of_items=quantity, state=OPEN, created_at=at)


# --- reading ---

def query_movements(session: Session, query: MovementsQuery) -> list[MovementView]:
    """Open movements of every goods owner matching ``query`` (in id order), with what they refer to."""
    if query.max_rows is not None and query.max_rows < 0:
        raise ValidationFailed("MaxRowsToGet cannot be negative")
    from_location, to_location = Location.__table__.alias("from_location"), Location.__table__.alias("to_location")
    statement: Select[MovementArticleItem, Article, Order, str, str] = (
        select(MovementArticleItem, Article, Order, from_location.c.code, to_location.c.code)
        .join(Article, Article.id == MovementArticleItem.article_id)
        .join(Order, Order.id == MovementArticleItem.order_id)
        .join(from_location, from_location.c.id == MovementArticleItem.from_location_id)
        .join(to_location, to_location.c.id == MovementArticleItem.to_location_id)
        .where(MovementArticleItem.state == OPEN, _still_allocated())
        .order_by(MovementArticleItem.id).limit(query.max_rows or MAX_ROWS))
    if query.from_locations:
        statement = statement.where(from_location.c.code.in_(list(query.from_locations)))
    if query.to_locations:
        statement = statement.where(to_location.c.code.in_(list(query.to_locations)))
    for column, value in ((MovementArticleItem.order_id, query.order_id),
                          (MovementArticleItem.article_item_id, query.article_item_id),
                          (MovementArticleItem.article_id, query.article_id),
                          (MovementArticleItem.goods_owner_id, query.goods_owner_id)):
        if value is not None:
            statement = statement.where(column == value)
    if query.only_to_be_handled:
        statement = statement.where(MovementArticleItem.handled_at.is_(None))
    return [MovementView(row[0], row[1], row[2], row[3], row[4]) for row in session.execute(statement)]


def _still_allocated() -> ColumnElement[bool]:
    return select(OrderAllocation.id).where(
        OrderAllocation.order_line_id == MovementArticleItem.order_line_id,
        OrderAllocation.article_item_id == MovementArticleItem.article_item_id).exists()


# --- handling ---

def mark_handled(session: Session, movement_ids: Sequence[int], by: Actor) -> list[MovementArticleItem]:
    """Mark open movements handled; all or nothing (the caller's transaction)."""
    if not movement_ids:
        raise ValidationFailed("Name at least one MovementArticleItemId")
    claim_sqlite_writer(session, MovementArticleItem.__tablename__)
    return [_mark_one(session, movement_id, by) for movement_id in movement_ids]


def _mark_one(session: Session, movement_id: int, by: Actor) -> MovementArticleItem:
    movement = session.get(MovementArticleItem, movement_id)
    if movement is None:
        raise NotFound(f"Movement article item {movement_id} was not found")
    system = session.get(AutomatedSystem, movement.automated_system_id)
    assert system is not None
    check_controller(system, by.principal)
    still_open = select(MovementArticleItem.id).where(MovementArticleItem.id == movement_id,
                                                      MovementArticleItem.state == OPEN, _still_allocated())
    if session.scalar(still_open) is None:
        raise Conflict(f"Movement article item {movement_id} is no longer to be moved")
    claim_handled(session, MovementArticleItem, movement_id, by, "Movement article item")
    session.refresh(movement)
    return movement


# --- done by a move ---

def open_order_lines(session: Session, article_item_id: int, to_location_id: int) -> set[int]:
    """The order lines whose open movements bring this item to ``to_location_id`` (their allocations move first)."""
    return set(session.scalars(select(MovementArticleItem.order_line_id).where(
        MovementArticleItem.article_item_id == article_item_id, MovementArticleItem.to_location_id == to_location_id,
        MovementArticleItem.state == OPEN)))


def complete(session: Session, source_id: int, moved: ArticleItem, quantity: Decimal, by: Actor) -> None:
    """``quantity`` of item ``source_id`` reached ``moved``'s location: the open movements there are done, as far as
    the quantity goes (a movement covered in part keeps the rest open), and follow the goods."""
    movements = session.scalars(select(MovementArticleItem).where(
        MovementArticleItem.article_item_id == source_id, MovementArticleItem.to_location_id == moved.location_id,
        MovementArticleItem.state == OPEN).order_by(MovementArticleItem.id))
    left = quantity
    for movement in movements:
        if left <= 0:
            break
        done = movement if movement.number_of_items <= left else _split(session, movement, left)
        left -= done.number_of_items
        done.state, done.done_at, done.article_item_id = DONE, by.at, moved.id
        done.moved_by, done.moved_operator = by.principal.username, by.operator


def _split(session: Session, movement: MovementArticleItem, quantity: Decimal) -> MovementArticleItem:
    part = MovementArticleItem(**{c.key: getattr(movement, c.key) for c in MovementArticleItem.__table__.columns
                                  if c.key != "id"})
    part.number_of_items = quantity
    movement.number_of_items -= quantity
    session.add(part)
    return part

