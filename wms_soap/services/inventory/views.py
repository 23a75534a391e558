"""Other views of the stock: per warehouse (GetInventoryPerWarehouse), per goods status (GetGoodsStatusInventory)
and at a past moment (GetHistoricalInventoryByQuery).

Orders here have no warehouse: a booking counts in the warehouse of the article items allocated to it, and the
part not allocated yet (like the picked, returned and received quantities still to report) in the goods owner's
warehouse. Historical stock is the sum of the inventory transactions up to the moment, per article item; picks
are booked at picking time, which is the only OutboundDateType the contract has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.inventory.article_items import (
    WarehouseRef,
    default_warehouse_id,
    owner_articles,
    page_articles,
    status_names,
    warehouse_resolver,
)
from wms_soap.services.inventory.inventory import InventoryQuery, StockFigures, filtered_articles, stock_figures
from wms_soap.services.orders import status as st
from wms_soap.store.access import Warehouse
from wms_soap.store.articles import Article, ArticleGroup
from wms_soap.store.inorders import InOrder, InOrderLine, InOrderReceivedItem
from wms_soap.store.inventory import ArticleItem, InventoryTransaction, Location
from wms_soap.store.orders import Order, OrderAllocation, PickedItem

ZERO = Decimal(0)
Resolver = Callable[[int | None], WarehouseRef]


# --- per warehouse --------------------------------------------------------------------------------------------------

@dataclass
class PerWarehouseQuery:
    """GetInventoryPerWarehouseQuery: the GetInventoryQuery filters it shares, group codes and warehouse ids."""

    articles: InventoryQuery = field(default_factory=InventoryQuery)
    group_codes: list[str] = field(default_factory=list)
    warehouse_ids: list[int] = field(default_factory=list)


@dataclass
class WarehouseStock:
    warehouse: WarehouseRef
    number_of_items: Decimal = ZERO
    locked: Decimal = ZERO
    booked: Decimal = ZERO
    allocated: Decimal = ZERO
    picked_to_be_reported: Decimal = ZERO
    returned_to_be_reported: Decimal = ZERO
    received_to_be_reported: Decimal = ZERO

    @property
    def sellable(self) -> Decimal:
        return max(self.number_of_items - self.locked - self.booked, ZERO)

    @property
    def available_for_sale(self) -> Decimal:
        """What is physically free now: neither locked nor allocated to an order."""
        return max(self.number_of_items - self.locked - self.allocated, ZERO)


@dataclass(frozen=True)
class PerWarehouseRow:
    article: Article
    lines: list[WarehouseStock]

    def total(self, name: str) -> Decimal:
        return sum((getattr(line, name) for line in self.lines), ZERO)


def inventory_per_warehouse(session: Session, goods_owner_id: int, query: PerWarehouseQuery) -> list[PerWarehouseRow]:
    """Per article (ascending SystemId, ArticleSystemIdFrom + MaxArticlesToGet) its stock in each warehouse."""
    statement = filtered_articles(goods_owner_id, query.articles)
    if query.group_codes:
        statement = statement.where(Article.group_id.in_(
            select(ArticleGroup.id).where(ArticleGroup.code.in_(query.group_codes))))
    resolve = warehouse_resolver(session, goods_owner_id)
    home = resolve(None)

    def build(articles: list[Article]) -> Iterable[PerWarehouseRow]:
        ids = [article.id for article in articles]
        per_warehouse = _warehouse_stock(session, goods_owner_id, ids, resolve, home)
        for article in articles:
            lines = [line for line in per_warehouse.get(article.id, {}).values()
                     if not query.warehouse_ids or line.warehouse.id in query.warehouse_ids]
            row = PerWarehouseRow(article, sorted(lines, key=lambda line: line.warehouse.id))
            if not query.articles.only_in_stock or row.total("number_of_items") > 0:
                yield row

    return page_articles(session, statement, query.articles.max_articles, build)


def _warehouse_stock(session: Session, goods_owner_id: int, article_ids: list[int], resolve: Resolver,
                     home: WarehouseRef) -> dict[int, dict[int, WarehouseStock]]:
    result: dict[int, dict[int, WarehouseStock]] = {}

    def line(article_id: int, warehouse: WarehouseRef) -> WarehouseStock:
        return result.setdefault(article_id, {}).setdefault(warehouse.id, WarehouseStock(warehouse))

    locked = func.sum(case((ArticleItem.is_locked, ArticleItem.number_of_items), else_=ZERO))
    items = (select(ArticleItem.article_id, Location.warehouse_id, func.sum(ArticleItem.number_of_items), locked)
             .join(Location, Location.id == ArticleItem.location_id)
             .where(ArticleItem.goods_owner_id == goods_owner_id, ArticleItem.article_id.in_(article_ids),
                    ArticleItem.number_of_items > 0)
             .group_by(ArticleItem.article_id, Location.warehouse_id))
    for article_id, warehouse_id, total, locked_total in session.execute(items):
        stock = line(article_id, resolve(warehouse_id))
        stock.number_of_items += Decimal(total or 0)
        stock.locked += Decimal(locked_total or 0)
    allocated_in: dict[int, Decimal] = {}
    for article_id, warehouse_id, total in session.execute(_allocations(goods_owner_id, article_ids)):
        stock = line(article_id, resolve(warehouse_id))
        stock.allocated += Decimal(total or 0)
        stock.booked += Decimal(total or 0)
        allocated_in[article_id] = allocated_in.get(article_id, ZERO) + Decimal(total or 0)
    for article_id, figures in stock_figures(session, goods_owner_id, article_ids).items():
        _add_unplaced(line, article_id, figures, allocated_in.get(article_id, ZERO), home)
    return result


def _allocations(goods_owner_id: int, article_ids: list[int]) -> Any:
    return (select(ArticleItem.article_id, Location.warehouse_id, func.sum(OrderAllocation.number_of_items))
            .join(ArticleItem, ArticleItem.id == OrderAllocation.article_item_id)
            .join(Location, Location.id == ArticleItem.location_id)
            .where(ArticleItem.goods_owner_id == goods_owner_id, ArticleItem.article_id.in_(article_ids))
            .group_by(ArticleItem.article_id, Location.warehouse_id))


def _add_unplaced(line: Callable[[int, WarehouseRef], WarehouseStock], article_id: int, figures: StockFigures,
                  allocated: Decimal, home: WarehouseRef) -> None:
    """Bookings not allocated yet and the quantities to report go to the goods owner's warehouse."""
    unallocated = max(figures.booked - allocated, ZERO)
    to_report = (figures.picked_to_be_reported, figures.returned_to_be_reported, figures.received_to_be_reported)
    if unallocated == ZERO and not any(to_report):
        return
    stock = line(article_id, home)
    stock.booked += unallocated
    stock.picked_to_be_reported, stock.returned_to_be_reported, stock.received_to_be_reported = to_report


