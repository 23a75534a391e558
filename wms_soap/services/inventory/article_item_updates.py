"""Changing article items (UpdateArticleItems) and the change log a goods owner reads back (GetArticleItemChanges).

Every change of a tracked property (the ArticleItemChangeType values) is logged with the item's properties before
and after. An update of fewer items than an item holds divides it first: the part taken becomes a new item that
keeps the original item id, and two inventory transactions ("divided") move the quantity, so stock history stays
right. Everything is checked before anything is written: a refused update changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from wms_soap.errors import ValidationFailed
from wms_soap.services.common import utcnow
from wms_soap.services.inventory import stock
from wms_soap.services.orders.queries import allocated_per_article_item
from wms_soap.store.articles import Article
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.inventory import ArticleItem, ArticleItemCategory, ArticleItemChange, ArticleItemStatus

DIVIDED = "divided"
TRACKED = {
    "status": "ArticleItemStatus", "serial": "Serial", "batch": "Batch", "expiry_date": "ExpiryDate",
    "weight": "Weight", "volume": "Volume", "length": "Length", "width": "Width", "height": "Height",
    "comment": "Comment", "container": "Container", "category_id": "ArticleItemCategory", "price": "Price",
}
"""Item attribute -> the ArticleItemChangeType that reports its change."""
SETTABLE = ("price", "batch", "weight", "length", "width", "height", "free_decimal1", "free_decimal2")
STOCK_STATUSES = ("IsInStock", "IsInStockOrIsAdvised", "NoFilter")


class ArticleItemsError(ValidationFailed):
    """UpdateArticleItems refused; ``error_type`` is the UpdateArticleItemsErrorType value."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type


@dataclass
class ItemsIdentification:
    article_number: str | None = None
    article_id: int | None = None
    original_article_item_id: int | None = None
    article_item_id: int | None = None
    status_id: int | None = None
    batch: str | None = None
    serial: str | None = None
    stock_status: str = "IsInStock"

    def names_items(self) -> bool:
        return any(v not in (None, "") for v in (self.article_number, self.article_id,
                                                 self.original_article_item_id, self.article_item_id))


@dataclass(frozen=True)
class RegisterRef:
    code: str | None = None
    id: int | None = None


@dataclass
class ItemsUpdate:
    """What to set: ``values`` holds the SETTABLE attributes given (None clears one); status and category are
    looked up; ``locked`` sets the item lock."""

    identification: ItemsIdentification | None
    number_of_items: Decimal | None = None
    status: RegisterRef | None = None
    category: RegisterRef | None = None
    locked: bool | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return self.status is None and self.category is None and self.locked is None and not self.values


# --- UpdateArticleItems ---------------------------------------------------------------------------------------------

def update_article_items(session: Session, goods_owner_id: int, update: ItemsUpdate) -> list[ArticleItem]:
    """Apply ``update`` to the goods owner's article items it identifies; returns the changed items."""
    ident = update.identification
    if ident is None or not ident.names_items():
        raise ArticleItemsError("InvalidIdentification", "Identify the article items by ArticleNumber, "
                                "ArticleSystemId, OriginalArticleItemId or ArticleItemId")
    if ident.stock_status not in STOCK_STATUSES:
        raise ArticleItemsError("InvalidIdentification", f"Unknown StockStatus {ident.stock_status!r}")
    if update.is_empty():
        raise ArticleItemsError("NoUpdateOperationSpecified", "The operation specifies nothing to update")
    unknown = set(update.values) - set(SETTABLE)
    if unknown:
        raise ValueError(f"not settable: {sorted(unknown)}")
    claim_sqlite_writer(session, "article_items")
    status = _status(session, update.status)
    category = _category(session, update.category)
    items = _select_items(session, goods_owner_id, ident)
    now = utcnow()
    targets = _take(session, items, update.number_of_items, now)
    changes: dict[str, Any] = dict(update.values)
    if status is not None:
        changes["status"] = status.code
    if category is not None:
        changes["category_id"] = category.id
    if update.locked is not None:
        changes["is_locked"] = update.locked
    for item in targets:
        _apply(session, item, changes, now)
    stock.touch_stock_info(session, {item.article_id for item in targets}, at=now)
    session.flush()
    return targets


