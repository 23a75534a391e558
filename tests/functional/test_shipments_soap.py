"""ProcessShipment, UpdateShipment, GetShipmentsByQuery, GetTripsByQuery and the order filters that need shipments,
trips and assignments (CurrentShipmentId, CurrentTripId, OnlyOrdersAssignedToRequestingUser), through zeep against
the live server."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
import zeep.exceptions
from sqlalchemy import func, select

from tests.factories import make_api_user, make_goods_owner
from tests.functional.inbound_client import PASSWORD, GoodsOwnerClient, goods_owner_client
from tests.inbound_fixtures import make_article, make_shipped_order
from wms_soap.services import registers as system
from wms_soap.services.orders import shipments
from wms_soap.services.orders.shipments import ShipmentInput, TripInput
from wms_soap.store.db import session_scope
from wms_soap.store.shipments import Shipment, ShipmentOrder


@dataclass(frozen=True)
class Seed:
    orders: list[int]
    other_order: int
    other_shipment: int
    other_trip: int
    trip: int


@pytest.fixture
def seed(live_server: Any) -> Seed:
    with session_scope(live_server.session_factory) as session:
        owner = make_goods_owner(session, code="SHOP")
        make_api_user(session, owner, username="WSIshop", password=PASSWORD)
        make_api_user(session, owner, username="WSIpacker", password=PASSWORD)
        system.create_transporter_contract(session, owner.id, transporter_code="POSTNORD", service_code="MYPACK")
        shoe = make_article(session, owner.id, "SHOE")
        shipped = [make_shipped_order(session, owner.id, f"WEB-{n}", {"1": (shoe, 1)}) for n in (1, 2, 3)]
        for item in shipped[0].picked_items:
            item.parcel_id = shipped[0].parcels[0].id  # WEB-1's item is packed in its parcel
        orders = [order.id for order in shipped]
        trip = shipments.create_trip(session, owner.id, TripInput(name="Morning", trip_order_number="TR-1",
                                                                  route_code="NORTH"))
        other = make_goods_owner(session, code="OTHER")
        sock = make_article(session, other.id, "SOCK")
        other_order = make_shipped_order(session, other.id, "THEIRS-1", {"1": (sock, 1)}).id
        other_trip = shipments.create_trip(session, other.id, TripInput(trip_order_number="TR-X"))
        other_shipment = shipments.process_shipment(session, ShipmentInput(
            operation="Create", shipment_order_number="S-X", trip_order_number="TR-X", order_ids=[other_order]),
            goods_owner_id=other.id)
        assert other_shipment is not None
        return Seed(orders, other_order, other_shipment.id, other_trip.id, trip.id)


@pytest.fixture
def api(live_server: Any, seed: Seed) -> GoodsOwnerClient:
    return goods_owner_client(live_server.url, "SHOP", "WSIshop")


def process(api: GoodsOwnerClient, order_ids: list[int], *, operation: str = "Create",
            number: str | None = "SHIP-1", **header: Any) -> Any:
    t = api.types
    header = {"WayBill": 73300001234, "TripOrderNumber": "TR-1", "DeliveryDate": datetime(2026, 12, 1), **header}
    return api.call("ProcessShipment", Shipment=t.Shipment(
        ShipmentHeader=t.ShipmentHeader(ShipmentOperation=operation, ShipmentIdentification="ShipmentOrderNumber",
                                        ShipmentOrderNumber=number, **header),
        ShipmentContainers=t.ArrayOfShipmentContainer([
            t.ShipmentContainer(NumberOfPackages=1, OrderId=order_id, ContainerId=0) for order_id in order_ids]),
        Consignee=t.ShipmentConsignee(ShipmentAddressIdentification="Name", ShipmentAddressOperation="Create",
                                      Id=0, Name="Anna Andersson", City="Lund", IsEuCountry=True,
                                      NotifyByEmail=False, NotifyBySms=False),
        ShipmentPayment=t.ShipmentPayment(ShipmentContractIdentification="TransporterCodeAndTransporterServiceCode",
                                          ShipmentPaymentType="Prepaid", TransporterCode="POSTNORD",
                                          TransporterServiceCode="MYPACK")))


def shipments_query(api: GoodsOwnerClient, **filters: Any) -> list[Any]:
    t = api.types
    filters.setdefault("GetOrders", False)
    result = api.call("GetShipmentsByQuery", query=t.ShipmentFilters(**filters))
    return list(result.ShipmentInfo) if result is not None else []  # zeep unwraps the one-field result


def order_ids(api: GoodsOwnerClient, **filters: Any) -> list[int]:
    result = api.call("GetOrdersByQuery", query=api.types.OrderFilters(**filters))
    return [order.OrderInfo.OrderId for order in (result.Order if result is not None else [])]


def test_process_shipment_then_read_it_back(api: GoodsOwnerClient, seed: Seed) -> None:
    result = process(api, seed.orders[:2])
    assert (result.Success, result.ErrorMessage, result.GoodsOwnerOrderNumber) == (True, None, "SHIP-1")
    [info] = shipments_query(api, ShipmentOrderNumber="SHIP-1", GetOrders=True)
    header = info.ShipmentHeader
    assert (header.WayBill, header.ShipmentStatusId, header.ShipmentStatusName, header.TripId,
            header.TripRouteCode) == (73300001234, 100, "Open", seed.trip, "NORTH")
    assert header.DeliveryDate == datetime(2026, 12, 1)
    assert info.GoodsOwner.GoodsOwnerCode == "SHOP"
    assert [c.OrderId for c in info.ShipmentContainers.ShipmentContainerInfo] == seed.orders[:2]
    assert [c.OrderNumber for c in info.ShipmentContainers.ShipmentContainerInfo] == ["WEB-1", "WEB-2"]
    assert [c.NumberOfPackages for c in info.ShipmentContainers.ShipmentContainerInfo] == [1, 1]
    parcels = info.ShipmentContainerItems.ShipmentContainerItemInfo
    assert [(i.LabelId, i.IsTAPalletItem, i.ShipmentId, i.NumberOfItems) for i in parcels] == [
        ("TRK-WEB-1-0", True, header.ShipmentId, 1), ("TRK-WEB-2-0", True, header.ShipmentId, 0)]
    assert (info.ShipmentPayment.ShipmentPaymentType, info.ShipmentPayment.TransporterCode,
            info.ShipmentPayment.TransporterServiceCode) == ("Prepaid", "POSTNORD", "MYPACK")
    assert (info.Consignee.Name, info.Consignee.City) == ("Anna Andersson", "Lund")
    assert [o.OrderInfo.GoodsOwnerOrderNumber for o in info.Orders.Order] == ["WEB-1", "WEB-2"]
    again = process(api, [seed.orders[2]], operation="CreateOrUpdate", ShipmentComment="one more")
    assert again.Success is True
    [info] = shipments_query(api, ShipmentIdsToGet=api.types.ArrayOfInt([header.ShipmentId]))
    assert info.ShipmentHeader.ShipmentComment == "one more" and info.Orders is None
    assert len(info.ShipmentContainers.ShipmentContainerInfo) == 3


def test_order_filters_by_current_shipment_trip_and_assigned_user(api: GoodsOwnerClient, seed: Seed,
                                                                  live_server: Any) -> None:
    process(api, seed.orders[:2])
    [info] = shipments_query(api, ShipmentOrderNumber="SHIP-1")
    shipment_id = info.ShipmentHeader.ShipmentId
    assert order_ids(api, CurrentShipmentId=shipment_id) == seed.orders[:2]
    on_it, off_it = api.call("GetOrdersByQuery", query=api.types.OrderFilters(
        OrderIdsToGet=api.types.ArrayOfInt([seed.orders[0], seed.orders[2]]))).Order
    assert (on_it.OrderInfo.CurrentShipmentId, on_it.Shipment.ShipmentId, on_it.Shipment.Waybill,
            on_it.Shipment.StatusId) == (shipment_id, shipment_id, "73300001234", 100)
    assert [(s.ShipmentId, s.WayBill) for s in on_it.OrderShipments.OrderShipmentInfo] == [
        (shipment_id, "73300001234")]
    assert (off_it.OrderInfo.CurrentShipmentId, off_it.Shipment, off_it.OrderShipments) == (None, None, None)
    assert [item.ShipmentId for item in on_it.PickedArticleItems.PickedArticleItem] == [shipment_id]
    assert [item.ShipmentId for item in off_it.PickedArticleItems.PickedArticleItem] == [None]
    assert order_ids(api, CurrentTripId=seed.trip) == seed.orders[:2]
    assert order_ids(api, CurrentShipmentId=seed.other_shipment) == []
    assert order_ids(api, CurrentTripId=seed.other_trip) == []
    special = api.types.OrderSpecialFilters(OnlyOrdersAssignedToRequestingUser=True)
    assert order_ids(api, OrderSpecialFilters=special) == []
    with session_scope(live_server.session_factory) as session:
        owner_id = session.get(Shipment, shipment_id).goods_owner_id  # type: ignore[union-attr]
        shipments.assign_order(session, owner_id, seed.orders[2], "WSIshop")
        shipments.assign_order(session, owner_id, seed.orders[0], "WSIpacker")
    assert order_ids(api, OrderSpecialFilters=special) == [seed.orders[2]]
    packer = goods_owner_client(api.client.wsdl.location.split("?")[0], "SHOP", "WSIpacker")
    assert order_ids(packer, OrderSpecialFilters=special) == [seed.orders[0]]
    assert order_ids(api, OrderSpecialFilters=api.types.OrderSpecialFilters(
        OnlyOrdersAssignedToRequestingUser=False)) == seed.orders


def test_update_shipment(api: GoodsOwnerClient, seed: Seed) -> None:
    process(api, seed.orders[:1])
    t = api.types
    result = api.call("UpdateShipment", updateShipment=t.UpdateShipment(
        ShipmentUpdateIdentification=t.ShipmentUpdateIdentification(ShipmentIdentificationType="WayBill",
                                                                    WayBill=73300001234),
        UpdateShipmentComment=t.UpdateShipmentComment(ShipmentComment="on the truck"),
        UpdateShipmentStatus=t.UpdateShipmentStatus(ShipmentStatus=450),
        UpdateShipmentWaybill=t.UpdateShipmentWaybill(Waybill=73300009999)))
    assert result.Success is True and result.ShipmentId > 0
    [info] = shipments_query(api, ShipmentStatusFrom=450, ShipmentStatusTo=450)
    header = info.ShipmentHeader
    assert (header.ShipmentComment, header.ShipmentStatusId, header.ShipmentStatusName, header.WayBill) == (
        "on the truck", 450, "Sent", 73300009999)
    assert header.ShippedTime is not None
    assert shipments_query(api, ShipmentStatusTo=400) == []


def test_another_goods_owners_shipment_and_trip_are_not_found(api: GoodsOwnerClient, seed: Seed) -> None:
    t = api.types
    result = api.call("UpdateShipment", updateShipment=t.UpdateShipment(
        ShipmentUpdateIdentification=t.ShipmentUpdateIdentification(ShipmentIdentificationType="ShipmentId",
                                                                    ShipmentId=seed.other_shipment),
        UpdateShipmentComment=t.UpdateShipmentComment(ShipmentComment="mine now")))
    assert result.Success is False and "No shipment" in result.Message
    assert shipments_query(api, ShipmentIdsToGet=t.ArrayOfInt([seed.other_shipment])) == []
    trips = api.call("GetTripsByQuery", TripsQuery=t.GetTripsQuery(TripIdsToGet=t.ArrayOfInt([seed.other_trip])))
    assert trips.Success is True and trips.Trips is None
    taken = process(api, [seed.other_order])
    assert taken.Success is False and f"Order {seed.other_order} was not found" in taken.ErrorMessage


def test_get_trips_by_query(api: GoodsOwnerClient, seed: Seed) -> None:
    result = api.call("GetTripsByQuery", TripsQuery=None)
    [trip] = result.Trips.TripInfo
    header = trip.TripHeader
    assert (header.TripId, header.TripName, header.TripOrderNumber, header.RouteCode, header.GoodsOwnerName) == (
        seed.trip, "Morning", "TR-1", "NORTH", "Goods owner SHOP")
    assert header.GoodsOwnerId > 0 and header.StartTime is None


def test_bad_input_is_refused_and_nothing_is_written(api: GoodsOwnerClient, seed: Seed, live_server: Any) -> None:
    def stored() -> tuple[int, int]:
        with session_scope(live_server.session_factory) as session:
            return (session.scalar(select(func.count()).select_from(Shipment)) or 0,
                    session.scalar(select(func.count()).select_from(ShipmentOrder)) or 0)

    before = stored()
    missing = process(api, seed.orders[:1], number=None)
    assert missing.Success is False and "ShipmentOrderNumber is not supplied" in missing.ErrorMessage
    unknown_order = process(api, [seed.orders[0], 999999])
    assert unknown_order.Success is False and "Order 999999 was not found" in unknown_order.ErrorMessage
    bad_trip = process(api, seed.orders[:1], TripOrderNumber="NO-SUCH-TRIP")
    assert bad_trip.Success is False and "Trip NO-SUCH-TRIP was not found" in bad_trip.ErrorMessage
    assert stored() == before
    assert process(api, seed.orders[:1]).Success is True
    duplicate = process(api, seed.orders[1:2])
    assert duplicate.Success is False and "exists already" in duplicate.ErrorMessage
    with pytest.raises(zeep.exceptions.Fault, match="IsCollectType"):
        shipments_query(api, IsCollectType=True)
    empty = api.call("UpdateShipment", updateShipment=None)
    assert empty.Success is False and "updateShipment is required" in empty.Message
    unnamed = api.call("UpdateShipment", updateShipment=api.types.UpdateShipment(
        UpdateShipmentComment=api.types.UpdateShipmentComment(ShipmentComment="x")))
    assert unnamed.Success is False and "ShipmentUpdateIdentification is required" in unnamed.Message
    headless = api.call("ProcessShipment", Shipment=api.types.Shipment())
    assert headless.Success is False and "ShipmentHeader is required" in headless.ErrorMessage
