"""``wms-soap warehouse receive|putaway|return|price-list|invoice``: the operator's inbound actions.

``add_commands(commands)`` registers them on the ``warehouse`` sub-command parser; each sets
``handler(args, settings) -> exit code`` like the outbound commands.
"""

from __future__ import annotations

import argparse
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.cli.support import Commands, date_arg, decimal_arg, runner
from wms_soap.services import invoices
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.store.access import GoodsOwner
from wms_soap.store.inorders import IN_ORDER_STATUS_TEXTS, InOrder, InOrderReceivedItem
from wms_soap.store.returns import RETURN_STATUS_TEXTS


def add_commands(commands: Commands) -> None:
    receiving = commands.add_parser("receive", help="receive an in-order (per line, partial, batch/serial/expiry)")
    receiving.add_argument("in_order_id", type=int)
    receiving.add_argument("--line", action="append", default=[], metavar="CODE=QTY",
                           help="ExternalOrderLineCode (or #InOrderLineId, or @ArticleNumber) and quantity")
    receiving.add_argument("--all", action="store_true", help="receive everything still outstanding")
    receiving.add_argument("--batch")
    receiving.add_argument("--serial")
    receiving.add_argument("--expiry", type=date_arg, metavar="YYYY-MM-DD")
    receiving.add_argument("--put-away", metavar="LOCATION", help="put what was received away at once")
    receiving.set_defaults(handler=runner(_receive))
    putaway = commands.add_parser("putaway", help="put an in-order's received items away to a location")
    putaway.add_argument("in_order_id", type=int)
    putaway.add_argument("location")
    putaway.set_defaults(handler=runner(_put_away))
    returning = commands.add_parser("return", help="receive a return order back to stock or to quarantine")
    returning.add_argument("return_order_id", type=int)
    returning.add_argument("--line", action="append", required=True, metavar="ARTICLE=QTY",
                           help="ArticleNumber (or #ReturnOrderLineId) and quantity; repeatable")
    returning.add_argument("--cause", help="return cause code (created when unknown)")
    returning.add_argument("--location", required=True, help="location the goods go to")
    returning.add_argument("--quarantine", action="store_true", help="lock the goods (quarantine)")
    returning.set_defaults(handler=runner(_return))
    prices = commands.add_parser("price-list", help="set a goods owner's price list")
    prices.add_argument("goods_owner", help="goods owner id or code")
    for name in ("per_order", "per_order_line", "per_parcel", "per_received_line", "storage_per_item_day"):
        prices.add_argument(f"--{name.replace('_', '-')}", dest=name, type=decimal_arg)
    prices.set_defaults(handler=runner(_price_list))
    invoicing = commands.add_parser("invoice", help="run invoicing for a goods owner and period [from, to)")
    invoicing.add_argument("goods_owner", help="goods owner id or code")
    invoicing.add_argument("--from", dest="start", type=date_arg, required=True, metavar="YYYY-MM-DD")
    invoicing.add_argument("--to", dest="end", type=date_arg, required=True, metavar="YYYY-MM-DD")
    invoicing.set_defaults(handler=runner(_invoice))


def _split(text: str) -> tuple[str, Decimal]:
    key, _, quantity = text.rpartition("=")
    if not key:
        raise SystemExit(f"--line {text!r}: expected KEY=QTY")
    return key, decimal_arg(quantity)


def _receipt(text: str, args: argparse.Namespace) -> warehouse_inbound.Receipt:
    key, quantity = _split(text)
    extra = {"batch": args.batch, "serial": args.serial, "expiry_date": args.expiry}
    if key.startswith("#"):
        return warehouse_inbound.Receipt(quantity, line_id=int(key[1:]), **extra)
    if key.startswith("@"):
        return warehouse_inbound.Receipt(quantity, article_number=key[1:], **extra)
    return warehouse_inbound.Receipt(quantity, external_order_line_code=key, **extra)


def _in_order_text(in_order: InOrder) -> str:
    return (f"in-order {in_order.id} ({in_order.goods_owner_order_number}): status {in_order.status} "
            f"{IN_ORDER_STATUS_TEXTS.get(in_order.status, '')}")


def _receive(session: Session, args: argparse.Namespace) -> str:
    in_order = warehouse_inbound.find_in_order(session, in_order_id=args.in_order_id)
    if args.all:
        items = warehouse_inbound.receive_everything(session, in_order)
    elif args.line:
        items = warehouse_inbound.receive(session, in_order, [_receipt(text, args) for text in args.line])
    else:
        raise SystemExit("receive: give --line CODE=QTY (repeatable) or --all")
    if args.put_away:
        warehouse_inbound.put_away_all(session, in_order, args.put_away)
    return "\n".join([_in_order_text(in_order), *(_received_text(item) for item in items)])


def _received_text(item: InOrderReceivedItem) -> str:
    """One received item: its line, quantity and what it was received with (given, or from the advised item)."""
    details = [f"{name} {value}" for name, value in (
        ("batch", item.batch), ("serial", item.serial),
        ("expiry", item.expiry_date.date() if item.expiry_date else None), ("status", item.status_code))
        if value]
    line = item.line.external_order_line_code or item.in_order_line_id
    received_with = " " + ", ".join(details) if details else ""
    advised = " (as advised)" if item.advised_item_id else ""
    return f"  line {line}: {item.number_of_items.normalize():f}{received_with}{advised}"


def _put_away(session: Session, args: argparse.Namespace) -> str:
    in_order = warehouse_inbound.find_in_order(session, in_order_id=args.in_order_id)
    items = warehouse_inbound.put_away_all(session, in_order, args.location)
    return f"{_in_order_text(in_order)}; {len(items)} received item(s) put away at {args.location}"


def _return(session: Session, args: argparse.Namespace) -> str:
    return_order = warehouse_inbound.find_return_order(session, args.return_order_id)
    receipts = []
    for text in args.line:
        key, quantity = _split(text)
        by_line = {"return_line_id": int(key[1:])} if key.startswith("#") else {"article_number": key}
        receipts.append(warehouse_inbound.ReturnReceipt(quantity, cause_code=args.cause, location_code=args.location,
                                                        quarantine=args.quarantine, **by_line))
    warehouse_inbound.receive_return(session, return_order, receipts)
    return (f"return order {return_order.id}: status {return_order.status} "
            f"{RETURN_STATUS_TEXTS.get(return_order.status, '')}")


def goods_owner_id(session: Session, text: str) -> int:
    if text.isdigit():
        return int(text)
    found = session.scalar(select(GoodsOwner.id).where(GoodsOwner.code == text))
    if found is None:
        raise SystemExit(f"no goods owner with code {text!r}")
    return found


def _price_list(session: Session, args: argparse.Namespace) -> str:
    names = ("per_order", "per_order_line", "per_parcel", "per_received_line", "storage_per_item_day")
    prices = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    price_list = invoices.set_price_list(session, goods_owner_id(session, args.goods_owner), **prices)
    return "price list: " + ", ".join(f"{name}={getattr(price_list, name)}" for name in names)


def _invoice(session: Session, args: argparse.Namespace) -> str:
    invoice = warehouse_inbound.run_invoicing(session, goods_owner_id(session, args.goods_owner), args.start, args.end)
    return (f"invoice {invoice.id} ({invoice.invoice_number}): {len(invoice.charges)} charge(s), "
            f"amount {invoice.amount} {invoice.currency_code or ''}".rstrip())
