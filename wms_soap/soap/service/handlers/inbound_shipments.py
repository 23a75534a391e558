"""Inbound shipments: GetInboundShipmentsByQuery. A bad query answers Success=false with the message (the
dispatcher's in-band error)."""

from __future__ import annotations

from typing import Any

from wms_soap.services.inbound import inbound_shipments
from wms_soap.soap.service.convert import inbound_shipments as convert
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.inorders import GetInboundShipmentsResult


@handler("GetInboundShipmentsByQuery")
def get_inbound_shipments_by_query(call: Call, query: Any) -> GetInboundShipmentsResult:
    view = inbound_shipments.query_inbound_shipments(call.session, call.goods_owner_id, convert.shipment_query(query))
    return GetInboundShipmentsResult(Success=True, InboundShipments=[convert.shipment_info(shipment, view)
                                                                     for shipment in view.shipments])
