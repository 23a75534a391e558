"""Domain -> wire for the order operations: Order (with lines, picked items, parcels, tracking), status reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar, cast

from wms_soap.services import order_status as st
from wms_soap.services.order_queries import as_utc
from wms_soap.soap.types.common import (
    ArticleClass,
    Consignee,
    ConsigneeInvoiceAddress,
    FileResultClass,
    NotifyClass,
    OrderClassInfo,
    OrderInfoType,
    OrderPalletItemInfo,
    OrderTrackingInfo,
    PalletItemTrackingInfo,
    PickedArticleItem,
    PickedOrderLine,
    TermsOfDeliveryTypeInfo,
    TransporterClass,
)
from wms_soap.soap.types.common import Order as WireOrder
from wms_soap.soap.types.orders import OrderStatusReport
from wms_soap.store.orders import Order, OrderLine, Parcel, PickedItem

StatusText = Callable[[int], str]
T = TypeVar("T")


@cache
def _defaults(cls: Any) -> dict[str, Any]:
    return dict(cls().__dict__)


def build(cls: type[T], **values: Any) -> T:
    """``cls(**values)`` without Spyne's per-field ``__init__`` walk, which dominates answering many wide orders."""
    defaults = _defaults(cast(Any, cls))
    unknown = values.keys() - defaults.keys()
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)}")
    made = cls.__new__(cls)
    made.__dict__.update(defaults)
    made.__dict__.update(values)
    return made


def default_status_text(number: int) -> str:
    return st.DEFAULT_TEXTS.get(number, str(number))


