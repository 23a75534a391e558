"""In-orders: wire (InOrder, InOrderFilters, UpdateInOrder...) to domain inputs, and stored in-orders to the wire."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from wms_soap.errors import ValidationFailed
from wms_soap.services.inbound.inorders import (
    ArticleRef,
    InOrderInput,
    InOrderLineInput,
    InOrderLineUpdate,
    InOrderQuery,
    InOrderTypeInput,
    InOrderUpdate,
    advised_total,
    received_total,
)
from wms_soap.soap.service.convert import inorder_details as details
from wms_soap.soap.service.convert.articles import article_class as read_model
from wms_soap.soap.service.convert.articles import article_input
from wms_soap.soap.service.convert.inorder_details import as_utc
from wms_soap.soap.service.types.common import ArticleClass, GoodsOwner
from wms_soap.soap.service.types.inorders import (
    InOrderStatusReport,
    ReceivedArticlItem,
    ReceivedInOrder,
    ReceivedInOrderInfoClass,
    ReceivedInOrderLine,
)
from wms_soap.store.articles import Article
from wms_soap.store.inorders import IN_ORDER_STATUS_TEXTS, InOrder, InOrderLine, InOrderReceivedItem

Articles = dict[int, Article]
ArticleNames = dict[int, tuple[str | None, str | None]]
StatusTexts = dict[int, str]


# --- wire -> domain ---------------------------------------------------------------------------------------------

def in_order_input(co: Any) -> InOrderInput:
    info = co.InOrderInfo
    if info is None:
        raise_missing("InOrderInfo")
    type_ = info.InOrderType
    way, terms = info.WayOfDeliveryType, info.TermsOfDeliveryType
    return InOrderInput(
        identification=info.InOrderIdentification or "ExternalOrderCode",
        operation=info.InOrderOperation or "Create",
        in_order_id=info.InOrderId,
        goods_owner_order_number=info.GoodsOwnerOrderNumber,
        fields=_header_fields(info) | _communication_fields(co.CommunicationInfo),
        status_created=info.OrderStatusCreated,
        status_updated=info.OrderStatusUpdated,
        in_order_type=None if type_ is None else InOrderTypeInput(
            type_.InOrderTypeOperation or "Find", type_.InOrderTypeIdentification or "InOrderTypeCode",
            type_.InOrderTypeCode, type_.InOrderTypeName),
        supplier=details.supplier_input(co.InOrderSupplier),
        seller=details.seller_input(co.Seller),
        customer=details.customer_input(co.InOrderCustomer),
        warehouse=details.warehouse_input(info.Warehouse),
        way_of_delivery_type=details.register_ref(way, way.WayOfDeliveryTypeOperation if way else None,
                                                  way.WayOfDeliveryTypeIdentification if way else None),
        terms_of_delivery_type=details.register_ref(terms, terms.TermsOfDeliveryTypeOperation if terms else None,
                                                    terms.TermsOfDeliveryTypeIdentification if terms else None),
        goods_owner=None if co.GoodsOwner is None else (co.GoodsOwner.GoodsOwnerId, co.GoodsOwner.GoodsOwnerCode),
        lines=[in_order_line_input(line) for line in co.InOrderLines or [] if line is not None],
    )


def _communication_fields(wire: Any) -> dict[str, Any]:
    if wire is None:
        return {}
    return {"communication_from_system": wire.FromSystemName, "communication_to_system": wire.ToSystemName,
            "communication_message_id": wire.MessageId}


def raise_missing(name: str) -> Any:
    raise ValidationFailed(f"{name} is required")


def _header_fields(info: Any) -> dict[str, Any]:
    return {
        "supplier_order_number": info.SupplierOrderNumber, "batch_number": info.BatchNumber,
        "goods_owner_reference": info.GoodsOwnerReference, "reference_number": info.ReferenceNumber,
        "way_of_delivery": info.WayOfDelivery, "terms_of_delivery_location": info.TermsOfDeliveryTypeLocation,
        "remark": info.OrderRemark, "in_date": as_utc(info.InDate), "order_date": as_utc(info.OrderDate),
        "batch_date": as_utc(info.BatchDate), "container": info.Container,
        "is_return_type": info.InOrderIsReturnType, "invoice_number": info.InvoiceNumber,
        "free_text1": info.FreeText1, "free_text2": info.FreeText2, "free_text3": info.FreeText3,
        "free_text4": info.FreeText4, "free_text5": info.FreeText5,
        "customs_declared_date": as_utc(info.CustomsDeclaredDate),
        "free_decimal1": info.InOrderFreeDecimal1, "free_decimal2": info.InOrderFreeDecimal2,
        "free_bool1": info.InOrderFreeBool1, "free_bool2": info.InOrderFreeBool2,
        "advised_date": as_utc(info.AdvisedDate),
    }


def article_ref(identification: str | None, system_id: int | None, number: str | None, product_code: str | None,
                name: str | None) -> ArticleRef:
    return ArticleRef(identification or "SystemId", system_id, number, product_code, name)


def in_order_line_input(line: Any) -> InOrderLineInput:
    line_type = line.InOrderLineType
    status_id, status_code = details.item_status(line.InOrderLineArticleItemStatus)
    return InOrderLineInput(
        identification=line.OrderLineIdentification or "ExternalOrderLineCode",
        article=article_ref(line.ArticleIdentification, line.ArticleSystemId, line.ArticleNumber,
                            line.ProductCode or line.ArticleCode, line.ArticleName),
        number_of_items=line.NumberOfItems if line.NumberOfItems is not None else Decimal(0),
        line_system_id=line.OrderLineSystemId,
        external_order_line_code=line.ExternalOrderLineCode,
        external_order_line_id=line.ExternalOrderLineId,
        fields={
            "invoice_number": line.InvoiceNumber, "in_date": as_utc(line.Indate), "comment": line.OrderLineComment,
            "currency_code": line.CurrencyCode, "row_price": line.RowPrice,
            "supplier_number_of_items": line.SupplierNumberOfItems, "row_batch_no": line.RowBatchNo,
            "serial": line.InOrderLineSerial, "expiry_date": as_utc(line.InOrderLineExpirydate),
            "free_text1": line.InOrderLineFreeText1, "free_text2": line.InOrderLineFreeText2,
            "production_date": as_utc(line.InOrderLineProductionDate), "weight": line.InOrderLineWeight,
            "free_decimal1": line.InOrderLineFreeDecimal1, "free_datetime1": as_utc(line.InOrderLineFreeDateTime1),
            "item_status_id": status_id, "item_status_code": status_code,
        },
        items=details.advised_items_input(line.Items),
        line_type=details.line_type_input(line_type),
        return_cause=details.return_cause_input(line.InOrderLineReturnCause),
        article_definition=None if line.ArticleDef is None else article_input(line.ArticleDef))


def in_order_query(query: Any) -> Any:
    if query is None:
        return InOrderQuery()
    special, advanced = query.InOrderSpecialFilters, query.Advanced
    return InOrderQuery(
        in_date_from=as_utc(query.InDateFrom), in_date_to=as_utc(query.InDateTo),
        last_receive_time_from=as_utc(query.LastReceiveTimeFrom),
        last_receive_time_to=as_utc(query.LastReceiveTimeTo),
        status_from=query.InOrderStatusFrom, status_to=query.InOrderStatusTo,
        created_by_wsi_external_system_id=query.CreatedByWsiExternalSystemId,
        created_by_session_request_id_is_null=query.CreatedBySessionRequestIdIsNull,
        is_return_type=query.IsReturnType,
        numbers=[n for n in query.InOrderNumbersToGet or [] if n] or None,
        only_undeclared=bool(special and special.OnlyGetUnDeclaredInOrders),
        only_diffing_received_to_reported=bool(special and special.OnlyWithInOrderLinesWithDiffingReceviedToReported),
        only_diffing_received_to_acknowledged=bool(
            special and special.OnlyWithInOrderLinesWithDiffingReceivedToAcknowledged),
        serial_numbers=[s for s in (special.ArticleItemSerialNumbers or []) if s] or None if special else None,
        created_by_username=special.CreatedByUserName if special else None,
        last_updated_from=as_utc(query.LastUpdatedFrom), last_updated_to=as_utc(query.LastUpdatedTo),
        ids=[i for i in query.InOrderIdsToGet or [] if i is not None] or None,
        max_count=query.MaxInOrdersToGet, id_from=query.InOrderIdFrom,
        last_receive_time_or_last_updated_from=as_utc(query.LastReceiveTimeOrLastUpdatedFrom),
        status_changed_from=as_utc(query.InOrderStatusChangedTimeFrom),
        changed_from=as_utc(query.ChangedFrom),
        include_advised_items=bool(advanced and advanced.IncludeAdvisedArticleItemsInReceivedArticleItems),
        include_pallet_items=bool(advanced and advanced.IncludeInboundPalletItems))


def in_order_update(wire: Any) -> InOrderUpdate:
    ident = wire.InOrderUpdateIdentification
    fields: dict[str, Any] = {}
    for attr, name, key in (("UpdateInOrderFreeText1", "FreeText1", "free_text1"),
                            ("UpdateInOrderFreeText2", "FreeText2", "free_text2"),
                            ("UpdateInOrderFreeText3", "FreeText3", "free_text3"),
                            ("UpdateInOrderFreeBool1", "FreeBool1", "free_bool1")):
        if getattr(wire, attr) is not None:
            fields[key] = getattr(getattr(wire, attr), name)
    if wire.UpdateInOrderInDate is not None:
        fields["in_date"] = as_utc(wire.UpdateInOrderInDate.InDate)
    if wire.UpdateInOrderAdvisedDate is not None:
        fields["advised_date"] = as_utc(wire.UpdateInOrderAdvisedDate.AdvisedDate)
    return InOrderUpdate(
        identification=(ident.InOrderIdentificationType if ident else None) or "GoodsOwnerOrderNumber",
        number=ident.GoodsOwnerOrderNumber if ident else None, in_order_id=ident.InOrderId if ident else None,
        status=wire.UpdateInOrderStatus.InOrderStatus if wire.UpdateInOrderStatus is not None else None,
        fields=fields)


def in_order_line_update(wire: Any) -> InOrderLineUpdate:
    ident = wire.UpdateInOrderLineIdentification
    fields: dict[str, Any] = {}
    if wire.UpdateReportedNumberOfItems is not None:
        fields["reported_number_of_items"] = wire.UpdateReportedNumberOfItems.ReportedNumberOfItems
    if wire.UpdateInOrderLineAcknowledgedNumberOfItems is not None:
        fields["acknowledged_number_of_items"] = \
            wire.UpdateInOrderLineAcknowledgedNumberOfItems.AcknowledgedNumberOfItems
    if wire.UpdateInDate is not None:
        fields["in_date"] = as_utc(wire.UpdateInDate.InDate)
    if wire.UpdateComment is not None:
        fields["comment"] = wire.UpdateComment.Comment
    if wire.UpdateNumberOfItems is not None:
        fields["advised_number_of_items"] = wire.UpdateNumberOfItems.NumberOfItems
    reported: dict[int, bool] = {}
    items = wire.UpdateInOrderLineArticleItems
    for item in (items.ArticleItems or []) if items is not None else []:
        if item is not None and item.UpdateInOrderLineArticleItemIdentification is not None:
            item_id = item.UpdateInOrderLineArticleItemIdentification.OriginalArticleItemId
            if item_id is not None:
                reported[item_id] = bool(item.IsInReported)
    return InOrderLineUpdate(
        identification=(ident.InOrderLineIdentificationType if ident else None) or "ExternalOrderLineCode",
        external_order_line_code=ident.ExternalOrderLineCode if ident else None,
        line_id=ident.InOrderLineId if ident else None, fields=fields, reported_item_ids=reported)


# --- domain -> wire ---------------------------------------------------------------------------------------------

def article_class(article_id: int, articles: ArticleNames) -> ArticleClass:
    """An article by its number and name only (for answers that load no more)."""
    number, name = articles.get(article_id, (None, None))
    return ArticleClass(SystemId=article_id, ArticleNumber=number, Name=name, IsStockArticle=True)


def line_article(article_id: int, articles: Articles) -> ArticleClass:
    """An in-order line's article as the articles area reads it out (the whole ArticleClass)."""
    article = articles.get(article_id)
    return ArticleClass(SystemId=article_id) if article is None else read_model(article)


