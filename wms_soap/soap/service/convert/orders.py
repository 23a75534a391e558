"""Wire -> domain for the order operations: CustomerOrder, Customer, OrderFilters, UpdateOrder, UpdateOrderLines."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, NoReturn

from wms_soap.errors import ValidationFailed
from wms_soap.services.inventory.articles import ArticleKey
from wms_soap.services.orders.customers import CustomerInput, RegisterRef
from wms_soap.services.orders.orders import ClassesInput, LineInput, OrderInput, TextLineInput
from wms_soap.services.orders.queries import OrderQuery, SpecialFilters, as_utc
from wms_soap.services.orders.updates import LineUpdate, OrderUpdate
from wms_soap.services.registers import ContractRef

ORDER_FIELDS = {
    "Communication": "communication", "ReferenceNumber": "reference_number",
    "GoodsOwnerOrderNumber": "goods_owner_order_number", "GoodsOwnerOrderId": "goods_owner_order_id",
    "SalesCode": "sales_code", "OrderRemark": "order_remark", "ConsigneeOrderNumber": "consignee_order_number",
    "WayOfDelivery": "way_of_delivery", "TermsOfDelivery": "terms_of_delivery", "TermsOfPayment": "terms_of_payment",
    "ProfitCenter": "profit_center", "DeliveryInstruction": "delivery_instruction",
    "TransporterOrderNumber": "transporter_order_number", "FreightPrice": "freight_price",
    "DeliveryDate": "delivery_date", "ArrivalDateFrom": "arrival_date_from", "ArrivalDate": "arrival_date",
    "WayBill": "waybill", "CustomerPrice": "customer_price", "Language": "language",
    "InvoiceNumber": "invoice_number", "InvoiceTypeCode": "invoice_type_code", "InvoiceUrl": "invoice_url",
    "ProductionCode": "production_code", "PickingPriority": "picking_priority",
    "OrderServicePointCode": "order_service_point_code", "FreeText1": "free_text1", "FreeText2": "free_text2",
    "FreeText3": "free_text3", "MarketPlace": "market_place", "MarketPlaceOrderNumber": "market_place_order_number",
    "PreparedTransportDocumentId": "prepared_transport_document_id",
    "WarehouseInstruction": "warehouse_instruction", "OrderFreeDateTime1": "order_free_datetime1",
    "OrderFreeDateTime2": "order_free_datetime2",
}
NOTIFICATION_FIELDS = {
    "Telephone": "notify_telephone", "MobilePhone": "notify_mobile_phone", "Email": "notify_email",
    "NotifyByEmail": "notify_by_email", "NotifyBySms": "notify_by_sms", "NotifyByTelephone": "notify_by_telephone",
}
CUSTOMER_FIELDS = {
    "ExternalCustomerCode": "external_customer_code", "CustomerNumber": "customer_number", "Name": "name",
    "Address": "address", "Address2": "address2", "Address3": "address3", "PostCode": "post_code", "City": "city",
    "TelePhone": "telephone", "Remark": "remark", "Email": "email", "MobilePhone": "mobile_phone",
    "CountryCode": "country_code", "CountryStateCode": "country_state_code",
    "DeliveryInstruction": "delivery_instruction", "IsVisible": "is_visible", "NotifyBySMS": "notify_by_sms",
    "NotifyByEmail": "notify_by_email", "NotifyByTelephone": "notify_by_telephone",
    "OrganisationNumber": "organisation_number", "VATNumber": "vat_number", "DoorCode": "door_code",
}
INVOICE_ADDRESS_FIELDS = {"Name": "invoice_name", "Address": "invoice_address", "PostCode": "invoice_post_code",
                          "City": "invoice_city", "CountryCode": "invoice_country_code"}
LINE_FIELDS = {
    "ExternalOrderLineCode": "external_order_line_code", "OrderLineComment": "comment",
    "DeliveryDate": "delivery_date", "CustomerLinePrice": "customer_line_price", "LinePrice": "line_price",
    "CurrencyCode": "currency_code", "Height": "height", "Width": "width", "Length": "length", "DoPick": "do_pick",
    "Batch": "batch", "MinDaysToExpiryDate": "min_days_to_expiry_date",
    "MaxDaysToExpiryDate": "max_days_to_expiry_date", "OrderLineSerial": "serial", "Discount": "discount",
    "CustomerArticleNumber": "customer_article_number", "OrderLineTotalCustomsValue": "total_customs_value",
    "WarehouseInstruction": "warehouse_instruction", "OrderLineFreeText1": "free_text1",
}


def wire_value(value: Any) -> Any:
    """A wire value as the store keeps it: datetimes in UTC, .NET's unset DateTime (0001-01-01) as None."""
    if isinstance(value, datetime):
        return None if value.year == 1 else as_utc(value)
    return value


