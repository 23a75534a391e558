"""``wms-soap warehouse transfer ...``: the operator creates warehouse transfer orders (a goods owner's stock moved
from one warehouse to another), ships them (items taken from the source, held locked in transit) and receives them
(put on a location of the destination), or executes them in one step.

``add_commands(commands)`` registers them on the ``warehouse`` sub-command parser; each sets
``handler(args, settings) -> exit code`` like the other warehouse commands.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from wms_soap.cli.support import Action, Commands, runner
from wms_soap.services.production.production import amount
from wms_soap.services.warehouse import transfers
from wms_soap.store.transfers import WarehouseTransferOrder


def add_commands(commands: Commands) -> None:
    parser = commands.add_parser("transfer", help="warehouse transfer orders: create, list, ship, receive, execute")
    actions = parser.add_subparsers(dest="transfer_command", required=True)
    creating = actions.add_parser("create", help="a transfer order of a goods owner's stock to another warehouse")
    creating.add_argument("--goods-owner-id", type=int, required=True)
    creating.add_argument("--number", required=True, help="the order number (unique per goods owner)")
    creating.add_argument("--from", dest="from_warehouse", required=True, metavar="WAREHOUSE_CODE")
    creating.add_argument("--to", dest="to_warehouse", required=True, metavar="WAREHOUSE_CODE")
    creating.add_argument("--transit", metavar="WAREHOUSE_CODE", help="the warehouse the goods pass through")
    creating.add_argument("--comment")
    creating.add_argument("--reference")
    creating.add_argument("--line", action="append", required=True, type=_line, metavar="LINE:ARTICLE=QTY[@STATUS]",
                          help="line number, article number, quantity, and the new article item status; repeatable")
    creating.set_defaults(handler=runner(_create))
    listing = actions.add_parser("list", help="transfer orders to ship or to receive")
    listing.add_argument("--goods-owner-id", type=int)
    listing.set_defaults(handler=runner(_list))
    for name, help_text in (("ship", "take the items from the source warehouse into transit"),
                            ("cancel", "cancel an order not yet shipped")):
        command = actions.add_parser(name, help=help_text)
        command.add_argument("order_id", type=int)
        command.set_defaults(handler=runner(_ACTIONS[name]))
    for name, help_text in (("receive", "put the items in transit on a location of the destination warehouse"),
                            ("execute", "ship and receive at once")):
        command = actions.add_parser(name, help=help_text)
        command.add_argument("order_id", type=int)
        command.add_argument("--location", required=True, help="a location of the destination warehouse")
        command.set_defaults(handler=runner(_ACTIONS[name]))


def _line(text: str) -> transfers.TransferLineInput:
    """``LINE:ARTICLE=QTY[@STATUS]``, e.g. ``1:MUG=5`` or ``2:CUP=3@DAMAGED``."""
    head, _, status = text.partition("@")
    numbers, _, quantity = head.rpartition("=")
    line_number, _, article = numbers.partition(":")
    try:
        count = Decimal(quantity)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r}: the quantity is not a number") from None
    if not line_number or not article:
        raise argparse.ArgumentTypeError(f"{text!r}: expected LINE:ARTICLE=QTY[@STATUS]")
    return transfers.TransferLineInput(line_number, article, count, new_status=status or None)


def _summary(order: WarehouseTransferOrder) -> str:
    lines = ", ".join(f"line {line.line_number}: {amount(line.number_of_items)}" for line in order.lines)
    return (f"transfer order {order.id} ({order.order_number}): status {order.status} "
            f"{transfers.STATUS_TEXTS[order.status]}; {lines}")


def _create(session: Session, args: argparse.Namespace) -> str:
    return _summary(transfers.create_transfer_order(session, args.goods_owner_id, transfers.TransferOrderInput(
        order_number=args.number, from_warehouse=args.from_warehouse, to_warehouse=args.to_warehouse,
        transit_warehouse=args.transit, comment=args.comment, reference_number=args.reference, lines=args.line)))


def _list(session: Session, args: argparse.Namespace) -> str:
    orders = transfers.open_orders(session, args.goods_owner_id)
    return "\n".join(_summary(order) for order in orders) or "no transfer orders to ship or receive"


_ACTIONS: dict[str, Action] = {
    "ship": lambda session, args: _summary(transfers.ship_transfer_order(session, args.order_id)),
    "cancel": lambda session, args: _summary(transfers.cancel_transfer_order(session, args.order_id)),
    "receive": lambda session, args: _summary(transfers.receive_transfer_order(
        session, args.order_id, location_code=args.location)),
    "execute": lambda session, args: _summary(transfers.execute_transfer_order(
        session, args.order_id, location_code=args.location)),
}
