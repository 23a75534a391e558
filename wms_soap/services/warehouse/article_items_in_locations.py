"""Article items in locations as automated storage sees them: the warehouse-wide article item query
(GetArticleItemsByQuery) and the handled flag of items put on a system's in-location (ArticleItemInLocationHandled).

The flag is set once: marking an item handled is a conditional update of a row that is still unhandled, so of two
controllers that poll the same in-location at once exactly one gets each item; the other is told it is taken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.access.operators import Actor
from wms_soap.services.inventory.placements import current_placements
from wms_soap.services.warehouse.automated_systems import check_controller, claim_handled, systems_by_location
from wms_soap.store.articles import Article
from wms_soap.store.automated_storage import ArticleItemInLocation, AutomatedSystem
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.inventory import ArticleItem, Location

MAX_ARTICLE_ITEMS = 10_000

"""What one query returns at most when the caller sets no MaxArticleItemsToGet."""


@dataclass(frozen=True)
class ArticleItemsQuery:
    locations: Sequence[str] = ()
    goods_owner_id: int | None = None
    article_item_id: int | None = None
    article_id: int | None = None
    only_to_be_handled: bool = False
    locked: bool | None = None
    max_items: int | None = None
    unsupported: tuple[str, ...] = ()
    """Filters given that this server cannot apply: refused, never ignored."""


@dataclass(frozen=True)
class ArticleItemInLocationView:
    item: ArticleItem
    article: Article
    placement: ArticleItemInLocation | None


def query_article_items(session: Session, query: ArticleItemsQuery) -> list[ArticleItemInLocationView]:
    """Article items of every goods owner matching ``query`` (in id order), each with its current placement."""
    if query.max_items is not None and query.max_items < 0:
        raise ValidationFailed("MaxArticleItemsToGet cannot be negative")
    if query.unsupported:
        raise ValidationFailed(f"This server cannot filter by {', '.join(query.unsupported)}")
    statement = _filtered(query).order_by(ArticleItem.id).limit(query.max_items or MAX_ARTICLE_ITEMS)
    rows = [(row[0], row[1]) for row in session.execute(statement)]
    placements = current_placements(session, [item.id for item, _ in rows])
    return [ArticleItemInLocationView(item, article, placements.get(item.id)) for item, article in rows]


def _filtered(query: ArticleItemsQuery) -> Select[ArticleItem, Article]:
    statement = (select(ArticleItem, Article).join(Article, Article.id == ArticleItem.article_id)
                 .where(ArticleItem.number_of_items > 0))
    if query.locations:
        statement = statement.where(ArticleItem.location_id.in_(
            select(Location.id).where(Location.code.in_(list(query.locations)))))
    for column, value in ((ArticleItem.goods_owner_id, query.goods_owner_id), (ArticleItem.id, query.article_item_id),
                          (ArticleItem.article_id, query.article_id), (ArticleItem.is_locked, query.locked)):
        if value is not None:
            statement = statement.where(column == value)
    if query.only_to_be_handled:
        statement = statement.where(_to_be_handled())
    return statement


def _to_be_handled() -> ColumnElement[bool]:
    """The item lies in a system's in-location and its placement there is not handled."""
    in_locations = select(AutomatedSystem.in_location_id)
    unhandled = select(ArticleItemInLocation.id).where(
        ArticleItemInLocation.article_item_id == ArticleItem.id,
        ArticleItemInLocation.location_id == ArticleItem.location_id, ArticleItemInLocation.handled_at.is_(None))
    return and_(ArticleItem.location_id.in_(in_locations), unhandled.exists())


def mark_handled(session: Session, placement_ids: Sequence[int], by: Actor) -> list[ArticleItemInLocation]:
    """Mark article items in a system's in-location handled; all or nothing (the caller's transaction)."""
    if not placement_ids:
        raise ValidationFailed("Name at least one ArticleItemInLocationId")
    claim_sqlite_writer(session, ArticleItemInLocation.__tablename__)
    return [_mark_one(session, placement_id, by) for placement_id in placement_ids]


def _mark_one(session: Session, placement_id: int, by: Actor) -> ArticleItemInLocation:
    placement = session.get(ArticleItemInLocation, placement_id)
    if placement is None:
        raise NotFound(f"Article item in location {placement_id} was not found")
    system = systems_by_location(session, "in", [placement.location_id]).get(placement.location_id)
    if system is None:
        raise Conflict(f"Article item in location {placement_id} is not in the in-location of an automated system")
    check_controller(system, by.principal)
    item = session.get(ArticleItem, placement.article_item_id)
    if item is None or item.location_id != placement.location_id or Decimal(item.number_of_items) <= 0:
        raise Conflict(f"Article item {placement.article_item_id} is no longer in the in-location of automated "
                       f"system {system.code}")
    claim_handled(session, ArticleItemInLocation, placement_id, by, "Article item in location")
    session.refresh(placement)
    return placement
