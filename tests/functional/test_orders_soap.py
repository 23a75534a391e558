"""The order operations over SOAP with zeep against a real waitress: every operation, every identification type,
the filters, cursor paging, and what a web shop sees after the warehouse side picked, packed and shipped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import zeep
from sqlalchemy import select
from zeep.exceptions import Fault as ZeepFault

from tests import factories
from tests.orders_support import add_stock, create_order, line, make_article, make_owner
from wms_soap.security.passwords import hash_password
from wms_soap.services.warehouse import outbound as warehouse
from wms_soap.soap.service.contract import BY_NAME
from wms_soap.store.access import GoodsOwner
from wms_soap.store.articles import Article
from wms_soap.store.db import session_scope
from wms_soap.store.inventory import OrderStatusText
from wms_soap.store.orders import OrderTextLine

PASSWORD = "correct horse battery staple"
SHOP = {"GoodsOwnerCode": "SHOP", "UserName": "WSIshop", "Password": PASSWORD}
OTHER = {"GoodsOwnerCode": "OTHER", "UserName": "WSIother", "Password": PASSWORD}


class Shop:
    """The zeep client of one API user, with the ns0 type factory."""

    def __init__(self, client: zeep.Client, credentials: dict[str, str]) -> None:
        self.client, self.credentials, self.t = client, credentials, client.type_factory("ns0")

    def __getattr__(self, operation: str) -> Any:
        """The operation with this user's credentials, as far as its signature carries them."""
        call = getattr(self.client.service, operation)
        names = {arg.xml_name for arg in BY_NAME[operation].args}
        credentials = {name: value for name, value in self.credentials.items() if name in names}
        return lambda **kwargs: call(**credentials, **kwargs)


@pytest.fixture
def owners(live_server: Any) -> dict[str, int]:
    password_hash = hash_password(PASSWORD)
    with session_scope(live_server.session_factory) as session:
        ids = {code: make_owner(session, code) for code in ("SHOP", "OTHER")}
        for code, username in (("SHOP", "WSIshop"), ("OTHER", "WSIother")):
            goods_owner = session.get(GoodsOwner, ids[code])
            factories.make_api_user(session, goods_owner=goods_owner, username=username, password_hash=password_hash)
        for number in ("A-1", "A-2", "A-3"):
            make_article(session, ids["SHOP"], number, name=f"Name {number}")
        make_article(session, ids["OTHER"], "A-1")
    return ids


@pytest.fixture
def client(live_server: Any, owners: dict[str, int]) -> Iterator[zeep.Client]:
    yield zeep.Client(live_server.url + "?wsdl")


@pytest.fixture
def shop(client: zeep.Client) -> Shop:
    return Shop(client, SHOP)


@pytest.fixture
def other(client: zeep.Client) -> Shop:
    return Shop(client, OTHER)


def customer_order(t: Any, number: str, lines: list[Any], *, operation: str = "CreateOrUpdate",
                   identification: str = "GoodsOwnerOrderNumber", **info: Any) -> Any:
    return t.CustomerOrder(
        OrderInfo=t.OrderInfoClass(OrderIdentification=identification, OrderOperation=operation,
                                   GoodsOwnerOrderNumber=number, DeliveryDate=datetime(2030, 5, 1), **info),
        Customer=t.Customer(CustomerOperation="CreateOrUpdate", CustomerIdentification="CustomerNumber",
                            CustomerNumber="C-1", Name="Ada Shopper", Address="Street 1", PostCode="11122",
                            City="Stockholm", CountryCode="SE", IsVisible=True, NotifyBySMS=False,
                            NotifyByEmail=True, NotifyByTelephone=False, Email="ada@example.com"),
        CustomerOrderLines=t.ArrayOfCustomerOrderLine(CustomerOrderLine=lines))


def order_line(t: Any, article: str, quantity: int, code: str | None = None, *,
               identification: str = "ExternalOrderLineCode", **extra: Any) -> Any:
    return t.CustomerOrderLine(OrderLineIdentification=identification, ArticleIdentification="ArticleNumber",
                               ArticleNumber=article, NumberOfItems=Decimal(quantity), ExternalOrderLineCode=code,
                               **extra)


