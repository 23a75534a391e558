"""ProcessReturnOrder and GetReturnOrdersByQuery through zeep against the live server."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from tests.factories import make_api_user, make_goods_owner, make_warehouse
from tests.functional.inbound_client import PASSWORD, GoodsOwnerClient, goods_owner_client
from tests.inbound_fixtures import make_article, make_shipped_order
from wms_soap.services.inbound import returns
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import ReturnReceipt
from wms_soap.store.access import GoodsOwner
from wms_soap.store.db import session_scope
from wms_soap.store.returns import ReturnCause, ReturnOrder, ReturnOrderLine


@pytest.fixture
def shipped_order_id(live_server: Any) -> int:
    with session_scope(live_server.session_factory) as session:
        owner = make_goods_owner(session, code="SHOP")
        make_api_user(session, owner, username="WSIshop", password=PASSWORD)
        shoe = make_article(session, owner.id, "SHOE")
        return make_shipped_order(session, owner.id, "WEB-51107", {"1": (shoe, 2)}).id


@pytest.fixture
def api(live_server: Any, shipped_order_id: int) -> GoodsOwnerClient:
    return goods_owner_client(live_server.url, "SHOP", "WSIshop")


def return_order(api: GoodsOwnerClient, order_id: int, article: str = "SHOE", count: int = 2,
                 cause_operation: str = "FindOrCreate") -> Any:
    t = api.types
    return api.call("ProcessReturnOrder", ReturnOrder=t.ReturnOrder(
        ReturnCustomerOrderIdentification="OrderId", ReturnOrderIdentification="CustomerOrder", OrderId=order_id,
        ReturnOrderNumber="RMA-1", ReturnOrderComment="Too small", ReturnInDate=datetime(2021, 1, 2),
        ReturnOrderLines=t.ArrayOfReturnOrderLine([t.ReturnOrderLine(
            ReturnOrderLineIdentification="ArticleNumber", ArticleNumber=article,
            ToBeReturnedNumberOfItems=Decimal(count),
            ReturnCause=t.ReturnCause(ReturnCauseOperation=cause_operation, ReturnCauseCode="SIZE",
                                      ReturnCauseName="Wrong size"))])))


def test_process_and_query_return_order(api: GoodsOwnerClient, shipped_order_id: int, live_server: Any) -> None:
    result = return_order(api, shipped_order_id)
    assert result.Success is True and result.ReturnOrderId > 0
    t = api.types
    found = api.call("GetReturnOrdersByQuery", ReturnOrdersQuery=t.GetReturnOrdersQuery(
        CustomerOrderNumbersToGet=t.ArrayOfString(["WEB-51107"])))
    assert found.Success is True
    [info] = found.ReturnOrders.ReturnOrderInfo
    assert (info.OrderId, info.OrderNumber, info.ReturnOrderId, info.ReturnOrderNumber) == (
        shipped_order_id, "WEB-51107", result.ReturnOrderId, "RMA-1")
    assert info.ReturnInDate == datetime(2021, 1, 2) and info.ReturnOrderStatusId == 100
    [line] = info.ReturnOrderLines.ReturnOrderLineInfo
    assert (line.ArticleNumber, line.PickedNumberOfItems, line.ToBeReturnedNumberOfItems, line.ReturnCauseCode) == (
        "SHOE", 2, 2, "SIZE")

    with session_scope(live_server.session_factory) as session:
        stored = warehouse_inbound.find_return_order(session, result.ReturnOrderId)
        warehouse_inbound.receive_return(session, stored, [
            ReturnReceipt(Decimal(2), article_number="SHOE", location_code="RET-1")])
    after = api.call("GetReturnOrdersByQuery", ReturnOrdersQuery=t.GetReturnOrdersQuery(
        GoodsReturnedFromDate=datetime(2020, 1, 1), ReturnOrderStatusFrom=500))
    [info] = after.ReturnOrders.ReturnOrderInfo
    [line] = info.ReturnOrderLines.ReturnOrderLineInfo
    assert line.ReturnedNumberOfItems == 2
    assert line.ReturnedArticleItems.ReturnedArticleItem[0].NumberOfItems == 2


def test_errors_carry_their_error_type(api: GoodsOwnerClient, shipped_order_id: int, live_server: Any) -> None:
    missing = return_order(api, 999999)
    assert missing.Success is False and missing.ReturnOrderId is None
    assert missing.ProcessReturnOrderErrors.ProcessReturnOrderError[0].ErrorType == "OrderNotFound"
    cause = return_order(api, shipped_order_id, cause_operation="Find")
    assert cause.ProcessReturnOrderErrors.ProcessReturnOrderError[0].ErrorType == "ReturnCauseNotFound"
    row = return_order(api, shipped_order_id, article="NOT-ON-ORDER")
    assert row.ProcessReturnOrderErrors.ProcessReturnOrderError[0].ErrorType == "OrderRowNotFound"
    wrong = goods_owner_client(live_server.url, "SHOP", "WSIshop", "bad password")
    logon = return_order(wrong, shipped_order_id)
    assert logon.Success is False
    assert logon.ProcessReturnOrderErrors.ProcessReturnOrderError[0].ErrorType == "LogonError"
    query = wrong.call("GetReturnOrdersByQuery", ReturnOrdersQuery=None)
    assert query.Success is False and query.GetReturnOrdersErrors.GetReturnOrdersError[0].ErrorType == "LogonError"


def test_status_filters_and_the_warehouse_s_status_text(api: GoodsOwnerClient, shipped_order_id: int,
                                                        live_server: Any) -> None:
    with session_scope(live_server.session_factory) as session:
        warehouse = make_warehouse(session, code="LUND")
        owner = session.scalars(select(GoodsOwner).where(GoodsOwner.code == "SHOP")).one()
        owner.warehouse_id = warehouse.id
        returns.set_return_status_text(session, warehouse_id=warehouse.id, number=100, text="Aviserad")
    return_order(api, shipped_order_id)
    t = api.types

    def statuses(**bounds: int) -> list[tuple[int, str]]:
        found = api.call("GetReturnOrdersByQuery", ReturnOrdersQuery=t.GetReturnOrdersQuery(**bounds))
        infos = found.ReturnOrders.ReturnOrderInfo if found.ReturnOrders is not None else []
        return [(info.ReturnOrderStatusId, info.ReturnOrderStatusText) for info in infos]

    assert statuses() == statuses(ReturnOrderStatusFrom=100, RetunOrderStatusTo=100) == [(100, "Aviserad")]
    assert statuses(ReturnOrderStatusFrom=101) == statuses(RetunOrderStatusTo=99) == []


def test_a_rejected_return_order_leaves_nothing_written(api: GoodsOwnerClient, shipped_order_id: int,
                                                       live_server: Any) -> None:
    """The first line creates the return order and its cause before the second fails: the dispatcher rolls all back."""
    t = api.types

    def line(article: str) -> Any:
        return t.ReturnOrderLine(ReturnOrderLineIdentification="ArticleNumber", ArticleNumber=article,
                                 ToBeReturnedNumberOfItems=Decimal(1), ReturnCause=t.ReturnCause(
                                     ReturnCauseOperation="FindOrCreate", ReturnCauseCode="SIZE"))

    def stored() -> list[int]:
        with session_scope(live_server.session_factory) as session:
            return [len(session.scalars(select(table)).all())
                    for table in (ReturnOrder, ReturnOrderLine, ReturnCause)]

    before = stored()
    result = api.call("ProcessReturnOrder", ReturnOrder=t.ReturnOrder(
        ReturnCustomerOrderIdentification="OrderId", ReturnOrderIdentification="CustomerOrder",
        OrderId=shipped_order_id, ReturnOrderLines=t.ArrayOfReturnOrderLine([line("SHOE"), line("NOT-ON-ORDER")])))
    assert result.Success is False and result.ReturnOrderId is None
    [error] = result.ProcessReturnOrderErrors.ProcessReturnOrderError
    assert error.ErrorType == "OrderRowNotFound" and "NOT-ON-ORDER" in error.Message
    assert before == stored() == [0, 0, 0]
