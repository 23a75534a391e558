"""In-order operations through zeep against the live server."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from tests.factories import make_api_user, make_goods_owner
from tests.functional.inbound_client import PASSWORD, GoodsOwnerClient, goods_owner_client
from tests.inbound_fixtures import make_article, warehouse_session
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt
from wms_soap.store.db import session_scope
from wms_soap.store.inorders import InOrder


@pytest.fixture
def api(live_server: Any) -> GoodsOwnerClient:
    with session_scope(live_server.session_factory) as session:
        owner = make_goods_owner(session, code="SHOP")
        make_api_user(session, owner, username="WSIshop", password=PASSWORD)
        for number in ("ART-1", "ART-2"):
            make_article(session, owner.id, number)
    return goods_owner_client(live_server.url, "SHOP", "WSIshop")


def send_in_order(api: GoodsOwnerClient, number: str, lines: dict[str, tuple[str, int]],
                  operation: str = "CreateOrUpdate") -> Any:
    t = api.types
    return api.call("ProcessInOrder", co=t.InOrder(
        InOrderInfo=t.InOrderInfoClass(InOrderIdentification="GoodsOwnerOrderNumber", InOrderOperation=operation,
                                       GoodsOwnerOrderNumber=number, ReferenceNumber="REF-" + number,
                                       InDate=datetime(2026, 3, 1, 8, 0)),
        InOrderSupplier=t.InOrderSupplier(InOrderSupplierIdentificationType="SupplierNumber",
                                          InOrderSupplierOperation="CreateOrUpdate", SupplierNumber="S-1",
                                          SupplierName="Acme"),
        InOrderLines=t.ArrayOfInOrderLine([t.InOrderLine(
            OrderLineIdentification="ExternalOrderLineCode", ArticleIdentification="ArticleNumber",
            ExternalOrderLineCode=code, ArticleNumber=article, NumberOfItems=Decimal(count))
            for code, (article, count) in lines.items()])))


def test_process_and_read_back(api: GoodsOwnerClient) -> None:
    result = send_in_order(api, "PO-100", {"10": ("ART-1", 700), "20": ("ART-2", 1000)})
    assert result.Success is True and result.InOrderId > 0 and result.GoodsOwnerOrderNumber == "PO-100"

    found = api.call("GetInOrderByOrderNumber", OrderNumber="PO-100")
    info = found.InOrderInfo
    assert (info.InOrderId, info.InOrderStatusNumber, info.AdvisedNumberOfItems) == (result.InOrderId, 100, 1700)
    assert info.ReferenceNumber == "REF-PO-100" and info.InDate == datetime(2026, 3, 1, 8, 0)
    assert found.InOrderSupplier.SupplierName == "Acme"
    assert [(line.ExternalOrderLineCode, line.Article.ArticleNumber, line.AdvisedNumberOfItems)
            for line in found.ReceivedInOrderLines.ReceivedInOrderLine] == [("10", "ART-1", 700), ("20", "ART-2", 1000)]
    assert api.call("GetInOrderByOrderNumber", OrderNumber="NOPE") is None


def test_errors_are_in_band(api: GoodsOwnerClient, live_server: Any) -> None:
    result = send_in_order(api, "PO-1", {"10": ("UNKNOWN", 1)})
    assert result.Success is False and "UNKNOWN" in result.ErrorMessage
    send_in_order(api, "PO-2", {"10": ("ART-1", 1)})
    duplicate = send_in_order(api, "PO-2", {"10": ("ART-1", 1)}, operation="Create")
    assert duplicate.Success is False and "already exists" in duplicate.ErrorMessage
    wrong = goods_owner_client(live_server.url, "SHOP", "WSIshop", "wrong password")
    assert send_in_order(wrong, "PO-3", {"10": ("ART-1", 1)}).Success is False
    assert api.call("GetInOrderByOrderNumber", OrderNumber="PO-3") is None


def test_query_by_numbers_and_cursor(api: GoodsOwnerClient) -> None:
    ids = [send_in_order(api, f"PO-{n}", {"10": ("ART-1", n + 1)}).InOrderId for n in range(5)]
    t = api.types

    def query(**filters: Any) -> list[int]:
        result = api.call("GetInOrdersByQuery", query=t.InOrderFilters(**filters))
        return [o.InOrderInfo.InOrderId for o in (result.ReceivedInOrder if result is not None else [])]

    assert query(InOrderNumbersToGet=t.ArrayOfString(["PO-1", "PO-3"])) == [ids[1], ids[3]]
    pages, cursor = [], 0
    while page := query(InOrderIdFrom=cursor, MaxInOrdersToGet=2):
        pages.append(page)
        cursor = page[-1] + 1
    assert pages == [ids[0:2], ids[2:4], ids[4:5]]
    assert query(InOrderStatusFrom=200, InOrderStatusTo=500) == []
    assert query(InOrderIdsToGet=t.ArrayOfInt([ids[4]])) == [ids[4]]


def test_update_in_order_and_lines_and_status_reports(api: GoodsOwnerClient) -> None:
    in_order_id = send_in_order(api, "PO-7", {"10": ("ART-1", 10)}).InOrderId
    t = api.types
    updated = api.call("UpdateInOrder", updateInOrder=t.UpdateInOrder(
        InOrderUpdateIdentification=t.InOrderUpdateIdentification(InOrderIdentificationType="GoodsOwnerOrderNumber",
                                                                  GoodsOwnerOrderNumber="PO-7"),
        UpdateInOrderStatus=t.UpdateInOrderStatus(InOrderStatus=200),
        UpdateInOrderFreeText1=t.UpdateInOrderFreeText1(FreeText1="gate 3")))
    assert (updated.Success, updated.InOrderId) == (True, in_order_id)
    lines = api.call("UpdateInOrderLines", UpdateInOrderLines=t.UpdateInOrderLines(
        UpdateInOrderIdentification=t.UpdateInOrderIdentification(InOrderIdentificationType="GoodsOwnerOrderNumber",
                                                                  GoodsOwnerOrderNumber="PO-7", InOrderId=0),
        InOrderLines=t.ArrayOfUpdateInOrderLine([t.UpdateInOrderLine(
            UpdateInOrderLineIdentification=t.UpdateInOrderLineIdentification(
                InOrderLineIdentificationType="ExternalOrderLineCode", ExternalOrderLineCode="10"),
            UpdateReportedNumberOfItems=t.UpdateInOrderLineReportedNumberOfItems(ReportedNumberOfItems=10))])))
    assert lines.Success is True
    missing = api.call("UpdateInOrder", updateInOrder=t.UpdateInOrder(
        InOrderUpdateIdentification=t.InOrderUpdateIdentification(InOrderIdentificationType="GoodsOwnerOrderNumber",
                                                                  GoodsOwnerOrderNumber="NOPE"),
        UpdateInOrderStatus=t.UpdateInOrderStatus(InOrderStatus=200)))
    assert missing.Success is False and "NOPE" in missing.Message

    reports = api.call("GetInOrderStatusReports", query=t.InOrderStatusReportsQuery(
        InOrderNumbersToReport=t.ArrayOfString(["PO-7"])))
    [report] = reports.InOrderStatusReport  # zeep unwraps the one-element result
    assert (report.InOrderId, report.InOrderStatusNumber, report.AdvisedNumberOfItems) == (in_order_id, 200, 10)
    found = api.call("GetInOrderByOrderNumber", OrderNumber="PO-7")
    assert found.InOrderInfo.FreeText1 == "gate 3"
    assert found.ReceivedInOrderLines.ReceivedInOrderLine[0].ReportedNumberOfItems == 10


def test_received_items_show_batch_serial_expiry(api: GoodsOwnerClient, live_server: Any) -> None:
    send_in_order(api, "PO-9", {"10": ("ART-1", 5), "20": ("ART-2", 1)})
    with warehouse_session(live_server.session_factory) as session:
        in_order = session.scalars(select(InOrder).where(InOrder.goods_owner_order_number == "PO-9")).one()
        warehouse_inbound.receive(session, in_order, [
            Receipt(Decimal(2), external_order_line_code="10", batch="LOT-1", expiry_date=datetime(2027, 6, 1)),
            Receipt(Decimal(1), external_order_line_code="20", serial="SN-42")])
    found = api.call("GetInOrderByOrderNumber", OrderNumber="PO-9")
    assert found.InOrderInfo.InOrderStatusNumber == 400
    assert found.InOrderInfo.ReceivedNumberOfItems == 3
    items = found.ReceivedArticleItems.ReceivedArticlItem
    assert [(i.Article.ArticleNumber, i.NumberOfItems, i.Batch, i.Serial) for i in items] == [
        ("ART-1", 2, "LOT-1", None), ("ART-2", 1, None, "SN-42")]
    assert items[0].ExpiryDate == datetime(2027, 6, 1)
