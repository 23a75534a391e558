"""Domain -> wire for the order operations: Order (with lines, picked items, parcels, tracking), status reports,
from the rows of ``services.order_views``."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar, cast

from wms_soap.services.countries import is_eu_country
from wms_soap.services.orders import status as st
from wms_soap.services.orders.queries import as_utc
from wms_soap.services.orders.views import OrderView, status_text
from wms_soap.soap.service.types.common import (
    ArticleClass,
    Consignee,
    ConsigneeInvoiceAddress,
    FileResultClass,
    NotifyClass,
    OrderClassInfo,
    OrderCurrentShipmentInfo,
    OrderInfoType,
    OrderPalletItemInfo,
    OrderShipmentInfo,
    OrderTrackingInfo,
    PalletItemTrackingInfo,
    PickedArticleItem,
    PickedOrderLine,
    TermsOfDeliveryTypeInfo,
    TransporterClass,
)
from wms_soap.soap.service.types.common import Order as WireOrder
from wms_soap.soap.service.types.orders import OrderStatusReport

T = TypeVar("T")


@cache
def _defaults(cls: Any) -> dict[str, Any]:
    return dict(cls().__dict__)


def build(cls: type[T], **values: Any) -> T:
    """``cls(**values)`` without Spyne's per-field ``__init__`` walk, which dominates answering many wide orders."""
    defaults = _defaults(cast(Any, cls))
    if not defaults.keys() >= values.keys():
        raise TypeError(f"{cls.__name__} has no field {sorted(values.keys() - defaults.keys())}")
    made = cls.__new__(cls)
    made.__dict__ = {**defaults, **values}
    return made