def _status(session: Session, ref: RegisterRef | None) -> ArticleItemStatus | None:
    if ref is None:
        return None
    found = _find(session, ArticleItemStatus, ref)
    if found is None:
        raise ArticleItemsError("ArticleItemStatusNotFound", f"Article item status {ref.code or ref.id} was not found")
    return found


def _category(session: Session, ref: RegisterRef | None) -> ArticleItemCategory | None:
    if ref is None:
        return None
    found = _find(session, ArticleItemCategory, ref)
    if found is None:
        raise ArticleItemsError("ArticleItemCategoryNotFound",
                                f"Article item category {ref.code or ref.id} was not found")
    return found


def _find(session: Session, model: Any, ref: RegisterRef) -> Any:
    if ref.id:
        return session.get(model, ref.id)
    if ref.code:
        return session.scalars(select(model).where(model.code == ref.code)).first()
    return None


def _select_items(session: Session, goods_owner_id: int, ident: ItemsIdentification) -> list[ArticleItem]:
    statement = select(ArticleItem).where(ArticleItem.goods_owner_id == goods_owner_id)
    if ident.article_number or ident.article_id:
        statement = statement.where(ArticleItem.article_id == _article_id(session, goods_owner_id, ident))
    statement = _narrowed(session, statement, ident)
    items = list(session.scalars(statement.order_by(ArticleItem.id).with_for_update(of=ArticleItem)))
    if not items:
        raise ArticleItemsError("NoArticleItemsFound", "No article items match the identification")
    return items


def _article_id(session: Session, goods_owner_id: int, ident: ItemsIdentification) -> int:
    statement = select(Article.id).where(Article.goods_owner_id == goods_owner_id)
    if ident.article_id:
        statement = statement.where(Article.id == ident.article_id)
    if ident.article_number:
        statement = statement.where(Article.article_number == ident.article_number)
    found = session.scalar(statement)
    if found is None:
        raise ArticleItemsError("ArticleNotFound", f"Article {ident.article_number or ident.article_id} was not found")
    return found


def _narrowed(session: Session, statement: Select[ArticleItem],
              ident: ItemsIdentification) -> Select[ArticleItem]:
    if ident.article_item_id:
        statement = statement.where(ArticleItem.id == ident.article_item_id)
    if ident.original_article_item_id:
        statement = statement.where(or_(ArticleItem.original_article_item_id == ident.original_article_item_id,
                                        (ArticleItem.id == ident.original_article_item_id)
                                        & ArticleItem.original_article_item_id.is_(None)))
    if ident.status_id:
        status = session.get(ArticleItemStatus, ident.status_id)
        if status is None:
            raise ArticleItemsError("ArticleItemStatusNotFound",
                                    f"Article item status {ident.status_id} of the identification was not found")
        statement = statement.where(ArticleItem.status == status.code)
    if ident.batch:
        statement = statement.where(ArticleItem.batch == ident.batch)
    if ident.serial:
        statement = statement.where(ArticleItem.serial == ident.serial)
    if ident.stock_status != "NoFilter":
        statement = statement.where(ArticleItem.number_of_items > 0)
    return statement


def _take(session: Session, items: list[ArticleItem], wanted: Decimal | None, now: datetime) -> list[ArticleItem]:
    """The items that hold ``wanted`` (all when None), dividing the last one if it holds more than is left."""
    if wanted is None:
        return items
    available = sum((Decimal(item.number_of_items) for item in items), Decimal(0))
    if wanted <= 0 or wanted > available:
        raise ArticleItemsError("ArticleItemDivideFailed",
                                f"Cannot update {wanted} items: the identified article items hold {available}")
    taken: list[ArticleItem] = []
    for item in items:
        if wanted <= 0:
            break
        quantity = Decimal(item.number_of_items)
        taken.append(item if quantity <= wanted else _divide(session, item, wanted, now))
        wanted -= min(quantity, wanted)
    return taken