def _values(wire: Any, fields: dict[str, str]) -> dict[str, Any]:
    if wire is None:
        return {}
    found = {column: wire_value(getattr(wire, name, None)) for name, column in fields.items()}
    return {column: value for column, value in found.items() if value is not None}


def customer_input(wire: Any) -> CustomerInput:
    values = _values(wire, CUSTOMER_FIELDS)
    values.update(_values(getattr(wire, "InvoiceAddress", None), INVOICE_ADDRESS_FIELDS))
    return CustomerInput(operation=wire.CustomerOperation or "Create",
                         identification=wire.CustomerIdentification or "ExternalCustomerCode",
                         customer_id=wire.CustomerId, values=values)


def _register(operation: str | None, by: str | None, code: str | None, name: str | None) -> RegisterRef:
    normalized = {"Find": "find", "CreateOrFind": "find_or_create", "FindOrCreate": "find_or_create",
                  "CreateOrUpdate": "create_or_update"}.get(operation or "", "find")
    return RegisterRef(normalized, "name" if by in ("Name", "OrderTypeName") else "code", code, name)


def contract_ref(wire: Any) -> ContractRef:
    return ContractRef(identification=wire.TransporterContractIdentification or "CodeAndServiceCodeAndCustomerNumber",
                       operation=wire.TransporterContractOperation or "Find", payment=wire.TransportPayment,
                       transporter_code=wire.TransporterCode, service_code=wire.TransporterServiceCode,
                       customer_number=wire.CustomerNumber)


def classes_input(wire: Any) -> ClassesInput | None:
    if wire is None:
        return None
    return ClassesInput(operation=wire.Operation or "FindOrCreate",
                        classes=[RegisterRef("find_or_create", "code", c.Code, c.Name, c.Comment)
                                 for c in wire.Classes or () if c is not None])


def line_input(wire: Any) -> LineInput:
    article = ArticleKey(wire.ArticleIdentification or "SystemId", wire.ArticleSystemId, wire.ArticleNumber,
                         wire.ProductCode, wire.ArticleName)
    values = _values(wire, LINE_FIELDS)
    if wire.VatCode is not None and wire.VatCode.VatCode:
        values["vat_code"] = wire.VatCode.VatCode
    if wire.OrderLineType is not None:
        values["line_type_code"] = getattr(wire.OrderLineType, "OrderLineTypeCode", None)
    return LineInput(identification=wire.OrderLineIdentification or "ExternalOrderLineCode", article=article,
                     number_of_items=Decimal(wire.NumberOfItems or 0), line_system_id=wire.OrderLineSystemId,
                     values=values)


def text_line_input(wire: Any) -> TextLineInput:
    return TextLineInput(external_order_line_code=wire.ExternalOrderLineCode, comment=wire.OrderLineComment,
                         number_of_items=wire.NumberOfItems)


def order_input(co: Any) -> OrderInput:
    info = co.OrderInfo
    if info is None:
        raise_missing("OrderInfo")
    values = _values(info, ORDER_FIELDS)
    values.update(_values(info.OrderNotification, NOTIFICATION_FIELDS))
    return OrderInput(
        identification=info.OrderIdentification or "ExternalOrderCode",
        operation=info.OrderOperation or "Create", order_id=info.OrderId, values=values,
        status_created=info.OrderStatusCreated, status_updated=info.OrderStatusUpdated,
        customer=customer_input(co.Customer) if co.Customer is not None else None,
        lines=[line_input(line) for line in co.CustomerOrderLines if line is not None]
        if co.CustomerOrderLines is not None else None,
        text_lines=[text_line_input(line) for line in co.CustomerOrderTextLines if line is not None]
        if co.CustomerOrderTextLines is not None else None,
        order_type=_opt(info.OrderType, lambda t: _register(t.OrderTypeOperation, t.OrderTypeIdentification,
                                                           t.OrderTypeCode, t.OrderTypeName)),
        way_of_delivery_type=_opt(info.WayOfDeliveryType, lambda t: _register(
            t.WayOfDeliveryTypeOperation, t.WayOfDeliveryTypeIdentification, t.Code, t.Name)),
        terms_of_delivery_type=_opt(info.TermsOfDeliveryType, lambda t: _register(
            t.TypeOperation, t.TypeIdentification, t.Code, t.Name)),
        transporter_contract=_opt(co.TransporterContract, contract_ref),
        classes=classes_input(info.OrderClasses),
    )