def _time(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


def file_result(order_id: int, order_number: str | None, message: str) -> FileResultClass:
    return FileResultClass(Success=True, OrderId=order_id, GoodsOwnerOrderNumber=order_number, Message=message,
                           InOrderId=0)


def article_class(article: Any) -> ArticleClass | None:
    if article is None:
        return None
    return build(ArticleClass, SystemId=article.id, ArticleNumber=article.article_number, Name=article.name,
                        ProductCode=getattr(article, "product_code", None), IsStockArticle=True)


def consignee(order: Order) -> Consignee | None:
    """The order's delivery address as copied when it got its customer, with the customer's register data."""
    c = order.customer
    if c is None:
        return None
    invoice = None
    if c.invoice_name or c.invoice_address:
        invoice = build(ConsigneeInvoiceAddress, Name=c.invoice_name, Address=c.invoice_address,
                        PostCode=c.invoice_post_code, City=c.invoice_city, CountryCode=c.invoice_country_code)
    return build(
        Consignee, Id=c.id, Name=order.consignee_name, Address=order.consignee_address,
        Address2=order.consignee_address2, Address3=order.consignee_address3, PostCode=order.consignee_post_code,
        City=order.consignee_city, CountryCode=order.consignee_country_code,
        CountryStateCode=order.consignee_country_state_code, TelePhone=order.consignee_telephone,
        MobilePhone=order.consignee_mobile_phone, Remark=c.remark, Email=order.consignee_email,
        DeliveryInstruction=c.delivery_instruction, NotifyByEmail=c.notify_by_email, NotifyBySms=c.notify_by_sms,
        NotifyByTelephone=c.notify_by_telephone, CustomerNumber=c.customer_number, InvoiceAddress=invoice,
        DoorCode=order.consignee_door_code, CustomerVATNumber=c.vat_number, OrganisationNumber=c.organisation_number)


def _notify(flag: bool | None, value: str | None) -> NotifyClass | None:
    if flag is None and value is None:
        return None
    return build(NotifyClass, ToBeNotified=flag, Value=value)


def _sum(values: Any) -> Decimal:
    return sum(values, Decimal(0))


def order_info(o: Order, status_text: StatusText) -> OrderInfoType:
    return build(OrderInfoType,
        OrderId=o.id, ReferenceNumber=o.reference_number, ProfitCenter=o.profit_center,
        Communication=o.communication, GoodsOwnerOrderNumber=o.goods_owner_order_number,
        GoodsOwnerOrderId=o.goods_owner_order_id, TransporterOrderNumber=o.transporter_order_number,
        ConsigneeOrderNumber=o.consignee_order_number, ExternalOrderCode=o.goods_owner_order_number,
        SalesCode=o.sales_code, OrderRemark=o.order_remark, DeliveryInstruction=o.delivery_instruction,
        WayOfDelivery=o.way_of_delivery,
        WayOfDeliveryTypeCode=o.way_of_delivery_type.code if o.way_of_delivery_type else None,
        WayOfDeliveryTypeName=o.way_of_delivery_type.name if o.way_of_delivery_type else None,
        TermsOfDelivery=o.terms_of_delivery, TermsOfPayment=o.terms_of_payment,
        OrderTypeCode=o.order_type.code if o.order_type else None,
        OrderTypeName=o.order_type.name if o.order_type else None,
        Language=o.language, InvoiceNumber=o.invoice_number, InvoiceTypeCode=o.invoice_type_code,
        InvoiceUrl=o.invoice_url, ProductionCode=o.production_code,
        DeliveryDate=_time(o.delivery_date), CreatedDate=_time(o.created_at), ShippedTime=_time(o.shipped_time),
        ArrivalDate=_time(o.arrival_date), ArrivalDateFrom=_time(o.arrival_date_from),
        PrintedTime=_time(o.printed_time), WayBill=o.waybill, CustomerPrice=o.customer_price,
        FreightPrice=o.freight_price, OrderStatusNumber=o.status, OrderStatusText=status_text(o.status),
        OrderServicePointCode=o.order_service_point_code,
        PickedNumberOfItems=_sum(line.picked_number_of_items for line in o.lines),
        OrderedNumberOfItems=_sum(line.ordered_number_of_items for line in o.lines),
        EmailNotification=_notify(o.notify_by_email, o.notify_email),
        TelephoneNotification=_notify(o.notify_by_telephone, o.notify_telephone),
        SMSNotification=_notify(o.notify_by_sms, o.notify_mobile_phone),
        PickingPriority=o.picking_priority, FreeText1=o.free_text1, FreeText2=o.free_text2,
        FreeText3=o.free_text3, MarketPlace=o.market_place, MarketPlaceOrderNumber=o.market_place_order_number,
        ReturnWaybill=o.return_waybill, PreparedTransportDocumentId=o.prepared_transport_document_id,
        WarehouseInstruction=o.warehouse_instruction,
        TermsOfDeliveryType=build(TermsOfDeliveryTypeInfo, Code=o.terms_of_delivery_type.code,
                                                    Name=o.terms_of_delivery_type.name)
        if o.terms_of_delivery_type else None,
        OrderClasses=[build(OrderClassInfo, Code=c.code, Name=c.name) for c in o.classes] or None,
        OrderFreeDateTime1=_time(o.order_free_datetime1), OrderFreeDateTime2=_time(o.order_free_datetime2),
    )


def picked_order_line(line: OrderLine) -> PickedOrderLine:
    return build(PickedOrderLine,
        Article=article_class(line.article), OrderLineSystemId=line.id, DeliveryDate=_time(line.delivery_date),
        LastPickingTime=_time(line.last_picking_time), OrderLineComment=line.comment,
        OrderedNumberOfItems=line.ordered_number_of_items, PickedNumberOfItems=line.picked_number_of_items,
        ExternalOrderLineCode=line.external_order_line_code, IsParentLine=False, DoPick=line.do_pick,
        LinePrice=line.line_price, RowPrice=line.customer_line_price, Discount=line.discount,
        Length=line.length, Width=line.width, Height=line.height, CurrencyCode=line.currency_code,
        ReportedNumberOfItems=line.reported_number_of_items, Batch=line.batch,
        AllocatedNumberOfItems=_sum(a.number_of_items for a in line.allocations),
        AcknowledgedNumberOfItems=line.acknowledged_number_of_items,
        CustomerArticleNumber=line.customer_article_number, OrderLineTotalCustomsValue=line.total_customs_value,
        ReportedReturnedNumberOfItems=line.reported_returned_number_of_items, IsPickedWithErrors=False,
        ReturnedNumberOfItems=line.returned_number_of_items,
        OrderLineWarehouseInstruction=line.warehouse_instruction,
        PackedNumberOfItems=line.packed_number_of_items, OrderLineFreeText1=line.free_text1,
        MinDaysToExpiryDate=line.min_days_to_expiry_date, MaxDaysToExpiryDate=line.max_days_to_expiry_date)


def picked_article_item(item: PickedItem, lines: dict[int, OrderLine], parcels: dict[int, Parcel]
                        ) -> PickedArticleItem:
    line = lines.get(item.order_line_id)
    parcel = parcels.get(item.parcel_id) if item.parcel_id is not None else None
    return build(PickedArticleItem,
        Article=article_class(line.article if line else None), ArticleItemId=item.article_item_id or 0,
        InDate=_time(item.in_date), Serial=item.serial, BatchNo=item.batch,
        ExternalOrderLineCode=line.external_order_line_code if line else None,
        LabelId=parcel.label_id if parcel else None, NumberOfItems=item.number_of_items, IsPicked=True,
        Returned=item.returned, ExpiryDate=_time(item.expiry_date), ReturnDate=_time(item.returned_at),
        PickedTime=_time(item.picked_at), OrderLineSystemId=item.order_line_id,
        ReturnCauseCode=item.return_cause_code, ReturnCauseName=item.return_cause_name,
        Location=item.location_code, IsPacked=item.parcel_id is not None)


def pallet_item(parcel: Parcel, items: list[PickedItem]) -> OrderPalletItemInfo:
    return build(OrderPalletItemInfo,
        Id=parcel.id, LabelId=parcel.label_id, PalletTypeCode=parcel.pallet_type_code,
        NumberOfItems=_sum(i.number_of_items for i in items if i.parcel_id == parcel.id),
        Weight=parcel.weight, Volume=parcel.volume, IsReturnType=False, IsTaPalletItem=parcel.is_transporter_item,
        Tracking=build(PalletItemTrackingInfo, TrackingUrl=parcel.tracking_url) if parcel.tracking_url else None)


def tracking(order: Order) -> list[OrderTrackingInfo] | None:
    found = [build(OrderTrackingInfo, TrackingUrl=p.tracking_url, Waybill=order.waybill or p.label_id,
                               Created=_time(p.created_at), IsReturn=False)
             for p in order.parcels if p.tracking_url or p.label_id]
    return found or None


def order_out(order: Order, status_text: StatusText = default_status_text) -> WireOrder:
    lines = {line.id: line for line in order.lines}
    parcels = {parcel.id: parcel for parcel in order.parcels}
    return build(WireOrder,
        Consignee=consignee(order), OrderInfo=order_info(order, status_text), Success=True,
        PickedOrderLines=[picked_order_line(line) for line in order.lines],
        PickedArticleItems=[picked_article_item(i, lines, parcels) for i in order.picked_items],
        OrderPalletItems=[pallet_item(p, order.picked_items) for p in order.parcels],
        Transporter=transporter(order.transporter_contract), ExternalSystemId=0, Tracking=tracking(order))


def transporter(contract: Any) -> TransporterClass | None:
    if contract is None:
        return None
    carrier = contract.transporter
    return build(TransporterClass, Name=carrier.name if carrier else None, Code=carrier.code if carrier else None,
                            ServiceCode=contract.service_code, Id=contract.id,
                            TransporterName=carrier.name if carrier else None)


def status_report(order: Order, status_text: StatusText = default_status_text) -> OrderStatusReport:
    return build(OrderStatusReport,
        OrderId=order.id, GoodsOwnerId=order.goods_owner_id, GoodsOwnerOrderNumber=order.goods_owner_order_number,
        PickingTime=_time(order.last_picking_time), DeliveryDate=_time(order.delivery_date),
        GoodsOwnerReferenceNumber=order.reference_number, OrderStatusNumber=order.status,
        OrderStatusText=status_text(order.status), OrderStatusIsPicked=st.is_picked(order.status),
        OrderStatusIsDelivered=st.is_delivered(order.status),
        OrderedNumberOfItems=_sum(line.ordered_number_of_items for line in order.lines),
        PickedNumberOfItems=_sum(line.picked_number_of_items for line in order.lines))
