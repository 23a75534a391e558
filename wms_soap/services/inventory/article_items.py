"""Article items as a goods owner sees them (GetInventoryItems): stock per location with batch, serial, expiry,
status, category, locks and the warehouse; and the registers of article item statuses and categories.

An item's warehouse is its location's, else its goods owner's (locations created on the fly belong to none).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Select, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wms_soap.services.inventory.articles import READ_MODEL_OPTIONS
from wms_soap.services.orders.queries import allocated_per_article_item
from wms_soap.store.access import GoodsOwner, Warehouse
from wms_soap.store.articles import Article
from wms_soap.store.inorders import InOrder, InOrderLine, InOrderReceivedItem
from wms_soap.store.inventory import (
    ArticleItem,
    ArticleItemCategory,
    ArticleItemChange,
    ArticleItemStatus,
    InventoryTransaction,
)

ZERO = Decimal(0)
COUNTED = "counted"
_CHUNK = 500
Row = TypeVar("Row")


@dataclass(frozen=True)
class WarehouseRef:
    id: int
    code: str | None
    name: str | None


NO_WAREHOUSE = WarehouseRef(0, None, None)


@dataclass
class ItemsQuery:
    """InventoryItemsQuery in domain terms; empty lists and None mean "no filter"."""

    with_zero_stock_articles: bool = False
    serials: list[str] = field(default_factory=list)
    article_numbers: list[str] = field(default_factory=list)
    status_changed_from: datetime | None = None
    last_inventory_from: datetime | None = None
    previous_status_code: str | None = None
    previous_status_from: datetime | None = None
    location_lock_for_sale_changed_from: datetime | None = None
    is_locked: bool | None = None
    system_id_from: int | None = None
    max_articles: int | None = None


@dataclass(frozen=True)
class ItemView:
    """One article item with what the answer needs from other tables."""

    item: ArticleItem
    warehouse: WarehouseRef
    allocated: Decimal
    status_name: str | None
    category: ArticleItemCategory | None
    in_order_number: str | None
    last_inventory_time: datetime | None


@dataclass(frozen=True)
class ItemLine:
    article: Article
    items: list[ItemView]


# --- paging over articles -------------------------------------------------------------------------------------------

def page_articles(session: Session, statement: Select[Article], limit: int | None,
                  build: Callable[[list[Article]], Iterable[Row]]) -> list[Row]:
    """Rows built from the statement's articles in chunks (ascending id) until ``limit`` rows are made; ``build``
    may drop articles, so a page is always full unless the articles run out."""
    limit = limit if limit and limit > 0 else None
    rows: list[Row] = []
    after: int | None = None
    while limit is None or len(rows) < limit:
        chunk_query = statement if after is None else statement.where(Article.id > after)
        articles = list(session.scalars(chunk_query.limit(_CHUNK)))
        if not articles:
            break
        rows.extend(build(articles))
        after = articles[-1].id
    return rows[:limit] if limit is not None else rows


def owner_articles(goods_owner_id: int, *, system_id_from: int | None = None,
                   article_numbers: Collection[str] = ()) -> Select[Article]:
    statement = (select(Article).where(Article.goods_owner_id == goods_owner_id).order_by(Article.id)
                 .options(*READ_MODEL_OPTIONS))
    if system_id_from is not None:
        statement = statement.where(Article.id >= system_id_from)
    if article_numbers:
        statement = statement.where(Article.article_number.in_(list(article_numbers)))
    return statement


# --- warehouses -----------------------------------------------------------------------------------------------------

def warehouses(session: Session) -> dict[int, WarehouseRef]:
    return {w.id: WarehouseRef(w.id, w.code, w.name) for w in session.scalars(select(Warehouse))}


def default_warehouse_id(session: Session, goods_owner_id: int) -> int | None:
    warehouse_id: int | None = session.scalar(select(GoodsOwner.warehouse_id).where(GoodsOwner.id == goods_owner_id))
    return warehouse_id


def warehouse_resolver(session: Session, goods_owner_id: int) -> Callable[[int | None], WarehouseRef]:
    """Location warehouse id (or None) -> the warehouse, falling back to the goods owner's."""
    known, fallback = warehouses(session), default_warehouse_id(session, goods_owner_id)

    def resolve(location_warehouse_id: int | None) -> WarehouseRef:
        warehouse_id = location_warehouse_id if location_warehouse_id is not None else fallback
        return known.get(warehouse_id, NO_WAREHOUSE) if warehouse_id is not None else NO_WAREHOUSE

    return resolve


# --- GetInventoryItems ----------------------------------------------------------------------------------------------

def inventory_items(session: Session, goods_owner_id: int, query: ItemsQuery | None = None) -> list[ItemLine]:
    """Per article (ascending SystemId, at most ``max_articles``) its article items in stock that pass the filters;
    articles without stock only when ``with_zero_stock_articles``."""
    query = query or ItemsQuery()
    statement = owner_articles(goods_owner_id, system_id_from=query.system_id_from,
                               article_numbers=query.article_numbers)
    resolve = warehouse_resolver(session, goods_owner_id)

    def build(articles: list[Article]) -> Iterable[ItemLine]:
        ids = [article.id for article in articles]
        items = item_views(session, _items_statement(goods_owner_id, ids, query), resolve)
        stocked = _stocked(session, ids) if query.with_zero_stock_articles else set(ids)
        for article in articles:
            found = items.get(article.id, [])
            if found or article.id not in stocked:
                yield ItemLine(article, found)

    return page_articles(session, statement, query.max_articles, build)