# --- per goods status -----------------------------------------------------------------------------------------------

@dataclass
class GoodsStatusQuery:
    article_numbers: list[str] = field(default_factory=list)
    group_codes: list[str] = field(default_factory=list)
    updated_from: datetime | None = None
    updated_to: datetime | None = None
    in_warehouse: bool = False
    """GoodsInWarehouse: the rows count picked goods not sent yet too; UnPickedGoods: only what is on the shelves."""


@dataclass
class StatusStock:
    code: str | None
    name: str | None
    number_of_items: Decimal = ZERO
    locked: Decimal = ZERO


@dataclass
class GoodsStatusRow:
    article: Article
    booked: Decimal = ZERO
    number_of_items: Decimal = ZERO
    locked: Decimal = ZERO
    picked_in_warehouse: Decimal = ZERO
    statuses: dict[str | None, StatusStock] = field(default_factory=dict)

    @property
    def warehouse_number_of_items(self) -> Decimal:
        """Physically in the warehouse: on the shelves plus picked and not sent."""
        return self.number_of_items + self.picked_in_warehouse


def goods_status_inventory(session: Session, goods_owner_id: int, query: GoodsStatusQuery) -> list[GoodsStatusRow]:
    """Every article of the goods owner that passes the filters, with its stock per article item status."""
    statement = owner_articles(goods_owner_id, article_numbers=query.article_numbers)
    if query.group_codes:
        statement = statement.where(Article.group_id.in_(
            select(ArticleGroup.id).where(ArticleGroup.code.in_(query.group_codes))))
    if query.updated_from is not None:
        statement = statement.where(Article.updated_at >= query.updated_from)
    if query.updated_to is not None:
        statement = statement.where(Article.updated_at <= query.updated_to)
    names = status_names(session)

    def build(articles: list[Article]) -> Iterable[GoodsStatusRow]:
        rows = {article.id: GoodsStatusRow(article) for article in articles}
        _shelf_stock(session, goods_owner_id, rows, names)
        _picked_stock(session, goods_owner_id, rows, names, by_status=query.in_warehouse)
        for article_id, figures in stock_figures(session, goods_owner_id, list(rows)).items():
            rows[article_id].booked = figures.booked
        return rows.values()

    return page_articles(session, statement, None, build)


