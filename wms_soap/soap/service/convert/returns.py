"""Return orders: wire (ReturnOrder, GetReturnOrdersQuery) to domain inputs, and stored return orders to the wire."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wms_soap.services.inbound.returns import (
    ReturnCauseInput,
    ReturnLineInput,
    ReturnOrderInput,
    ReturnOrderQuery,
    ReturnOrderView,
)
from wms_soap.soap.service.convert.inorders import as_utc
from wms_soap.soap.service.types.returns import (
    ReturnCause_ReturnedArticleItem,
    ReturnedArticleItem,
    ReturnOrderInfo,
    ReturnOrderLineInfo,
)
from wms_soap.store.returns import ReturnCause, ReturnedItem, ReturnOrderLine


def cause_input(wire: Any) -> ReturnCauseInput | None:
    if wire is None:
        return None
    return ReturnCauseInput(wire.ReturnCauseOperation or "Find", wire.ReturnCauseCode, wire.ReturnCauseName)


def return_order_input(wire: Any) -> ReturnOrderInput:
    tracking = next((t for t in wire.Tracking or [] if t is not None), None)
    return ReturnOrderInput(
        customer_order_identification=wire.ReturnCustomerOrderIdentification or "OrderId",
        return_order_identification=wire.ReturnOrderIdentification or "CustomerOrder",
        order_id=wire.OrderId, customer_order_number=wire.CustomerOrderNumber,
        return_order_number=wire.ReturnOrderNumber, comment=wire.ReturnOrderComment,
        handling_comment=wire.ReturnOrderHandlingComment, return_in_date=as_utc(wire.ReturnInDate),
        cause=cause_input(wire.ReturnCause),
        waybill=tracking.WayBill if tracking else None, tracking_url=tracking.Url if tracking else None,
        lines=[ReturnLineInput(
            identification=line.ReturnOrderLineIdentification or "ExternalOrderLineCode",
            to_be_returned=line.ToBeReturnedNumberOfItems if line.ToBeReturnedNumberOfItems is not None
            else Decimal(0),
            row_number=line.ReturnOrderRowNumber, external_order_line_code=line.ExternalOrderLineCode,
            article_number=line.ArticleNumber, order_line_id=line.OrderLineId, cause=cause_input(line.ReturnCause))
            for line in wire.ReturnOrderLines or [] if line is not None])


def return_orders_query(wire: Any) -> ReturnOrderQuery:
    if wire is None:
        return ReturnOrderQuery()
    return ReturnOrderQuery(
        customer_order_numbers=[n for n in wire.CustomerOrderNumbersToGet or [] if n] or None,
        return_order_numbers=[n for n in wire.ReturnOrderNumbersToGet or [] if n] or None,
        goods_returned_from=as_utc(wire.GoodsReturnedFromDate),
        status_from=wire.ReturnOrderStatusFrom, status_to=wire.RetunOrderStatusTo)


def _cause_fields(cause: ReturnCause | None) -> dict[str, Any]:
    if cause is None:
        return {"ReturnCauseId": None}
    return {"ReturnCauseCode": cause.code, "ReturnCauseName": cause.name, "ReturnCauseId": cause.id}


def return_order_info(view: ReturnOrderView) -> ReturnOrderInfo:
    order = view.return_order
    return ReturnOrderInfo(
        OrderId=order.order_id, OrderNumber=view.order_number, ReturnOrderId=order.id,
        ReturnOrderNumber=order.return_order_number, ReturnOrderComment=order.comment,
        ReturnInDate=order.return_in_date, **_cause_fields(order.return_cause),
        ReturnOrderLines=[return_line_info(line, view) for line in order.lines],
        ReturnOrderStatusId=order.status, ReturnOrderStatusText=view.status_text,
        ReturnOrderHandlingComment=order.handling_comment)


def return_line_info(line: ReturnOrderLine, view: ReturnOrderView) -> ReturnOrderLineInfo:
    number, name = view.articles.get(line.article_id, (None, None))
    return ReturnOrderLineInfo(
        ArticleName=name, ArticleNumber=number, ReturnOrderLineId=line.id,
        ExternalOrderLineCode=line.external_order_line_code, PickedNumberOfItems=line.picked_number_of_items,
        ToBeReturnedNumberOfItems=line.to_be_returned_number_of_items,
        ReturnedNumberOfItems=line.returned_number_of_items, ReturnOrderRowNumber=line.row_number,
        **_cause_fields(line.return_cause), ParentReturnOrderLineId=None,
        ReturnedArticleItems=[returned_item(item) for item in line.items],
        ReturnedRemovedByInventoryNumberOfItems=Decimal(0))


def returned_item(item: ReturnedItem) -> ReturnedArticleItem:
    cause = item.return_cause
    return ReturnedArticleItem(
        OriginalArticleItemId=item.article_item_id or 0, NumberOfItems=item.number_of_items, Batch=item.batch,
        Serial=item.serial, ExpiryDate=item.expiry_date, Comment=item.comment,
        ReturnTime=item.returned_at, ReturnComment=item.comment, IsReturnRemovedByInventory=False,
        ReturnCause=None if cause is None else ReturnCause_ReturnedArticleItem(
            ReturnCauseCode=cause.code, ReturnCauseName=cause.name))