@dataclass(frozen=True)
class Presentation:
    """What the in-order answers need besides the in-orders: names looked up once per answer, and the options."""

    articles: Articles
    goods_owner_code: str | None
    texts: StatusTexts
    system_names: dict[int, str] = field(default_factory=dict)  # API user id -> its integration's name
    status_names: dict[str, str | None] = field(default_factory=dict)  # article item status code -> name
    include_advised_items: bool = False
    include_pallet_items: bool = False


def received_in_order(in_order: InOrder, view: Presentation) -> ReceivedInOrder:
    articles = view.articles
    names = view.status_names
    received = [received_item(item, line, articles, names) for line in in_order.lines for item in line.received_items]
    advised = [details.advised_article_item(item, line_article(line.article_id, articles), in_order, names)
               for line in in_order.lines for item in line.advised_items
               if view.include_advised_items and item.remaining > 0]
    return ReceivedInOrder(
        InOrderInfo=received_in_order_info(in_order, view.texts),
        InOrderSupplier=details.supplier_info(in_order.supplier),
        GoodsOwner=GoodsOwner(GoodsOwnerIdentification="SystemId", GoodsOwnerId=in_order.goods_owner_id,
                              GoodsOwnerCode=view.goods_owner_code),
        WsiSystem=details.wsi_system(in_order, view.system_names),
        ReceivedInOrderLines=[received_line(line, articles) for line in in_order.lines],
        ReceivedArticleItems=received + advised,
        InOrderCustomer=details.customer_info(in_order),
        Warehouse=details.warehouse_info(in_order),
        InOrderSeller=details.seller_info(in_order.seller),
        InboundPalletItems=details.pallet_items(in_order) if view.include_pallet_items else None)


