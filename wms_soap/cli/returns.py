"""``wms-soap warehouse return-status-text list|set``: the return order status texts of a warehouse, which
GetReturnOrdersByQuery answers (ReturnOrderStatusText) to the warehouse's goods owners."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from wms_soap.cli.support import command_session
from wms_soap.services.access.rules import find_warehouse
from wms_soap.services.inbound import returns

if TYPE_CHECKING:
    from wms_soap.config import Settings


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    texts = commands.add_parser("return-status-text", help="list or set return order status texts per warehouse")
    actions = texts.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the texts a warehouse's goods owners see")
    listing.add_argument("--warehouse", help="warehouse code (default: the defaults)")
    listing.set_defaults(handler=_run_list)
    setting = actions.add_parser("set", help="give one return order status its own text in one warehouse")
    setting.add_argument("--warehouse", required=True, help="warehouse code")
    setting.add_argument("number", type=int)
    setting.add_argument("text")
    setting.set_defaults(handler=_run_set)


def _warehouse_id(session: Session, code: str | None) -> int | None:
    return None if code is None else find_warehouse(session, code).id


def _run_list(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        for number, text in returns.return_order_statuses(session, _warehouse_id(session, args.warehouse)):
            print(f"{number}\t{text}")
    return 0


def _run_set(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        warehouse_id = _warehouse_id(session, args.warehouse)
        assert warehouse_id is not None  # --warehouse is required
        returns.set_return_status_text(session, warehouse_id=warehouse_id, number=args.number, text=args.text)
    print(f"Return order status {args.number} is {args.text.strip()!r} in warehouse {args.warehouse}")
    return 0