def _status(row: GoodsStatusRow, code: str | None, names: dict[str, str | None]) -> StatusStock:
    return row.statuses.setdefault(code, StatusStock(code, names.get(code) if code else None))


def _shelf_stock(session: Session, goods_owner_id: int, rows: dict[int, GoodsStatusRow],
                 names: dict[str, str | None]) -> None:
    locked = func.sum(case((ArticleItem.is_locked, ArticleItem.number_of_items), else_=ZERO))
    query = (select(ArticleItem.article_id, ArticleItem.status, func.sum(ArticleItem.number_of_items), locked)
             .where(ArticleItem.goods_owner_id == goods_owner_id, ArticleItem.article_id.in_(list(rows)),
                    ArticleItem.number_of_items > 0)
             .group_by(ArticleItem.article_id, ArticleItem.status))
    for article_id, code, total, locked_total in session.execute(query):
        row, status = rows[article_id], _status(rows[article_id], code, names)
        row.number_of_items += Decimal(total)
        row.locked += Decimal(locked_total or 0)
        status.number_of_items += Decimal(total)
        status.locked += Decimal(locked_total or 0)


def _picked_stock(session: Session, goods_owner_id: int, rows: dict[int, GoodsStatusRow],
                  names: dict[str, str | None], *, by_status: bool) -> None:
    """Picked items of orders not sent yet, under their article item's status (when counted per status)."""
    query = (select(ArticleItem.article_id, ArticleItem.status, func.sum(PickedItem.number_of_items))
             .join(ArticleItem, ArticleItem.id == PickedItem.article_item_id)
             .join(Order, Order.id == PickedItem.order_id)
             .where(Order.goods_owner_id == goods_owner_id, Order.status < st.SENT,
                    ArticleItem.article_id.in_(list(rows)))
             .group_by(ArticleItem.article_id, ArticleItem.status))
    for article_id, code, total in session.execute(query):
        rows[article_id].picked_in_warehouse += Decimal(total)
        if by_status:
            _status(rows[article_id], code, names).number_of_items += Decimal(total)


# --- at a past moment -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HistoricalItem:
    number_of_items: Decimal
    serial: str | None
    batch: str | None
    in_date: datetime | None
    in_order_id: int | None = None
    in_order_number: str | None = None
    in_order_unit_price: Decimal | None = None


@dataclass(frozen=True)
class HistoricalRow:
    article: Article
    items: list[HistoricalItem]

    @property
    def number_of_items(self) -> Decimal:
        return sum((item.number_of_items for item in self.items), ZERO)


