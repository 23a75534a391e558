"""What changes the stock (add_stock, remove_stock, count_stock) and records it as inventory transactions.

Every change takes SQLite's write lock before it reads (``store.db.claim_sqlite_writer``; nothing on PostgreSQL).
The stock a goods owner reads is ``services.inventory.inventory``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import utcnow
from wms_soap.services.inventory.article_items import COUNTED, register_status
from wms_soap.store.articles import Article
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.inventory import ArticleItem, InventoryTransaction, Location

ZERO = Decimal(0)


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