def received_in_order_info(in_order: InOrder, texts: StatusTexts) -> ReceivedInOrderInfoClass:
    type_, way, terms = in_order.in_order_type, in_order.way_of_delivery_type, in_order.terms_of_delivery_type
    return ReceivedInOrderInfoClass(
        InOrderId=in_order.id, GoodsOwnerOrderNumber=in_order.goods_owner_order_number,
        SupplierOrderNumber=in_order.supplier_order_number, GoodsOwnerReference=in_order.goods_owner_reference,
        BatchNumber=in_order.batch_number, ReferenceNumber=in_order.reference_number,
        InDate=in_order.in_date, OrderDate=in_order.order_date,
        BatchDate=in_order.batch_date,
        ReceivedDate=in_order.last_received_at if in_order.status >= 500 else None,
        LastReceivedTime=in_order.last_received_at, Comment=in_order.remark,
        Container=in_order.container, WayOfDelivery=in_order.way_of_delivery,
        WayOfDeliveryTypeCode=way.code if way else None, WayOfDeliveryTypeName=way.name if way else None,
        InOrderTypeName=type_.name if type_ else None, InOrderTypeCode=type_.code if type_ else None,
        InOrderIsReturnType=in_order.is_return_type, InOrderStatusNumber=in_order.status,
        InOrderStatusText=texts.get(in_order.status, IN_ORDER_STATUS_TEXTS.get(in_order.status)),
        AdvisedNumberOfItems=advised_total(in_order), ReceivedNumberOfItems=received_total(in_order),
        InvoiceNumber=in_order.invoice_number, TermsOfDeliveryTypeCode=terms.code if terms else None,
        TermsOfDeliveryTypeName=terms.name if terms else None, FreeText1=in_order.free_text1,
        FreeText2=in_order.free_text2, FreeText3=in_order.free_text3, FreeText4=in_order.free_text4,
        FreeText5=in_order.free_text5,
        InOrderFreeDecimal1=in_order.free_decimal1, InOrderFreeDecimal2=in_order.free_decimal2,
        ArrivalDate=in_order.advised_date, CustomsDeclaredDate=in_order.customs_declared_date,
        Created=in_order.created_at)