def historical_inventory(session: Session, goods_owner_id: int, stock_date: datetime | None,
                         warehouse_code: str | None = None) -> list[HistoricalRow]:
    """The goods owner's stock at ``stock_date`` per article (ascending SystemId) and article item."""
    if stock_date is None:
        raise ValidationFailed("StockDate is required")
    balances = _balances(session, goods_owner_id, stock_date, _warehouse_filter(session, goods_owner_id,
                                                                                warehouse_code))
    if not balances:
        return []
    item_ids = list(balances)
    items = {item.id: item for item in session.scalars(select(ArticleItem).where(ArticleItem.id.in_(item_ids)))}
    origins = _in_order_origins(session, {item.original_id for item in items.values()})
    per_article: dict[int, list[HistoricalItem]] = {}
    for item_id, (quantity, serial, batch) in sorted(balances.items()):
        item = items[item_id]
        per_article.setdefault(item.article_id, []).append(
            HistoricalItem(quantity, serial, batch, item.in_date, *origins.get(item.original_id, ())))
    articles = session.scalars(select(Article).where(Article.id.in_(list(per_article))).order_by(Article.id))
    return [HistoricalRow(article, per_article[article.id]) for article in articles]


def _warehouse_filter(session: Session, goods_owner_id: int, code: str | None) -> set[int | None] | None:
    """The location warehouse ids (None: no warehouse of its own) whose stock counts; None: every warehouse."""
    if not code:
        return None
    warehouse_id = session.scalar(select(Warehouse.id).where(Warehouse.code == code))
    if warehouse_id is None:
        raise NotFound(f"Warehouse {code} was not found")
    wanted: set[int | None] = {warehouse_id}
    if default_warehouse_id(session, goods_owner_id) == warehouse_id:
        wanted.add(None)
    return wanted


def _balances(session: Session, goods_owner_id: int, moment: datetime,
              warehouse_ids: set[int | None] | None) -> dict[int, tuple[Decimal, str | None, str | None]]:
    """Per article item: its quantity at ``moment`` and its serial and batch as of its last transaction."""
    totals = (select(InventoryTransaction.article_item_id, func.sum(InventoryTransaction.quantity),
                     func.max(InventoryTransaction.id))
              .where(InventoryTransaction.goods_owner_id == goods_owner_id, InventoryTransaction.created_at <= moment,
                     InventoryTransaction.article_item_id.is_not(None))
              .group_by(InventoryTransaction.article_item_id))
    if warehouse_ids is not None:
        in_warehouse = Location.warehouse_id.in_([w for w in warehouse_ids if w is not None])
        located = select(Location.code).where(
            or_(in_warehouse, Location.warehouse_id.is_(None)) if None in warehouse_ids else in_warehouse)
        totals = totals.where(InventoryTransaction.location_code.in_(located))
    sums: dict[int, tuple[Decimal, int]] = {item_id: (Decimal(total), last_id)
                                            for item_id, total, last_id in session.execute(totals)
                                            if item_id is not None and Decimal(total or 0) != 0}
    lasts = {row.id: row for row in session.execute(
        select(InventoryTransaction.id, InventoryTransaction.serial, InventoryTransaction.batch)
        .where(InventoryTransaction.id.in_([last_id for _, last_id in sums.values()])))}
    return {item_id: (total, lasts[last_id].serial, lasts[last_id].batch) for item_id, (total, last_id) in sums.items()}


def _in_order_origins(session: Session, article_item_ids: set[int]) -> dict[int, tuple[int, str, Decimal | None]]:
    """In-order id, number and line unit price (row price / advised) of each article item received on one."""
    rows = session.execute(
        select(InOrderReceivedItem.article_item_id, InOrder.id, InOrder.goods_owner_order_number,
               InOrderLine.row_price, InOrderLine.advised_number_of_items)
        .join(InOrderLine, InOrderLine.id == InOrderReceivedItem.in_order_line_id)
        .join(InOrder, InOrder.id == InOrderLine.in_order_id)
        .where(InOrderReceivedItem.article_item_id.in_(list(article_item_ids))))
    return {item_id: (in_order_id, number, _unit_price(row_price, advised))
            for item_id, in_order_id, number, row_price, advised in rows if item_id is not None}


def _unit_price(row_price: Decimal | None, advised: Decimal | None) -> Decimal | None:
    if row_price is None or not advised:
        return None
    return Decimal(row_price) / Decimal(advised)