def raise_missing(name: str) -> NoReturn:
    raise ValidationFailed(f"{name} is required")


def _opt(wire: Any, convert: Any) -> Any:
    return None if wire is None else convert(wire)


def order_query(wire: Any) -> OrderQuery:
    if wire is None:
        return OrderQuery()
    special = wire.OrderSpecialFilters
    return OrderQuery(
        delivery_date_from=wire.DeliveryDateFrom, delivery_date_to=wire.DeliveryDateTo,
        shipped_time_from=wire.ShippedTimeFrom, shipped_time_to=wire.ShippedTimeTo,
        shipped_time_to_exact=wire.ShippedTimeToExact, last_picking_time_from=wire.LastPickingTimeFrom,
        last_picking_time_to=wire.LastPickingTimeTo, last_returned_from=wire.LastReturnedFrom,
        last_printed_time_from=wire.LastPrintedTimeFrom, status_from=wire.OrderStatusFrom,
        status_to=wire.OrderStatusTo, last_updated_from=wire.LastUpdatedFrom, last_updated_to=wire.LastUpdatedTo,
        status_changed_from=wire.OrderStatusChangedTimeFrom,
        order_numbers=_list(wire.OrderNumbersToGet), order_ids=_list(wire.OrderIdsToGet),
        goods_owner_order_ids=_list(wire.GoodsOwnerOrderIdToGet), reference_number=wire.ReferenceNumber,
        pick_order_id_from=wire.PickOrderIdFrom, pick_order_id_to=wire.PickOrderIdTo,
        current_trip_id=wire.CurrentTripId, current_shipment_id=wire.CurrentShipmentId,
        order_id_from=wire.OrderIdFrom, max_orders=wire.MaxOrdersToGet,
        special=None if special is None else SpecialFilters(
            only_lines_to_report=bool(special.OnlyOrdersWithOrderLinesToReport),
            only_assigned_to_requesting_user=bool(special.OnlyOrdersAssignedToRequestingUser),
            only_lines_to_report_returned=bool(special.OnlyOrdersWithOrderLinesToReportReturned),
            only_acknowledged_less_than_returned=bool(
                special.OnlyOrdersWithOrderLinesWhereAcknowledgedLessThanReturned),
            pickable=special.Pickable, only_with_ta_pallet_items=bool(special.OnlyOrdersWithTAPalletItems),
            only_if_ta_printed=bool(special.OnlyIfTAPrinted), has_return_order=special.HasReturnOrder,
            is_allocated=special.IsAllocated, has_picked_article_item=special.HasPickedArticleItem),
    )


def _list(values: Any) -> list[Any] | None:
    return [value for value in values if value is not None] if values else None


_UPDATE_VALUES = (
    ("UpdateOrderDeliveryDate", "DeliveryDate", "delivery_date"),
    ("UpdateOrderGoodsOwnerOrderNumber", "GoodsOwnerOrderNumber", "goods_owner_order_number"),
    ("UpdateOrderWaybill", "Waybill", "waybill"),
    ("UpdateOrderTransporterOrderNumber", "TransporterOrderNumber", "transporter_order_number"),
    ("UpdateOrderPrintedTime", "PrintedTime", "printed_time"),
    ("UpdateOrderPickFinishedTime", "PickFinishedTime", "pick_finished_time"),
    ("UpdateOrderShippedTime", "ShippedTime", "shipped_time"),
    ("UpdateOrderFreeDateTime1", "OrderFreeDateTime1", "order_free_datetime1"),
    ("UpdateOrderFreeDateTime2", "OrderFreeDateTime2", "order_free_datetime2"),
    ("UpdateOrderFreeText1", "OrderFreeText1", "free_text1"),
    ("UpdateOrderFreeText2", "OrderFreeText2", "free_text2"),
    ("UpdateOrderFreeText3", "OrderFreeText3", "free_text3"),
    ("UpdatePickingPriority", "PickingPriority", "picking_priority"),
    ("UpdateOrderWarehouseInstruction", "WarehouseInstruction", "warehouse_instruction"),
    ("UpdateOrderReturnWaybill", "ReturnWaybill", "return_waybill"),
    ("UpdateOrderServicePointCode", "ServicePointCode", "order_service_point_code"),
    ("UpdateOrderDeliveryInstruction", "OrderDeliveryInstruction", "delivery_instruction"),
    ("UpdateOrderSalesCode", "OrderSalesCode", "sales_code"),
    ("UpdateOrderFreightPrice", "FreightPrice", "freight_price"),
    ("UpdateOrderRemark", "OrderRemark", "order_remark"),
)


