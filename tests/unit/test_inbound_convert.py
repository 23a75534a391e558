"""Wire -> domain mapping of the inbound, returns and invoice queries: every filter field reaches the service."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from wms_soap.soap.service.convert import inorders, invoices, returns
from wms_soap.soap.service.types import common
from wms_soap.soap.service.types import inorders as wire
from wms_soap.soap.service.types import invoices as invoice_wire
from wms_soap.soap.service.types import returns as return_wire

T = datetime(2026, 3, 1, 12, 0)
T_UTC = T.replace(tzinfo=UTC)


def test_as_utc_takes_offset_less_times_as_utc_and_moves_others() -> None:
    assert inorders.as_utc(T) == T_UTC
    assert inorders.as_utc(datetime(2026, 3, 1, 13, 0, tzinfo=timezone(timedelta(hours=1)))) == T_UTC
    assert inorders.as_utc(None) is None


def test_every_in_order_filter_is_mapped() -> None:
    query = inorders.in_order_query(wire.InOrderFilters(
        InDateFrom=T, InDateTo=T, LastReceiveTimeFrom=T, LastReceiveTimeTo=T, InOrderStatusFrom=200,
        InOrderStatusTo=400, CreatedByWsiExternalSystemId=7, CreatedBySessionRequestIdIsNull=True, IsReturnType=False,
        InOrderNumbersToGet=["A", None, "B"],
        InOrderSpecialFilters=wire.InOrderSpecialFilters(
            OnlyGetUnDeclaredInOrders=True, OnlyWithInOrderLinesWithDiffingReceviedToReported=True,
            OnlyWithInOrderLinesWithDiffingReceivedToAcknowledged=True, ArticleItemSerialNumbers=["S1"],
            CreatedByUserName="WSIx"),
        LastUpdatedFrom=T, LastUpdatedTo=T, InOrderIdsToGet=[3, 4], MaxInOrdersToGet=50, InOrderIdFrom=10,
        LastReceiveTimeOrLastUpdatedFrom=T, InOrderStatusChangedTimeFrom=T, ChangedFrom=T,
        Advanced=wire.AdvancedGetInOrdersHandling(IncludeAdvisedArticleItemsInReceivedArticleItems=True,
                                                  IncludeInboundPalletItems=True)))
    assert (query.in_date_from, query.in_date_to, query.last_receive_time_from, query.last_receive_time_to) == (
        T_UTC, T_UTC, T_UTC, T_UTC)
    assert (query.status_from, query.status_to, query.created_by_wsi_external_system_id) == (200, 400, 7)
    assert (query.created_by_session_request_id_is_null, query.is_return_type) == (True, False)
    assert query.numbers == ["A", "B"] and query.ids == [3, 4] and query.serial_numbers == ["S1"]
    assert query.only_undeclared and query.only_diffing_received_to_reported
    assert query.only_diffing_received_to_acknowledged and query.created_by_username == "WSIx"
    assert (query.last_updated_from, query.last_updated_to, query.max_count, query.id_from) == (T_UTC, T_UTC, 50, 10)
    assert (query.last_receive_time_or_last_updated_from, query.status_changed_from, query.changed_from) == (
        T_UTC, T_UTC, T_UTC)
    assert query.include_advised_items and query.include_pallet_items
    assert inorders.in_order_query(None).numbers is None
    assert not inorders.in_order_query(wire.InOrderFilters()).include_advised_items


def test_in_order_details_are_mapped() -> None:
    data = inorders.in_order_input(wire.InOrder(
        InOrderInfo=wire.InOrderInfoClass(
            GoodsOwnerOrderNumber="PO-1", TermsOfDeliveryTypeLocation="Lund",
            Warehouse=wire.InOrderWarehouse(InOrderWarehouseIdentification="WarehouseId", WarehouseId=3),
            WayOfDeliveryType=common.WayOfDeliveryType(WayOfDeliveryTypeOperation="Find",
                                                       WayOfDeliveryTypeIdentification="Name", Name="Truck"),
            TermsOfDeliveryType=wire.TermsOfDeliveryType(TermsOfDeliveryTypeOperation="CreateOrUpdate", Code="FCA")),
        Seller=wire.InOrderSeller(Operation="Find", SupplierName="Seller",
                                  Address=common.AddressClass(City="Lund", Address3="Box 1")),
        GoodsOwner=common.GoodsOwner(GoodsOwnerCode="SHOP", GoodsOwnerId=0),
        CommunicationInfo=common.CommunicationInfo(FromSystemName="ERP", ToSystemName="WMS", MessageId="M1"),
        InOrderLines=[wire.InOrderLine(
            ArticleNumber="A-1", NumberOfItems=Decimal(2), InOrderLineWeight=Decimal(5),
            InOrderLineArticleItemStatus=wire.InOrderLineArticleItemStatus(
                InOrderLineArticleItemStatusIdentification="ArticleItemStatusCode", ArticleItemStatusCode="QC"),
            Items=[wire.InOrderLineArticleItem(Serial="S-1", SavedArticleItemId=4, ContainerNo="C",
                                               PalletItem=wire.InOrderLineArticleItemPalletItem(
                                                   LabelId="P", PalletType=wire.InOrderLineArticleItemPalletType(
                                                       Identification="Id", Id=9)))])]))
    assert (data.warehouse is not None and data.warehouse.identification, data.warehouse.warehouse_id) == (
        "WarehouseId", 3)
    assert data.way_of_delivery_type is not None and (data.way_of_delivery_type.operation,
                                                      data.way_of_delivery_type.by) == ("find", "name")
    assert data.terms_of_delivery_type is not None and data.terms_of_delivery_type.code == "FCA"
    assert data.seller is not None and (data.seller.identification, data.seller.operation, data.seller.city,
                                        data.seller.address3) == ("SupplierName", "Find", "Lund", "Box 1")
    assert data.goods_owner == (0, "SHOP")
    assert (data.fields["communication_from_system"], data.fields["communication_message_id"],
            data.fields["terms_of_delivery_location"]) == ("ERP", "M1", "Lund")
    line = data.lines[0]
    assert (line.fields["weight"], line.fields["item_status_code"]) == (5, "QC")
    assert line.items is not None and [(i.saved_id, i.serial, i.container, i.pallet_label_id, i.pallet_type_code)
                                       for i in line.items] == [(4, "S-1", "C", "P", "9")]


def test_in_order_maps_header_supplier_and_lines() -> None:
    data = inorders.in_order_input(wire.InOrder(
        InOrderInfo=wire.InOrderInfoClass(InOrderIdentification="GoodsOwnerOrderNumber",
                                          InOrderOperation="CreateOrUpdate", GoodsOwnerOrderNumber="PO-1",
                                          InDate=T, FreeText3="x", OrderStatusCreated=200),
        InOrderSupplier=wire.InOrderSupplier(InOrderSupplierIdentificationType="SupplierNumber",
                                             InOrderSupplierOperation="Find", SupplierNumber="S"),
        InOrderCustomer=wire.InOrderCustomer(CustomerNumber="C-9", Name="Ada"),
        InOrderLines=[wire.InOrderLine(OrderLineIdentification="ArticleNumber", ArticleIdentification="ArticleNumber",
                                       ArticleNumber="A-1", NumberOfItems=Decimal(7), InOrderLineSerial="SN",
                                       InOrderLineExpirydate=T), None]))
    assert (data.identification, data.operation, data.goods_owner_order_number) == (
        "GoodsOwnerOrderNumber", "CreateOrUpdate", "PO-1")
    assert data.fields["in_date"] == T_UTC and data.fields["free_text3"] == "x" and data.status_created == 200
    assert data.customer is not None and (data.customer.identification, data.customer.operation) == (
        "CustomerNumber", "Find")
    assert data.customer.values == {"customer_number": "C-9", "name": "Ada"}
    assert data.supplier is not None and (data.supplier.operation, data.supplier.number) == ("Find", "S")
    [line] = data.lines
    assert (line.article.identification, line.article.number, line.number_of_items) == ("ArticleNumber", "A-1", 7)
    assert line.fields["serial"] == "SN" and line.fields["expiry_date"] == T_UTC


def test_return_query_keeps_the_typo_field() -> None:
    query = returns.return_orders_query(return_wire.GetReturnOrdersQuery(
        CustomerOrderNumbersToGet=["O-1"], ReturnOrderNumbersToGet=["R-1"], GoodsReturnedFromDate=T,
        ReturnOrderStatusFrom=100, RetunOrderStatusTo=500))
    assert (query.customer_order_numbers, query.return_order_numbers, query.goods_returned_from) == (
        ["O-1"], ["R-1"], T_UTC)
    assert (query.status_from, query.status_to) == (100, 500)


def test_every_invoice_filter_is_mapped() -> None:
    query = invoices.invoice_query(invoice_wire.GetInvoicesQueryV2(
        GetInvoiceRows=True, InvoiceIds=[1, 2], IsExported=False, InvoiceExportedDateFrom=T,
        InvoiceExportedDateTo=T, InvoiceDateFrom=T, InvoiceDateTo=T, MaxInvoicesToGet=5, InvoiceIdFrom=9))
    assert query.with_rows and query.ids == [1, 2] and query.is_exported is False
    assert (query.exported_from, query.exported_to, query.date_from, query.date_to) == (T_UTC,) * 4
    assert (query.max_count, query.id_from) == (5, 9)
    legacy = invoices.legacy_invoice_query(invoice_wire.GetInvoicesQuery(GetInvoiceRows=False, GetInvoiceId=[4]))
    assert legacy.ids == [4] and not legacy.with_rows and legacy.id_from is None