def _stocked(session: Session, article_ids: list[int]) -> set[int]:
    return set(session.scalars(select(ArticleItem.article_id).where(ArticleItem.article_id.in_(article_ids),
                                                                    ArticleItem.number_of_items > 0)))


def _items_statement(goods_owner_id: int, article_ids: list[int], query: ItemsQuery) -> Select[ArticleItem]:
    statement = select(ArticleItem).where(ArticleItem.goods_owner_id == goods_owner_id,
                                          ArticleItem.article_id.in_(article_ids), ArticleItem.number_of_items > 0)
    if query.serials:
        statement = statement.where(ArticleItem.serial.in_(query.serials))
    if query.is_locked is not None:
        statement = statement.where(ArticleItem.is_locked.is_(query.is_locked))
    if query.status_changed_from is not None:
        statement = statement.where(_changed(query.status_changed_from, "ArticleItemStatus"))
    if query.previous_status_code is not None:
        statement = statement.where(_changed(query.previous_status_from, "ArticleItemStatus",
                                             ArticleItemChange.previous_status == query.previous_status_code))
    if query.last_inventory_from is not None:
        statement = statement.where(select(InventoryTransaction.id).where(
            InventoryTransaction.article_item_id == ArticleItem.id, InventoryTransaction.cause == COUNTED,
            InventoryTransaction.created_at >= query.last_inventory_from).exists())
    if query.location_lock_for_sale_changed_from is not None:
        statement = statement.where(ArticleItem.id.is_(None))  # locations are never locked for sale here
    return statement.order_by(ArticleItem.article_id, ArticleItem.id)


def _changed(since: datetime | None, change_type: str, *conditions: Any) -> Any:
    where = [ArticleItemChange.article_item_id == ArticleItem.id,
             ArticleItemChange.change_types.contains(f",{change_type},"), *conditions]
    if since is not None:
        where.append(ArticleItemChange.changed_at >= since)
    return select(ArticleItemChange.id).where(and_(*where)).exists()


def item_views(session: Session, statement: Select[ArticleItem],
               resolve: Callable[[int | None], WarehouseRef]) -> dict[int, list[ItemView]]:
    """The statement's items by article id, each with its warehouse, allocation, status, category and origin."""
    items = list(session.scalars(statement))
    ids = [item.id for item in items]
    allocated = allocated_per_article_item(session, ids)
    statuses = status_names(session)
    known_categories = categories(session)
    origins = in_order_numbers(session, {item.original_id for item in items})
    counted = dict(session.execute(
        select(InventoryTransaction.article_item_id, func.max(InventoryTransaction.created_at))
        .where(InventoryTransaction.article_item_id.in_(ids), InventoryTransaction.cause == COUNTED)
        .group_by(InventoryTransaction.article_item_id)).all()) if ids else {}
    views: dict[int, list[ItemView]] = {}
    for item in items:
        views.setdefault(item.article_id, []).append(ItemView(
            item, resolve(item.location.warehouse_id), allocated.get(item.id, ZERO), statuses.get(item.status or ""),
            known_categories.get(item.category_id) if item.category_id is not None else None,
            origins.get(item.original_id), counted.get(item.id)))
    return views


def in_order_numbers(session: Session, article_item_ids: Collection[int]) -> dict[int, str]:
    """The in-order each article item was received on, by article item id."""
    if not article_item_ids:
        return {}
    rows = session.execute(
        select(InOrderReceivedItem.article_item_id, InOrder.goods_owner_order_number)
        .join(InOrderLine, InOrderLine.id == InOrderReceivedItem.in_order_line_id)
        .join(InOrder, InOrder.id == InOrderLine.in_order_id)
        .where(InOrderReceivedItem.article_item_id.in_(list(article_item_ids))))
    return {item_id: number for item_id, number in rows if item_id is not None}


# --- registers ------------------------------------------------------------------------------------------------------

def status_names(session: Session) -> dict[str, str | None]:
    return {s.code: s.name for s in session.scalars(select(ArticleItemStatus))}


def categories(session: Session) -> dict[int, ArticleItemCategory]:
    return {category.id: category for category in session.scalars(select(ArticleItemCategory))}


def status_ids(session: Session) -> dict[str, int]:
    return {s.code: s.id for s in session.scalars(select(ArticleItemStatus))}


def register_status(session: Session, code: str, name: str | None = None) -> ArticleItemStatus:
    """The status with this code, created when new (concurrent creators meet at the unique code)."""
    return _register(session, ArticleItemStatus, code, name)


def register_category(session: Session, code: str, name: str | None = None) -> ArticleItemCategory:
    """The article item category with this code, created when new."""
    return _register(session, ArticleItemCategory, code, name)


RegisterRow = TypeVar("RegisterRow", ArticleItemStatus, ArticleItemCategory)


def _register(session: Session, model: type[RegisterRow], code: str, name: str | None) -> RegisterRow:
    found = session.scalars(select(model).where(model.code == code)).first()
    if found is not None:
        if name is not None and found.name != name:
            found.name = name
        return found
    try:
        with session.begin_nested():
            created = model(code=code, name=name or code)
            session.add(created)
        return created
    except IntegrityError:
        return session.scalars(select(model).where(model.code == code)).one()

