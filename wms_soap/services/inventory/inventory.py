"""Stock: what a goods owner has, by article, and what changes it (add_stock, remove_stock, count_stock).

The physical quantity is the sum of the article items. The quantities that belong to orders (booked, allocated,
picked to be collected) and to in-orders (to receive, received but not finished or not reported) are owned by those
areas and asked for through ``services.orders.outbound_quantities`` and ``services.inorders.inbound_quantities``;
a missing seam counts as zero, so the inventory works before those areas do. Every change takes SQLite's write lock
before it reads (``store.db.claim_sqlite_writer``; nothing on PostgreSQL).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, column, exists, func, or_, select, table, update
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.inventory.article_items import COUNTED, register_status
from wms_soap.services.inventory.articles import READ_MODEL_OPTIONS, utcnow
from wms_soap.store.articles import Article, ArticleBarcode
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.inventory import ArticleItem, InventoryTransaction, Location

ZERO = Decimal(0)
_CHUNK = 500


@dataclass
class InventoryQuery:
    """GetInventoryQuery in domain terms; empty lists and None mean "no filter"."""

    article_numbers: list[str] = field(default_factory=list)
    product_codes: list[str] = field(default_factory=list)
    bar_codes: list[str] = field(default_factory=list)
    name_contains: list[str] = field(default_factory=list)
    stock_info_changed_from: datetime | None = None
    created_from: datetime | None = None
    below_stock_limit: bool = False
    below_stock_limit_considering_booked: bool = False
    only_in_stock: bool = False
    system_id_from: int | None = None
    max_articles: int | None = None


@dataclass
class StockFigures:
    """The quantities of one article that an InventoryLine reports."""

    number_of_items: Decimal = ZERO
    locked: Decimal = ZERO
    booked: Decimal = ZERO
    allocated: Decimal = ZERO
    picked_to_be_collected: Decimal = ZERO
    picked_to_be_reported: Decimal = ZERO
    returned_to_be_reported: Decimal = ZERO
    to_receive: Decimal = ZERO
    received_to_be_finished: Decimal = ZERO
    received_to_be_reported: Decimal = ZERO
    last_in_date: datetime | None = None

    @property
    def sellable(self) -> Decimal:
        return max(self.number_of_items - self.locked - self.booked, ZERO)


@dataclass(frozen=True)
class InventoryRow:
    article: Article
    stock: StockFigures

    @property
    def valuation(self) -> Decimal:
        return self.stock.number_of_items * (self.article.purchase_price or ZERO)


# --- reading ---

def inventory(session: Session, goods_owner_id: int, query: InventoryQuery | None = None) -> list[InventoryRow]:
    """The goods owner's articles that pass the filters, by ascending SystemId, at most ``max_articles``."""
    query = query or InventoryQuery()
    limit = query.max_articles if query.max_articles and query.max_articles > 0 else None
    base = filtered_articles(goods_owner_id, query)
    rows: list[InventoryRow] = []
    after: int | None = None
    while limit is None or len(rows) < limit:
        chunk_query = base if after is None else base.where(Article.id > after)
        articles = list(session.scalars(chunk_query.limit(_CHUNK)))
        if not articles:
            break
        figures = stock_figures(session, goods_owner_id, [article.id for article in articles])
        rows.extend(InventoryRow(article, figures[article.id]) for article in articles
                    if _passes(article, figures[article.id], query))
        after = articles[-1].id
    return rows[:limit] if limit is not None else rows


def filtered_articles(goods_owner_id: int, query: InventoryQuery) -> Select[Article]:
    statement = (select(Article).where(Article.goods_owner_id == goods_owner_id).order_by(Article.id)
                 .options(*READ_MODEL_OPTIONS))
    if query.system_id_from is not None:
        statement = statement.where(Article.id >= query.system_id_from)
    if query.article_numbers:
        statement = statement.where(Article.article_number.in_(query.article_numbers))
    if query.product_codes:
        statement = statement.where(Article.product_code.in_(query.product_codes))
    if query.bar_codes:
        statement = statement.where(_has_barcode(query.bar_codes))
    if query.name_contains:
        statement = statement.where(or_(*(Article.name.ilike(f"%{_escape_like(text)}%", escape="\\")
                                          for text in query.name_contains)))
    if query.created_from is not None:
        statement = statement.where(Article.created_at >= query.created_from)
    if query.stock_info_changed_from is not None:
        statement = statement.where(_stock_changed_since(query.stock_info_changed_from))
    if query.only_in_stock:
        in_stock = (select(ArticleItem.id).where(ArticleItem.article_id == Article.id, ArticleItem.number_of_items > 0)
                    .exists())
        statement = statement.where(in_stock)
    if query.below_stock_limit or query.below_stock_limit_considering_booked:
        statement = statement.where(Article.order_point.is_not(None))
    return statement


