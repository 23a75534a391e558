"""Warehouse transfer orders: GetWarehouseTransferOrderByQuery.

The result type has no Success or error field, so a bad filter (a range whose start is after its end) answers a SOAP
Client fault with the message.
"""

from __future__ import annotations

from typing import Any

from wms_soap.services.warehouse import transfers
from wms_soap.soap.service.convert import transfers as convert
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.production import GetWarehouseTransferOrdersResult


@handler("GetWarehouseTransferOrderByQuery")
def get_warehouse_transfer_order_by_query(call: Call, query: Any) -> GetWarehouseTransferOrdersResult:
    view = transfers.query_transfer_orders(call.session, call.goods_owner_id, convert.transfer_query(query))
    return GetWarehouseTransferOrdersResult(Orders=[convert.transfer_order_info(order, view)
                                                    for order in view.orders])
