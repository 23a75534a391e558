"""Article items and the other stock views: GetInventoryItems, GetInventoryPerWarehouse, GetGoodsStatusInventory,
GetHistoricalInventoryByQuery, GetArticleItemChanges and UpdateArticleItems."""

from __future__ import annotations

from typing import Any

from wms_soap.services.inventory import article_item_updates, article_items, views
from wms_soap.services.registers import system_time
from wms_soap.soap.service.convert import article_items as convert
from wms_soap.soap.service.convert.inventory import as_utc
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.inventory import (
    GetArticleItemChangesResult,
    GetHistoricalInventoryResult,
    GetInventoryPerWarehouseResult,
    GoodsStatusInventoryResult,
    InventoryItemsResult,
    UpdateArticleItemsResult,
    UpdateArticleItemsResultError,
)


@handler("GetInventoryItems")
def get_inventory_items(call: Call, query: Any) -> InventoryItemsResult:
    """Article items per article; ArticleSystemIdFrom + MaxArticlesToGet page by ascending SystemId."""
    owner = call.goods_owner_id
    lines = article_items.inventory_items(call.session, owner, convert.items_query(query))
    return InventoryItemsResult(GoodsOwnerId=owner, InventoryItemLines=[convert.inventory_item_line(line)
                                                                        for line in lines])


@handler("GetInventoryPerWarehouse")
def get_inventory_per_warehouse(call: Call, query: Any) -> GetInventoryPerWarehouseResult:
    rows = views.inventory_per_warehouse(call.session, call.goods_owner_id,
                                         convert.per_warehouse_query(query))
    return GetInventoryPerWarehouseResult(Success=True, PerWarehouseArticleLines=[
        convert.per_warehouse_line(row) for row in rows])


@handler("GetGoodsStatusInventory")
def get_goods_status_inventory(call: Call, query: Any) -> GoodsStatusInventoryResult:
    owner = call.goods_owner_id
    rows = views.goods_status_inventory(call.session, owner, convert.goods_status_query(query))
    return GoodsStatusInventoryResult(GoodsOwnerId=owner, Generated=system_time(),
                                      GoodsStatusInventoryLines=[convert.goods_status_line(row) for row in rows])


@handler("GetHistoricalInventoryByQuery")
def get_historical_inventory_by_query(call: Call, query: Any) -> GetHistoricalInventoryResult:
    """Stock at StockDate; an unknown WarehouseCode or a missing StockDate is Success=false with the reason."""
    owner = call.goods_owner_id
    rows = views.historical_inventory(call.session, owner,
                                      as_utc(query.StockDate) if query is not None else None,
                                      query.WarehouseCode if query is not None else None)
    return GetHistoricalInventoryResult(Success=True, Rows=[convert.historical_row(row) for row in rows])


@handler("GetArticleItemChanges")
def get_article_item_changes(call: Call, query: Any) -> GetArticleItemChangesResult:
    """Logged changes by ascending ArticleItemLogId; FromArticleItemLogId + MaxChangesToGet page through them."""
    changes = article_item_updates.article_item_changes(call.session, call.goods_owner_id,
                                                        convert.changes_query(query))
    status_ids = article_items.status_ids(call.session)
    categories = article_items.categories(call.session)
    return GetArticleItemChangesResult(Success=True, ArticleItemChanges=[
        convert.article_item_change(view, status_ids, categories) for view in changes])


@handler("UpdateArticleItems")
def update_article_items(call: Call, operation: Any) -> UpdateArticleItemsResult:
    """A refusal carries its UpdateArticleItemsErrorType; the service checks everything before it writes, and the
    session is rolled back anyway so that nothing of a refused update remains."""
    owner = call.goods_owner_id
    try:
        items = article_item_updates.update_article_items(call.session, owner, convert.items_update(operation))
    except article_item_updates.ArticleItemsError as error:
        call.session.rollback()
        return UpdateArticleItemsResult(Success=False, Errors=[
            UpdateArticleItemsResultError(Message=str(error), ErrorType=error.error_type)])
    status_ids = article_items.status_ids(call.session)
    return UpdateArticleItemsResult(Success=True, UpdatedArticleItems=[convert.updated_item(item, status_ids)
                                                                       for item in items])
