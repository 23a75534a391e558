"""ProcessProductionOrder, GetProductionOrdersByQuery, UpdateProductionOrderLines and GetProductionArticlesByQuery
through zeep against the live server, with production reported by the warehouse in between."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.functional.articles_support import ArticlesClient, make_client
from wms_soap.services.inventory import stock as stock_changes
from wms_soap.services.production import production
from wms_soap.services.warehouse import production as production_warehouse
from wms_soap.store.db import session_scope


@pytest.fixture
def api(live_server: Any) -> ArticlesClient:
    client = make_client(live_server, "SHOP")
    t = client.types
    for number in ("WOOD", "SCREW"):
        assert client.article(number, ArticleName=number.title()).Success is True
    structure = t.ArticleStructureSpecification(ArticleStructureType="ProductionArticle", StructureArticleDefinition=[
        t.StructureArticleDefinition(NumberOfItems=Decimal(count), SubArticleDefinition=t.ArticleDefinition(
            ArticleOperation="CreateOrUpdate", ArticleIdentification="ArticleNumber", ArticleNumber=number))
        for number, count in (("WOOD", 2), ("SCREW", 8))])
    assert client.article("CHAIR", ArticleName="Chair", ArticleStructureSpecification=structure).Success is True
    return client


@pytest.fixture
def other(live_server: Any) -> ArticlesClient:
    return make_client(live_server, "OTHER")


def production_order(api: ArticlesClient, number: str = "PO-1", *lines: Any, operation: str = "CreateOrUpdate",
                     **fields: Any) -> Any:
    t = api.types
    lines = lines or (line(api, "1", "CHAIR", 5),)
    return api.call("ProcessProductionOrder", ProductionOrder=t.ProductionOrder(
        ProductionOrderIdentification="ProductionOrderNumber", ProductionOrderNumber=number,
        ProductionOrderOperation=operation, ProductionOrderLines=t.ArrayOfProductionOrderLine(list(lines)), **fields))


def line(api: ArticlesClient, number: str, article: str, count: int, specification: Any = None) -> Any:
    return api.types.ProductionOrderLine(
        ProductionOrderLineIdentification="ProductionOrderLineNumber", ProductionOrderLineNumber=number,
        ArticleNumber=article, ToProduceNumberOfItems=Decimal(count), Specification=specification)


def query(api: ArticlesClient, **filters: Any) -> list[Any]:
    orders = api.call("GetProductionOrdersByQuery", query=api.types.ProductionOrderFilters(**filters))
    return list(orders.ProductionOrderInfo) if orders is not None else []  # zeep unwraps the one-field result


def stock(live_server: Any, owner_id: int, numbers: dict[str, int]) -> None:
    with session_scope(live_server.session_factory) as session:
        for number, count in numbers.items():
            article = production.lookup_article(session, owner_id, "ArticleNumber", article_number=number)
            assert article is not None
            stock_changes.add_stock(session, goods_owner_id=owner_id, article_id=article.id, location_code="A-01",
                                quantity=Decimal(count), comment="test stock")


def report(live_server: Any, order_id: int, line_number: str, count: int) -> None:
    with session_scope(live_server.session_factory) as session:
        production_warehouse.report_production(session, order_id, line_number, Decimal(count), location_code="PROD-1")


def errors(result: Any) -> list[tuple[str, str]]:
    return [(e.ErrorType, e.Message) for e in result.ProcessProductionOrderErrors.ProcessProductionOrderError]


def test_production_articles_answer_their_components(api: ArticlesClient, other: ArticlesClient) -> None:
    result = api.call("GetProductionArticlesByQuery", Query=api.types.GetProductionArticlesQuery())
    assert result.Success is True
    [chair] = result.Articles.ProductionArticleInfo
    assert (chair.ArticleNumber, chair.ArticleName) == ("CHAIR", "Chair")
    assert [(s.Article.ArticleNumber, s.ProductionNumberOfItems) for s in chair.Specification
            .ProductionArticleSpecificationLineInfo] == [("WOOD", 2), ("SCREW", 8)]
    by_id = api.call("GetProductionArticlesByQuery", Query=api.types.GetProductionArticlesQuery(
        ArticleDefIds=api.types.ArrayOfInt([chair.ArticleDefId])))
    assert [a.ArticleDefId for a in by_id.Articles.ProductionArticleInfo] == [chair.ArticleDefId]
    foreign = other.call("GetProductionArticlesByQuery", Query=other.types.GetProductionArticlesQuery(
        ArticleDefIds=other.types.ArrayOfInt([chair.ArticleDefId])))
    assert foreign.Success is True and foreign.Articles is None


def test_create_report_and_query_production(api: ArticlesClient, live_server: Any) -> None:
    created = production_order(api, ProductionOrderComment="Ten chairs", ProductionDate=datetime(2026, 12, 1))
    assert created.Success is True and created.ProductionOrderId > 0
    [info] = query(api, ProductionOrderNumberToGet=api.types.ArrayOfString(["PO-1"]))
    header = info.ProductionOrderHeader
    assert (header.ProductionOrderId, header.OrderNumber, header.Comment, header.ProductionOrderStatus) == (
        created.ProductionOrderId, "PO-1", "Ten chairs", production.OPEN)
    assert (header.OrderedNumberOfItems, header.ProducedNumberOfItems, header.StartProductionTime) == (5, 0, None)
    stock(live_server, api.goods_owner_id, {"WOOD": 10, "SCREW": 50})
    before = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)
    report(live_server, created.ProductionOrderId, "1", 2)
    [info] = query(api, LastProductionTimeFrom=before)
    [line_info] = info.ProductionOrderLines.ProductionOrderLineInfo
    assert (line_info.ArticleNumber, line_info.OrderedNumberOfItems, line_info.ProducedNumberOfItems) == (
        "CHAIR", 5, 2)
    assert sorted((c.ArticleNumber, c.NumberOfItems) for c in line_info.Consumed.ProductionOrderLineConsumedInfo) == [
        ("SCREW", 16), ("WOOD", 4)]
    [produced] = line_info.Produced.ProductionOrderLineProducedInfo
    assert produced.NumberOfItems == 2 and produced.ArticleItemId > 0
    assert info.ProductionOrderHeader.ProductionOrderStatus == production.STARTED
    inventory_answer = api.call("GetInventoryByQuery", GetInventoryQuery=api.types.GetInventoryQuery(
        ArticleNumbersToGet=api.types.ArrayOfString(["CHAIR", "WOOD", "SCREW"])))
    assert {i.Article.ArticleNumber: i.NumberOfItems for i in inventory_answer.InventoryLines.InventoryLine} == {
        "WOOD": 6, "SCREW": 34, "CHAIR": 2}
    assert query(api, LastProductionTimeTo=before) == []


def test_every_filter(api: ArticlesClient, live_server: Any) -> None:
    first = production_order(api, "PO-1").ProductionOrderId
    second = production_order(api, "PO-2").ProductionOrderId
    stock(live_server, api.goods_owner_id, {"WOOD": 10, "SCREW": 40})
    report(live_server, second, "1", 5)
    t = api.types

    def numbers(**filters: Any) -> list[str]:
        return [i.ProductionOrderHeader.OrderNumber for i in query(api, **filters)]

    assert numbers() == ["PO-1", "PO-2"]
    assert numbers(ProductionOrderIdToGet=t.ArrayOfInt([first])) == ["PO-1"]
    assert numbers(ProductionOrderStatusFrom=production.FINISHED) == ["PO-2"]
    assert numbers(ProductionOrderStatusTo=production.OPEN) == ["PO-1"]
    assert numbers(LastProducedTimeFrom=datetime(2000, 1, 1)) == ["PO-2"]
    assert numbers(LastProducedTimeTo=datetime(2000, 1, 1)) == []
    special = t.ProductionOrderSpecialFilters(OnlyProductionOrdersWithLinesToReport=True)
    assert numbers(ProductionOrderSpecialFilters=special) == ["PO-2"]
    reported = api.call("UpdateProductionOrderLines", UpdateProductionOrderLines=t.UpdateProductionOrderLines(
        UpdateProductionOrderIdentification=t.UpdateProductionOrderIdentification(
            ProductionOrderIdentificationType="ProductionOrderId", ProductionOrderId=second),
        ProductionOrderLines=t.ArrayOfUpdateProductionOrderLine([t.UpdateProductionOrderLine(
            UpdateProductionOrderLineIdentification=t.UpdateProductionOrderLineIdentification(
                ProductionOrderLineIdentificationType="ProductionOrderLineNumber", ProductionOrderLineNumber="1"),
            UpdateReportedNumberOfItems=t.UpdateProductionOrderLineReportedNumberOfItems(
                ReportedNumberOfItems=Decimal(5)))])))
    assert reported.Success is True and reported.ProductionOrderId == second
    [line_result] = reported.UpdateProductionOrderLinesResults.UpdateProductionOrderLineResult
    assert line_result.Success is True and line_result.ProductionOrderLineNumber == "1"
    assert numbers(ProductionOrderSpecialFilters=special) == []
    [info] = query(api, ProductionOrderIdToGet=t.ArrayOfInt([second]))
    assert info.ProductionOrderLines.ProductionOrderLineInfo[0].ReportedNumberOfItems == 5


def test_update_lines_is_all_or_nothing(api: ArticlesClient) -> None:
    order_id = production_order(api).ProductionOrderId
    t = api.types

    def update(number: str, count: int) -> Any:
        return t.UpdateProductionOrderLine(
            UpdateProductionOrderLineIdentification=t.UpdateProductionOrderLineIdentification(
                ProductionOrderLineIdentificationType="ProductionOrderLineNumber", ProductionOrderLineNumber=number),
            UpdateReportedNumberOfItems=t.UpdateProductionOrderLineReportedNumberOfItems(
                ReportedNumberOfItems=Decimal(count)))

    result = api.call("UpdateProductionOrderLines", UpdateProductionOrderLines=t.UpdateProductionOrderLines(
        UpdateProductionOrderIdentification=t.UpdateProductionOrderIdentification(
            ProductionOrderIdentificationType="ProductionOrderNumber", ProductionOrderNumber="PO-1",
            ProductionOrderId=0),
        ProductionOrderLines=t.ArrayOfUpdateProductionOrderLine([update("1", 3), update("9", 1)])))
    assert result.Success is False and "nothing was changed" in result.Message
    assert [(r.ProductionOrderLineNumber, r.Success) for r in result.UpdateProductionOrderLinesResults
            .UpdateProductionOrderLineResult] == [("1", True), ("9", False)]
    [info] = query(api, ProductionOrderIdToGet=t.ArrayOfInt([order_id]))
    assert info.ProductionOrderLines.ProductionOrderLineInfo[0].ReportedNumberOfItems is None
    missing = api.call("UpdateProductionOrderLines", UpdateProductionOrderLines=t.UpdateProductionOrderLines(
        UpdateProductionOrderIdentification=t.UpdateProductionOrderIdentification(
            ProductionOrderIdentificationType="ProductionOrderNumber", ProductionOrderNumber="NOPE",
            ProductionOrderId=0)))
    assert missing.Success is False and "NOPE was not found" in missing.Message


def test_update_and_remove(api: ArticlesClient) -> None:
    t = api.types
    order_id = production_order(api).ProductionOrderId
    spec = t.ProductionOrderLineSpecification(Lines=t.ArrayOfProductionSpecificationArticleLine([
        t.ProductionSpecificationArticleLine(
            Article=t.Article_ProductionSpecificationArticleLine(ArticleIdentification="ArticleNumber",
                                                                 ArticleNumber="WOOD"),
            ToConsumeNumberOfItems=Decimal(3), LineNumber="A")]))
    updated = production_order(api, "PO-1", line(api, "1", "CHAIR", 7), line(api, "2", "CHAIR", 1, spec))
    assert updated.Success is True and updated.ProductionOrderId == order_id
    [info] = query(api)
    assert [(li.ProductionOrderLineNumber, li.OrderedNumberOfItems) for li in
            info.ProductionOrderLines.ProductionOrderLineInfo] == [("1", 7), ("2", 1)]
    removed = production_order(api, "PO-1", operation="Remove")
    assert removed.Success is True and removed.ProductionOrderId == order_id
    [info] = query(api)
    assert info.ProductionOrderHeader.ProductionOrderStatus == production.CANCELLED
    again = production_order(api, "PO-1")
    assert again.Success is False and errors(again)[0][0] == "UnknownError" and "cancelled" in errors(again)[0][1]


@pytest.mark.parametrize(("lines", "error_type"), [
    ((("1", "NOPE", 1),), "NonExistingArticleSupplied"),
    ((("1", "WOOD", 1),), "NoneProductionArticleSupplied"),
    ((("1", "CHAIR", 0),), "ToProduceNumberOfItemsNotAPositiveValue"),
    ((("1", "CHAIR", 1), ("", "CHAIR", 1)), "ErrorUpdatingProductionOrderLine"),
])
def test_bad_lines_are_rejected_and_nothing_is_written(api: ArticlesClient, lines: Any, error_type: str) -> None:
    result = production_order(api, "PO-9", *(line(api, *spec) for spec in lines))
    assert result.Success is False and result.ProductionOrderId is None
    [(kind, message)] = errors(result)
    assert kind == error_type and message
    assert query(api) == []


@pytest.mark.parametrize(("lines", "error_type"), [
    ([], "NoSpecificationLinesSpecified"),
    ([("", "WOOD", 1)], "SpecificationLineIsMissingLineNumber"),
    ([("A", "WOOD", 1), ("A", "SCREW", 1)], "SpecificationLineNumbersAreNotUnique"),
    ([("A", None, 1)], "SpecificationLineIsMissingArticleIdentificationField"),
    ([("A", "NOPE", 1)], "NonExistingArticleSupplied"),
])
def test_bad_specifications_are_rejected(api: ArticlesClient, lines: list[Any], error_type: str) -> None:
    t = api.types
    spec = t.ProductionOrderLineSpecification(Lines=t.ArrayOfProductionSpecificationArticleLine([
        t.ProductionSpecificationArticleLine(
            Article=t.Article_ProductionSpecificationArticleLine(ArticleIdentification="ArticleNumber",
                                                                 ArticleNumber=article),
            ToConsumeNumberOfItems=Decimal(count), LineNumber=number) for number, article, count in lines]))
    result = production_order(api, "PO-9", line(api, "1", "CHAIR", 1, spec))
    assert result.Success is False and errors(result)[0][0] == error_type
    assert query(api) == []


def test_missing_number_and_goods_owner_isolation(api: ArticlesClient, other: ArticlesClient) -> None:
    result = production_order(api, "  ")
    assert result.Success is False and errors(result)[0][0] == "ProductionOrderNumberNotSupplied"
    order_id = production_order(api).ProductionOrderId
    t = other.types
    assert query(other) == []
    assert query(other, ProductionOrderIdToGet=t.ArrayOfInt([order_id])) == []
    update = other.call("UpdateProductionOrderLines", UpdateProductionOrderLines=t.UpdateProductionOrderLines(
        UpdateProductionOrderIdentification=t.UpdateProductionOrderIdentification(
            ProductionOrderIdentificationType="ProductionOrderId", ProductionOrderId=order_id)))
    assert update.Success is False and "was not found" in update.Message
    removal = production_order(other, "PO-1", operation="Remove")
    assert removal.Success is False and "was not found" in errors(removal)[0][1]
    assert query(api)[0].ProductionOrderHeader.ProductionOrderStatus == production.OPEN


def test_bad_logon_is_in_band(api: ArticlesClient) -> None:
    t = api.types
    result = api.service.ProcessProductionOrder(
        GoodsOwnerCode="SHOP", UserName=api.username, Password="wrong", ProductionOrder=t.ProductionOrder(
            ProductionOrderIdentification="ProductionOrderNumber", ProductionOrderNumber="PO-1",
            ProductionOrderOperation="CreateOrUpdate"))
    assert result.Success is False and errors(result)[0][0] == "LogonError"
