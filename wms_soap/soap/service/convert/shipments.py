"""Shipments and trips: wire (Shipment, UpdateShipment, ShipmentFilters, GetTripsQuery) to domain inputs, and
stored shipments and trips to the wire (ShipmentInfo, TripInfo)."""

from __future__ import annotations

from typing import Any

from wms_soap.services.countries import is_eu_country
from wms_soap.services.orders.shipment_queries import ParcelView, ShipmentQuery, ShipmentView
from wms_soap.services.orders.shipments import ShipmentInput, ShipmentUpdate, status_text
from wms_soap.soap.service.convert import orders_out
from wms_soap.soap.service.convert.inorders import as_utc, raise_missing
from wms_soap.soap.service.types.common import GoodsOwner
from wms_soap.soap.service.types.shipments import (
    ShipmentConsigneeInfo,
    ShipmentContainerInfo,
    ShipmentContainerItemInfo,
    ShipmentHeaderInfo,
    ShipmentInfo,
    ShipmentPaymentInfo,
    ShipmentRouteInfo,
    TripHeader,
    TripInfo,
)
from wms_soap.store.shipments import Shipment, Trip

_UPDATES_NOT_SUPPORTED = ("UnlockInboundArticleItemsOperation", "UpdateShipmentSetCustomsStatusApproved",
                          "UpdateShipmentSetCustomsStatusFetchedByCustomsSystem",
                          "UpdateShipmentSetCustomsStatusRejectedByCustomsSystem")


# --- wire -> domain ---------------------------------------------------------------------------------------------

def shipment_input(wire: Any) -> ShipmentInput:
    header = wire.ShipmentHeader
    if header is None:
        raise_missing("ShipmentHeader")
    consignee, payment = wire.Consignee, wire.ShipmentPayment
    return ShipmentInput(
        operation=header.ShipmentOperation or "Create", identification=header.ShipmentIdentification or "WayBill",
        shipment_id=header.ShipmentId, shipment_order_number=header.ShipmentOrderNumber,
        transporter_order_number=header.TransporterOrderNumber, waybill=header.WayBill, route=header.Route,
        registration_number=header.RegistrationNumber, comment=header.ShipmentComment,
        delivery_instruction=header.DeliveryInstruction, consignor_reference=header.ConsignorReference,
        consignee_reference=header.ConsigneeReference, status=header.ShipmentStatusId,
        in_date=as_utc(header.InDate), delivery_date=as_utc(header.DeliveryDate),
        shipped_time=as_utc(header.ShippedTime), trip_order_number=header.TripOrderNumber,
        consignee_name=consignee.Name if consignee else None,
        consignee_address=consignee.Address if consignee else None,
        consignee_post_code=consignee.PostCode if consignee else None,
        consignee_city=consignee.City if consignee else None,
        consignee_country_code=consignee.CountryCode if consignee else None,
        transporter_code=payment.TransporterCode if payment else None,
        transporter_service_code=payment.TransporterServiceCode if payment else None,
        payment_type=payment.ShipmentPaymentType if payment else None,
        order_ids=[c.OrderId for c in wire.ShipmentContainers or [] if c is not None and c.OrderId is not None])


def shipment_update(wire: Any) -> ShipmentUpdate:
    ident = wire.ShipmentUpdateIdentification
    if ident is None:
        raise_missing("ShipmentUpdateIdentification")
    update = ShipmentUpdate(
        identification=ident.ShipmentIdentificationType or "WayBill", shipment_id=ident.ShipmentId,
        waybill=ident.WayBill, shipment_order_number=ident.ShipmentOrderNumber,
        unsupported=[name for name in _UPDATES_NOT_SUPPORTED if getattr(wire, name) is not None])
    if wire.UpdateShipmentComment is not None:
        update.comment = wire.UpdateShipmentComment.ShipmentComment
    if wire.UpdateShipmentCustomsReferenceNumber is not None:
        update.customs_reference_number = wire.UpdateShipmentCustomsReferenceNumber.CustomsReferenceNumber
    if wire.UpdateShipmentStatus is not None:
        update.status = wire.UpdateShipmentStatus.ShipmentStatus or 0
    if wire.UpdateShipmentWaybill is not None:
        update.new_waybill = wire.UpdateShipmentWaybill.Waybill
    return update


def shipment_query(wire: Any) -> ShipmentQuery:
    if wire is None:
        return ShipmentQuery()
    special = wire.SpecialFilters
    return ShipmentQuery(
        in_date_from=as_utc(wire.InDateFrom), in_date_to=as_utc(wire.InDateTo),
        delivery_date_from=as_utc(wire.DeliveryDateFrom), delivery_date_to=as_utc(wire.DeliveryDateTo),
        shipped_time_from=as_utc(wire.ShippedTimeFrom), status_from=wire.ShipmentStatusFrom,
        status_to=wire.ShipmentStatusTo, shipment_order_number=wire.ShipmentOrderNumber,
        shipment_ids=[i for i in wire.ShipmentIdsToGet or [] if i is not None] or None,
        only_if_ta_printed=bool(special is not None and special.OnlyIfTAPrinted),
        get_orders=bool(wire.GetOrders), shipment_id_from=wire.ShipmentIdFrom, max_shipments=wire.MaxShipmentsToGet,
        collect_type=wire.IsCollectType, delivery_type=wire.IsDeliveryType,
        customs_status=wire.CustomsStatus)