def order_update(wire: Any) -> OrderUpdate:
    if wire is None or wire.OrderUpdateIdentification is None:
        raise_missing("OrderUpdateIdentification")
    ident = wire.OrderUpdateIdentification
    kind = ident.OrderIdentificationType or "GoodsOwnerOrderNumber"
    values = {column: wire_value(getattr(getattr(wire, part), field)) for part, field, column in _UPDATE_VALUES
              if getattr(wire, part, None) is not None}
    customer_part = wire.UpdateOrderCustomerAndNotification
    if customer_part is not None:
        values.update(_values(customer_part.OrderNotification, NOTIFICATION_FIELDS))
    way = wire.UpdateOrderWayOfDeliveryType
    contract = wire.UpdateOrderTransporterContract
    return OrderUpdate(
        identification=kind, order_id=ident.OrderId,
        key=ident.GoodsOwnerOrderId if kind == "GoodsOwnerOrderId" else ident.GoodsOwnerOrderNumber,
        status=wire.UpdateOrderStatus.OrderStatus if wire.UpdateOrderStatus is not None else None,
        values=values,
        way_of_delivery_type=None if way is None else RegisterRef(
            "find" if way.Operation == "Find" else "find_or_create", "code", way.WayOfDeliveryTypeCode,
            way.WayOfDeliveryTypeName),
        transporter_contract=None if contract is None or contract.TransporterContract is None
        else contract_ref(contract.TransporterContract),
        set_classes=classes_input(getattr(wire.UpdateOrderSetOrderClasses, "OrderClasses", None)),
        add_classes=classes_input(getattr(wire.UpdateOrderAddOrderClasses, "OrderClasses", None)),
        customer=customer_input(customer_part.Customer)
        if customer_part is not None and customer_part.Customer is not None else None,
    )


_LINE_UPDATE_VALUES = (
    ("UpdateExternalOrderLineCode", "ExternalOrderLineCode", "external_order_line_code"),
    ("UpdateReportedNumberOfItems", "ReportedNumberOfItems", "reported_number_of_items"),
    ("UpdateComment", "OrderLineComment", "comment"),
    ("UpdateOrderLineReportedReturnedNumberOfItems", "ReportedReturnedNumberOfItems",
     "reported_returned_number_of_items"),
    ("UpdateOrderLineAcknowledgedNumberOfItems", "AcknowledgedNumberOfItems", "acknowledged_number_of_items"),
    ("UpdateOrderLineTotalCustomsValue", "OrderLineTotalCustomsValue", "total_customs_value"),
    ("UpdateOrderLineType", "OrderLineTypeCode", "line_type_code"),
)


def line_update(wire: Any) -> LineUpdate:
    ident = wire.UpdateOrderLineIdentification
    if ident is None:
        raise_missing("UpdateOrderLineIdentification")
    values = {column: getattr(getattr(wire, part), field) for part, field, column in _LINE_UPDATE_VALUES
              if getattr(wire, part, None) is not None}
    return LineUpdate(identification=ident.OrderLineIdentificationType or "ExternalOrderLineCode",
                      external_order_line_code=ident.ExternalOrderLineCode, order_line_id=ident.OrderLineId,
                      number_of_items=wire.UpdateNumberOfItems.NumberOfItems
                      if wire.UpdateNumberOfItems is not None else None, values=values)


def order_lines_identification(wire: Any) -> tuple[str, int | None, str | None]:
    """(identification, order id, key) of an UpdateOrderIdentification."""
    if wire is None:
        raise_missing("UpdateOrderIdentification")
    kind = wire.OrderIdentificationType or "GoodsOwnerOrderNumber"
    key = {"GoodsOwnerOrderId": wire.GoodsOwnerOrderId,
           "ReferenceNumber": wire.ReferenceNumber}.get(kind, wire.GoodsOwnerOrderNumber)
    return kind, wire.OrderId, key