def _has_barcode(codes: list[str]) -> Any:
    alternative = select(ArticleBarcode.id).where(ArticleBarcode.article_id == Article.id,
                                                  ArticleBarcode.barcode.in_(codes)).exists()
    return or_(Article.bar_code.in_(codes), Article.bar_code_package.in_(codes), Article.bar_code_pallet.in_(codes),
               alternative)


_ORDERS = table("orders", column("id"), column("updated_at"))
_ORDER_LINES = table("order_lines", column("order_id"), column("article_id"))
_IN_ORDERS = table("in_orders", column("id"), column("updated_at"))
_IN_ORDER_LINES = table("in_order_lines", column("in_order_id"), column("article_id"))


def _stock_changed_since(moment: datetime) -> Any:
    """Stock info = stock or any quantity of the inventory line: items, transactions, and the (in-)orders that book
    or bring the article (read by table name, as the areas are independent)."""
    transactions = exists().where(InventoryTransaction.article_id == Article.id,
                                  InventoryTransaction.created_at >= moment)
    items = exists().where(ArticleItem.article_id == Article.id, ArticleItem.updated_at >= moment)
    orders = (select(_ORDER_LINES.c.article_id).join(_ORDERS, _ORDERS.c.id == _ORDER_LINES.c.order_id)
              .where(_ORDER_LINES.c.article_id == Article.id, _ORDERS.c.updated_at >= moment).exists())
    in_orders = (select(_IN_ORDER_LINES.c.article_id)
                 .join(_IN_ORDERS, _IN_ORDERS.c.id == _IN_ORDER_LINES.c.in_order_id)
                 .where(_IN_ORDER_LINES.c.article_id == Article.id, _IN_ORDERS.c.updated_at >= moment).exists())
    return or_(Article.stock_changed_at >= moment, transactions, items, orders, in_orders)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _passes(article: Article, stock: StockFigures, query: InventoryQuery) -> bool:
    limit = article.order_point
    if query.below_stock_limit and (limit is None or stock.number_of_items >= limit):
        return False
    return not (query.below_stock_limit_considering_booked
                and (limit is None or stock.number_of_items - stock.booked >= limit))


def stock_figures(session: Session, goods_owner_id: int, article_ids: Collection[int]) -> dict[int, StockFigures]:
    """Every quantity of the given articles: items and locks here, orders and in-orders from their areas."""
    figures = {article_id: StockFigures() for article_id in article_ids}
    locked = func.sum(case((ArticleItem.is_locked, ArticleItem.number_of_items), else_=ZERO))
    sums = (select(ArticleItem.article_id, func.sum(ArticleItem.number_of_items), locked, func.max(ArticleItem.in_date))
            .where(ArticleItem.goods_owner_id == goods_owner_id, ArticleItem.article_id.in_(list(article_ids)))
            .group_by(ArticleItem.article_id))
    for article_id, total, locked_total, last_in in session.execute(sums):
        stock = figures[article_id]
        stock.number_of_items, stock.locked = Decimal(total or 0), Decimal(locked_total or 0)
        stock.last_in_date = last_in
    _merge(figures, _area_quantities("orders.orders", "outbound_quantities", session, goods_owner_id, article_ids),
           ("booked", "allocated", "picked_to_be_collected", "picked_to_be_reported", "returned_to_be_reported"))
    _merge(figures, _area_quantities("inbound.inorders", "inbound_quantities", session, goods_owner_id, article_ids),
           ("to_receive", "received_to_be_finished", "received_to_be_reported"))
    return figures


def _area_quantities(module: str, function: str, session: Session, goods_owner_id: int,
                     article_ids: Collection[int]) -> dict[int, Any]:
    seam = _seam(f"wms_soap.services.{module}", function)
    return seam(session, goods_owner_id, list(article_ids)) if seam is not None else {}


def _seam(module_name: str, function: str) -> Callable[..., dict[int, Any]] | None:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        return None
    seam: Callable[..., dict[int, Any]] | None = getattr(module, function, None)
    return seam


def _merge(figures: dict[int, StockFigures], quantities: dict[int, Any], names: Iterable[str]) -> None:
    for article_id, values in quantities.items():
        stock = figures.get(article_id)
        if stock is None:
            continue
        for name in names:
            value = getattr(values, name, None)
            if value is not None:
                setattr(stock, name, Decimal(value))


def article_items(session: Session, goods_owner_id: int, article_id: int) -> list[ArticleItem]:
    return list(session.scalars(select(ArticleItem).where(ArticleItem.goods_owner_id == goods_owner_id,
                                                          ArticleItem.article_id == article_id)
                                .order_by(ArticleItem.id)))


# --- changing ---

def location(session: Session, code: str, *, warehouse_id: int | None = None) -> Location:
    """The location with this code, created when the warehouse has none yet."""
    if not (code or "").strip():
        raise ValidationFailed("A location code is required")
    found = session.scalars(select(Location).where(Location.code == code)).first()
    if found is None:
        found = Location(code=code, warehouse_id=warehouse_id, is_quarantine=False)
        session.add(found)
        session.flush()
    return found


