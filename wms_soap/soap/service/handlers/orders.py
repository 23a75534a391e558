"""Order operations: ProcessOrder, GetOrder(ByOrderNumber), GetOrdersByQuery, UpdateOrder(Lines), status reports,
ProcessCustomer. Thin: wire -> domain (convert.orders), service, domain -> wire (convert.orders_out)."""

from __future__ import annotations

from functools import partial
from typing import Any

from wms_soap.errors import NotFound
from wms_soap.services.orders import orders, updates, views
from wms_soap.services.orders.customers import process_customer as process_customer_service
from wms_soap.soap.service.convert import orders as wire_in
from wms_soap.soap.service.convert import orders_out as wire_out
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.common import FileResultClass, Order
from wms_soap.soap.service.types.orders import (
    GetOrdersResult,
    OrderStatusReport,
    OrderStatusReportsResult,
    UpdateOrderLinesResult,
    UpdateOrderResult,
)


@handler("ProcessOrder")
def process_order(call: Call, co: Any) -> FileResultClass:
    if co is None:
        wire_in.raise_missing("co")
    result = orders.process_order(call.session, call.goods_owner_id, wire_in.order_input(co))
    return wire_out.file_result(result.order_id, result.goods_owner_order_number, result.message)


@handler("ProcessCustomer")
def process_customer(call: Call, customer: Any) -> FileResultClass:
    if customer is None:
        wire_in.raise_missing("Customer")
    found = process_customer_service(call.session, call.goods_owner_id, wire_in.customer_input(customer))
    return FileResultClass(Success=True, OrderId=0, InOrderId=0, Message=f"Customer {found.id} saved")


@handler("GetOrder")
def get_order(call: Call, order_id: int | None) -> Order | None:
    owner = call.goods_owner_id
    if call.answered_from_cache(("GetOrder", owner, order_id or 0),
                                partial(views.answer_stamp, goods_owner_id=owner, order_id=order_id or 0)):
        return None
    order = views.get_order(call.session, owner, order_id or 0)
    if order is None:
        raise NotFound(f"Order {order_id} was not found")
    return wire_out.order_out(order)


@handler("GetOrderByOrderNumber")
def get_order_by_order_number(call: Call, order_number: str | None) -> Order | None:
    owner = call.goods_owner_id
    if order_number and call.answered_from_cache(
            ("GetOrderByOrderNumber", owner, order_number),
            partial(views.answer_stamp, goods_owner_id=owner, order_number=order_number)):
        return None
    order = views.get_order_by_number(call.session, owner, order_number)
    return wire_out.order_out(order) if order is not None else None


@handler("GetOrdersByQuery")
def get_orders_by_query(call: Call, query: Any) -> GetOrdersResult:
    filters = wire_in.order_query(query)
    if filters.special is not None and call.principal is not None:
        filters.special.requesting_user_id = call.principal.user_id  # OnlyOrdersAssignedToRequestingUser
    found = views.query_orders(call.session, call.goods_owner_id, filters)
    return GetOrdersResult(Orders=[wire_out.order_out(order) for order in found])


@handler("UpdateOrder")
def update_order(call: Call, update: Any) -> UpdateOrderResult:
    order = updates.update_order(call.session, call.goods_owner_id, wire_in.order_update(update))
    return UpdateOrderResult(Success=True, Message="Order updated", OrderId=order.id)


@handler("UpdateOrderLines")
def update_order_lines(call: Call, update: Any) -> UpdateOrderLinesResult:
    if update is None:
        wire_in.raise_missing("UpdateOrderLines")
    kind, order_id, key = wire_in.order_lines_identification(update.UpdateOrderIdentification)
    lines = [wire_in.line_update(line) for line in update.OrderLines or () if line is not None]
    order = updates.update_order_lines(call.session, call.goods_owner_id, kind, lines,
                                       order_id=order_id, key=key)
    return UpdateOrderLinesResult(Success=True, Message="Order lines updated", OrderId=order.id)


@handler("GetOrderStatusReport")
def get_order_status_report(call: Call, order_number: str | None) -> OrderStatusReport | None:
    order = views.get_order_by_number(call.session, call.goods_owner_id, order_number)
    return wire_out.status_report(order) if order is not None else None


@handler("GetOrderStatusReports")
def get_order_status_reports(call: Call, query: Any) -> OrderStatusReportsResult:
    numbers = (query.OrderNumbersToReport or []) if query is not None else []
    found = views.orders_by_numbers(call.session, call.goods_owner_id, numbers)
    return OrderStatusReportsResult(OrderStatusReports=[wire_out.status_report(order) for order in found])
