"""Article items on the wire: the query, ArticleItemInfo, the handled placements, MoveArticleItem."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from wms_soap.services.warehouse.article_items_in_locations import ArticleItemInLocationView, ArticleItemsQuery
from wms_soap.services.warehouse.moves import MovedPart, MoveFilters, MoveRequest
from wms_soap.soap.automation.types import article_items as wire
from wms_soap.soap.primitives import wire_quantity
from wms_soap.store.articles import Article
from wms_soap.store.automated_storage import ArticleItemInLocation

_UNSUPPORTED_FILTERS = ("WorkOrderId", "ArticleItemPalletItemId", "ArticleItemPalletItemLabelId",
                        "ArticleItemParentPalletItemId", "ArticleItemParentPalletItemLabelId")


def items_query(query: Any) -> ArticleItemsQuery:
    special = getattr(query, "SpecialFilters", None)
    paging = getattr(query, "Paging", None)
    return ArticleItemsQuery(
        locations=[code for code in (getattr(query, "Locations", None) or []) if code],
        goods_owner_id=getattr(query, "GoodsOwnerId", None), article_item_id=getattr(query, "ArticleItemId", None),
        article_id=getattr(query, "ArticleDefId", None),
        only_to_be_handled=bool(getattr(special, "OnlyGetArticleItemsInLocationsToBeHandled", False)),
        locked=getattr(special, "IsLockedByItemLock", None),
        max_items=getattr(paging, "MaxArticleItemsToGet", None),
        unsupported=("LocationTypeCode",) if getattr(query, "LocationTypeCode", None) else ())


def article_info(article: Article) -> wire.ArticleInfo:
    return wire.ArticleInfo(ArticleDefId=article.id, GoodsOwnerId=article.goods_owner_id,
                            ArticleNumber=article.article_number, ArticleName=article.name,
                            ProductCode=article.product_code, Barcode=article.bar_code)


def article_item_info(view: ArticleItemInLocationView) -> wire.ArticleItemInfo:
    item, placement = view.item, view.placement
    here = placement if placement is not None and placement.location_id == item.location_id else None
    return wire.ArticleItemInfo(
        ArticleItemId=item.id, OriginalArticleItemId=item.original_id,
        ArticleItemInLocationId=here.id if here else None, GoodsOwnerId=item.goods_owner_id,
        Article=article_info(view.article), Location=item.location.code,
        NumberOfItems=wire_quantity(item.number_of_items), Batch=item.batch, Serial=item.serial,
        ExpiryDate=item.expiry_date, IsLockedByItemLock=bool(item.is_locked),
        ArticleItemStatusCode=item.status, InDate=item.in_date,
        PlacedInLocationTime=here.placed_at if here else None,
        HandledTime=here.handled_at if here else None)


def items_result(views: Sequence[ArticleItemInLocationView]) -> Any:
    return wire.GetArticleItemsByQueryResult(Success=True, ArticleItems=[article_item_info(v) for v in views])


def placement_ids(operation: Any) -> list[int]:
    return [i for i in (getattr(operation, "ArticleItemInLocationIds", None) or []) if i is not None]


def handled_result(placements: Sequence[ArticleItemInLocation]) -> Any:
    return wire.ArticleItemInLocationHandledResult(Success=True, HandledArticleItemsInLocations=[
        wire.HandledArticleItemInLocation(ArticleItemInLocationId=p.id, ArticleItemId=p.article_item_id,
                                          Location=p.location.code, HandledTime=p.handled_at)
        for p in placements])


def move_request(operation: Any) -> MoveRequest:
    filters = operation.AdditionalFilters
    unsupported = tuple(name for name in _UNSUPPORTED_FILTERS if getattr(filters, name, None) not in (None, ""))
    if getattr(operation, "PalletItem", None) is not None:
        unsupported += ("PalletItem",)
    return MoveRequest(
        identification=operation.ArticleItemIdentification or "ArticleItemId", to_location=operation.ToLocation,
        number_of_items=_decimal(operation.NumberOfItems), article_item_id=operation.ArticleItemId,
        serial=operation.Serial, original_article_item_id=operation.OriginalArticleItemId,
        filters=MoveFilters(order_id=getattr(filters, "OrderId", None),
                            from_location=getattr(filters, "FromLocation", None) or None,
                            article_id=getattr(filters, "ArticleDefId", None), unsupported=unsupported))


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def moved_result(parts: Sequence[MovedPart]) -> Any:
    return wire.MoveArticleItemResult(Success=True, MovedArticleItems=[
        wire.MovedArticleItem(ArticleItemId=p.article_item.id, FromArticleItemId=p.from_article_item_id,
                              OriginalArticleItemId=p.article_item.original_id,
                              NumberOfItems=wire_quantity(p.number_of_items), FromLocation=p.from_location,
                              ToLocation=p.to_location)
        for p in parts])
