"""ProcessGoodsOperationOrder and GetGoodsOperationOrdersByQuery through zeep against the live server, with the
warehouse executing an order in between."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.functional.articles_support import ArticlesClient, make_client
from wms_soap.services.inventory import stock
from wms_soap.services.inventory.articles import lookup_article
from wms_soap.services.production import goods_operations
from wms_soap.store.db import session_scope
from wms_soap.store.inventory import ArticleItemStatus


@pytest.fixture
def api(live_server: Any) -> ArticlesClient:
    client = make_client(live_server, "SHOP")
    assert client.article("MUG", ArticleName="Mug").Success is True
    with session_scope(live_server.session_factory) as session:
        session.add(ArticleItemStatus(code="QUARANTINE", name="Quarantine"))
        article = lookup_article(session, client.goods_owner_id, "ArticleNumber", article_number="MUG")
        assert article is not None
        stock.add_stock(session, goods_owner_id=client.goods_owner_id, article_id=article.id,
                            location_code="A-01", quantity=Decimal(10), batch="B1", comment="test stock")
    return client


def goods_line(api: ArticlesClient, number: str | None = "1", article: str = "MUG", count: int = 4,
               to_status: str | None = "QUARANTINE", status_operation: str = "Find",
               article_operation: str = "Find", batch: str | None = None) -> Any:
    t = api.types
    return t.GoodsOperationOrderLine(
        GoodsOperationOrderLineIdentification="GoodsOperationOrderLineNumber",
        GoodsOperationOrderLineOperation="CreateOrUpdate",
        GoodsOperationOrderLineArticleIdentification="ArticleNumber",
        GoodsOperationOrderLineArticleOperation=article_operation, ArticleNumber=article,
        NumberOfItems=Decimal(count), GoodsOperationOrderLineNumber=number, GoodsOperationOrderLineBatchNumber=batch,
        ToArticleItemStatus=None if to_status is None else t.GoodsOperationOrderLineArticleItemStatus(
            Identification="ArticleItemStatusCode", Operation=status_operation, ArticleItemStatusCode=to_status))


def goods_order(api: ArticlesClient, number: str | None = "GO-1", *lines: Any, **fields: Any) -> Any:
    t = api.types
    return api.call("ProcessGoodsOperationOrder", go=t.GoodsOperationOrder(
        GoodsOperationOrderIdentification="GoodsOperationOrderNumber", GoodsOperationOrderNumber=number,
        GoodsOperationOrderLines=t.ArrayOfGoodsOperationOrderLine(list(lines or (goods_line(api),))), **fields))


def query(api: ArticlesClient, **filters: Any) -> list[Any]:
    orders = api.call("GetGoodsOperationOrdersByQuery", query=api.types.GoodsOperationOrderFilter(**filters))
    return list(orders.GoodsOperationOrderInfo) if orders is not None else []  # zeep unwraps the one-field result


def item_article_id(session: Any, api: ArticlesClient) -> int:
    article = lookup_article(session, api.goods_owner_id, "ArticleNumber", article_number="MUG")
    assert article is not None
    return article.id


def error_type(result: Any) -> str:
    [error] = result.ProcessGoodsOperationOrderErrors.ProcessGoodsOperationOrderError
    assert error.Message
    return str(error.ErrorType)


def test_create_execute_and_query(api: ArticlesClient, live_server: Any) -> None:
    created = goods_order(api, "GO-1", goods_line(api, batch="B1"), GoodsOperationOrderComment="Damaged",
                          GoodsOperationOrderReferenceNumber="REF-7")
    assert created.Success is True and created.GoodsOperationOrderId > 0
    [info] = query(api, GoodsOperationOrderNumbersToGet=api.types.ArrayOfString(["GO-1"]))
    header = info.GoodsOperationOrderHeader
    assert (header.GoodsOperationOrderId, header.GoodsOperationOrderComment, header.GoodsOperationOrderReferenceNumber,
            header.GoodsOperationOrderStatusId, header.NumberOfItems, header.ExecutedNumberOfItems) == (
        created.GoodsOperationOrderId, "Damaged", "REF-7", goods_operations.OPEN, 4, 0)
    assert (header.GoodsOwner.GoodsOwnerId, header.GoodsOwner.GoodsOwnerName) == (api.goods_owner_id,
                                                                                 "Goods owner SHOP")
    with session_scope(live_server.session_factory) as session:
        goods_operations.execute_goods_operation_order(session, created.GoodsOperationOrderId)
    [info] = query(api, GoodsOperationOrderIdsToGet=api.types.ArrayOfInt([created.GoodsOperationOrderId]))
    assert info.GoodsOperationOrderHeader.GoodsOperationOrderStatusId == goods_operations.EXECUTED
    assert info.GoodsOperationOrderHeader.GoodsOperationOrderExecutedTime is not None
    [line] = info.GoodsOperationOrderLines.GoodsOperationOrderLineInfo
    assert (line.Article.ArticleNumber, line.ToArticleItemStatus.ArticleItemStatusCode, line.FromArticleItemStatus,
            line.ExecutedNumberOfItems) == ("MUG", "QUARANTINE", None, 4)
    [item] = line.GoodsOperationOrderItems.GoodsOperationOrderItemInfo
    assert (item.NumberOfItems, item.Location, item.BatchNo) == (4, "A-01", "B1")
    with session_scope(live_server.session_factory) as session:
        items = stock.article_items(session, api.goods_owner_id, item_article_id(session, api))
        assert sorted((i.status or "", i.number_of_items) for i in items if i.number_of_items) == [
            ("", 6), ("QUARANTINE", 4)]
    total = api.call("GetInventoryByQuery", GetInventoryQuery=api.types.GetInventoryQuery(
        ArticleNumbersToGet=api.types.ArrayOfString(["MUG"])))
    assert total.InventoryLines.InventoryLine[0].NumberOfItems == 10
    changed = goods_order(api, "GO-1", goods_line(api, count=1))
    assert changed.Success is False and error_type(changed) == "NotAllowedToUpdateOrderBecauseOfOrderStatus"


def test_update_while_open_and_filters(api: ArticlesClient) -> None:
    first = goods_order(api, "GO-1").GoodsOperationOrderId
    assert goods_order(api, "GO-1", goods_line(api, count=2), goods_line(api, "2", count=1)).GoodsOperationOrderId \
        == first
    second = goods_order(api, "GO-2").GoodsOperationOrderId
    t = api.types
    assert [i.GoodsOperationOrderHeader.GoodsOperationOrderNumber for i in query(api)] == ["GO-1", "GO-2"]
    [info] = query(api, GoodsOperationOrderIdsToGet=t.ArrayOfInt([first]))
    assert [(li.GoodsOperationOrderLineNumber, li.NumberOfItems) for li in
            info.GoodsOperationOrderLines.GoodsOperationOrderLineInfo] == [("1", 2), ("2", 1)]
    assert query(api, GoodsOperationOrderIdsToGet=t.ArrayOfInt([first]),
                 GoodsOperationOrderNumbersToGet=t.ArrayOfString(["GO-2"])) == []
    assert [i.GoodsOperationOrderHeader.GoodsOperationOrderId for i in query(
        api, GoodsOperationOrderNumbersToGet=t.ArrayOfString(["GO-2", "NOPE"]))] == [second]


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"article": "NOPE"}, "ArticleNumberNotFound"),
    ({"number": " "}, "LineNumberMayNotBeEmptyOrWhitespace"),
    ({"to_status": "NOPE"}, "UnableToFindNewArticleItemStatus"),
    ({"count": 0}, "ErrorUpdatingOrderLine"),
    ({"to_status": None}, "ErrorUpdatingOrderLine"),
])
def test_bad_lines_are_rejected_and_nothing_is_written(api: ArticlesClient, kwargs: dict[str, Any],
                                                      expected: str) -> None:
    result = goods_order(api, "GO-9", goods_line(api, "1", count=1), goods_line(api, **{"number": "2", **kwargs}))
    assert result.Success is False and result.GoodsOperationOrderId is None
    assert error_type(result) == expected
    assert query(api) == []


def test_unknown_old_status_and_create_or_update(api: ArticlesClient) -> None:
    t = api.types
    bad = goods_line(api)
    bad.FromArticleItemStatus = t.GoodsOperationOrderLineArticleItemStatus(
        Identification="ArticleItemStatusCode", Operation="Find", ArticleItemStatusCode="BROKEN")
    assert error_type(goods_order(api, "GO-1", bad)) == "UnableToFindOldArticleItemStatus"
    created = goods_order(api, "GO-1", goods_line(api, article="NEW-1", article_operation="CreateOrUpdate",
                                                  to_status="REPAIR", status_operation="CreateOrUpdate"))
    assert created.Success is True
    [line] = query(api)[0].GoodsOperationOrderLines.GoodsOperationOrderLineInfo
    assert (line.Article.ArticleNumber, line.ToArticleItemStatus.ArticleItemStatusCode) == ("NEW-1", "REPAIR")


def test_missing_number_and_goods_owner_isolation(api: ArticlesClient, live_server: Any) -> None:
    assert error_type(goods_order(api, None)) == "GoodsOperationOrderNumberNotSupplied"
    order_id = goods_order(api).GoodsOperationOrderId
    other = make_client(live_server, "OTHER")
    t = other.types
    assert query(other) == []
    assert query(other, GoodsOperationOrderIdsToGet=t.ArrayOfInt([order_id])) == []
    assert query(other, GoodsOperationOrderNumbersToGet=t.ArrayOfString(["GO-1"])) == []
    foreign = goods_order(other, "GO-1")
    assert foreign.Success is False and error_type(foreign) == "ArticleNumberNotFound"


def test_bad_logon_is_in_band(api: ArticlesClient) -> None:
    result = api.service.ProcessGoodsOperationOrder(
        GoodsOwnerCode="SHOP", UserName=api.username, Password="wrong", go=api.types.GoodsOperationOrder(
            GoodsOperationOrderIdentification="GoodsOperationOrderNumber", GoodsOperationOrderNumber="GO-1"))
    assert result.Success is False and error_type(result) == "LogonError"