def orders_query(shop: Shop, **filters: Any) -> list[Any]:
    """GetOrdersByQuery's orders (zeep unwraps the one-element GetOrdersResult to its ArrayOfOrder)."""
    result = shop.GetOrdersByQuery(query=shop.t.OrderFilters(**filters))
    return list(result.Order) if result is not None else []


def test_process_order_creates_and_get_order_reads_it(shop: Shop) -> None:
    t = shop.t
    result = shop.ProcessOrder(co=customer_order(
        t, "SO-1", [order_line(t, "A-1", 2, "1"), order_line(t, "A-2", 3, "2")], ReferenceNumber="REF-1",
        FreeText1="gift", WayOfDeliveryType=t.WayOfDeliveryType(WayOfDeliveryTypeOperation="CreateOrFind",
                                                                 WayOfDeliveryTypeIdentification="Code", Code="EXP",
                                                                 Name="Express"),
        OrderType=t.OrderType(OrderTypeOperation="CreateOrFind", OrderTypeIdentification="OrderTypeCode",
                              OrderTypeCode="B2C", OrderTypeName="Consumer"),
        TermsOfDeliveryType=t.TypeClass(TypeOperation="FindOrCreate", TypeIdentification="Code", Code="DAP"),
        OrderNotification=t.OrderNotification(Email="ada@example.com", NotifyByEmail=True)))
    assert result.Success is True and result.OrderId > 0 and result.GoodsOwnerOrderNumber == "SO-1"
    order = shop.GetOrder(OrderId=result.OrderId)
    info = order.OrderInfo
    assert (info.OrderId, info.GoodsOwnerOrderNumber, info.ReferenceNumber) == (result.OrderId, "SO-1", "REF-1")
    assert (info.OrderStatusNumber, info.OrderStatusText, info.FreeText1) == (200, "Open", "gift")
    assert (info.WayOfDeliveryTypeCode, info.OrderTypeName, info.TermsOfDeliveryType.Code) == ("EXP", "Consumer",
                                                                                                "DAP")
    assert info.EmailNotification.ToBeNotified is True and info.OrderedNumberOfItems == 5
    assert order.Consignee.Name == "Ada Shopper" and order.Consignee.CustomerNumber == "C-1"
    assert [(pl.Article.ArticleNumber, pl.OrderedNumberOfItems) for pl in order.PickedOrderLines.PickedOrderLine] \
        == [("A-1", 2), ("A-2", 3)]
    by_number = shop.GetOrderByOrderNumber(OrderNumber="SO-1")
    assert by_number.OrderInfo.OrderId == result.OrderId


def test_process_order_errors_are_in_band(shop: Shop) -> None:
    t = shop.t
    shop.ProcessOrder(co=customer_order(t, "SO-2", [order_line(t, "A-1", 1, "1")]))
    again = shop.ProcessOrder(co=customer_order(t, "SO-2", [order_line(t, "A-1", 1, "1")], operation="Create"))
    assert again.Success is False and "already exists" in again.ErrorMessage
    missing = shop.ProcessOrder(co=customer_order(t, "SO-3", [order_line(t, "NOPE", 1, "1")]))
    assert missing.Success is False and "NOPE" in missing.ErrorMessage
    assert shop.GetOrderByOrderNumber(OrderNumber="SO-3") is None


@pytest.mark.parametrize("identification", ["ExternalOrderCode", "GoodsOwnerOrderNumber", "ReferenceNumber",
                                            "GoodsOwnerOrderId", "SystemId"])