def received_line(line: InOrderLine, articles: Articles) -> ReceivedInOrderLine:
    return ReceivedInOrderLine(
        Article=line_article(line.article_id, articles), ExternalOrderLineCode=line.external_order_line_code,
        ExternalOrderLineId=line.external_order_line_id, InDate=line.in_date, Comment=line.comment,
        AdvisedNumberOfItems=line.advised_number_of_items, ReceivedNumberOfItems=line.received_number_of_items,
        CreatedNumberOfItems=line.created_number_of_items if line.created_number_of_items is not None
        else line.advised_number_of_items, SupplierNumberOfItems=line.supplier_number_of_items,
        ReportedNumberOfItems=line.reported_number_of_items, RowPrice=line.row_price,
        CurrencyCode=line.currency_code, InOrderLineId=line.id, InvoiceNumber=line.invoice_number,
        InOrderLineTypeCode=line.line_type_code, AcknowledgedNumberOfItems=line.acknowledged_number_of_items,
        RowBatchNo=line.row_batch_no, InOrderLineTypeName=line.line_type_name,
        InOrderLineFreeText1=line.free_text1, InOrderLineFreeText2=line.free_text2)


def received_item(item: InOrderReceivedItem, line: InOrderLine, articles: Articles,
                  status_names: dict[str, str | None]) -> ReceivedArticlItem:
    advised = item.advised_item
    return ReceivedArticlItem(
        Article=line_article(line.article_id, articles), ExternalOrderLineCode=line.external_order_line_code,
        ExternalOrderLineId=line.external_order_line_id, Batch=item.batch, Serial=item.serial,
        GoodsStatusCode=item.status_code, GoodsStatusName=status_names.get(item.status_code or ""), isLocked=False,
        InDate=item.received_at,
        ExpiryDate=item.expiry_date, InOrderLineId=line.id, NumberOfItems=item.number_of_items,
        ItemWeight=advised.weight if advised else None, Location=item.location_code, Comment=item.comment,
        OriginalArticleItemId=item.id, ItemLength=advised.length if advised else None,
        ItemWidth=advised.width if advised else None, ItemHeight=advised.height if advised else None,
        Container=item.container, IsInReported=item.is_in_reported, IsLockedForSale=False,
        ProductionDate=item.production_date,
        SecondNumberOfItems=advised.second_number_of_items if advised else None,
        ArticleItemClass=details.item_classes(advised), **details.pallet_of(advised))


def status_report(in_order: InOrder, texts: StatusTexts) -> InOrderStatusReport:
    return InOrderStatusReport(
        InOrderId=in_order.id, GoodsOwnerId=in_order.goods_owner_id,
        GoodsOwnerInOrderNumber=in_order.goods_owner_order_number,
        ReceiveTime=in_order.last_received_at, InDate=in_order.in_date,
        GoodsOwnerReferenceNumber=in_order.goods_owner_reference, InOrderStatusNumber=in_order.status,
        OrderStatusText=texts.get(in_order.status, IN_ORDER_STATUS_TEXTS.get(in_order.status)),
        ReceivedNumberOfItems=received_total(in_order), AdvisedNumberOfItems=advised_total(in_order))
