"""MoveArticleItem: an operator (or the automated system they run) moves stock to another location.

The goods are found by article item id, by serial, by original article item id, or by filters; the wanted number
of items is taken from them in id order, dividing the last item when it holds more. Each part moves through
``stock.move_stock`` (never negative, two ``moved`` transactions naming the operator). Allocations follow the
goods: those of the order lines whose movements bring the item to this location first, then what the part left
behind cannot hold. Movements to this location are done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.access.operators import Actor
from wms_soap.services.inventory import stock
from wms_soap.services.warehouse import movements
from wms_soap.store.inventory import ArticleItem, Location
from wms_soap.store.orders import OrderAllocation, OrderLine

IDENTIFICATIONS = ("ArticleItemId", "Serial", "OriginalArticleItemId", "FiltersSpecified")


@dataclass(frozen=True)
class MoveFilters:
    order_id: int | None = None
    from_location: str | None = None
    article_id: int | None = None
    unsupported: tuple[str, ...] = ()
    """Filters given that this server cannot apply (work orders, pallet items): refused, never ignored."""


@dataclass(frozen=True)
class MoveRequest:
    identification: str
    to_location: str | None
    number_of_items: Decimal | None
    article_item_id: int | None = None
    serial: str | None = None
    original_article_item_id: int | None = None
    filters: MoveFilters = field(default_factory=MoveFilters)


@dataclass(frozen=True)
class MovedPart:
    from_article_item_id: int
    article_item: ArticleItem
    number_of_items: Decimal
    from_location: str
    to_location: str


def move_article_items(session: Session, request: MoveRequest, by: Actor) -> list[MovedPart]:
    """Move ``request.number_of_items`` of the identified stock to ``request.to_location``; all or nothing."""
    quantity = _checked(request)
    destination = stock.existing_location(session, request.to_location)
    sources = _sources(session, request)
    available = sum((Decimal(item.number_of_items) for item in sources), Decimal(0))
    if available < quantity:
        raise Conflict(f"The identified article items hold {available.normalize()}, cannot move "
                       f"{quantity.normalize()}")
    parts, left = [], quantity
    for item in sources:
        if left <= 0:
            break
        take = min(Decimal(item.number_of_items), left)
        parts.append(_move(session, item, take, destination, by))
        left -= take
    return parts


def _checked(request: MoveRequest) -> Decimal:
    if request.identification not in IDENTIFICATIONS:
        raise ValidationFailed(f"ArticleItemIdentification must be one of {', '.join(IDENTIFICATIONS)}")
    if request.filters.unsupported:
        raise ValidationFailed(f"This server cannot filter by {', '.join(request.filters.unsupported)}")
    if request.number_of_items is None or not request.number_of_items.is_finite() or request.number_of_items <= 0:
        raise ValidationFailed("NumberOfItems must be greater than 0")
    return request.number_of_items


def _sources(session: Session, request: MoveRequest) -> list[ArticleItem]:
    statement = _identified(request).where(ArticleItem.number_of_items > 0)
    filters = request.filters
    if filters.from_location:
        statement = statement.where(ArticleItem.location_id.in_(
            select(Location.id).where(Location.code == filters.from_location)))
    if filters.article_id is not None:
        statement = statement.where(ArticleItem.article_id == filters.article_id)
    if filters.order_id is not None:
        statement = statement.where(ArticleItem.id.in_(
            select(OrderAllocation.article_item_id).join(OrderLine, OrderLine.id == OrderAllocation.order_line_id)
            .where(OrderLine.order_id == filters.order_id)))
    items = list(session.scalars(statement.order_by(ArticleItem.id)))
    if not items:
        raise NotFound("No article item in stock matches the identification and filters")
    return items


def _identified(request: MoveRequest) -> Select[ArticleItem]:
    statement = select(ArticleItem)
    kind = request.identification
    if kind == "ArticleItemId":
        return statement.where(ArticleItem.id == _given(request.article_item_id, "ArticleItemId"))
    if kind == "Serial":
        return statement.where(ArticleItem.serial == _given(request.serial, "Serial"))
    if kind == "OriginalArticleItemId":
        original = _given(request.original_article_item_id, "OriginalArticleItemId")
        return statement.where(or_(ArticleItem.original_article_item_id == original, ArticleItem.id == original))
    filters = request.filters
    if not (filters.from_location or filters.article_id is not None or filters.order_id is not None):
        raise ValidationFailed("FiltersSpecified needs AdditionalFilters (FromLocation, ArticleDefId or OrderId)")
    return statement


def _given(value: object, name: str) -> object:
    if value is None or value == "":
        raise ValidationFailed(f"{name} is required when ArticleItemIdentification is {name}")
    return value


def _move(session: Session, item: ArticleItem, quantity: Decimal, destination: Location, by: Actor) -> MovedPart:
    from_location, source_id = item.location.code, item.id
    first_lines = movements.open_order_lines(session, item.id, destination.id)
    comment = f"moved by {by}"
    moved = stock.move_stock(session, article_item_id=item.id, quantity=quantity, to_location=destination,
                             comment=comment, at=by.at)
    if moved.id != source_id:
        _allocations_follow(session, item, moved, quantity, first_lines)
    movements.complete(session, source_id, moved, quantity, by)
    return MovedPart(source_id, moved, quantity, from_location, destination.code)


def _allocations_follow(session: Session, source: ArticleItem, moved: ArticleItem, quantity: Decimal,
                        first_lines: set[int]) -> None:
    """The moved part takes the allocations of ``first_lines`` (up to its quantity), then whatever the source no
    longer holds."""
    allocations = list(session.scalars(select(OrderAllocation).where(OrderAllocation.article_item_id == source.id)
                                       .order_by(OrderAllocation.id)))
    room = quantity
    for allocation in (a for a in allocations if a.order_line_id in first_lines):
        room -= _shift(session, allocation, min(allocation.number_of_items, room), moved.id)
    excess = sum((a.number_of_items for a in allocations if a.article_item_id == source.id), Decimal(0)) - Decimal(
        source.number_of_items)
    for allocation in reversed([a for a in allocations if a.article_item_id == source.id]):
        if excess <= 0:
            break
        excess -= _shift(session, allocation, min(allocation.number_of_items, excess), moved.id)
    session.flush()


def _shift(session: Session, allocation: OrderAllocation, quantity: Decimal, article_item_id: int) -> Decimal:
    if quantity <= 0:
        return Decimal(0)
    if quantity == allocation.number_of_items:
        allocation.article_item_id = article_item_id
    else:
        allocation.number_of_items -= quantity
        session.add(OrderAllocation(order_line_id=allocation.order_line_id, article_item_id=article_item_id,
                                    number_of_items=quantity))
    return quantity