def test_every_order_identification(shop: Shop, identification: str) -> None:
    t = shop.t
    created = shop.ProcessOrder(co=customer_order(t, "SO-ID", [order_line(t, "A-1", 1, "1")],
                                                  ReferenceNumber="REF-ID", GoodsOwnerOrderId="GOID-ID"))
    update = customer_order(t, "SO-ID", [order_line(t, "A-1", 4, "1")], identification=identification,
                            ReferenceNumber="REF-ID", GoodsOwnerOrderId="GOID-ID", OrderId=created.OrderId,
                            operation="Update")
    result = shop.ProcessOrder(co=update)
    assert result.Success is True and result.OrderId == created.OrderId
    assert shop.GetOrder(OrderId=created.OrderId).OrderInfo.OrderedNumberOfItems == 4


@pytest.mark.parametrize("identification", ["ExternalOrderLineCode", "ArticleNumber", "ArticleName",
                                            "ExternalOrderLineId", "SystemId"])
def test_every_order_line_identification(shop: Shop, identification: str) -> None:
    t = shop.t
    created = shop.ProcessOrder(co=customer_order(t, "SO-L", [order_line(t, "A-1", 1, "1")]))
    line_id = shop.GetOrder(OrderId=created.OrderId).PickedOrderLines.PickedOrderLine[0].OrderLineSystemId
    changed = order_line(t, "A-1", 6, "1", identification=identification, ArticleName="Name A-1",
                         OrderLineSystemId=line_id)
    assert shop.ProcessOrder(co=customer_order(t, "SO-L", [changed])).Success is True
    lines = shop.GetOrder(OrderId=created.OrderId).PickedOrderLines.PickedOrderLine
    assert [(pl.OrderLineSystemId, pl.OrderedNumberOfItems) for pl in lines] == [(line_id, 6)]


def test_another_goods_owner_cannot_see_the_order(shop: Shop, other: Shop) -> None:
    t = shop.t
    created = shop.ProcessOrder(co=customer_order(t, "SO-X", [order_line(t, "A-1", 1, "1")]))
    with pytest.raises(ZeepFault, match="was not found"):
        other.GetOrder(OrderId=created.OrderId)
    assert other.GetOrderByOrderNumber(OrderNumber="SO-X") is None
    assert orders_query(other) == []


def test_remove_cancels_and_update_order_and_lines(shop: Shop, owners: dict[str, int]) -> None:
    t = shop.t
    created = shop.ProcessOrder(co=customer_order(t, "SO-U", [order_line(t, "A-1", 1, "1")]))
    updated = shop.UpdateOrder(updateOrder=t.UpdateOrder(
        OrderUpdateIdentification=t.OrderUpdateIdentification(OrderIdentificationType="GoodsOwnerOrderNumber",
                                                              GoodsOwnerOrderNumber="SO-U"),
        UpdateOrderStatus=t.UpdateOrderStatus(OrderStatus=300), UpdateOrderWaybill=t.UpdateOrderWaybill(Waybill="WB"),
        UpdateOrderFreeText3=t.UpdateOrderFreeText3(OrderFreeText3="three")))
    assert (updated.Success, updated.OrderId) == (True, created.OrderId)
    lines = shop.UpdateOrderLines(UpdateOrderLines=t.UpdateOrderLines(
        UpdateOrderIdentification=t.UpdateOrderIdentification(OrderIdentificationType="SystemId",
                                                               OrderId=created.OrderId),
        OrderLines=t.ArrayOfUpdateOrderLine(UpdateOrderLine=[t.UpdateOrderLine(
            UpdateOrderLineIdentification=t.UpdateOrderLineIdentification(
                OrderLineIdentificationType="ExternalOrderLineCode", ExternalOrderLineCode="1"),
            UpdateComment=t.UpdateOrderLineComment(OrderLineComment="fragile"))])))
    assert lines.Success is True
    order = shop.GetOrder(OrderId=created.OrderId)
    assert (order.OrderInfo.OrderStatusNumber, order.OrderInfo.WayBill, order.OrderInfo.FreeText3) == (300, "WB",
                                                                                                       "three")
    assert order.PickedOrderLines.PickedOrderLine[0].OrderLineComment == "fragile"
    bad = shop.UpdateOrder(updateOrder=t.UpdateOrder(
        OrderUpdateIdentification=t.OrderUpdateIdentification(OrderIdentificationType="GoodsOwnerOrderNumber",
                                                              GoodsOwnerOrderNumber="NOPE")))
    assert bad.Success is False and "NOPE" in bad.Message
    removed = shop.ProcessOrder(co=customer_order(t, "SO-U", [], operation="Remove"))
    assert removed.Success is True
    report = shop.GetOrderStatusReport(GoodsOwnerId=owners["SHOP"], GoodsOwnerOrderNumber="SO-U")
    assert (report.OrderStatusNumber, report.OrderStatusText, report.OrderStatusIsPicked) == (1000, "Cancelled", False)


