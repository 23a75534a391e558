"""GetInventoryByQuery and GetInventory through zeep against the live server: every filter, the cursor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import zeep

from tests.functional.articles_support import ArticlesClient, make_client
from tests.inbound_fixtures import warehouse_session
from wms_soap.services.inventory import stock


@pytest.fixture
def api(live_server: Any) -> ArticlesClient:
    api = make_client(live_server, "SHOP")
    t = api.types
    api.article("CUP", ArticleName="Blue cup", ProductCode="P-CUP", BarCode="111", OrderPoint=10,
                PurchasePrice=Decimal(2))
    api.article("MUG", ArticleName="Red mug", ProductCode="P-MUG", OrderPoint=2, AlternativeBarcodes=(
        t.AlternativeBarcodes(AlternativeBarcode=[t.AlternativeBarcodeClass(Barcode="222")])))
    api.article("PLATE", ArticleName="Plate")
    return api


def add_stock(live_server: Any, api: ArticlesClient, number: str, quantity: int, **fields: Any) -> None:
    with warehouse_session(live_server.session_factory) as session:
        from wms_soap.services.inventory.articles import find_article

        article = find_article(session, api.goods_owner_id, "ArticleNumber", article_number=number)
        stock.add_stock(session, goods_owner_id=api.goods_owner_id, article_id=article.id,
                            location_code=fields.pop("location_code", "A-01"), quantity=Decimal(quantity),
                            comment="test", **fields)


def lines(result: Any) -> list[Any]:
    return list(result.InventoryLines.InventoryLine) if result.InventoryLines is not None else []


def query(api: ArticlesClient, **filters: Any) -> list[str]:
    t = api.types
    for name in ("ArticleNumbersToGet", "ProductCodesToGet", "BarCodesToGet", "ArticleNameContains"):
        if name in filters:
            filters[name] = t.ArrayOfString(filters[name])
    result = api.call("GetInventoryByQuery", GetInventoryQuery=t.GetInventoryQuery(**filters))
    assert result.GoodsOwnerId == api.goods_owner_id
    return [line.Article.ArticleNumber for line in lines(result)]


def test_quantities_of_a_line(api: ArticlesClient, live_server: Any) -> None:
    add_stock(live_server, api, "CUP", 6)
    add_stock(live_server, api, "CUP", 4, location_code="Q-01", locked=True)
    result = api.call("GetInventoryByQuery", GetInventoryQuery=api.types.GetInventoryQuery(
        ArticleNumbersToGet=api.types.ArrayOfString(["CUP"])))
    [line] = lines(result)
    assert (line.NumberOfItems, line.NumberOfItemsDecimal, line.NumberOfLockedItems) == (10, Decimal(10), Decimal(4))
    assert (line.SellableNumberOfItems, line.NumberOfBookedItems, line.TotalStockValuationPrice) == (
        Decimal(6), 0, Decimal(20))
    assert line.LastInDate is not None and line.ToReceiveNumberOfItems == 0


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["CUP", "MUG", "PLATE"]),
    ({"ArticleNumbersToGet": ["PLATE", "CUP"]}, ["CUP", "PLATE"]),
    ({"ProductCodesToGet": ["P-MUG"]}, ["MUG"]),
    ({"BarCodesToGet": ["111", "222"]}, ["CUP", "MUG"]),
    ({"ArticleNameContains": ["cup", "MUG"]}, ["CUP", "MUG"]),
    ({"SpecialFilters": {"OnlyArticlesInStock": True}}, ["CUP", "MUG"]),
    ({"ArticlesBelowStockLimit": True}, ["CUP"]),
    ({"ArticlesBelowStockLimitConsideringNumberOfBookedItems": True}, ["CUP"]),
    ({"ArticleNumbersToGet": ["NONE"]}, []),
])
def test_every_filter(api: ArticlesClient, live_server: Any, filters: dict[str, Any], expected: list[str]) -> None:
    add_stock(live_server, api, "CUP", 5)
    add_stock(live_server, api, "MUG", 5)
    if "SpecialFilters" in filters:
        filters["SpecialFilters"] = api.types.GetInventoryByQuerySpecialFilters(**filters["SpecialFilters"])
    assert query(api, **filters) == expected


def test_time_filters(api: ArticlesClient, live_server: Any) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    add_stock(live_server, api, "MUG", 1, at=later + timedelta(minutes=1))
    naive_later = later.replace(tzinfo=None)
    assert query(api, StockInfoChangedFrom=naive_later) == ["MUG"]
    assert query(api, CreatedTimeFrom=naive_later) == []
    assert query(api, CreatedTimeFrom=naive_later - timedelta(days=1)) == ["CUP", "MUG", "PLATE"]


def test_cursor_pages_with_article_system_id_from(api: ArticlesClient) -> None:
    for n in range(4):
        api.article(f"X-{n}")
    seen: list[str] = []
    cursor = 0
    while True:
        result = api.call("GetInventoryByQuery", GetInventoryQuery=api.types.GetInventoryQuery(
            ArticleSystemIdFrom=cursor, MaxArticlesToGet=2))
        page = lines(result)
        if not page:
            break
        assert len(page) <= 2
        seen.extend(line.Article.ArticleNumber for line in page)
        cursor = page[-1].Article.SystemId + 1
    assert seen == ["CUP", "MUG", "PLATE", "X-0", "X-1", "X-2", "X-3"]


def test_get_inventory_returns_everything_of_the_goods_owner(api: ArticlesClient, live_server: Any) -> None:
    other = make_client(live_server, "OTHER")
    other.article("THEIRS")
    result = api.call("GetInventory")
    assert result.GoodsOwnerId == api.goods_owner_id
    assert [line.Article.ArticleNumber for line in lines(result)] == ["CUP", "MUG", "PLATE"]
    assert [line.Article.ArticleNumber for line in lines(other.call("GetInventory"))] == ["THEIRS"]


def test_wrong_credentials_are_a_fault(api: ArticlesClient) -> None:
    """GetInventoryByQuery's result has no Success field, so a failed logon is a SOAP fault."""
    with pytest.raises(zeep.exceptions.Fault):
        api.service.GetInventoryByQuery(GoodsOwnerCode=api.goods_owner_code, UserName=api.username,
                                        Password="wrong password", GetInventoryQuery=api.types.GetInventoryQuery())
    with pytest.raises(zeep.exceptions.Fault):
        api.service.GetInventory(GoodsOwnerId=api.goods_owner_id + 1, UserName=api.username, Password=api.password)
