"""One story, as a web shop and its warehouse live it, through zeep against the live server.

Articles are created, an in-order announces goods, the warehouse receives and puts them away; the shop places
orders, the warehouse allocates, picks, packs and ships them; the shop follows statuses, picked items and tracking
numbers through GetOrdersByQuery (paging with the id cursor over more than 1,000 orders), registers a return, the
warehouse receives it; invoicing runs, and only the user allowed to see invoicing information can read the invoice.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.factories import make_api_user, make_goods_owner
from tests.functional.inbound_client import PASSWORD, GoodsOwnerClient, goods_owner_client
from wms_soap.security.policy import INVOICE_DENIED
from wms_soap.services import invoices
from wms_soap.services.inventory.articles import ArticleKey
from wms_soap.services.orders import orders
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse import outbound as warehouse
from wms_soap.services.warehouse.inbound import ReturnReceipt
from wms_soap.services.warehouse.outbound import ParcelRequest
from wms_soap.store.db import session_scope

BULK_ORDERS = 1_010


@pytest.fixture
def story(live_server: Any) -> dict[str, Any]:
    with session_scope(live_server.session_factory) as session:
        owner = make_goods_owner(session, code="STORY")
        make_api_user(session, owner, username="WSIstoryshop", password=PASSWORD)
        make_api_user(session, owner, username="WSIstoryfinance", password=PASSWORD, invoice_access=True)
        invoices.set_price_list(session, owner.id, per_order=Decimal(20), per_order_line=Decimal(2),
                                per_parcel=Decimal(5), per_received_line=Decimal(10))
        owner_id = owner.id
    return {"owner_id": owner_id,
            "shop": goods_owner_client(live_server.url, "STORY", "WSIstoryshop"),
            "finance": goods_owner_client(live_server.url, "STORY", "WSIstoryfinance")}


def create_articles(shop: GoodsOwnerClient) -> None:
    t = shop.types
    for number, name in (("TSHIRT", "T-shirt"), ("MUG", "Mug")):
        result = shop.call("ProcessArticle", art=t.ArticleDefinition(
            ArticleOperation="CreateOrUpdate", ArticleIdentification="ArticleNumber", ArticleNumber=number,
            ArticleName=name, ArticleSystemId=None))
        assert result.Success is True, result


def send_in_order(shop: GoodsOwnerClient) -> int:
    t = shop.types
    result = shop.call("ProcessInOrder", co=t.InOrder(
        InOrderInfo=t.InOrderInfoClass(InOrderIdentification="GoodsOwnerOrderNumber",
                                       InOrderOperation="CreateOrUpdate", GoodsOwnerOrderNumber="PO-STORY"),
        InOrderLines=t.ArrayOfInOrderLine([
            t.InOrderLine(OrderLineIdentification="ExternalOrderLineCode", ArticleIdentification="ArticleNumber",
                          ExternalOrderLineCode="10", ArticleNumber="TSHIRT", NumberOfItems=Decimal(2000)),
            t.InOrderLine(OrderLineIdentification="ExternalOrderLineCode", ArticleIdentification="ArticleNumber",
                          ExternalOrderLineCode="20", ArticleNumber="MUG", NumberOfItems=Decimal(50))])))
    assert result.Success is True, result
    return int(result.InOrderId)


def inventory(shop: GoodsOwnerClient) -> dict[str, Any]:
    result = shop.call("GetInventoryByQuery", GetInventoryQuery=shop.types.GetInventoryQuery(
        ArticleNumbersToGet=shop.types.ArrayOfString(["TSHIRT", "MUG"])))
    return {line.Article.ArticleNumber: line for line in result.InventoryLines.InventoryLine}


def place_web_order(shop: GoodsOwnerClient, number: str) -> int:
    t = shop.types
    result = shop.call("ProcessOrder", co=t.CustomerOrder(
        OrderInfo=t.OrderInfoClass(OrderIdentification="GoodsOwnerOrderNumber", OrderOperation="CreateOrUpdate",
                                   GoodsOwnerOrderNumber=number, DeliveryDate=datetime(2026, 5, 1)),
        Customer=t.Customer(CustomerOperation="CreateOrUpdate", CustomerIdentification="CustomerNumber",
                            CustomerNumber="C-1", Name="Ada Lovelace", Address="1 Analytical St",
                            PostCode="11122", City="Stockholm", CountryCode="SE", IsVisible=True,
                            NotifyBySMS=False, NotifyByEmail=False, NotifyByTelephone=False),
        CustomerOrderLines=t.ArrayOfCustomerOrderLine([
            t.CustomerOrderLine(OrderLineIdentification="ExternalOrderLineCode",
                                ArticleIdentification="ArticleNumber", ExternalOrderLineCode="1",
                                ArticleNumber="TSHIRT", NumberOfItems=Decimal(2), SubOrderLineSpecification=None),
            t.CustomerOrderLine(OrderLineIdentification="ExternalOrderLineCode",
                                ArticleIdentification="ArticleNumber", ExternalOrderLineCode="2",
                                ArticleNumber="MUG", NumberOfItems=Decimal(1), SubOrderLineSpecification=None)])))
    assert result.Success is True, result
    return int(result.OrderId)


def bulk_orders(session: Any, owner_id: int) -> list[int]:
    """The rest of the day's web orders, placed through the services (a thousand SOAP calls would add nothing)."""
    ids = []
    for n in range(BULK_ORDERS):
        data = orders.OrderInput(values={"goods_owner_order_number": f"BULK-{n:04d}"}, lines=[orders.LineInput(
            "ExternalOrderLineCode", ArticleKey("ArticleNumber", article_number="TSHIRT"), Decimal(1),
            values={"external_order_line_code": "1"})])
        ids.append(orders.process_order(session, owner_id, data).order_id)
    return ids