def test_process_customer(shop: Shop) -> None:
    t = shop.t
    result = shop.ProcessCustomer(Customer=t.Customer(
        CustomerOperation="CreateOrUpdate", CustomerIdentification="ExternalCustomerCode",
        ExternalCustomerCode="EXT-1", Name="Bo", IsVisible=True, NotifyBySMS=False, NotifyByEmail=False,
        NotifyByTelephone=False))
    assert result.Success is True
    found = shop.ProcessCustomer(Customer=t.Customer(CustomerOperation="Find", CustomerIdentification="CustomerNumber",
                                                     CustomerNumber="NONE", IsVisible=True, NotifyBySMS=False,
                                                     NotifyByEmail=False, NotifyByTelephone=False))
    assert found.Success is False and "not found" in found.ErrorMessage


def test_warehouse_moves_are_visible_through_get_orders_by_query(shop: Shop, live_server: Any,
                                                                 owners: dict[str, int]) -> None:
    t = shop.t
    order_id = shop.ProcessOrder(co=customer_order(t, "SO-W", [order_line(t, "A-1", 3, "1")])).OrderId
    waiting = shop.ProcessOrder(co=customer_order(t, "SO-WAIT", [order_line(t, "A-2", 1, "1")])).OrderId
    with session_scope(live_server.session_factory) as session:
        article = session.query(Article).filter_by(goods_owner_id=owners["SHOP"], article_number="A-1").one()
        add_stock(session, owners["SHOP"], article, 10, batch="LOT-7", serial="SN-1")
        warehouse.allocate_order(session, order_id)
    [allocated] = orders_query(shop, OrderIdsToGet=t.ArrayOfInt(int=[order_id]))
    assert allocated.OrderInfo.OrderStatusNumber == 320
    assert allocated.PickedOrderLines.PickedOrderLine[0].AllocatedNumberOfItems == 3
    changed = shop.ProcessOrder(co=customer_order(t, "SO-W", [order_line(t, "A-1", 2, "1")]))
    assert changed.Success is True
    assert shop.GetOrder(OrderId=order_id).OrderInfo.OrderStatusNumber == 300
    with session_scope(live_server.session_factory) as session:
        warehouse.pick_remaining(session, order_id)
        warehouse.pack(session, order_id, [warehouse.ParcelRequest(label_id="TRACK-123",
                                                                   tracking_url="https://track/123")],
                       waybill="WAYBILL-9")
        warehouse.ship(session, order_id)
    refused = shop.ProcessOrder(co=customer_order(t, "SO-W", [order_line(t, "A-1", 1, "1")]))
    assert refused.Success is False and "picking has started" in refused.ErrorMessage
    [sent] = orders_query(shop, OrderNumbersToGet=t.ArrayOfString(string=["SO-W"]))
    info = sent.OrderInfo
    assert (info.OrderStatusNumber, info.OrderStatusText, info.WayBill) == (450, "Sent", "WAYBILL-9")
    assert info.PickedNumberOfItems == 2
    [item] = sent.PickedArticleItems.PickedArticleItem
    assert (item.Article.ArticleNumber, item.BatchNo, item.Serial, item.NumberOfItems, item.LabelId) == (
        "A-1", "LOT-7", "SN-1", 2, "TRACK-123")
    [parcel] = sent.OrderPalletItems.OrderPalletItemInfo
    assert (parcel.LabelId, parcel.IsTaPalletItem, parcel.Tracking.TrackingUrl) == ("TRACK-123", True,
                                                                                    "https://track/123")
    assert sent.Tracking.OrderTrackingInfo[0].Waybill == "WAYBILL-9"
    now = datetime.now(UTC)
    shipped = orders_query(shop, ShippedTimeFrom=now - timedelta(hours=1), ShippedTimeTo=now + timedelta(hours=1))
    assert [o.OrderInfo.OrderId for o in shipped] == [order_id]
    picked = orders_query(shop, OrderSpecialFilters=t.OrderSpecialFilters(HasPickedArticleItem=True))
    assert [o.OrderInfo.OrderId for o in picked] == [order_id]
    open_ones = orders_query(shop, OrderStatusFrom=200, OrderStatusTo=320)
    assert [o.OrderInfo.OrderId for o in open_ones] == [waiting]
    reports = shop.GetOrderStatusReports(query=t.OrderStatusReportsQuery(
        OrderNumbersToReport=t.ArrayOfString(string=["SO-W", "SO-WAIT", "NONE"])))
    assert [(r.GoodsOwnerOrderNumber, r.OrderStatusIsDelivered) for r in reports.OrderStatusReport] \
        == [("SO-W", True), ("SO-WAIT", False)]