def add_stock(session: Session, *, goods_owner_id: int, article_id: int, location_code: str, quantity: Decimal,
              batch: str | None = None, serial: str | None = None, expiry_date: datetime | None = None,
              status: str | None = None, comment: str, cause: str = "received", locked: bool = False,
              at: datetime | None = None) -> int:
    """Put ``quantity`` of an article at a location (merged into an equal item) and record the transaction."""
    if quantity <= 0:
        raise ValidationFailed("The quantity to add must be greater than 0")
    claim_sqlite_writer(session, "article_items")
    article = session.get(Article, article_id)
    if article is None or article.goods_owner_id != goods_owner_id:
        raise NotFound(f"Article {article_id} was not found")
    now = at or utcnow()
    place = location(session, location_code)
    item = session.scalars(select(ArticleItem).where(
        ArticleItem.article_id == article_id, ArticleItem.location_id == place.id, ArticleItem.is_locked == locked,
        *(_same(column, value) for column, value in ((ArticleItem.batch, batch), (ArticleItem.serial, serial),
                                                     (ArticleItem.expiry_date, expiry_date),
                                                     (ArticleItem.status, status))))).first()
    if item is None:
        item = ArticleItem(goods_owner_id=goods_owner_id, article_id=article_id, location_id=place.id,
                           number_of_items=ZERO, batch=batch, serial=serial, expiry_date=expiry_date, status=status,
                           is_locked=locked, in_date=now, created_at=now)
        session.add(item)
    item.number_of_items = Decimal(item.number_of_items) + quantity
    item.updated_at = now
    session.flush()
    if status:
        register_status(session, status)
    record_transaction(session, item, quantity, cause=cause, comment=comment, at=now, location_code=place.code)
    article.stock_changed_at = now
    return item.id


def _same(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def remove_stock(session: Session, *, article_item_id: int, quantity: Decimal, comment: str,
                 cause: str = "picked", at: datetime | None = None) -> None:
    """Take ``quantity`` from an article item; Conflict when it holds less. Stock never goes negative."""
    if quantity <= 0:
        raise ValidationFailed("The quantity to remove must be greater than 0")
    claim_sqlite_writer(session, "article_items")
    now = at or utcnow()
    decremented = session.execute(
        update(ArticleItem).where(ArticleItem.id == article_item_id, ArticleItem.number_of_items >= quantity)
        .values(number_of_items=ArticleItem.number_of_items - quantity, updated_at=now)
        .execution_options(synchronize_session="fetch"))
    if decremented.rowcount != 1:  # type: ignore[attr-defined]
        item = session.get(ArticleItem, article_item_id)
        if item is None:
            raise NotFound(f"Article item {article_item_id} was not found")
        raise Conflict(f"Article item {article_item_id} holds {item.number_of_items}, less than {quantity}")
    item = session.get(ArticleItem, article_item_id)
    assert item is not None
    record_transaction(session, item, -quantity, cause=cause, comment=comment, at=now)
    touch_stock_info(session, [item.article_id], at=now)


def count_stock(session: Session, *, goods_owner_id: int, article_item_id: int, counted: Decimal, comment: str,
                at: datetime | None = None) -> Decimal:
    """An inventory count of one article item: its quantity becomes ``counted``. The difference (possibly zero, so
    that the item's LastInventoryTime shows the count) is a ``counted`` transaction, which GetInventoryChanges
    reports when it is not zero. Returns the difference."""
    if counted < 0:
        raise ValidationFailed("A counted quantity cannot be negative")
    claim_sqlite_writer(session, "article_items")
    item = session.get(ArticleItem, article_item_id, with_for_update={"of": ArticleItem})
    if item is None or item.goods_owner_id != goods_owner_id:
        raise NotFound(f"Article item {article_item_id} was not found")
    now = at or utcnow()
    difference = counted - Decimal(item.number_of_items)
    item.number_of_items, item.updated_at = counted, now
    record_transaction(session, item, difference, cause=COUNTED, comment=comment, at=now)
    touch_stock_info(session, [item.article_id], at=now)
    session.flush()
    return difference


def record_transaction(session: Session, item: ArticleItem, quantity: Decimal, *, cause: str, comment: str,
                       at: datetime, location_code: str | None = None) -> None:
    """One signed change of an article item's quantity, with the item's properties at that moment."""
    location_code = location_code or item.location.code
    session.add(InventoryTransaction(
        goods_owner_id=item.goods_owner_id, article_id=item.article_id, article_item_id=item.id, quantity=quantity,
        location_code=location_code, batch=item.batch, serial=item.serial, expiry_date=item.expiry_date, cause=cause,
        comment=comment, created_at=at, reported=False))


def touch_stock_info(session: Session, article_ids: Iterable[int], *, at: datetime | None = None) -> None:
    """Mark the articles' stock information as changed (GetInventoryQuery.StockInfoChangedFrom sees them)."""
    ids = list(article_ids)
    if ids:
        session.execute(update(Article).where(Article.id.in_(ids)).values(stock_changed_at=at or utcnow())
                        .execution_options(synchronize_session="fetch"))
