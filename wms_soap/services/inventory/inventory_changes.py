"""Inventory changes: stock corrections (counts, adjustments, scrapping) that a goods owner's ERP must book.

They are the inventory transactions that do not come from an order flow (receiving, picking, returns, which the
ERP learns through in-orders, orders and returns). The ERP reads them (GetInventoryChanges) and acknowledges each
(SetInventoryChangesToReported), after which ``UnReported`` queries leave them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import NotFound
from wms_soap.store.inventory import InventoryTransaction

ORDER_FLOW_CAUSES = ("received", "picked", "returned", "allocated", "released", "divided", "moved")
"""Causes that are not inventory adjustments (``divided``: UpdateArticleItems split an item; ``moved``: stock went
from one location to another; neither changed the goods owner's stock)."""


@dataclass
class InventoryChangesQuery:
    from_date: datetime | None = None
    to_date: datetime | None = None
    to_time: datetime | None = None
    inventory_id: int | None = None
    unreported: bool | None = None
    article_id_from: int | None = None
    max_articles: int | None = None


def _until(query: InventoryChangesQuery) -> tuple[datetime | None, bool]:
    """The upper bound and whether it is inclusive: ToTime is exact; a date-only ToDate covers that whole day."""
    if query.to_time is not None:
        return query.to_time, True
    if query.to_date is not None and query.to_date.time() == datetime.min.time():
        return query.to_date + timedelta(days=1), False
    return query.to_date, True


def inventory_changes(session: Session, query: InventoryChangesQuery, *,
                      goods_owner_id: int) -> dict[int, list[InventoryTransaction]]:
    """Per article id (ascending, paged by ``article_id_from``/``max_articles``), its changes in time order."""
    statement = (select(InventoryTransaction)
                 .where(InventoryTransaction.goods_owner_id == goods_owner_id,
                        InventoryTransaction.cause.not_in(ORDER_FLOW_CAUSES), InventoryTransaction.quantity != 0)
                 .order_by(InventoryTransaction.article_id, InventoryTransaction.id))
    until, inclusive = _until(query)
    if query.from_date is not None:
        statement = statement.where(InventoryTransaction.created_at >= query.from_date)
    if until is not None:
        statement = statement.where(InventoryTransaction.created_at <= until if inclusive
                                    else InventoryTransaction.created_at < until)
    if query.inventory_id:
        statement = statement.where(InventoryTransaction.id == query.inventory_id)
    if query.unreported:
        statement = statement.where(InventoryTransaction.reported.is_(False))
    if query.article_id_from is not None:
        statement = statement.where(InventoryTransaction.article_id >= query.article_id_from)
    grouped: dict[int, list[InventoryTransaction]] = {}
    for change in session.scalars(statement):
        if change.article_id not in grouped and query.max_articles and len(grouped) >= query.max_articles:
            break
        grouped.setdefault(change.article_id, []).append(change)
    return grouped


def set_reported(session: Session, article_id: int, inventory_id: int | None, *,
                 goods_owner_id: int) -> Sequence[InventoryTransaction]:
    """Mark an article's changes (one of them when ``inventory_id`` is given) as reported."""
    statement = select(InventoryTransaction).where(InventoryTransaction.goods_owner_id == goods_owner_id,
                                                   InventoryTransaction.article_id == article_id,
                                                   InventoryTransaction.cause.not_in(ORDER_FLOW_CAUSES))
    if inventory_id:
        statement = statement.where(InventoryTransaction.id == inventory_id)
    changes = list(session.scalars(statement))
    if not changes:
        raise NotFound(f"No inventory changes for article {article_id}"
                       + (f" and inventory {inventory_id}" if inventory_id else ""))
    for change in changes:
        change.reported = True
    return changes
