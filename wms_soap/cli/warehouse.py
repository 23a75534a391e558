"""``wms-soap warehouse ...``: the operator's outbound actions (release, allocate, pick, pack, ship, collect, cancel).

``add_parser(subparsers)`` registers the commands; each sets ``handler(args, settings) -> exit code``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from wms_soap.cli.inbound import add_commands as add_inbound_commands
from wms_soap.cli.inbound_shipments import add_commands as add_inbound_shipment_commands
from wms_soap.cli.production import add_commands as add_production_commands
from wms_soap.cli.returns import add_commands as add_return_commands
from wms_soap.cli.shipments import add_commands as add_shipment_commands
from wms_soap.cli.support import Handler, runner
from wms_soap.cli.transfers import add_commands as add_transfer_commands
from wms_soap.cli.warehouses import add_commands as add_warehouse_commands
from wms_soap.services.orders import status as st
from wms_soap.services.warehouse import outbound
from wms_soap.store.orders import Order

OrderAction = Callable[[Session, argparse.Namespace], Order]


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Registers ``warehouse`` and its actions."""
    parser = subparsers.add_parser("warehouse", help="warehouses (add, list, rename) and moving goods in them")
    commands = parser.add_subparsers(dest="warehouse_command", required=True)
    add_inbound_commands(commands)  # receive, putaway, return, price-list, invoice (wms_soap/cli/inbound.py)
    add_production_commands(commands)  # production, goods-operation (wms_soap/cli/production.py)
    add_shipment_commands(commands)  # trip, shipment, ship-orders, load, assign-order, ... (wms_soap/cli/shipments.py)
    add_return_commands(commands)  # return-status-text (wms_soap/cli/returns.py)
    add_inbound_shipment_commands(commands)  # inbound-shipment create|list|customs|arrive|receive
    add_transfer_commands(commands)  # transfer create|list|ship|receive|execute|cancel (wms_soap/cli/transfers.py)
    add_warehouse_commands(commands)  # add, list, rename: the warehouses themselves (wms_soap/cli/warehouses.py)
    for name, action, help_text in _SIMPLE:
        command = commands.add_parser(name, help=help_text)
        command.add_argument("order_id", type=int)
        command.set_defaults(handler=_runner(action))
    picking = commands.add_parser("pick", help="pick order lines (partially with --line, everything with --all)")
    picking.add_argument("order_id", type=int)
    picking.add_argument("--line", action="append", default=[], metavar="CODE=QTY",
                         help="ExternalOrderLineCode (or #OrderLineSystemId) and quantity; repeatable")
    picking.add_argument("--item", type=int, help="take the items from this article item id")
    picking.add_argument("--all", action="store_true", help="pick everything still to pick")
    picking.set_defaults(handler=_runner(_pick))
    packing = commands.add_parser("pack", help="pack picked items into parcels with tracking numbers")
    packing.add_argument("order_id", type=int)
    packing.add_argument("--parcel", action="append", required=True, metavar="TRACKING_NUMBER")
    packing.add_argument("--tracking-url", help="tracking URL of the first parcel")
    packing.add_argument("--waybill")
    packing.set_defaults(handler=_runner(_pack))


def _runner(action: OrderAction) -> Handler:
    """Run an outbound ``action`` (``cli_support.runner``) and print the order it leaves and its status."""
    def summary(session: Session, args: argparse.Namespace) -> str:
        order = action(session, args)
        return (f"order {order.id} ({order.goods_owner_order_number or '-'}): status {order.status} "
                f"{st.DEFAULT_TEXTS.get(order.status, '')}")

    return runner(summary)


def _line_request(text: str, item: int | None) -> outbound.PickRequest:
    key, _, quantity = text.rpartition("=")
    try:
        number = Decimal(quantity)
    except InvalidOperation:
        raise SystemExit(f"--line {text!r}: the quantity is not a number") from None
    if key.startswith("#"):
        return outbound.PickRequest(number, order_line_id=int(key[1:]), article_item_id=item)
    return outbound.PickRequest(number, external_order_line_code=key, article_item_id=item)


def _pick(session: Session, args: argparse.Namespace) -> Order:
    if args.all:
        return outbound.pick_remaining(session, args.order_id)
    if not args.line:
        raise SystemExit("pick: give --line CODE=QTY (repeatable) or --all")
    return outbound.pick(session, args.order_id, [_line_request(text, args.item) for text in args.line])


def _pack(session: Session, args: argparse.Namespace) -> Order:
    parcels = [outbound.ParcelRequest(label_id=label, tracking_url=args.tracking_url if i == 0 else None)
               for i, label in enumerate(args.parcel)]
    return outbound.pack(session, args.order_id, parcels, waybill=args.waybill)


_SIMPLE: list[tuple[str, OrderAction, str]] = [
    ("release", lambda s, a: outbound.release_order(s, a.order_id), "release an open order (300)"),
    ("allocate", lambda s, a: outbound.allocate_order(s, a.order_id), "allocate stock to an order (320)"),
    ("release-allocations", lambda s, a: outbound.release_order_allocations(s, a.order_id),
     "give an order's allocated stock back (300)"),
    ("ship", lambda s, a: outbound.ship(s, a.order_id), "ship a picked order (450)"),
    ("collect", lambda s, a: outbound.collect(s, a.order_id), "mark a sent order collected (500)"),
    ("cancel", lambda s, a: outbound.cancel_order(s, a.order_id), "cancel an order not yet picked (1000)"),
]
