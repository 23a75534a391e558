"""``wms-soap warehouse inbound-shipment ...``: the operator groups in-order lines that arrive together into an
inbound shipment, sets its customs status, and marks it arrived and received.

``add_commands(commands)`` registers them on the ``warehouse`` sub-command parser; each sets
``handler(args, settings) -> exit code`` like the other warehouse commands.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from wms_soap.cli.support import Action, Commands, runner
from wms_soap.services.inbound import inbound_shipments
from wms_soap.services.production.production import amount
from wms_soap.store.inbound_shipments import InboundShipment


def add_commands(commands: Commands) -> None:
    parser = commands.add_parser("inbound-shipment", help="inbound shipments: create, list, customs, arrive, receive")
    actions = parser.add_subparsers(dest="inbound_shipment_command", required=True)
    creating = actions.add_parser("create", help="a shipment of in-order lines that arrive together")
    creating.add_argument("--goods-owner-id", type=int, required=True)
    creating.add_argument("--number", required=True, help="the shipment number (unique per goods owner)")
    creating.add_argument("--line", action="append", required=True, type=_line, metavar="IN_ORDER:LINE_CODE[=QTY]",
                          help="an in-order line by ExternalOrderLineCode (default quantity: what is still to "
                               "receive); repeatable")
    creating.add_argument("--waybill")
    creating.add_argument("--customs-reference")
    creating.add_argument("--comment")
    creating.add_argument("--eu-type", choices=inbound_shipments.EU_TYPES, default="Unknown")
    creating.add_argument("--supplier", metavar="SUPPLIER_NUMBER")
    creating.set_defaults(handler=runner(_create))
    listing = actions.add_parser("list", help="shipments not yet received")
    listing.add_argument("--goods-owner-id", type=int)
    listing.set_defaults(handler=runner(_list))
    customs = actions.add_parser("customs", help="set the customs status")
    customs.add_argument("shipment_id", type=int)
    customs.add_argument("--status", required=True,
                         choices=[inbound_shipments.NO_STATUS, *inbound_shipments.CUSTOMS_STATUS_IDS])
    customs.set_defaults(handler=runner(lambda session, args: _summary(inbound_shipments.set_customs_status(
        session, args.shipment_id, args.status))))
    for name, status in (("arrive", inbound_shipments.ARRIVED), ("receive", inbound_shipments.RECEIVED)):
        command = actions.add_parser(name, help=f"mark the shipment {inbound_shipments.STATUS_TEXTS[status].lower()}")
        command.add_argument("shipment_id", type=int)
        command.set_defaults(handler=runner(_advance(status)))


def _line(text: str) -> inbound_shipments.ShipmentLineInput:
    """``IN_ORDER:LINE_CODE[=QTY]``, e.g. ``PO-1:10`` or ``PO-1:20=5``."""
    head, equals, quantity = text.partition("=")
    in_order, _, code = head.partition(":")
    if not in_order or not code:
        raise argparse.ArgumentTypeError(f"{text!r}: expected IN_ORDER:LINE_CODE[=QTY]")
    try:
        count = Decimal(quantity) if equals else None
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r}: the quantity is not a number") from None
    return inbound_shipments.ShipmentLineInput(in_order, code, count)


def _summary(shipment: InboundShipment) -> str:
    lines = ", ".join(amount(line.number_of_items) for line in shipment.lines)
    return (f"inbound shipment {shipment.id} ({shipment.shipment_number}): status {shipment.status} "
            f"{inbound_shipments.STATUS_TEXTS[shipment.status]}, "
            f"customs {shipment.customs_status or inbound_shipments.NO_STATUS}; "
            f"{len(shipment.lines)} lines ({lines})")


def _create(session: Session, args: argparse.Namespace) -> str:
    data = inbound_shipments.ShipmentInput(
        args.number, args.line, comment=args.comment, waybill=args.waybill,
        customs_reference_number=args.customs_reference, customs_eu_type=args.eu_type,
        supplier_number=args.supplier)
    return _summary(inbound_shipments.create_inbound_shipment(session, args.goods_owner_id, data))


def _list(session: Session, args: argparse.Namespace) -> str:
    found = inbound_shipments.open_shipments(session, args.goods_owner_id)
    return "\n".join(_summary(shipment) for shipment in found) or "no inbound shipments to receive"


def _advance(status: int) -> Action:
    return lambda session, args: _summary(inbound_shipments.advance(session, args.shipment_id, status))
