"""One supplier register per goods owner: ProcessArticle and ProcessInOrder find each other's suppliers, as a
web shop that creates its suppliers with the articles and then announces purchase orders expects (issue 13)."""

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from tests.functional.articles_support import ArticlesClient, make_client


@pytest.fixture
def shop(live_server: Any) -> ArticlesClient:
    return make_client(live_server, "SUPPLIERS")


def _in_order(shop: ArticlesClient, number: str, supplier: dict[str, Any]) -> Any:
    t = shop.types
    return shop.call("ProcessInOrder", co=t.InOrder(
        InOrderInfo=t.InOrderInfoClass(InOrderIdentification="GoodsOwnerOrderNumber", InOrderOperation="Create",
                                       GoodsOwnerOrderNumber=number, InDate=datetime(2027, 1, 15, 10, 30)),
        InOrderSupplier=t.InOrderSupplier(**supplier),
        InOrderLines=t.ArrayOfInOrderLine([t.InOrderLine(
            OrderLineIdentification="ExternalOrderLineCode", ArticleIdentification="ArticleNumber",
            ExternalOrderLineCode="1", ArticleNumber="MUG", NumberOfItems=Decimal(5))])))


def _supplier_of_in_order(shop: ArticlesClient, number: str) -> Any:
    found = shop.call("GetInOrdersByQuery", query={"InOrderNumbersToGet": {"string": [number]}})
    return found.ReceivedInOrder[0].InOrderSupplier


def test_an_article_supplier_is_found_by_process_in_order(shop: ArticlesClient) -> None:
    t = shop.types
    created = shop.article("MUG", ArticleName="Mug", MainSupplier=t.Supplier(
        SupplierIdentificationType="SupplierNumber", SupplierOperation="CreateOrUpdate", SupplierNumber="7",
        SupplierName="Nordic Goods AB"), AlternativeSuppliers={"AlternativeSupplier": [{"Supplier": t.Supplier(
            SupplierIdentificationType="SupplierNumber", SupplierOperation="CreateOrUpdate", SupplierNumber="8",
            SupplierName="Second Source"), "LeadTime": 4}]})
    assert created.Success, created.ErrorMessage
    for number, supplier in (("PO-7", "7"), ("PO-8", "8")):
        answer = _in_order(shop, number, {"InOrderSupplierIdentificationType": "SupplierNumber",
                                          "InOrderSupplierOperation": "Find", "SupplierNumber": supplier})
        assert answer.Success, answer.ErrorMessage
    assert _supplier_of_in_order(shop, "PO-7").SupplierName == "Nordic Goods AB"
    assert _supplier_of_in_order(shop, "PO-8").SupplierName == "Second Source"


def test_an_in_order_supplier_is_found_by_process_article(shop: ArticlesClient) -> None:
    t = shop.types
    assert shop.article("MUG", ArticleName="Mug").Success
    announced = _in_order(shop, "PO-1", {"InOrderSupplierIdentificationType": "SupplierNumber",
                                         "InOrderSupplierOperation": "CreateOrUpdate", "SupplierNumber": "S-42",
                                         "SupplierName": "Lager AB"})
    assert announced.Success, announced.ErrorMessage
    found = shop.article("CUP", ArticleName="Cup", MainSupplier=t.Supplier(
        SupplierIdentificationType="SupplierNumber", SupplierOperation="Find", SupplierNumber="S-42"))
    assert found.Success, found.ErrorMessage
    renamed = shop.article("CUP", MainSupplier=t.Supplier(
        SupplierIdentificationType="SupplierNumber", SupplierOperation="CreateOrUpdate", SupplierNumber="S-42",
        SupplierName="Lager & Co AB"))
    assert renamed.Success, renamed.ErrorMessage
    line = shop.call("GetInventoryByQuery", GetInventoryQuery={"ArticleNumbersToGet": {"string": ["CUP"]}})
    article = line.InventoryLines.InventoryLine[0].Article
    assert (article.MainSupplierNumber, article.MainSupplierName) == ("S-42", "Lager & Co AB")
    assert _supplier_of_in_order(shop, "PO-1").SupplierName == "Lager & Co AB"  # one supplier, renamed once


def test_a_supplier_another_goods_owner_has_is_not_found(shop: ArticlesClient, live_server: Any) -> None:
    other = make_client(live_server, "OTHERSUP")
    t = other.types
    assert other.article("MUG", MainSupplier=t.Supplier(
        SupplierIdentificationType="SupplierNumber", SupplierOperation="CreateOrUpdate", SupplierNumber="7",
        SupplierName="Theirs")).Success
    assert shop.article("MUG", ArticleName="Mug").Success
    answer = _in_order(shop, "PO-X", {"InOrderSupplierIdentificationType": "SupplierNumber",
                                      "InOrderSupplierOperation": "Find", "SupplierNumber": "7"})
    assert (answer.Success, answer.ErrorMessage) == (False, "Supplier 7 was not found")