def ship_order(session: Any, order_id: int, tracking: str) -> None:
    warehouse.release_order(session, order_id)
    warehouse.allocate_order(session, order_id)
    warehouse.pick_remaining(session, order_id)
    warehouse.pack(session, order_id, [ParcelRequest(label_id=tracking, tracking_url=f"https://t.example/{tracking}")],
                   waybill=f"WB-{tracking}")
    warehouse.ship(session, order_id)


def all_orders(shop: GoodsOwnerClient, page_size: int = 400) -> list[Any]:
    """Every order, a page at a time with the OrderIdFrom + MaxOrdersToGet cursor."""
    found: list[Any] = []
    cursor = 0
    while True:
        page = shop.call("GetOrdersByQuery", query=shop.types.OrderFilters(OrderIdFrom=cursor,
                                                                            MaxOrdersToGet=page_size))
        items = page.Order if page is not None else []
        if not items:
            return found
        assert len(items) <= page_size
        found.extend(items)
        cursor = items[-1].OrderInfo.OrderId + 1


@pytest.mark.slow
def test_the_warehouse_story(story: dict[str, Any], live_server: Any) -> None:
    shop: GoodsOwnerClient = story["shop"]
    finance: GoodsOwnerClient = story["finance"]
    owner_id: int = story["owner_id"]
    started = datetime.now(UTC) - timedelta(minutes=1)

    create_articles(shop)
    in_order_id = send_in_order(shop)
    assert inventory(shop)["TSHIRT"].ToReceiveNumberOfItems == 2000

    with session_scope(live_server.session_factory) as session:
        in_order = warehouse_inbound.find_in_order(session, in_order_id=in_order_id)
        warehouse_inbound.receive_everything(session, in_order, "A-01-01")
    received = shop.call("GetInOrderByOrderNumber", OrderNumber="PO-STORY")
    assert received.InOrderInfo.InOrderStatusNumber == 500
    stock = inventory(shop)
    assert (stock["TSHIRT"].NumberOfItems, stock["TSHIRT"].ToReceiveNumberOfItems) == (2000, 0)

    web_ids = [place_web_order(shop, f"WEB-{n}") for n in range(3)]
    with session_scope(live_server.session_factory) as session:
        bulk_ids = bulk_orders(session, owner_id)
        for n, order_id in enumerate(web_ids):
            ship_order(session, order_id, f"TRK-{n}")
        warehouse.release_order(session, bulk_ids[0])
        warehouse.allocate_order(session, bulk_ids[0])

    seen = all_orders(shop)
    assert len(seen) == len(web_ids) + BULK_ORDERS
    assert [o.OrderInfo.OrderId for o in seen] == sorted(web_ids + bulk_ids)
    by_id = {o.OrderInfo.OrderId: o for o in seen}
    shipped = by_id[web_ids[0]]
    assert shipped.OrderInfo.OrderStatusNumber == 450
    assert sorted((i.Article.ArticleNumber, i.NumberOfItems) for i in shipped.PickedArticleItems.PickedArticleItem) \
        == [("MUG", 1), ("TSHIRT", 2)]
    assert [p.LabelId for p in shipped.OrderPalletItems.OrderPalletItemInfo] == ["TRK-0"]
    assert by_id[bulk_ids[0]].OrderInfo.OrderStatusNumber == 320
    assert by_id[bulk_ids[1]].OrderInfo.OrderStatusNumber == 200
    assert inventory(shop)["TSHIRT"].NumberOfItems == 2000 - 6

    t = shop.types
    returned = shop.call("ProcessReturnOrder", ReturnOrder=t.ReturnOrder(
        ReturnCustomerOrderIdentification="OrderNumber", ReturnOrderIdentification="CustomerOrder",
        CustomerOrderNumber="WEB-0", OrderId=None, ReturnInDate=None,
        ReturnOrderLines=t.ArrayOfReturnOrderLine([t.ReturnOrderLine(
            ReturnOrderLineIdentification="ArticleNumber", ArticleNumber="TSHIRT", ToBeReturnedNumberOfItems=1,
            OrderLineId=None, ReturnCause=t.ReturnCause(ReturnCauseOperation="FindOrCreate", ReturnCauseCode="SIZE",
                                                        ReturnCauseName="Wrong size"))])))
    assert returned.Success is True
    with session_scope(live_server.session_factory) as session:
        return_order = warehouse_inbound.find_return_order(session, returned.ReturnOrderId)
        warehouse_inbound.receive_return(session, return_order, [
            ReturnReceipt(Decimal(1), article_number="TSHIRT", location_code="RET-01")])
    back = shop.call("GetOrdersByQuery", query=t.OrderFilters(LastReturnedFrom=started))
    assert [o.OrderInfo.OrderId for o in back.Order] == [web_ids[0]]

    with session_scope(live_server.session_factory) as session:
        invoice_id = warehouse_inbound.run_invoicing(session, owner_id, started, datetime.now(UTC)
                                                     + timedelta(minutes=1)).id
    refused = shop.call("GetInvoicesByQuery", query=t.GetInvoicesQueryV2(GetInvoiceRows=True))
    assert refused.Success is False and refused.Message == INVOICE_DENIED
    result = finance.call("GetInvoicesByQuery", query=finance.types.GetInvoicesQueryV2(GetInvoiceRows=True))
    [invoice] = result.Invoices.InvoiceV2
    assert invoice.InvoiceId == invoice_id
    # 3 shipped orders x (20 + 2 lines x 2 + 1 parcel x 5) + 2 received in-order lines x 10
    assert invoice.InvoiceAmount == 3 * (20 + 4 + 5) + 20
    assert {c.OrderContext.OrderNumber for c in invoice.InvoiceCharges.GetInvoicesChargeV2 if c.OrderContext} == {
        "WEB-0", "WEB-1", "WEB-2"}
