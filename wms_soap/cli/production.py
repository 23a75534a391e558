"""``wms-soap warehouse production ...`` and ``wms-soap warehouse goods-operation ...``: the operator builds
production orders (consuming component stock, adding the produced article's stock) and executes goods operation
orders (changing article item statuses).

``add_commands(commands)`` registers them on the ``warehouse`` sub-command parser; each sets
``handler(args, settings) -> exit code`` like the other warehouse commands.
"""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from wms_soap.cli.support import Commands, date_arg, decimal_arg, runner
from wms_soap.services.production import goods_operations, production
from wms_soap.services.warehouse import production as production_warehouse
from wms_soap.store.production import GoodsOperationOrder, ProductionOrder


def add_commands(commands: Commands) -> None:
    _add_production(commands.add_parser("production", help="production orders: list, report production, finish"))
    _add_goods_operation(commands.add_parser("goods-operation", help="goods operation orders: list, execute"))


def _add_production(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="production_command", required=True)
    listing = actions.add_parser("list", help="open and started production orders")
    listing.add_argument("--goods-owner-id", type=int)
    listing.set_defaults(handler=runner(_list_production))
    reporting = actions.add_parser("report", help="produce items of a line: consume its components, add the product")
    reporting.add_argument("order_id", type=int)
    reporting.add_argument("--line", required=True, metavar="LINE_NUMBER", help="ProductionOrderLineNumber")
    reporting.add_argument("--quantity", required=True, type=decimal_arg, help="number of items produced")
    reporting.add_argument("--location", required=True, help="location the produced items are put on")
    reporting.add_argument("--batch")
    reporting.add_argument("--expiry", type=date_arg, metavar="YYYY-MM-DD")
    reporting.set_defaults(handler=runner(_report))
    finishing = actions.add_parser("finish", help="close a started order although not everything was produced")
    finishing.add_argument("order_id", type=int)
    finishing.set_defaults(handler=runner(
        lambda session, args: _production_summary(production_warehouse.finish_production(session, args.order_id))))


def _add_goods_operation(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="goods_operation_command", required=True)
    listing = actions.add_parser("list", help="goods operation orders waiting for the warehouse")
    listing.add_argument("--goods-owner-id", type=int)
    listing.set_defaults(handler=runner(_list_goods_operations))
    executing = actions.add_parser("execute", help="change the status of every line's article items")
    executing.add_argument("order_id", type=int)
    executing.set_defaults(handler=runner(_execute))


def _production_summary(order: ProductionOrder) -> str:
    amount = production.amount
    lines = ", ".join(f"line {line.line_number}: {amount(line.produced)}/{amount(line.to_produce)}"
                      for line in order.lines)
    return (f"production order {order.id} ({order.order_number}): status {order.status} "
            f"{production.STATUS_TEXTS[order.status]}; {lines}")


def _list_production(session: Session, args: argparse.Namespace) -> str:
    orders = production_warehouse.orders_with_open_lines(session, args.goods_owner_id)
    return "\n".join(_production_summary(order) for order in orders) or "no open production orders"


def _report(session: Session, args: argparse.Namespace) -> str:
    return _production_summary(production_warehouse.report_production(
        session, args.order_id, args.line, args.quantity, location_code=args.location, batch=args.batch,
        expiry_date=args.expiry))


def _goods_summary(order: GoodsOperationOrder) -> str:
    return (f"goods operation order {order.id} ({order.order_number}): status {order.status} "
            f"{goods_operations.STATUS_TEXTS[order.status]}; {len(order.lines)} lines")


def _list_goods_operations(session: Session, args: argparse.Namespace) -> str:
    orders = goods_operations.open_orders(session, args.goods_owner_id)
    return "\n".join(_goods_summary(order) for order in orders) or "no open goods operation orders"


def _execute(session: Session, args: argparse.Namespace) -> str:
    return _goods_summary(goods_operations.execute_goods_operation_order(session, args.order_id))
