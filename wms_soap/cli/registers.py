"""``wms-soap status-text`` and ``wms-soap transporter-contract``: the warehouse registers goods owners read.

Status texts default to Ongoing's (100 Notified ... 1000 Cancelled); a warehouse may give any status its own text,
which GetOrderStatuses / GetInOrderStatuses then answer to that warehouse's goods owners. Transporter contracts are
what GetTransporterContracts lists and what orders name.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from wms_soap.cli.support import command_session
from wms_soap.services import registers
from wms_soap.services.access.rules import find_goods_owner, find_warehouse

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from wms_soap.config import Settings


def add_parsers(subparsers: Any) -> None:
    texts = subparsers.add_parser("status-text", help="list or set order and in-order status texts per warehouse")
    commands = texts.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = commands.add_parser("list", help="the texts a warehouse's goods owners see")
    listing.add_argument("--warehouse", help="warehouse code (default: the defaults)")
    listing.add_argument("--in-orders", action="store_true", help="in-order statuses instead of order statuses")
    listing.set_defaults(handler=run_list_texts)
    setting = commands.add_parser("set", help="give one status its own text in one warehouse")
    setting.add_argument("--warehouse", required=True, help="warehouse code")
    setting.add_argument("--in-orders", action="store_true", help="an in-order status instead of an order status")
    setting.add_argument("number", type=int)
    setting.add_argument("text")
    setting.set_defaults(handler=run_set_text)

    contracts = subparsers.add_parser("transporter-contract", help="list or add a goods owner's transporter contracts")
    commands = contracts.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = commands.add_parser("list", help="the goods owner's active contracts")
    listing.add_argument("goods_owner", help="goods owner code or id")
    listing.set_defaults(handler=run_list_contracts)
    adding = commands.add_parser("add", help="add a contract for one transporter service")
    adding.add_argument("goods_owner", help="goods owner code or id")
    adding.add_argument("--transporter", required=True, help="transporter code (created when unknown)")
    adding.add_argument("--transporter-name")
    adding.add_argument("--service", help="service code")
    adding.add_argument("--service-name")
    adding.add_argument("--customer-number")
    adding.add_argument("--edi-customer-code")
    adding.set_defaults(handler=run_add_contract)


def _warehouse_id(session: Session, code: str | None) -> int | None:
    return None if code is None else find_warehouse(session, code).id


def run_list_texts(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        warehouse_id = _warehouse_id(session, args.warehouse)
        listing = registers.in_order_statuses if args.in_orders else registers.order_statuses
        for number, text in listing(session, warehouse_id):
            print(f"{number}\t{text}")
    return 0


def run_set_text(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        warehouse_id = _warehouse_id(session, args.warehouse)
        assert warehouse_id is not None
        registers.set_status_text(session, warehouse_id=warehouse_id, number=args.number, text=args.text,
                                  in_orders=args.in_orders)
    print(f"Status {args.number} is {args.text!r} in warehouse {args.warehouse}")
    return 0


def run_list_contracts(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        owner = find_goods_owner(session, args.goods_owner)
        for contract in registers.transporter_contracts(session, owner.id):
            print("\t".join(value or "" for value in (contract.transporter.code, contract.service_code,
                                                      contract.customer_number, contract.edi_customer_code)))
    return 0


def run_add_contract(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        owner = find_goods_owner(session, args.goods_owner)
        contract = registers.create_transporter_contract(
            session, owner.id, transporter_code=args.transporter, transporter_name=args.transporter_name,
            service_code=args.service, service_name=args.service_name, customer_number=args.customer_number,
            edi_customer_code=args.edi_customer_code)
        print(f"Transporter contract {contract.id} added for goods owner {owner.code}")
    return 0