def _divide(session: Session, item: ArticleItem, quantity: Decimal, now: datetime) -> ArticleItem:
    """Split ``quantity`` off ``item`` into a new item with the same properties and original id."""
    reserved = allocated_per_article_item(session, [item.id]).get(item.id, Decimal(0))
    if Decimal(item.number_of_items) - quantity < reserved:
        raise ArticleItemsError("ArticleItemDivideFailed", f"Article item {item.id} has {reserved} allocated to "
                                "orders; that part cannot be divided off")
    part = ArticleItem(**{column: getattr(item, column) for column in _COPIED},
                       original_article_item_id=item.original_id, number_of_items=quantity, created_at=now,
                       updated_at=now)
    item.number_of_items = Decimal(item.number_of_items) - quantity
    item.updated_at = now
    session.add(part)
    session.flush()
    comment = f"divided from article item {item.id} into {part.id}"
    stock.record_transaction(session, item, -quantity, cause=DIVIDED, comment=comment, at=now)
    stock.record_transaction(session, part, quantity, cause=DIVIDED, comment=comment, at=now)
    return part


_COPIED = ("goods_owner_id", "article_id", "location_id", "batch", "serial", "expiry_date", "status", "is_locked",
           "lock_comment", "in_date", "comment", "container", "category_id", "price", "weight", "volume", "length",
           "width", "height", "free_decimal1", "free_decimal2")


def _apply(session: Session, item: ArticleItem, changes: dict[str, Any], now: datetime) -> None:
    before = snapshot(item)
    for name, value in changes.items():
        setattr(item, name, value)
    item.updated_at = now
    after = snapshot(item)
    changed = [TRACKED[name] for name in TRACKED if before[name] != after[name]]
    if changed:
        session.add(ArticleItemChange(
            goods_owner_id=item.goods_owner_id, article_id=item.article_id, article_item_id=item.id,
            original_article_item_id=item.original_id, number_of_items=item.number_of_items, changed_at=now,
            change_types="," + ",".join(changed) + ",", previous_status=before["status"],
            new_status=after["status"], previous=before, current=after))


def snapshot(item: ArticleItem) -> dict[str, Any]:
    """The tracked properties as JSON values (decimals and times as strings)."""
    return {name: _json(getattr(item, name)) for name in TRACKED}


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, datetime):
        return value.isoformat()
    return value


# --- GetArticleItemChanges ------------------------------------------------------------------------------------------

@dataclass
class ChangesQuery:
    from_time: datetime | None = None
    from_log_id: int | None = None
    max_changes: int | None = None
    only: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ChangeView:
    change: ArticleItemChange
    article: Article
    is_current: bool


def article_item_changes(session: Session, goods_owner_id: int, query: ChangesQuery) -> list[ChangeView]:
    """The goods owner's logged changes by ascending ArticleItemLogId (FromArticleItemLogId is inclusive)."""
    unknown = [name for name in query.only if name not in TRACKED.values()]
    if unknown:
        raise ValidationFailed(f"Unknown ArticleItemChangeType {', '.join(unknown)}")
    statement = select(ArticleItemChange).where(ArticleItemChange.goods_owner_id == goods_owner_id)
    if query.from_time is not None:
        statement = statement.where(ArticleItemChange.changed_at >= query.from_time)
    if query.from_log_id is not None:
        statement = statement.where(ArticleItemChange.id >= query.from_log_id)
    if query.only:
        statement = statement.where(or_(*(ArticleItemChange.change_types.contains(f",{name},")
                                          for name in query.only)))
    statement = statement.order_by(ArticleItemChange.id)
    if query.max_changes and query.max_changes > 0:
        statement = statement.limit(query.max_changes)
    changes = list(session.scalars(statement))
    articles = {a.id: a for a in session.scalars(select(Article).where(
        Article.id.in_({change.article_id for change in changes})))}
    latest = _latest_change_ids(session, {change.article_item_id for change in changes})
    return [ChangeView(change, articles[change.article_id], latest.get(change.article_item_id) == change.id)
            for change in changes]


def _latest_change_ids(session: Session, article_item_ids: set[int]) -> dict[int, int]:
    return dict(session.execute(select(ArticleItemChange.article_item_id, func.max(ArticleItemChange.id))
                                .where(ArticleItemChange.article_item_id.in_(article_item_ids))
                                .group_by(ArticleItemChange.article_item_id)).all())
