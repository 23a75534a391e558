"""``wms-soap warehouse trip|shipment|ship-orders|unship-order|load|shipment-status|assign-order``: the operator's
side of shipments and trips (``services/shipments.py``), registered under ``warehouse`` by ``cli_warehouse``.

Every command names the goods owner (id or code); another goods owner's shipment, trip or order is not found.
"""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from wms_soap.cli.inbound import goods_owner_id
from wms_soap.cli.support import Action, moment_arg, runner
from wms_soap.services.orders import shipments
from wms_soap.services.orders.shipments import ShipmentInput, ShipmentUpdate, TripInput
from wms_soap.store.shipments import Shipment


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    trip = _command(commands, "trip", "create a trip (a vehicle's run on a route)", _trip)
    trip.add_argument("--name")
    trip.add_argument("--trip-order-number")
    trip.add_argument("--route")
    trip.add_argument("--vehicle", help="vehicle registration number")
    trip.add_argument("--start", type=moment_arg, help="start time, ISO 8601 (UTC when no offset)")
    shipment = _command(commands, "shipment", "create a shipment of orders leaving together", _shipment)
    shipment.add_argument("--number", required=True, help="shipment order number")
    shipment.add_argument("--waybill", type=int)
    shipment.add_argument("--transporter-order-number")
    shipment.add_argument("--transporter", help="transporter code of one of the goods owner's contracts")
    shipment.add_argument("--service", help="transporter service code")
    shipment.add_argument("--trip-order-number", help="load the shipment on this trip")
    shipment.add_argument("--order", type=int, action="append", default=[], help="order id; repeatable")
    ship = _command(commands, "ship-orders", "put orders on a shipment (their current shipment)", _ship_orders)
    ship.add_argument("shipment_id", type=int)
    ship.add_argument("order_ids", type=int, nargs="+")
    unship = _command(commands, "unship-order", "take an order off its (unsent) shipment", _unship_order)
    unship.add_argument("order_id", type=int)
    load = _command(commands, "load", "load a shipment on a trip (--off: take it off)", _load)
    load.add_argument("shipment_id", type=int)
    target = load.add_mutually_exclusive_group(required=True)
    target.add_argument("--trip", type=int)
    target.add_argument("--off", action="store_true")
    status = _command(commands, "shipment-status", "set a shipment's status (100, 450 Sent, 500, 1000)",
                      _shipment_status)
    status.add_argument("shipment_id", type=int)
    status.add_argument("status", type=int)
    assign = _command(commands, "assign-order", "assign an order to an API user of its goods owner", _assign)
    assign.add_argument("order_id", type=int)
    who = assign.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", help="the API user's username")
    who.add_argument("--clear", action="store_true")


def _command(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str,
             action: Action) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=help_text)
    command.add_argument("--goods-owner", required=True, help="goods owner id or code")
    command.set_defaults(handler=runner(action))
    return command


def _describe(shipment: Shipment) -> str:
    orders = ", ".join(str(link.order_id) for link in shipment.orders) or "none"
    return (f"shipment {shipment.id} ({shipment.shipment_order_number or '-'}): status {shipment.status} "
            f"{shipments.status_text(shipment.status)}, trip {shipment.trip_id or '-'}, orders {orders}")


def _trip(session: Session, args: argparse.Namespace) -> str:
    trip = shipments.create_trip(session, goods_owner_id(session, args.goods_owner), TripInput(
        name=args.name, trip_order_number=args.trip_order_number, route_code=args.route,
        vehicle_registration_number=args.vehicle, start_time=args.start))
    return f"trip {trip.id} ({trip.trip_order_number or '-'})"


def _shipment(session: Session, args: argparse.Namespace) -> str:
    shipment = shipments.process_shipment(session, ShipmentInput(
        operation="Create", identification="ShipmentOrderNumber", shipment_order_number=args.number,
        waybill=args.waybill, transporter_order_number=args.transporter_order_number,
        transporter_code=args.transporter, transporter_service_code=args.service,
        trip_order_number=args.trip_order_number, order_ids=args.order),
        goods_owner_id=goods_owner_id(session, args.goods_owner))
    assert shipment is not None  # Create never removes
    return _describe(shipment)


def _ship_orders(session: Session, args: argparse.Namespace) -> str:
    return _describe(shipments.add_orders_to_shipment(session, goods_owner_id(session, args.goods_owner),
                                                      args.shipment_id, args.order_ids))


def _unship_order(session: Session, args: argparse.Namespace) -> str:
    shipments.remove_order_from_shipment(session, goods_owner_id(session, args.goods_owner), args.order_id)
    return f"order {args.order_id} is on no shipment"


def _load(session: Session, args: argparse.Namespace) -> str:
    return _describe(shipments.put_shipment_on_trip(session, goods_owner_id(session, args.goods_owner),
                                                    args.shipment_id, None if args.off else args.trip))


def _shipment_status(session: Session, args: argparse.Namespace) -> str:
    return _describe(shipments.update_shipment(session, goods_owner_id(session, args.goods_owner),
                                               ShipmentUpdate(shipment_id=args.shipment_id, status=args.status)))


def _assign(session: Session, args: argparse.Namespace) -> str:
    username = None if args.clear else args.user
    shipments.assign_order(session, goods_owner_id(session, args.goods_owner), args.order_id, username)
    return f"order {args.order_id} assigned to {username}" if username else f"order {args.order_id} unassigned"
