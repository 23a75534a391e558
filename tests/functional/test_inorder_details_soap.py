"""In-order details through zeep: advised article items, seller, customer, warehouse, registers, CommunicationInfo,
the creating API user and request, the Advanced answers, and bad input answered in-band with nothing written."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.factories import make_api_user, make_goods_owner, make_warehouse
from tests.functional.inbound_client import PASSWORD, GoodsOwnerClient, goods_owner_client
from tests.inbound_fixtures import create_in_order, make_article, warehouse_session
from wms_soap.services.inventory.article_items import register_status
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt
from wms_soap.store.access import ApiUser
from wms_soap.store.db import session_scope
from wms_soap.store.inorders import InOrder, InOrderAdvisedItem, InOrderLine
from wms_soap.store.orders import Customer
from wms_soap.store.suppliers import Supplier

EXPIRY = datetime(2027, 6, 30)
PRODUCED = datetime(2026, 1, 15)


@pytest.fixture
def api(live_server: Any) -> GoodsOwnerClient:
    with session_scope(live_server.session_factory) as session:
        home = make_warehouse(session, code="MAIN", name="Main warehouse")
        make_warehouse(session, code="NORTH", name="North warehouse")
        owner = make_goods_owner(session, code="SHOP", warehouse=home)
        make_api_user(session, owner, username="WSIshop", password=PASSWORD, integration="Other",
                      integration_name="Acme ERP")
        make_api_user(session, owner, username="WSIshop2", password=PASSWORD)
        for number in ("ART-1", "ART-2"):
            make_article(session, owner.id, number)
        register_status(session, "QC", "Quality control")
    return goods_owner_client(live_server.url, "SHOP", "WSIshop")


def address(t: Any, name: str, city: str) -> Any:
    return t.AddressClass(Name=name, Address="Main street 1", Address2="Floor 2", PostCode="411 01", City=city,
                          TelePhone="+46 31 123", Email="info@example.com", CountryCode="SE",
                          IsVisible=True, NotifyBySMS=False, NotifyByEmail=False, NotifyByTelephone=False)


def advised_item(t: Any, **fields: Any) -> Any:
    values = {"SavedArticleItemId": None, "OrderLineId": None, "Volume": None, "Weight": None, "Length": None,
              "Width": None, "Height": None, "SecondNumberOfItems": None, "ExpiryDate": None, "NumberOfItems": None,
              "ArticleItemPrice": None} | fields
    return t.InOrderLineArticleItem(**values)


def detailed_in_order(t: Any, number: str, **info: Any) -> Any:
    """An in-order with every detail this server keeps: two lines, one with advised items on two pallets."""
    items = [advised_item(t, Batch="LOT-A", ExpiryDate=EXPIRY, NumberOfItems=Decimal(6), Weight=Decimal("1.5"),
                          Length=Decimal(10), ProductionDate=PRODUCED, ContainerNo="CONT-1",
                          InOrderLineArticleItemStatus=t.InOrderLineArticleItemStatus(
                              InOrderLineArticleItemStatusIdentification="ArticleItemStatusCode",
                              ArticleItemStatusCode="QC"),
                          PalletItem=t.InOrderLineArticleItemPalletItem(
                              Identification="InOrder_LabelId", LabelId="PAL-1",
                              PalletType=t.InOrderLineArticleItemPalletType(Identification="Code", Code="EUR")),
                          ArticleItemClasses=t.ArrayOfInOrderLineArticleItemClass([t.InOrderLineArticleItemClass(
                              Identification="Code", Code="FRAGILE", Name="Fragile", Id=7)])),
             advised_item(t, Batch="LOT-B", NumberOfItems=Decimal(4), Comment="second lot",
                          PalletItem=t.InOrderLineArticleItemPalletItem(Identification="InOrder_LabelId",
                                                                        LabelId="PAL-2"))]
    serials = [advised_item(t, Serial=f"SN-{n}") for n in (1, 2)]
    return t.InOrder(
        InOrderInfo=t.InOrderInfoClass(
            InOrderIdentification="GoodsOwnerOrderNumber", InOrderOperation="CreateOrUpdate",
            GoodsOwnerOrderNumber=number, InDate=datetime(2026, 3, 1, 8, 0),
            WayOfDeliveryType=t.WayOfDeliveryType(WayOfDeliveryTypeOperation="CreateOrFind",
                                                  WayOfDeliveryTypeIdentification="Code", Code="TRUCK",
                                                  Name="By truck"),
            TermsOfDeliveryType=t.TermsOfDeliveryType(TermsOfDeliveryTypeOperation="CreateOrUpdate",
                                                      TermsOfDeliveryTypeIdentification="Code", Code="FCA",
                                                      Name="Free carrier"),
            TermsOfDeliveryTypeLocation="Gothenburg", **info),
        InOrderCustomer=t.InOrderCustomer(InOrderCustomerIdentification="CustomerNumber",
                                          InOrderCustomerOperation="CreateOrUpdate", CustomerNumber="C-7",
                                          Name="Return customer", Address="Side street 2", PostCode="111 22",
                                          City="Stockholm", AddressEmail="c7@example.com", CountryCode="SE"),
        InOrderSupplier=t.InOrderSupplier(InOrderSupplierIdentificationType="SupplierNumber",
                                          InOrderSupplierOperation="CreateOrUpdate", SupplierNumber="S-1",
                                          SupplierName="Acme", Address=address(t, "Acme", "Borås"),
                                          SupplierGroup=t.SupplierGroup(SupplierGroupOperation="FindOrCreate",
                                                                        SupplierGroupCode="TEXTILE")),
        Seller=t.InOrderSeller(Operation="CreateOrFind", SupplierNumber="SELL-1", SupplierName="Trading AB",
                               Address=address(t, "Trading AB", "Malmö")),
        CommunicationInfo=t.CommunicationInfo(FromSystemName="AcmeERP", ToSystemName="WMS", MessageId="MSG-1"),
        InOrderLines=t.ArrayOfInOrderLine([
            t.InOrderLine(OrderLineIdentification="ExternalOrderLineCode", ArticleIdentification="ArticleNumber",
                          ExternalOrderLineCode="10", ArticleNumber="ART-1", NumberOfItems=Decimal(10),
                          InOrderLineType=t.InOrderLineType(InOrderLineTypeIdentificationType="InOrderLineTypeCode",
                                                            InOrderLineTypeOperation="CreateOrFind",
                                                            InOrderLineTypeCode="STD", InOrderLineTypeName="Standard"),
                          Items=t.ArrayOfInOrderLineArticleItem(items)),
            t.InOrderLine(OrderLineIdentification="ExternalOrderLineCode", ArticleIdentification="ArticleNumber",
                          ExternalOrderLineCode="20", ArticleNumber="ART-2", NumberOfItems=Decimal(2),
                          InOrderLineProductionDate=PRODUCED, InOrderLineWeight=Decimal(3),
                          Items=t.ArrayOfInOrderLineArticleItem(serials))]))


def in_order(api: GoodsOwnerClient, number: str, **advanced: bool) -> Any:
    t = api.types
    result = api.call("GetInOrdersByQuery", query=t.InOrderFilters(
        InOrderNumbersToGet=t.ArrayOfString([number]), Advanced=t.AdvancedGetInOrdersHandling(**advanced)))
    [found] = result.ReceivedInOrder
    return found


def test_details_are_stored_and_returned(api: GoodsOwnerClient, live_server: Any) -> None:
    t = api.types
    result = api.call("ProcessInOrder", co=detailed_in_order(t, "PO-1"))
    assert result.Success is True, result.ErrorMessage

    found = api.call("GetInOrderByOrderNumber", OrderNumber="PO-1")
    info = found.InOrderInfo
    assert (info.WayOfDeliveryTypeCode, info.WayOfDeliveryTypeName) == ("TRUCK", "By truck")
    assert (info.TermsOfDeliveryTypeCode, info.TermsOfDeliveryTypeName) == ("FCA", "Free carrier")
    supplier = found.InOrderSupplier
    assert (supplier.SupplierNumber, supplier.Address.City, supplier.Address.Address2) == ("S-1", "Borås", "Floor 2")
    seller = found.InOrderSeller
    assert (seller.SellerNumber, seller.SellerName, seller.Address.City) == ("SELL-1", "Trading AB", "Malmö")
    customer = found.InOrderCustomer
    assert (customer.CustomerNumber, customer.Name, customer.City, customer.AddressEmail) == (
        "C-7", "Return customer", "Stockholm", "c7@example.com")
    assert (found.Warehouse.Code, found.Warehouse.Name) == ("MAIN", "Main warehouse")
    system = found.WsiSystem
    assert (system.UserName, system.SystemName, system.FromSystemName, system.ToSystemName) == (
        "WSIshop", "Acme ERP", "AcmeERP", "WMS")
    assert found.InboundPalletItems is None and found.ReceivedArticleItems is None  # nothing received yet
    first_line = found.ReceivedInOrderLines.ReceivedInOrderLine[0]
    assert (first_line.InOrderLineTypeCode, first_line.InOrderLineTypeName) == ("STD", "Standard")
    article = first_line.Article  # the articles area's whole read model, not just number and name
    assert (article.ArticleNumber, article.Name, article.ArticleKind) == ("ART-1", "Article ART-1", "Stock")
    assert article.ProcessArticleTime is not None

    with session_scope(live_server.session_factory) as session:
        stored = session.scalars(select(InOrder).where(InOrder.goods_owner_order_number == "PO-1")).one()
        assert (stored.communication_message_id, stored.terms_of_delivery_location) == ("MSG-1", "Gothenburg")
        assert stored.supplier is not None and stored.supplier.supplier_group_code == "TEXTILE"
        assert [(line.production_date is not None, line.weight) for line in stored.lines] == [(False, None),
                                                                                              (True, 3)]
        assert session.scalar(select(func.count()).select_from(Customer).where(Customer.customer_number == "C-7")) == 1


def test_advanced_answers_show_advised_items_and_pallets(api: GoodsOwnerClient) -> None:
    api.call("ProcessInOrder", co=detailed_in_order(api.types, "PO-2"))
    plain = in_order(api, "PO-2")
    assert plain.ReceivedArticleItems is None and plain.InboundPalletItems is None

    found = in_order(api, "PO-2", IncludeAdvisedArticleItemsInReceivedArticleItems=True,
                     IncludeInboundPalletItems=True)
    items = found.ReceivedArticleItems.ReceivedArticlItem
    assert [(i.ExternalOrderLineCode, i.Batch, i.Serial, i.NumberOfItems, i.OriginalArticleItemId) for i in items] == [
        ("10", "LOT-A", None, 6, 0), ("10", "LOT-B", None, 4, 0),
        ("20", None, "SN-1", 1, 0), ("20", None, "SN-2", 1, 0)]
    first = items[0]
    assert (first.ExpiryDate, first.ProductionDate, first.GoodsStatusCode, first.Container, first.ItemWeight,
            first.ItemLength) == (EXPIRY, PRODUCED, "QC", "CONT-1", Decimal("1.5"), 10)
    assert [(c.Code, c.Name, c.Id) for c in first.ArticleItemClass] == [("FRAGILE", "Fragile", 7)]
    assert first.GoodsStatusName == "Quality control"
    assert items[1].ArticleItemClass == []
    assert [(i.ArticleItemPalletItem.LabelId, i.InboundPalletItem.PalletItemId) for i in items[:2]] == [
        ("PAL-1", pallets_first_id := items[0].ArticleItemPalletItem.PalletItemId), ("PAL-2", pallets_first_id + 1)]
    assert items[2].ArticleItemPalletItem is None
    pallets = found.InboundPalletItems.PalletItem_InOrder
    assert [p.PalletItemId for p in pallets] == [pallets_first_id, pallets_first_id + 1]
    assert [(p.LabelId, p.NumberOfItems, p.PalletType.PalletTypeCode if p.PalletType else None) for p in pallets] == [
        ("PAL-1", 6, "EUR"), ("PAL-2", 4, None)]


def test_receiving_uses_the_advised_items(api: GoodsOwnerClient, live_server: Any) -> None:
    api.call("ProcessInOrder", co=detailed_in_order(api.types, "PO-3"))
    with warehouse_session(live_server.session_factory) as session:
        stored = session.scalars(select(InOrder).where(InOrder.goods_owner_order_number == "PO-3")).one()
        warehouse_inbound.receive(session, stored, [Receipt(Decimal(8), external_order_line_code="10"),
                                                    Receipt(Decimal(1), external_order_line_code="20")])

    found = in_order(api, "PO-3", IncludeAdvisedArticleItemsInReceivedArticleItems=True)
    received = [(i.Batch, i.Serial, i.NumberOfItems, i.ExpiryDate, i.GoodsStatusCode, i.OriginalArticleItemId > 0)
                for i in found.ReceivedArticleItems.ReceivedArticlItem]
    assert received == [
        ("LOT-A", None, 6, EXPIRY, "QC", True), ("LOT-B", None, 2, None, None, True),  # received, split by lot
        (None, "SN-1", 1, None, None, True),
        ("LOT-B", None, 2, None, None, False), (None, "SN-2", 1, None, None, False)]  # still advised
    assert found.InOrderInfo.ReceivedNumberOfItems == 9
    assert found.ReceivedArticleItems.ReceivedArticlItem[0].ArticleItemPalletItem.LabelId == "PAL-1"


def test_filters_on_the_creating_system_and_request(api: GoodsOwnerClient, live_server: Any) -> None:
    t = api.types
    second = goods_owner_client(live_server.url, "SHOP", "WSIshop2")
    api.call("ProcessInOrder", co=detailed_in_order(t, "PO-A"))
    second.call("ProcessInOrder", co=detailed_in_order(second.types, "PO-B"))
    with warehouse_session(live_server.session_factory) as session:
        first_id, second_id = (session.scalars(select(ApiUser.id).where(ApiUser.username == name)).one()
                               for name in ("WSIshop", "WSIshop2"))
        owner_id = session.scalars(select(ApiUser.goods_owner_id).where(ApiUser.id == first_id)).one()
        create_in_order(session, owner_id, "PO-CLI", {"10": ("ART-1", 1)})  # as the CLI or the demo do

    def numbers(**filters: Any) -> list[str]:
        result = api.call("GetInOrdersByQuery", query=t.InOrderFilters(**filters))
        return [o.InOrderInfo.GoodsOwnerOrderNumber for o in (result.ReceivedInOrder if result is not None else [])]

    assert numbers(CreatedByWsiExternalSystemId=first_id) == ["PO-A"]
    assert numbers(CreatedByWsiExternalSystemId=second_id) == ["PO-B"]
    assert numbers(CreatedByWsiExternalSystemId=second_id + 1000) == []
    assert numbers(CreatedBySessionRequestIdIsNull=True) == ["PO-CLI"]
    assert numbers(CreatedBySessionRequestIdIsNull=False) == ["PO-A", "PO-B"]
    assert numbers(InOrderSpecialFilters=t.InOrderSpecialFilters(
        OnlyGetUnDeclaredInOrders=False, OnlyWithInOrderLinesWithDiffingReceviedToReported=False,
        CreatedByUserName="WSIshop2")) == ["PO-B"]
    cli = api.call("GetInOrderByOrderNumber", OrderNumber="PO-CLI")
    assert cli.WsiSystem is None


def count_rows(live_server: Any) -> tuple[int, ...]:
    with session_scope(live_server.session_factory) as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (InOrder, InOrderLine, InOrderAdvisedItem, Supplier, Customer))


@pytest.mark.parametrize(("change", "message"), [
    ({"Warehouse": "missing"}, "Warehouse NOPE was not found"),
    ({"GoodsOwnerOrderNumber": "P" * 101}, "goods_owner_order_number is longer than 100 characters"),
    ({"SellerFind": True}, "Supplier NOBODY was not found"),
    ({"TooManyItems": True}, "exceed the line's NumberOfItems"),
    ({"SerialTwice": True}, "advised twice"),
    ({"OtherOwner": True}, "is not the goods owner of this user"),
    ({"ItemWithoutQuantity": True}, "NumberOfItems is required on an advised article item"),
    ({"LineTypeFind": True}, "In-order line type NOPE was not found"),
    ({"UnknownStatus": True}, "Article item status BROKEN was not found"),
])
def test_bad_input_is_refused_in_band_and_writes_nothing(api: GoodsOwnerClient, live_server: Any,
                                                          change: dict[str, Any], message: str) -> None:
    t = api.types
    before = count_rows(live_server)
    co = detailed_in_order(t, "PO-BAD")
    if "Warehouse" in change:
        co.InOrderInfo.Warehouse = t.InOrderWarehouse(InOrderWarehouseIdentification="WarehouseCode",
                                                      InOrderWarehouseOperation="Find", WarehouseCode="NOPE")
    if "GoodsOwnerOrderNumber" in change:
        co.InOrderInfo.GoodsOwnerOrderNumber = change["GoodsOwnerOrderNumber"]
    if "SellerFind" in change:
        co.Seller = t.InOrderSeller(Operation="Find", SupplierNumber="NOBODY")
    if "TooManyItems" in change:
        co.InOrderLines.InOrderLine[0].NumberOfItems = Decimal(9)
    if "SerialTwice" in change:
        co.InOrderLines.InOrderLine[1].Items.InOrderLineArticleItem[1].Serial = "SN-1"
    if "OtherOwner" in change:
        co.GoodsOwner = t.GoodsOwner(GoodsOwnerIdentification="GoodsOwnerCode", GoodsOwnerCode="ELSE", GoodsOwnerId=0)
    if "LineTypeFind" in change:
        co.InOrderLines.InOrderLine[0].InOrderLineType = t.InOrderLineType(
            InOrderLineTypeIdentificationType="InOrderLineTypeCode", InOrderLineTypeOperation="Find",
            InOrderLineTypeCode="NOPE")
    if "UnknownStatus" in change:
        co.InOrderLines.InOrderLine[1].InOrderLineArticleItemStatus = t.InOrderLineArticleItemStatus(
            InOrderLineArticleItemStatusIdentification="ArticleItemStatusCode", ArticleItemStatusCode="BROKEN")
    if "ItemWithoutQuantity" in change:
        co.InOrderLines.InOrderLine[0].Items.InOrderLineArticleItem[1].NumberOfItems = None
    result = api.call("ProcessInOrder", co=co)
    assert result.Success is False and message in result.ErrorMessage
    assert count_rows(live_server) == before


def test_warehouse_is_found_by_code_name_or_id(api: GoodsOwnerClient, live_server: Any) -> None:
    t = api.types
    co = detailed_in_order(t, "PO-N", Warehouse=t.InOrderWarehouse(InOrderWarehouseIdentification="WarehouseName",
                                                                   InOrderWarehouseOperation="Find",
                                                                   WarehouseName="North warehouse"))
    assert api.call("ProcessInOrder", co=co).Success is True
    north = api.call("GetInOrderByOrderNumber", OrderNumber="PO-N").Warehouse
    assert (north.Code, north.Name) == ("NORTH", "North warehouse")
    co.InOrderInfo.Warehouse = t.InOrderWarehouse(InOrderWarehouseIdentification="WarehouseCode",
                                                  InOrderWarehouseOperation="Find", WarehouseCode="MAIN")
    assert api.call("ProcessInOrder", co=co).Success is True
    assert api.call("GetInOrderByOrderNumber", OrderNumber="PO-N").Warehouse.Code == "MAIN"
