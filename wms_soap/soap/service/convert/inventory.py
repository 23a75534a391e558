"""Inventory: wire GetInventoryQuery to the domain InventoryQuery, inventory rows to wire InventoryLines."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from wms_soap.services.inventory.inventory import InventoryQuery, InventoryRow
from wms_soap.soap.service.convert.articles import article_class
from wms_soap.soap.service.convert.construct import constructor
from wms_soap.soap.service.types.inventory import InventoryLine, InventoryResult


def strings(values: Any) -> list[str]:
    return [value for value in (values or []) if value is not None and value != ""]


def as_utc(moment: datetime | None) -> datetime | None:
    """Wire times with an offset are moved to UTC; times without one are taken as UTC."""
    if moment is None:
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def inventory_query(query: Any) -> InventoryQuery:
    """Every GetInventoryQuery filter; a missing query asks for everything."""
    if query is None:
        return InventoryQuery()
    special = query.SpecialFilters
    return InventoryQuery(
        article_numbers=strings(query.ArticleNumbersToGet), product_codes=strings(query.ProductCodesToGet),
        bar_codes=strings(query.BarCodesToGet), name_contains=strings(query.ArticleNameContains),
        stock_info_changed_from=as_utc(query.StockInfoChangedFrom), created_from=as_utc(query.CreatedTimeFrom),
        below_stock_limit=bool(query.ArticlesBelowStockLimit),
        below_stock_limit_considering_booked=bool(query.ArticlesBelowStockLimitConsideringNumberOfBookedItems),
        only_in_stock=bool(special is not None and special.OnlyArticlesInStock),
        system_id_from=query.ArticleSystemIdFrom, max_articles=query.MaxArticlesToGet,
    )


_new_inventory_line = constructor(InventoryLine)


def inventory_line(row: InventoryRow) -> InventoryLine:
    stock = row.stock
    return _new_inventory_line(
        Article=article_class(row.article), NumberOfBookedItems=int(stock.booked),
        NumberOfItems=int(stock.number_of_items), NumberOfLockedItems=stock.locked,
        LastInDate=stock.last_in_date, ToReceiveNumberOfItems=stock.to_receive,
        AllocatedNumberOfItems=stock.allocated, LockedForSaleNumberOfItems=stock.locked,
        NumberOfItemsDecimal=stock.number_of_items, NumberOfBookedItemsDecimal=stock.booked,
        PickedToBeCollectedNumberOfItems=stock.picked_to_be_collected,
        ReceivedToBeFinishedNumberOfItems=stock.received_to_be_finished, TotalStockValuationPrice=row.valuation,
        SellableNumberOfItems=stock.sellable, PickedToBeReportedNumberOfItems=stock.picked_to_be_reported,
        ReturnedToBeReportedNumberOfItems=stock.returned_to_be_reported,
        ReceivedToBeReportedNumberOfItems=stock.received_to_be_reported,
    )


def inventory_result(goods_owner_id: int, rows: list[InventoryRow]) -> InventoryResult:
    return InventoryResult(InventoryLines=[inventory_line(row) for row in rows], GoodsOwnerId=goods_owner_id)
