"""Return order operations: ProcessReturnOrder and GetReturnOrdersByQuery."""

from __future__ import annotations

from typing import Any

from wms_soap.services.inbound import returns
from wms_soap.soap.service.convert import returns as convert
from wms_soap.soap.service.convert.inorders import raise_missing
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.returns import GetReturnOrdersResult, ProcessReturnOrderResult


@handler("ProcessReturnOrder", error_types={returns.ReturnOrderNotFound: "OrderNotFound",
                                            returns.ReturnCauseNotFound: "ReturnCauseNotFound",
                                            returns.ReturnOrderRowNotFound: "OrderRowNotFound"})
def process_return_order(call: Call, return_order: Any) -> ProcessReturnOrderResult:
    if return_order is None:
        raise_missing("ReturnOrder")
    owner = call.goods_owner_id
    stored = returns.process_return_order(call.session, convert.return_order_input(return_order), goods_owner_id=owner)
    return ProcessReturnOrderResult(Success=True, ReturnOrderId=stored.id)


@handler("GetReturnOrdersByQuery")
def get_return_orders_by_query(call: Call, query: Any) -> GetReturnOrdersResult:
    views = returns.query_return_orders(call.session, convert.return_orders_query(query),
                                        goods_owner_id=call.goods_owner_id)
    return GetReturnOrdersResult(Success=True, ReturnOrders=[convert.return_order_info(v) for v in views])
