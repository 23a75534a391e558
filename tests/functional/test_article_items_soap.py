"""GetInventoryItems, GetInventoryPerWarehouse, GetGoodsStatusInventory, GetHistoricalInventoryByQuery,
UpdateArticleItems and GetArticleItemChanges through zeep against the live server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import zeep

from tests.factories import make_warehouse
from tests.functional.articles_support import ArticlesClient, make_client
from tests.inbound_fixtures import warehouse_session
from wms_soap.services.inventory import article_items
from wms_soap.services.inventory import stock as stock_changes
from wms_soap.services.inventory.articles import find_article
from wms_soap.store.access import GoodsOwner

T0 = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.fixture
def api(live_server: Any) -> ArticlesClient:
    api = make_client(live_server, "SHOP")
    for number in ("CUP", "MUG", "PLATE"):
        api.article(number, ArticleName=f"A {number.lower()}", PurchasePrice=Decimal(2))
    return api


@pytest.fixture
def other(live_server: Any) -> ArticlesClient:
    other = make_client(live_server, "OTHER")
    other.article("CUP")
    stock(live_server, other, "CUP", 7, batch="THEIRS")
    return other


def stock(live_server: Any, api: ArticlesClient, number: str, quantity: int, **fields: Any) -> int:
    with warehouse_session(live_server.session_factory) as session:
        article = find_article(session, api.goods_owner_id, "ArticleNumber", article_number=number)
        return stock_changes.add_stock(session, goods_owner_id=api.goods_owner_id, article_id=article.id,
                                   location_code=fields.pop("location_code", "A-01"), quantity=Decimal(quantity),
                                   comment="test", **fields)


def items(api: ArticlesClient, **query: Any) -> list[tuple[str, list[Any]]]:
    t = api.types
    for name in ("FilterBySerial", "FilterByArticleNumber"):
        if name in query:
            query[name] = t.ArrayOfString(query[name])
    query.setdefault("GetZeroStockArticles", False)
    result = api.service.GetInventoryItems(GoodsOwnerId=api.goods_owner_id, UserName=api.username,
                                           Password=api.password, InventoryItemsQuery=t.InventoryItemsQuery(**query))
    assert result.GoodsOwnerId == api.goods_owner_id
    lines = result.InventoryItemLines.InventoryItemLine if result.InventoryItemLines else []
    return [(line.Article.ArticleNumber, list(line.InventoryItems.InventoryItem) if line.InventoryItems else [])
            for line in lines]


def test_inventory_items_with_their_properties(api: ArticlesClient, other: ArticlesClient, live_server: Any) -> None:
    stock(live_server, api, "CUP", 5, batch="B1", expiry_date=datetime(2031, 6, 1, tzinfo=UTC), status="OK")
    stock(live_server, api, "CUP", 1, serial="S-1", location_code="B-02", locked=True)
    stock(live_server, api, "MUG", 2)
    [(cup, [first, second]), (mug, [_])] = items(api)
    assert (cup, mug) == ("CUP", "MUG")
    assert (first.Batch, first.NumberOfItems, first.ArticleItemStatusCode, first.Location, first.IsLocked) == (
        "B1", Decimal(5), "OK", "A-01", False)
    assert first.ExpiryDate == datetime(2031, 6, 1) and first.ArticleItemId > 0
    assert (second.Serial, second.IsLocked, second.LockCauses.ByItemLock) == ("S-1", True, True)
    assert [n for n, _ in items(api, GetZeroStockArticles=True)] == ["CUP", "MUG", "PLATE"]
    assert [(n, [i.Serial for i in found]) for n, found in items(api, FilterBySerial=["S-1"])] == [("CUP", ["S-1"])]
    assert [n for n, _ in items(api, FilterByArticleNumber=["MUG"])] == ["MUG"]
    assert [[i.NumberOfItems for i in found] for _, found in items(api, IsLocked=True)] == [[Decimal(1)]]
    assert [n for n, _ in items(api, ArticleSystemIdFrom=0, MaxArticlesToGet=1)] == ["CUP"]
    assert all(i.Batch != "THEIRS" for _, found in items(api) for i in found)


def test_inventory_items_of_another_goods_owner_id_is_a_fault(api: ArticlesClient, other: ArticlesClient) -> None:
    with pytest.raises(zeep.exceptions.Fault):
        api.service.GetInventoryItems(GoodsOwnerId=other.goods_owner_id, UserName=api.username,
                                      Password=api.password,
                                      InventoryItemsQuery=api.types.InventoryItemsQuery(GetZeroStockArticles=True))


def test_inventory_per_warehouse(api: ArticlesClient, other: ArticlesClient, live_server: Any) -> None:
    with warehouse_session(live_server.session_factory) as session:
        home = make_warehouse(session, code="HOME")
        north = make_warehouse(session, code="NORTH")
        session.get(GoodsOwner, api.goods_owner_id).warehouse_id = home.id  # type: ignore[union-attr]
        stock_changes.location(session, "N-01", warehouse_id=north.id)
        home_id, north_id = home.id, north.id
    stock(live_server, api, "CUP", 4)
    stock(live_server, api, "CUP", 3, location_code="N-01")
    stock(live_server, api, "CUP", 1, location_code="Q-01", locked=True)
    t = api.types
    result = api.call("GetInventoryPerWarehouse", InventoryPerWarehouseQuery=t.GetInventoryPerWarehouseQuery(
        ArticleNumbersToGet=t.ArrayOfString(["CUP", "MUG"])))
    assert result.Success is True
    cup, mug = result.PerWarehouseArticleLines.PerWarehouseArticleLine
    assert (cup.Article.ArticleNumber, cup.NumberOfItems, cup.NumberOfLockedItems) == ("CUP", 8, 1)
    lines = [(s.WarehouseId, s.WarehouseCode, s.NumberOfItems, s.NumberOfLockedItems, s.SellableNumberOfItems)
             for s in cup.PerWarehouseStockLines.PerWarehouseStockLine]
    assert lines == [(home_id, "HOME", 5, 1, 4), (north_id, "NORTH", 3, 0, 3)]
    assert (mug.Article.ArticleNumber, mug.NumberOfItems, mug.PerWarehouseStockLines) == ("MUG", 0, None)
    in_stock = api.call("GetInventoryPerWarehouse", InventoryPerWarehouseQuery=t.GetInventoryPerWarehouseQuery(
        SpecialFilters=t.GetInventoryPerWarehouseByQuerySpecialFilters(OnlyArticlesInStock=True),
        GetInventoryForWarehouseIds=t.ArrayOfInt([north_id])))
    [line] = in_stock.PerWarehouseArticleLines.PerWarehouseArticleLine
    assert [s.WarehouseCode for s in line.PerWarehouseStockLines.PerWarehouseStockLine] == ["NORTH"]


def test_inventory_per_warehouse_logon_error_is_in_band(api: ArticlesClient) -> None:
    result = api.service.GetInventoryPerWarehouse(GoodsOwnerCode=api.goods_owner_code, UserName=api.username,
                                                  Password="wrong", InventoryPerWarehouseQuery=None)
    assert result.Success is False
    assert result.GetInventoryPerWarehouseErrors.GetInventoryPerWarehouseError[0].ErrorType == "LogonError"


def test_goods_status_inventory(api: ArticlesClient, other: ArticlesClient, live_server: Any) -> None:
    stock(live_server, api, "CUP", 5, status="OK")
    stock(live_server, api, "CUP", 2, status="QUARANTINE", locked=True, location_code="Q-01")
    t = api.types
    result = api.call("GetGoodsStatusInventory", query=t.GoodsStatusInventoryQuery(
        ArticleNumbersToGet=t.ArrayOfString(["CUP"]), ArticleUpdatedFrom=None, ArticleUpdatedTo=None,
        GoodsStatusInventoryType="UnPickedGoods"))
    assert result.GoodsOwnerId == api.goods_owner_id and result.Generated is not None
    [line] = result.GoodsStatusInventoryLines.GoodsStatusInventoryLine
    assert (line.NumberOfItems, line.LockedNumberOfItems, line.WarehouseNumberOfItems) == (7, 2, 7)
    rows = {(r.GoodsStatusCode, r.NumberOfItems, r.LockedNumberOfItems)
            for r in line.GoodsStatusInventoryRows.GoodsStatusInventoryRow}
    assert rows == {("OK", 5, 0), ("QUARANTINE", 2, 2)}


def test_historical_inventory(api: ArticlesClient, other: ArticlesClient, live_server: Any) -> None:
    item_id = stock(live_server, api, "CUP", 10, batch="B1", at=T0)
    with warehouse_session(live_server.session_factory) as session:
        stock_changes.remove_stock(session, article_item_id=item_id, quantity=Decimal(4), comment="picked",
                               at=T0 + timedelta(days=2))

    def at(moment: datetime, **query: Any) -> Any:
        wire = api.types.GetHistoricalInventoryQuery(StockDate=moment, OutboundDateType="PickingTime", **query)
        return api.call("GetHistoricalInventoryByQuery", GetHistoricalInventoryQuery=wire)

    before = at(T0 - timedelta(days=1))
    assert before.Success is True and before.Rows is None
    [row] = at(T0 + timedelta(days=1)).Rows.HistoricalInventoryArticleRow
    assert (row.Article.ArticleNumber, row.Article.NumberOfItems, row.Article.Price) == ("CUP", 10, 2)
    assert [(i.NumberOfItems, i.BatchNo) for i in row.Items.HistoricalInventoryArticleItem] == [(10, "B1")]
    assert at(T0 + timedelta(days=3)).Rows.HistoricalInventoryArticleRow[0].Article.NumberOfItems == 6
    unknown = at(T0, WarehouseCode="NOWHERE")
    assert unknown.Success is False and "NOWHERE" in unknown.Message


def update(api: ArticlesClient, ident: dict[str, Any], **changes: Any) -> Any:
    t = api.types
    ident.setdefault("StockStatus", "IsInStock")
    return api.call("UpdateArticleItems", Operation=t.UpdateArticleItemsOperation(
        Identification=t.UpdateArticleItemsIdentification(**ident), **changes))


def test_update_article_items_and_read_the_changes(api: ArticlesClient, live_server: Any) -> None:
    item_id = stock(live_server, api, "CUP", 5, batch="B1", status="OK")
    with warehouse_session(live_server.session_factory) as session:
        article_items.register_status(session, "DAMAGED", "Damaged")
    t = api.types
    result = update(api, {"ArticleNumber": "CUP"}, NumberOfItemsToUpdate=Decimal(2),
                    UpdateArticleItemStatus=t.UpdateArticleItemStatus(ArticleItemStatusCode="DAMAGED"),
                    UpdateArticleItemBatch=t.UpdateArticleItemBatch(Batch="B2"))
    assert result.Success is True and result.Errors is None
    [changed] = result.UpdatedArticleItems.UpdatedArticleItem
    assert (changed.OriginalArticleItemId, changed.NumberOfItems, changed.Batch) == (item_id, 2, "B2")
    assert changed.ArticleItemId != item_id and changed.ArticleItemStatusId is not None
    [(_, found)] = items(api)
    assert sorted((i.NumberOfItems, i.Batch, i.ArticleItemStatusCode, i.ArticleItemStatusName) for i in found) == [
        (2, "B2", "DAMAGED", "Damaged"), (3, "B1", "OK", "OK")]

    log = api.call("GetArticleItemChanges", Query=t.GetArticleItemChangesQuery(FromArticleItemLogId=0))
    assert log.Success is True
    [change] = log.ArticleItemChanges.ArticleItemChange
    assert (change.Article.ArticleNumber, change.OriginalArticleItemId, change.NumberOfItems) == ("CUP", item_id, 2)
    assert (change.PreviousVersion.Batch, change.PreviousVersion.ArticleItemStatus.Code) == ("B1", "OK")
    assert (change.NewVersion.Batch, change.NewVersion.ArticleItemStatus.Code) == ("B2", "DAMAGED")
    assert change.NewVersion.IsCurrentVersion is True
    only_weight = api.call("GetArticleItemChanges", Query=t.GetArticleItemChangesQuery(
        OnlyGetChanges=t.ArrayOfArticleItemChangeType(["Weight"])))
    assert only_weight.ArticleItemChanges is None
    after = api.call("GetArticleItemChanges", Query=t.GetArticleItemChangesQuery(
        FromArticleItemLogId=change.ArticleItemLogId + 1, MaxChangesToGet=10))
    assert after.ArticleItemChanges is None


@pytest.mark.parametrize(("ident", "changes", "error_type"), [
    ({}, {"UpdateArticleItemLock": {"IsLockedByItemLock": True}}, "InvalidIdentification"),
    ({"ArticleNumber": "CUP"}, {}, "NoUpdateOperationSpecified"),
    ({"ArticleNumber": "NOPE"}, {"UpdateArticleItemLock": {"IsLockedByItemLock": True}}, "ArticleNotFound"),
    ({"ArticleNumber": "CUP"}, {"UpdateArticleItemStatus": {"ArticleItemStatusCode": "X"}},
     "ArticleItemStatusNotFound"),
    ({"ArticleNumber": "CUP"}, {"NumberOfItemsToUpdate": Decimal(9), "UpdateArticleItemLock": {
        "IsLockedByItemLock": True}}, "ArticleItemDivideFailed"),
])
def test_refused_updates_say_why_and_change_nothing(api: ArticlesClient, live_server: Any, ident: dict[str, Any],
                                                    changes: dict[str, Any], error_type: str) -> None:
    stock(live_server, api, "CUP", 5)
    result = update(api, ident, **changes)
    assert result.Success is False and result.UpdatedArticleItems is None
    [error] = result.Errors.UpdateArticleItemsResultError
    assert error.ErrorType == error_type and error.Message
    [(_, [item])] = items(api)
    assert (item.NumberOfItems, item.IsLocked, item.ArticleItemStatusCode) == (5, False, None)
    assert api.call("GetArticleItemChanges", Query=None).ArticleItemChanges is None


def test_another_goods_owners_article_item_is_not_found(api: ArticlesClient, other: ArticlesClient) -> None:
    [(_, [theirs])] = items(other)
    result = update(api, {"ArticleItemId": theirs.ArticleItemId},
                    UpdateArticleItemLock=api.types.UpdateArticleItemLock(IsLockedByItemLock=True))
    assert result.Errors.UpdateArticleItemsResultError[0].ErrorType == "NoArticleItemsFound"
    assert items(other)[0][1][0].IsLocked is False
