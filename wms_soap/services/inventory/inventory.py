"""The inventory a goods owner reads (GetInventory): its articles with their stock figures, filtered.

The physical quantity is the sum of the article items. The quantities that belong to orders (booked, allocated,
picked to be collected) and to in-orders (to receive, received but not finished or not reported) come from those
areas (``services.orders.queries.outbound_quantities``, ``services.inbound.inorder_queries.inbound_quantities``).
What changes the stock is ``services.inventory.stock``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, column, exists, func, or_, select, table
from sqlalchemy.orm import Session

from wms_soap.services.inbound.inorder_queries import inbound_quantities
from wms_soap.services.inventory.articles import READ_MODEL_OPTIONS
from wms_soap.services.orders.queries import outbound_quantities
from wms_soap.store.articles import Article, ArticleBarcode
from wms_soap.store.inventory import ArticleItem, InventoryTransaction

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
    _merge(figures, outbound_quantities(session, goods_owner_id, list(article_ids)),
           ("booked", "allocated", "picked_to_be_collected", "picked_to_be_reported", "returned_to_be_reported"))
    _merge(figures, inbound_quantities(session, goods_owner_id, list(article_ids)),
           ("to_receive", "received_to_be_finished", "received_to_be_reported"))
    return figures


def _merge(figures: dict[int, StockFigures], quantities: dict[int, Any], names: Iterable[str]) -> None:
    for article_id, values in quantities.items():
        stock = figures.get(article_id)
        if stock is None:
            continue
        for name in names:
            value = getattr(values, name, None)
            if value is not None:
                setattr(stock, name, Decimal(value))
