"""Movement article items on the wire: the query, MovementArticleItemInfo, the handled movements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wms_soap.services.warehouse.movements import MovementsQuery, MovementView
from wms_soap.soap.automation.convert.article_items import article_info
from wms_soap.soap.automation.types import movements as wire
from wms_soap.soap.primitives import wire_quantity
from wms_soap.store.automated_storage import MovementArticleItem


def movements_query(query: Any) -> MovementsQuery:
    special = getattr(query, "SpecialFilters", None)
    paging = getattr(query, "Paging", None)
    return MovementsQuery(
        from_locations=[c for c in (getattr(query, "FromLocations", None) or []) if c],
        to_locations=[c for c in (getattr(query, "ToLocations", None) or []) if c],
        order_id=getattr(query, "OrderId", None), article_item_id=getattr(query, "ArticleItemId", None),
        article_id=getattr(query, "ArticleDefId", None), goods_owner_id=getattr(query, "GoodsOwnerId", None),
        only_to_be_handled=bool(getattr(special, "OnlyGetMovementArticleItemsToBeHandled", False)),
        max_rows=getattr(paging, "MaxRowsToGet", None))


def movement_info(view: MovementView) -> wire.MovementArticleItemInfo:
    movement, order = view.movement, view.order
    return wire.MovementArticleItemInfo(
        MovementArticleItemId=movement.id, ArticleItemId=movement.article_item_id, FromLocation=view.from_location,
        ToLocation=view.to_location, NumberOfItems=wire_quantity(movement.number_of_items),
        OrderLineId=movement.order_line_id, Article=article_info(view.article),
        Order=wire.OrderInfo(OrderId=order.id, GoodsOwnerId=order.goods_owner_id,
                             GoodsOwnerOrderNumber=order.goods_owner_order_number, OrderStatus=order.status),
        CreatedTime=movement.created_at, HandledTime=movement.handled_at)


def movements_result(views: Sequence[MovementView]) -> Any:
    return wire.GetMovementArticleItemsResult(Success=True, MovementArticleItems=[movement_info(v) for v in views])


def movement_ids(operation: Any) -> list[int]:
    return [i for i in (getattr(operation, "MovementArticleItemIds", None) or []) if i is not None]


def handled_result(movements: Sequence[MovementArticleItem]) -> Any:
    return wire.MovementArticleItemHandledResult(Success=True, HandledMovementArticleItems=[
        wire.HandledMovementArticleItem(MovementArticleItemId=m.id, HandledTime=m.handled_at)
        for m in movements])