def test_every_filter_over_the_wire(shop: Shop) -> None:
    t = shop.t
    ids = [shop.ProcessOrder(co=customer_order(t, f"F-{i}", [order_line(t, "A-1", 1, "1")],
                                               ReferenceNumber=f"R-{i}", GoodsOwnerOrderId=f"G-{i}")).OrderId
           for i in range(3)]
    now = datetime.now(UTC)

    def ids_for(**filters: Any) -> list[int]:
        return [o.OrderInfo.OrderId for o in orders_query(shop, **filters)]

    assert ids_for(ReferenceNumber="R-1") == [ids[1]]
    assert ids_for(GoodsOwnerOrderIdToGet=t.ArrayOfString(string=["G-2"])) == [ids[2]]
    assert ids_for(LastUpdatedFrom=now - timedelta(hours=1), LastUpdatedTo=now + timedelta(hours=1)) == ids
    assert ids_for(LastUpdatedFrom=now + timedelta(hours=1)) == []
    assert ids_for(DeliveryDateFrom=datetime(2030, 5, 1), DeliveryDateTo=datetime(2030, 5, 1)) == ids
    assert ids_for(DeliveryDateFrom=datetime(2030, 5, 2)) == []
    assert ids_for(PickOrderIdFrom=ids[1], PickOrderIdTo=ids[1]) == [ids[1]]
    assert ids_for(OrderStatusChangedTimeFrom=now - timedelta(hours=1)) == ids
    assert ids_for(LastReturnedFrom=now - timedelta(hours=1)) == []
    assert ids_for(LastPickingTimeFrom=now - timedelta(hours=1), LastPickingTimeTo=now) == []
    assert ids_for(LastPrintedTimeFrom=now - timedelta(hours=1)) == []
    assert ids_for(ShippedTimeToExact=now) == []
    assert ids_for(CurrentTripId=1) == [] and ids_for(CurrentShipmentId=1) == []
    special = t.OrderSpecialFilters(OnlyOrdersWithOrderLinesToReport=True, IsAllocated=False)
    assert ids_for(OrderSpecialFilters=special) == []
    assert ids_for(OrderSpecialFilters=t.OrderSpecialFilters(Pickable="NotPickable")) == ids


def test_cursor_paging_over_many_orders(shop: Shop, live_server: Any, owners: dict[str, int]) -> None:
    with session_scope(live_server.session_factory) as session:
        created = [create_order(session, owners["SHOP"], f"P-{i:03d}", [line("A-1", 1, "1")]) for i in range(120)]
    seen: list[int] = []
    cursor = 0
    while True:
        page = orders_query(shop, OrderIdFrom=cursor, MaxOrdersToGet=25)
        if not page:
            break
        seen.extend(o.OrderInfo.OrderId for o in page)
        cursor = page[-1].OrderInfo.OrderId + 1
    assert seen == created