def _time(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


def file_result(order_id: int, order_number: str | None, message: str) -> FileResultClass:
    return FileResultClass(Success=True, OrderId=order_id, GoodsOwnerOrderNumber=order_number, Message=message,
                           InOrderId=0)


def article_class(line: Any) -> ArticleClass:
    """The article of an order line row (its ``article_*`` columns)."""
    return build(ArticleClass, SystemId=line.article_id, ArticleNumber=line.article_number, Name=line.article_name,
                 ProductCode=line.product_code, IsStockArticle=True)


def consignee(o: Any) -> Consignee | None:
    """The order's delivery address as copied when it got its customer, with the customer's register data."""
    if o.customer_id is None:
        return None
    invoice = None
    if o.customer_invoice_name or o.customer_invoice_address:
        invoice = build(ConsigneeInvoiceAddress, Name=o.customer_invoice_name, Address=o.customer_invoice_address,
                        PostCode=o.customer_invoice_post_code, City=o.customer_invoice_city,
                        CountryCode=o.customer_invoice_country_code)
    return build(
        Consignee, Id=o.customer_id, Name=o.consignee_name, Address=o.consignee_address,
        Address2=o.consignee_address2, Address3=o.consignee_address3, PostCode=o.consignee_post_code,
        City=o.consignee_city, CountryCode=o.consignee_country_code,
        IsEuCountry=is_eu_country(o.consignee_country_code),
        CountryStateCode=o.consignee_country_state_code, TelePhone=o.consignee_telephone,
        MobilePhone=o.consignee_mobile_phone, Remark=o.customer_remark, Email=o.consignee_email,
        DeliveryInstruction=o.customer_delivery_instruction, NotifyByEmail=o.customer_notify_by_email,
        NotifyBySms=o.customer_notify_by_sms, NotifyByTelephone=o.customer_notify_by_telephone,
        CustomerNumber=o.customer_customer_number, InvoiceAddress=invoice, DoorCode=o.consignee_door_code,
        CustomerVATNumber=o.customer_vat_number, OrganisationNumber=o.customer_organisation_number)


def _notify(flag: bool | None, value: str | None) -> NotifyClass | None:
    if flag is None and value is None:
        return None
    return build(NotifyClass, ToBeNotified=flag, Value=value)


def _sum(values: Any) -> Decimal:
    return sum(values, Decimal(0))


def order_info(view: OrderView) -> OrderInfoType:
    o = view.order
    has_terms = o.terms_of_delivery_type_id is not None
    return build(OrderInfoType,
        OrderId=o.id, ReferenceNumber=o.reference_number, ProfitCenter=o.profit_center,
        Communication=o.communication, GoodsOwnerOrderNumber=o.goods_owner_order_number,
        GoodsOwnerOrderId=o.goods_owner_order_id, TransporterOrderNumber=o.transporter_order_number,
        ConsigneeOrderNumber=o.consignee_order_number, ExternalOrderCode=o.goods_owner_order_number,
        SalesCode=o.sales_code, OrderRemark=o.order_remark, DeliveryInstruction=o.delivery_instruction,
        WayOfDelivery=o.way_of_delivery,
        WayOfDeliveryTypeCode=o.way_of_delivery_type_code, WayOfDeliveryTypeName=o.way_of_delivery_type_name,
        TermsOfDelivery=o.terms_of_delivery, TermsOfPayment=o.terms_of_payment,
        OrderTypeCode=o.order_type_code, OrderTypeName=o.order_type_name,
        Language=o.language, InvoiceNumber=o.invoice_number, InvoiceTypeCode=o.invoice_type_code,
        InvoiceUrl=o.invoice_url, ProductionCode=o.production_code,
        DeliveryDate=_time(o.delivery_date), CreatedDate=_time(o.created_at), ShippedTime=_time(o.shipped_time),
        ArrivalDate=_time(o.arrival_date), ArrivalDateFrom=_time(o.arrival_date_from),
        PrintedTime=_time(o.printed_time), WayBill=o.waybill, CustomerPrice=o.customer_price,
        FreightPrice=o.freight_price, OrderStatusNumber=o.status, OrderStatusText=status_text(view),
        OrderServicePointCode=o.order_service_point_code,
        PickedNumberOfItems=_sum(line.picked_number_of_items for line in view.lines),
        OrderedNumberOfItems=_sum(line.ordered_number_of_items for line in view.lines),
        EmailNotification=_notify(o.notify_by_email, o.notify_email),
        TelephoneNotification=_notify(o.notify_by_telephone, o.notify_telephone),
        SMSNotification=_notify(o.notify_by_sms, o.notify_mobile_phone),
        PickingPriority=o.picking_priority, FreeText1=o.free_text1, FreeText2=o.free_text2,
        FreeText3=o.free_text3, MarketPlace=o.market_place, MarketPlaceOrderNumber=o.market_place_order_number,
        ReturnWaybill=o.return_waybill, PreparedTransportDocumentId=o.prepared_transport_document_id,
        WarehouseInstruction=o.warehouse_instruction,
        TermsOfDeliveryType=build(TermsOfDeliveryTypeInfo, Code=o.terms_of_delivery_type_code,
                                  Name=o.terms_of_delivery_type_name) if has_terms else None,
        OrderClasses=[build(OrderClassInfo, Code=c.code, Name=c.name) for c in view.classes] or None,
        OrderFreeDateTime1=_time(o.order_free_datetime1), OrderFreeDateTime2=_time(o.order_free_datetime2),
        CurrentShipmentId=o.current_shipment_id,
    )


def picked_order_line(line: Any, article: ArticleClass) -> PickedOrderLine:
    allocated = line.allocated_number_of_items
    return build(PickedOrderLine,
        Article=article, OrderLineSystemId=line.id, DeliveryDate=_time(line.delivery_date),
        LastPickingTime=_time(line.last_picking_time), OrderLineComment=line.comment,
        OrderedNumberOfItems=line.ordered_number_of_items, PickedNumberOfItems=line.picked_number_of_items,
        ExternalOrderLineCode=line.external_order_line_code, IsParentLine=False, DoPick=line.do_pick,
        LinePrice=line.line_price, RowPrice=line.customer_line_price, Discount=line.discount,
        Length=line.length, Width=line.width, Height=line.height, CurrencyCode=line.currency_code,
        ReportedNumberOfItems=line.reported_number_of_items, Batch=line.batch,
        AllocatedNumberOfItems=allocated if allocated is not None else Decimal(0),
        AcknowledgedNumberOfItems=line.acknowledged_number_of_items,
        CustomerArticleNumber=line.customer_article_number, OrderLineTotalCustomsValue=line.total_customs_value,
        ReportedReturnedNumberOfItems=line.reported_returned_number_of_items, IsPickedWithErrors=False,
        ReturnedNumberOfItems=line.returned_number_of_items,
        OrderLineWarehouseInstruction=line.warehouse_instruction,
        PackedNumberOfItems=line.packed_number_of_items, OrderLineFreeText1=line.free_text1,
        MinDaysToExpiryDate=line.min_days_to_expiry_date, MaxDaysToExpiryDate=line.max_days_to_expiry_date)


def picked_article_item(item: Any, lines: dict[int, tuple[Any, ArticleClass]], parcels: dict[int, Any],
                        shipment_id: int | None = None) -> PickedArticleItem:
    line, article = lines.get(item.order_line_id, (None, None))
    parcel = parcels.get(item.parcel_id) if item.parcel_id is not None else None
    return build(PickedArticleItem,
        Article=article, ArticleItemId=item.article_item_id or 0,
        InDate=_time(item.in_date), Serial=item.serial, BatchNo=item.batch,
        ExternalOrderLineCode=line.external_order_line_code if line else None,
        LabelId=parcel.label_id if parcel else None, NumberOfItems=item.number_of_items, IsPicked=True,
        Returned=item.returned, ExpiryDate=_time(item.expiry_date), ReturnDate=_time(item.returned_at),
        PickedTime=_time(item.picked_at), OrderLineSystemId=item.order_line_id,
        ReturnCauseCode=item.return_cause_code, ReturnCauseName=item.return_cause_name,
        Location=item.location_code, IsPacked=item.parcel_id is not None, ShipmentId=shipment_id)


def pallet_item(parcel: Any, items: list[Any]) -> OrderPalletItemInfo:
    return build(OrderPalletItemInfo,
        Id=parcel.id, LabelId=parcel.label_id, PalletTypeCode=parcel.pallet_type_code,
        NumberOfItems=_sum(i.number_of_items for i in items if i.parcel_id == parcel.id),
        Weight=parcel.weight, Volume=parcel.volume, IsReturnType=False, IsTaPalletItem=parcel.is_transporter_item,
        Tracking=build(PalletItemTrackingInfo, TrackingUrl=parcel.tracking_url) if parcel.tracking_url else None)


def tracking(view: OrderView) -> list[OrderTrackingInfo] | None:
    waybill = view.order.waybill
    found = [build(OrderTrackingInfo, TrackingUrl=p.tracking_url, Waybill=waybill or p.label_id,
                   Created=_time(p.created_at), IsReturn=False)
             for p in view.parcels if p.tracking_url or p.label_id]
    return found or None


def order_out(view: OrderView) -> WireOrder:
    lines = {line.id: (line, article_class(line)) for line in view.lines}  # a line's article, shown twice, built once
    parcels = {parcel.id: parcel for parcel in view.parcels}
    return build(WireOrder,
        Consignee=consignee(view.order), OrderInfo=order_info(view), Success=True,
        PickedOrderLines=[picked_order_line(line, article) for line, article in lines.values()],
        PickedArticleItems=[picked_article_item(i, lines, parcels, view.order.current_shipment_id)
                            for i in view.picked_items],
        OrderPalletItems=[pallet_item(p, view.picked_items) for p in view.parcels],
        Transporter=transporter(view.order), ExternalSystemId=0, Tracking=tracking(view),
        **current_shipment(view.order))


def current_shipment(o: Any) -> dict[str, Any]:
    """The order's current shipment (services/shipments.py), as Order.OrderShipments and Order.Shipment."""
    if o.current_shipment_id is None:
        return {}
    waybill = str(o.current_shipment_waybill) if o.current_shipment_waybill is not None else None
    return {"OrderShipments": [build(OrderShipmentInfo, ShipmentId=o.current_shipment_id, WayBill=waybill,
                                     StatusId=o.current_shipment_status)],
            "Shipment": build(OrderCurrentShipmentInfo, ShipmentId=o.current_shipment_id, Waybill=waybill,
                              StatusId=o.current_shipment_status)}


def transporter(o: Any) -> TransporterClass | None:
    if o.transporter_contract_id is None:
        return None
    return build(TransporterClass, Name=o.transporter_name, Code=o.transporter_code,
                 ServiceCode=o.contract_service_code, Id=o.transporter_contract_id, TransporterName=o.transporter_name)


def status_report(view: OrderView) -> OrderStatusReport:
    order = view.order
    return build(OrderStatusReport,
        OrderId=order.id, GoodsOwnerId=order.goods_owner_id, GoodsOwnerOrderNumber=order.goods_owner_order_number,
        PickingTime=_time(order.last_picking_time), DeliveryDate=_time(order.delivery_date),
        GoodsOwnerReferenceNumber=order.reference_number, OrderStatusNumber=order.status,
        OrderStatusText=status_text(view), OrderStatusIsPicked=st.is_picked(order.status),
        OrderStatusIsDelivered=st.is_delivered(order.status),
        OrderedNumberOfItems=_sum(line.ordered_number_of_items for line in view.lines),
        PickedNumberOfItems=_sum(line.picked_number_of_items for line in view.lines))