def trip_ids(wire: Any) -> list[int] | None:
    if wire is None:
        return None
    return [i for i in wire.TripIdsToGet or [] if i is not None] or None


# --- domain -> wire ---------------------------------------------------------------------------------------------

def shipment_info(view: ShipmentView, goods_owner_code: str | None, *, with_orders: bool) -> ShipmentInfo:
    shipment = view.shipment
    return ShipmentInfo(
        GoodsOwner=GoodsOwner(GoodsOwnerIdentification="SystemId", GoodsOwnerId=shipment.goods_owner_id,
                              GoodsOwnerCode=goods_owner_code),
        ShipmentHeader=_header(shipment),
        ShipmentContainers=[ShipmentContainerInfo(
            NumberOfPackages=len(view.parcels.get(link.order_id, [])), OrderId=link.order_id,
            OrderNumber=view.order_numbers.get(link.order_id), ContainerId=link.id)
            for link in shipment.orders],
        ShipmentContainerItems=[_container_item(shipment.id, parcel)
                                for link in shipment.orders for parcel in view.parcels.get(link.order_id, [])],
        Consignee=_consignee(shipment),
        ShipmentPayment=_payment(shipment),
        Orders=[orders_out.order_out(order) for order in view.orders] if with_orders else None,
    )


def _container_item(shipment_id: int, parcel: ParcelView) -> ShipmentContainerItemInfo:
    """An order's parcel or pallet on the shipment; ``LabelId`` is its tracking number."""
    return ShipmentContainerItemInfo(
        ContainerTypeCode=parcel.pallet_type_code, GoodsCategoryTypeId=None, IsConsolidated=False,
        NumberOfItems=parcel.number_of_items, SecondNumberOfItems=None, Weight=parcel.weight, Volume=parcel.volume,
        ShipmentId=shipment_id, LabelId=parcel.label_id, PalletItemId=parcel.id, LoadMeters=None,
        IsTAPalletItem=parcel.is_transporter_item, IsReturnTAPalletItem=False, PalletItemLength=None,
        PalletItemWidth=None, PalletItemHeight=None)


def _header(shipment: Shipment) -> ShipmentHeaderInfo:
    trip = shipment.trip
    return ShipmentHeaderInfo(
        ShipmentId=shipment.id, ExternalSystemId=None, WayBill=shipment.waybill,
        ConsignorReference=shipment.consignor_reference, ConsigneeReference=shipment.consignee_reference,
        TransporterOrderNumber=shipment.transporter_order_number, DeliveryInstruction=shipment.delivery_instruction,
        ShipmentOrderNumber=shipment.shipment_order_number, ShipmentComment=shipment.comment,
        RegistrationNumber=shipment.registration_number, ShipmentStatusId=shipment.status,
        ShipmentStatusName=status_text(shipment.status), InDate=shipment.in_date,
        DeliveryDate=shipment.delivery_date, ShippedTime=shipment.shipped_time,
        Route=shipment.route, TripRouteCode=trip.route_code if trip else None,
        TripId=shipment.trip_id, ArrivalTimeFromSeconds=None, ArrivalTimeToSeconds=None,
        ShipmentRoute=ShipmentRouteInfo(Code=shipment.route) if shipment.route else None, ArrivalDate=None,
        FreightPrice=shipment.freight_price, DomesticFreightPrice=None, AdditionalPrice=None,
        NumberOfFreightPalletPlaces=None,
        TripRegistrationNumber=trip.vehicle_registration_number if trip else None,
        CustomsReferenceNumber=shipment.customs_reference_number)


def _consignee(shipment: Shipment) -> ShipmentConsigneeInfo | None:
    if not any((shipment.consignee_name, shipment.consignee_address, shipment.consignee_city)):
        return None
    return ShipmentConsigneeInfo(
        Id=0, Name=shipment.consignee_name, Address=shipment.consignee_address,
        PostCode=shipment.consignee_post_code, City=shipment.consignee_city,
        CountryCode=shipment.consignee_country_code,
        IsEuCountry=is_eu_country(shipment.consignee_country_code), NotifyByEmail=False, NotifyBySms=False,
        NotifyByTelephone=None, AddressId=None)


def _payment(shipment: Shipment) -> ShipmentPaymentInfo:
    contract = shipment.transporter_contract
    return ShipmentPaymentInfo(
        ShipmentPaymentType=shipment.payment_type,
        TransporterCode=contract.transporter.code if contract else None,
        TransporterServiceCode=contract.service_code if contract else None,
        CustomerNumber=contract.customer_number if contract else None)


def trip_info(trip: Trip, goods_owner_name: str | None) -> TripInfo:
    return TripInfo(TripHeader=TripHeader(
        TripId=trip.id, TripName=trip.name, TripNumber=trip.trip_number, TripCode=trip.code,
        TripOrderNumber=trip.trip_order_number, VehicleRegistrationNumber=trip.vehicle_registration_number,
        VehicleCode=trip.vehicle_code, RegistrationNumber=trip.vehicle_registration_number, ExternalSystemId=None,
        StartTime=trip.start_time, TripFreeDecimal1=None, TripWayBill=trip.waybill,
        RouteCode=trip.route_code, GoodsOwnerName=goods_owner_name, GoodsOwnerId=trip.goods_owner_id))