def test_status_texts_are_the_warehouse_s_own(shop: Shop, live_server: Any, owners: dict[str, int]) -> None:
    with session_scope(live_server.session_factory) as session:
        owner = session.get(GoodsOwner, owners["SHOP"])
        assert owner is not None
        session.add(OrderStatusText(warehouse_id=owner.warehouse_id, number=200, text="Waiting for picking"))
    t = shop.t
    created = shop.ProcessOrder(co=customer_order(t, "SO-T", [order_line(t, "A-1", 1, "1")]))
    assert shop.GetOrder(OrderId=created.OrderId).OrderInfo.OrderStatusText == "Waiting for picking"


def stored_text_lines(live_server: Any, order_id: int) -> list[tuple[int, str | None, str | None, Decimal | None]]:
    with session_scope(live_server.session_factory) as session:
        rows = session.execute(select(OrderTextLine.row_number, OrderTextLine.external_order_line_code,
                                      OrderTextLine.comment, OrderTextLine.number_of_items)
                               .where(OrderTextLine.order_id == order_id).order_by(OrderTextLine.row_number))
        return [tuple(row) for row in rows]  # type: ignore[misc]


def with_text_lines(t: Any, co: Any, *text_lines: tuple[str | None, str | None, Decimal | None]) -> Any:
    co.CustomerOrderTextLines = t.ArrayOfCustomerOrderTextLine(CustomerOrderTextLine=[
        t.CustomerOrderTextLine(ExternalOrderLineCode=code, OrderLineComment=comment, NumberOfItems=number)
        for code, comment, number in text_lines])
    return co


def test_process_order_stores_text_lines_and_create_or_update_and_update_replace_them(shop: Shop,
                                                                                     live_server: Any) -> None:
    t = shop.t
    created = shop.ProcessOrder(co=with_text_lines(t, customer_order(t, "TXT-1", [order_line(t, "A-1", 1, "1")]),
                                                   ("R1", "Gift wrap", Decimal(1)), (None, "Ring twice", None)))
    assert created.Success is True
    assert stored_text_lines(live_server, created.OrderId) == [(1, "R1", "Gift wrap", Decimal(1)),
                                                               (2, None, "Ring twice", None)]
    replaced = shop.ProcessOrder(co=with_text_lines(t, customer_order(t, "TXT-1", [order_line(t, "A-1", 2, "1")]),
                                                    ("R9", "Only this one", Decimal("2.5"))))
    assert (replaced.Success, replaced.OrderId) == (True, created.OrderId)
    assert stored_text_lines(live_server, created.OrderId) == [(1, "R9", "Only this one", Decimal("2.5"))]
    kept = shop.ProcessOrder(co=customer_order(t, "TXT-1", [order_line(t, "A-1", 3, "1")], operation="Update"))
    assert kept.Success is True and len(stored_text_lines(live_server, created.OrderId)) == 1
    cleared = shop.ProcessOrder(co=with_text_lines(t, customer_order(t, "TXT-1", [order_line(t, "A-1", 3, "1")],
                                                                     operation="Update")))
    assert cleared.Success is True and stored_text_lines(live_server, created.OrderId) == []


def test_a_bad_text_line_is_refused_in_band_and_changes_nothing(shop: Shop, live_server: Any) -> None:
    t = shop.t
    created = shop.ProcessOrder(co=with_text_lines(t, customer_order(t, "TXT-2", [order_line(t, "A-1", 1, "1")]),
                                                   ("R1", "Keep me", None)))
    refused = shop.ProcessOrder(co=with_text_lines(t, customer_order(t, "TXT-2", [order_line(t, "A-2", 5, "1")]),
                                                   ("R2", "Minus", Decimal(-2))))
    assert refused.Success is False and "must not be negative" in refused.ErrorMessage
    assert stored_text_lines(live_server, created.OrderId) == [(1, "R1", "Keep me", None)]
    order = shop.GetOrder(OrderId=created.OrderId)
    assert [pl.Article.ArticleNumber for pl in order.PickedOrderLines.PickedOrderLine] == ["A-1"]
