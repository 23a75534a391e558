"""Article items in locations (Ongoing's ArticleItemInLocationId): a row whenever stock lands in a location.

Automated storage reads them: an article item placed in a system's in-location is "to be handled" until its
controller marks the placement handled (``services.warehouse.handling``). More stock landing on an item whose
placement there is already handled is a new placement (new goods the system has not seen); landing on one that is
still to be handled adds to it.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wms_soap.store.automated_storage import ArticleItemInLocation
from wms_soap.store.inventory import ArticleItem


def record(session: Session, item: ArticleItem, at: datetime) -> None:
    """Stock of ``item`` has just landed in its location: a new placement unless an unhandled one is open there."""
    current = current_placements(session, [item.id]).get(item.id)
    if current is None or current.location_id != item.location_id or current.handled_at is not None:
        session.add(ArticleItemInLocation(article_item_id=item.id, location_id=item.location_id, placed_at=at))


def copy(session: Session, source: ArticleItem, part: ArticleItem, at: datetime) -> None:
    """``part`` was divided off ``source`` where it lies: it keeps the source's placement state (a handled item's
    part needs no handling again)."""
    current = current_placements(session, [source.id]).get(source.id)
    handled = current is not None and current.location_id == part.location_id and current.handled_at is not None
    session.add(ArticleItemInLocation(
        article_item_id=part.id, location_id=part.location_id, placed_at=current.placed_at if current else at,
        handled_at=current.handled_at if handled and current else None,
        handled_by=current.handled_by if handled and current else None,
        handled_operator=current.handled_operator if handled and current else None))


def current_placements(session: Session, article_item_ids: Collection[int]) -> dict[int, ArticleItemInLocation]:
    """The latest placement of each item (the one of its current location, unless it was moved by other means)."""
    if not article_item_ids:
        return {}
    latest = (select(func.max(ArticleItemInLocation.id))
              .where(ArticleItemInLocation.article_item_id.in_(list(article_item_ids)))
              .group_by(ArticleItemInLocation.article_item_id))
    rows = session.scalars(select(ArticleItemInLocation).where(ArticleItemInLocation.id.in_(latest)))
    return {row.article_item_id: row for row in rows}
