"""Shipment and trip operations: ProcessShipment, UpdateShipment, GetShipmentsByQuery, GetTripsByQuery.

GetTransporterContracts (also in the shipments area of the contract) is answered by ``handlers/statuses.py``.
Domain errors become ``Success=false`` with the message (FileResultClass, UpdateShipmentResult, GetTripsResult) or a
SOAP fault (GetShipmentsResult has no error field), in ``soap/dispatch.py``.
"""

from __future__ import annotations

from typing import Any

from wms_soap.services.orders import shipment_queries, shipments
from wms_soap.soap.service.convert import shipments as convert
from wms_soap.soap.service.convert.inorders import raise_missing
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.common import FileResultClass
from wms_soap.soap.service.types.shipments import GetShipmentsResult, GetTripsResult, UpdateShipmentResult
from wms_soap.store.access import GoodsOwner


@handler("ProcessShipment")
def process_shipment(call: Call, shipment: Any) -> FileResultClass:
    if shipment is None:
        raise_missing("Shipment")
    data = convert.shipment_input(shipment)
    stored = shipments.process_shipment(call.session, data, goods_owner_id=call.goods_owner_id)
    if stored is None:
        return FileResultClass(Success=True, OrderId=0, InOrderId=0, ArticleDefId=None, Message="Shipment removed")
    return FileResultClass(Success=True, OrderId=0, InOrderId=0, ArticleDefId=None,
                           Message=f"Shipment {stored.id} saved", GoodsOwnerOrderNumber=stored.shipment_order_number)


@handler("UpdateShipment")
def update_shipment(call: Call, update: Any) -> UpdateShipmentResult:
    if update is None:
        raise_missing("updateShipment")
    shipment = shipments.update_shipment(call.session, call.goods_owner_id, convert.shipment_update(update))
    return UpdateShipmentResult(Success=True, Message="Shipment updated", ShipmentId=shipment.id)


@handler("GetShipmentsByQuery")
def get_shipments_by_query(call: Call, query: Any) -> GetShipmentsResult:
    filters = convert.shipment_query(query)
    views = shipment_queries.query_shipments(call.session, call.goods_owner_id, filters)
    code = call.principal.goods_owner_code if call.principal is not None else None
    return GetShipmentsResult(Shipments=[convert.shipment_info(view, code, with_orders=filters.get_orders)
                                         for view in views])


@handler("GetTripsByQuery")
def get_trips_by_query(call: Call, query: Any) -> GetTripsResult:
    owner_id = call.goods_owner_id
    owner = call.session.get(GoodsOwner, owner_id)
    trips = shipment_queries.query_trips(call.session, owner_id, convert.trip_ids(query))
    return GetTripsResult(Success=True, Trips=[convert.trip_info(trip, owner.name if owner else None)
                                               for trip in trips])
