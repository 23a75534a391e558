"""Wire <-> domain for the article item and stock view operations: GetInventoryItems, GetInventoryPerWarehouse,
GetGoodsStatusInventory, GetHistoricalInventoryByQuery, GetArticleItemChanges and UpdateArticleItems."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from wms_soap.services.inventory.article_item_updates import (
    ChangesQuery,
    ChangeView,
    ItemsIdentification,
    ItemsUpdate,
    RegisterRef,
)
from wms_soap.services.inventory.article_items import ItemLine, ItemsQuery, ItemView
from wms_soap.services.inventory.inventory import InventoryQuery
from wms_soap.services.inventory.views import (
    GoodsStatusQuery,
    GoodsStatusRow,
    HistoricalRow,
    PerWarehouseQuery,
    PerWarehouseRow,
    WarehouseStock,
)
from wms_soap.soap.service.convert.articles import article_class
from wms_soap.soap.service.convert.inventory import as_utc, strings
from wms_soap.soap.service.types.inventory import (
    Article_GetArticleItemChanges,
    Article_UpdatedArticleItem,
    ArticleItemCategory_GetArticleItemChanges,
    ArticleItemCategory_InventoryItem,
    ArticleItemChange,
    ArticleItemStatus_GetArticleItemChanges,
    GoodsStatusInventoryLine,
    GoodsStatusInventoryRow,
    HistoricalInventoryArticle,
    HistoricalInventoryArticleItem,
    HistoricalInventoryArticleRow,
    InventoryItem,
    InventoryItemLine,
    InventoryItemLockCauses,
    NewArticleItemVersion,
    PerWarehouseArticleLine,
    PerWarehouseStockLine,
    PreviousArticleItemVersion,
    ReportedPerArticleAndWarehouse,
    UpdatedArticleItem,
)
from wms_soap.store.inventory import ArticleItem

# --- queries in -----------------------------------------------------------------------------------------------------

def items_query(wire: Any) -> ItemsQuery:
    if wire is None:
        return ItemsQuery()
    previous = wire.PreviousArticleItemStatus
    return ItemsQuery(
        with_zero_stock_articles=bool(wire.GetZeroStockArticles), serials=strings(wire.FilterBySerial),
        article_numbers=strings(wire.FilterByArticleNumber),
        status_changed_from=as_utc(wire.ArticleItemStatusChangedFrom),
        last_inventory_from=as_utc(wire.LastInventoryTimeFrom),
        previous_status_code=previous.PreviousArticleItemStatusCode if previous is not None else None,
        previous_status_from=as_utc(previous.PreviousArticleItemStatusTime) if previous is not None else None,
        location_lock_for_sale_changed_from=as_utc(wire.ArticleItemLocationIsLockedForSaleChangedFrom),
        is_locked=wire.IsLocked, system_id_from=wire.ArticleSystemIdFrom, max_articles=wire.MaxArticlesToGet)


def per_warehouse_query(wire: Any) -> PerWarehouseQuery:
    if wire is None:
        return PerWarehouseQuery()
    articles = InventoryQuery(
        article_numbers=strings(wire.ArticleNumbersToGet), product_codes=strings(wire.ProductCodesToGet),
        stock_info_changed_from=as_utc(wire.StockInfoChangedFrom),
        only_in_stock=bool(wire.SpecialFilters is not None and wire.SpecialFilters.OnlyArticlesInStock),
        system_id_from=wire.ArticleSystemIdFrom, max_articles=wire.MaxArticlesToGet)
    return PerWarehouseQuery(articles, group_codes=strings(wire.ArticleGroupCodesToGet),
                             warehouse_ids=[i for i in (wire.GetInventoryForWarehouseIds or []) if i is not None])


def goods_status_query(wire: Any) -> GoodsStatusQuery:
    if wire is None:
        return GoodsStatusQuery()
    return GoodsStatusQuery(
        article_numbers=strings(wire.ArticleNumbersToGet), group_codes=strings(wire.ArticleGroupCodesToGet),
        updated_from=as_utc(wire.ArticleUpdatedFrom), updated_to=as_utc(wire.ArticleUpdatedTo),
        in_warehouse=wire.GoodsStatusInventoryType == "GoodsInWarehouse")


def changes_query(wire: Any) -> ChangesQuery:
    if wire is None:
        return ChangesQuery()
    return ChangesQuery(from_time=as_utc(wire.FromTime), from_log_id=wire.FromArticleItemLogId,
                        max_changes=wire.MaxChangesToGet, only=strings(wire.OnlyGetChanges))


_SETTERS = {
    "UpdateArticleItemPrice": ("ArticleItemPrice", "price"), "UpdateArticleItemBatch": ("Batch", "batch"),
    "UpdateArticleItemWeight": ("Weight", "weight"), "UpdateArticleItemLength": ("Length", "length"),
    "UpdateArticleItemWidth": ("Width", "width"), "UpdateArticleItemHeight": ("Height", "height"),
    "UpdateArticleItemFreeDecimal1": ("FreeDecimal1", "free_decimal1"),
    "UpdateArticleItemFreeDecimal2": ("FreeDecimal2", "free_decimal2"),
}


def items_update(wire: Any) -> ItemsUpdate:
    """An UpdateArticleItemsOperation: each Update* element present is one change (a nil value clears it)."""
    if wire is None:
        return ItemsUpdate(None)
    ident = wire.Identification
    status, category, lock = wire.UpdateArticleItemStatus, wire.UpdateArticleItemCategory, wire.UpdateArticleItemLock
    values = {name: getattr(getattr(wire, element), field) for element, (field, name) in _SETTERS.items()
              if getattr(wire, element) is not None}
    return ItemsUpdate(
        None if ident is None else ItemsIdentification(
            article_number=ident.ArticleNumber, article_id=ident.ArticleSystemId,
            original_article_item_id=ident.OriginalArticleItemId, article_item_id=ident.ArticleItemId,
            status_id=ident.ArticleItemStatusId, batch=ident.Batch, serial=ident.Serial,
            stock_status=ident.StockStatus or "IsInStock"),
        number_of_items=wire.NumberOfItemsToUpdate,
        status=None if status is None else RegisterRef(status.ArticleItemStatusCode, status.ArticleItemStatusId),
        category=None if category is None else RegisterRef(category.ArticleItemCategoryCode,
                                                           category.ArticleItemCategoryId),
        locked=None if lock is None else bool(lock.IsLockedByItemLock), values=values)


# --- answers out ----------------------------------------------------------------------------------------------------

def inventory_item_line(line: ItemLine) -> InventoryItemLine:
    return InventoryItemLine(Article=article_class(line.article),
                             InventoryItems=[inventory_item(view) for view in line.items])


def inventory_item(view: ItemView) -> InventoryItem:
    item, category = view.item, view.category
    return InventoryItem(
        Batch=item.batch, ExpiryDate=item.expiry_date, NumberOfItems=item.number_of_items,
        ArticleItemStatusCode=item.status, ArticleItemStatusName=view.status_name, Serial=item.serial,
        ArticleItemComment=item.comment, Location=item.location.code, InDate=item.in_date,
        IsLocked=bool(item.is_locked), Length=item.length, Width=item.width, Height=item.height, Weight=item.weight,
        Volume=item.volume, InOrderNumber=view.in_order_number, LastInventoryTime=view.last_inventory_time,
        WarehouseCode=view.warehouse.code, IsLockedForSale=bool(item.is_locked), Container=item.container,
        LockCauses=InventoryItemLockCauses(ByAllocation=view.allocated > 0, ByItemLock=bool(item.is_locked)),
        ArticleItemCategory=None if category is None else ArticleItemCategory_InventoryItem(
            Code=category.code, Name=category.name, Id=category.id),
        ArticleItemId=item.id)


def per_warehouse_line(row: PerWarehouseRow) -> PerWarehouseArticleLine:
    return PerWarehouseArticleLine(
        Article=article_class(row.article), NumberOfLockedItems=row.total("locked"),
        NumberOfItems=row.total("number_of_items"), NumberOfBookedItems=row.total("booked"),
        PerWarehouseStockLines=[_stock_line(line) for line in row.lines])


def _stock_line(line: WarehouseStock) -> PerWarehouseStockLine:
    return PerWarehouseStockLine(
        WarehouseId=line.warehouse.id, WarehouseCode=line.warehouse.code, NumberOfLockedItems=line.locked,
        NumberOfItems=line.number_of_items, NumberOfBookedItems=line.booked,
        AvailableForSaleNumberOfItems=line.available_for_sale, SellableNumberOfItems=line.sellable,
        Reported=ReportedPerArticleAndWarehouse(
            PickedToBeReportedNumberOfItems=line.picked_to_be_reported,
            ReturnedToBeReportedNumberOfItems=line.returned_to_be_reported,
            ReceivedToBeReportedNumberOfItems=line.received_to_be_reported))


def goods_status_line(row: GoodsStatusRow) -> GoodsStatusInventoryLine:
    return GoodsStatusInventoryLine(
        Article=article_class(row.article), NumberOfBookedItems=row.booked, NumberOfItems=row.number_of_items,
        LockedNumberOfItems=row.locked, WarehouseNumberOfItems=row.warehouse_number_of_items,
        LockedWarehouseNumberOfItems=row.locked,
        GoodsStatusInventoryRows=[GoodsStatusInventoryRow(GoodsStatusName=s.name, GoodsStatusCode=s.code,
                                                          NumberOfItems=s.number_of_items, LockedNumberOfItems=s.locked)
                                  for s in row.statuses.values()])


def historical_row(row: HistoricalRow) -> HistoricalInventoryArticleRow:
    article = row.article
    return HistoricalInventoryArticleRow(
        Article=HistoricalInventoryArticle(SystemId=article.id, ArticleNumber=article.article_number,
                                           ArticleName=article.name, ProductCode=article.product_code,
                                           NumberOfItems=row.number_of_items, Price=article.purchase_price),
        Items=[HistoricalInventoryArticleItem(
            NumberOfItems=item.number_of_items, Serial=item.serial, BatchNo=item.batch, InOrderId=item.in_order_id,
            InOrderNumber=item.in_order_number, InOrderLineUnitPrice=item.in_order_unit_price,
            InDate=item.in_date) for item in row.items])


def article_item_change(view: ChangeView, status_ids: dict[str, int], categories: dict[int, Any]) -> ArticleItemChange:
    change, article = view.change, view.article
    return ArticleItemChange(
        Article=Article_GetArticleItemChanges(ArticleDefId=article.id, ArticleNumber=article.article_number,
                                              ProductCode=article.product_code, ArticleName=article.name),
        ArticleItemLogId=change.id, OriginalArticleItemId=change.original_article_item_id,
        ChangeTime=change.changed_at, NumberOfItems=change.number_of_items,
        PreviousVersion=PreviousArticleItemVersion(**_version(change.previous, status_ids, categories)),
        NewVersion=NewArticleItemVersion(IsCurrentVersion=view.is_current,
                                         **_version(change.current, status_ids, categories)))


def _version(values: dict[str, Any], status_ids: dict[str, int], categories: dict[int, Any]) -> dict[str, Any]:
    status, category = values.get("status"), categories.get(values.get("category_id") or 0)
    return {
        "Serial": values.get("serial"), "Batch": values.get("batch"), "ExpiryDate": _time(values.get("expiry_date")),
        "Comment": values.get("comment"), "Container": values.get("container"),
        **{name.capitalize(): _decimal(values.get(name)) for name in ("weight", "volume", "length", "width",
                                                                       "height", "price")},
        "ArticleItemStatus": None if status is None else ArticleItemStatus_GetArticleItemChanges(
            Id=status_ids.get(status, 0), Code=status),
        "ArticleItemCategory": None if category is None else ArticleItemCategory_GetArticleItemChanges(
            Code=category.code, Name=category.name, Id=category.id),
    }


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def updated_item(item: ArticleItem, status_ids: dict[str, int]) -> UpdatedArticleItem:
    return UpdatedArticleItem(
        Article=Article_UpdatedArticleItem(ArticleSystemId=item.article_id), ArticleItemId=item.id,
        OriginalArticleItemId=item.original_id, Serial=item.serial, Batch=item.batch,
        ArticleItemStatusId=status_ids.get(item.status) if item.status else None, NumberOfItems=item.number_of_items,
        ArticleItemCategoryId=item.category_id, IsLockedByItemLock=bool(item.is_locked), ArticleItemPrice=item.price,
        ArticleItemWeight=item.weight, ArticleItemLength=item.length, ArticleItemWidth=item.width,
        ArticleItemHeight=item.height, ArticleItemFreeDecimal1=item.free_decimal1,
        ArticleItemFreeDecimal2=item.free_decimal2)
