"""In-order operations: ProcessInOrder, GetInOrderByOrderNumber, GetInOrdersByQuery, UpdateInOrder(Lines), reports."""

from __future__ import annotations

from typing import Any

from wms_soap.services import registers
from wms_soap.services.inbound import inorders
from wms_soap.services.inventory import article_items
from wms_soap.services.invoices import goods_owner_code
from wms_soap.soap.service.convert import inorders as convert
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.common import FileResultClass
from wms_soap.soap.service.types.inorders import (
    GetInOrdersResult,
    InOrderStatusReportsResult,
    ReceivedInOrder,
    UpdateInOrderLinesResult,
    UpdateInOrderResult,
)
from wms_soap.store.inorders import InOrder


def _wire(call: Call, found: list[InOrder], query: inorders.InOrderQuery | None = None) -> list[ReceivedInOrder]:
    articles = inorders.articles_by_id(call.session, {line.article_id for o in found for line in o.lines})
    code = call.principal.goods_owner_code if call.principal else None
    if code is None and found:
        code = goods_owner_code(call.session, found[0].goods_owner_id)
    creators = {o.created_by_api_user_id for o in found if o.created_by_api_user_id is not None}
    systems = inorders.creator_system_names(call.session, creators)
    view = convert.Presentation(articles, code, status_texts(call), systems, article_items.status_names(call.session),
                                include_advised_items=bool(query and query.include_advised_items),
                                include_pallet_items=bool(query and query.include_pallet_items))
    return [convert.received_in_order(o, view) for o in found]


def creator(call: Call) -> inorders.Creator:
    """The API user sending the request (Ongoing's WSI external system) and the request's id."""
    principal = call.principal
    if principal is None:
        return inorders.Creator(request_id=call.request_id)
    api_user = principal.user_id if principal.goods_owner_id is not None else None
    return inorders.Creator(principal.username, api_user, call.request_id)


def status_texts(call: Call) -> dict[int, str]:
    """The in-order status texts of this warehouse (configurable; the defaults otherwise)."""
    return dict(registers.in_order_statuses(call.session, None))


@handler("ProcessInOrder")
def process_in_order(call: Call, co: Any) -> FileResultClass:
    if co is None:
        convert.raise_missing("co")
    outcome = inorders.process_in_order(call.session, convert.in_order_input(co), goods_owner_id=call.goods_owner_id,
                                        creator=creator(call))
    return FileResultClass(Success=True, InOrderId=outcome.in_order_id, OrderId=0,
                           GoodsOwnerOrderNumber=outcome.goods_owner_order_number, Message=outcome.message)


@handler("GetInOrderByOrderNumber")
def get_in_order_by_order_number(call: Call, order_number: str | None) -> ReceivedInOrder | None:
    found = inorders.get_in_order_by_number(call.session, order_number, goods_owner_id=call.goods_owner_id)
    return _wire(call, [found])[0] if found is not None else None


@handler("GetInOrdersByQuery")
def get_in_orders_by_query(call: Call, query: Any) -> GetInOrdersResult:
    filters = convert.in_order_query(query)
    found = inorders.query_in_orders(call.session, filters, goods_owner_id=call.goods_owner_id)
    return GetInOrdersResult(InOrders=_wire(call, found, filters))


@handler("UpdateInOrder")
def update_in_order(call: Call, update: Any) -> UpdateInOrderResult:
    if update is None:
        convert.raise_missing("updateInOrder")
    in_order = inorders.update_in_order(call.session, convert.in_order_update(update),
                                        goods_owner_id=call.goods_owner_id)
    return UpdateInOrderResult(Success=True, Message="In-order updated", InOrderId=in_order.id)


@handler("UpdateInOrderLines")
def update_in_order_lines(call: Call, update: Any) -> UpdateInOrderLinesResult:
    if update is None:
        convert.raise_missing("UpdateInOrderLines")
    ident = update.UpdateInOrderIdentification
    in_order = inorders.update_in_order_lines(
        call.session, (ident.InOrderIdentificationType if ident else None) or "GoodsOwnerOrderNumber",
        ident.GoodsOwnerOrderNumber if ident else None, ident.InOrderId if ident else None,
        [convert.in_order_line_update(line) for line in update.InOrderLines or [] if line is not None],
        goods_owner_id=call.goods_owner_id)
    return UpdateInOrderLinesResult(Success=True, Message="In-order lines updated", InOrderId=in_order.id)


@handler("GetInOrderStatusReports")
def get_in_order_status_reports(call: Call, query: Any) -> InOrderStatusReportsResult:
    numbers = [n for n in (query.InOrderNumbersToReport or []) if n] if query is not None else None
    found = inorders.status_reports(call.session, numbers, goods_owner_id=call.goods_owner_id)
    texts = status_texts(call)
    return InOrderStatusReportsResult(InOrderStatusReports=[convert.status_report(o, texts) for o in found])
