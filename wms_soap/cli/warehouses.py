"""``wms-soap warehouse add|list|rename``: the warehouses (sites) themselves, so that a fresh installation has one
for status texts, goods owners and transfer orders; ``goods-owner set-warehouse`` (``cli/access.py``) stores a
goods owner in one."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from wms_soap.cli.support import runner
from wms_soap.services.access import rules as access


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    adding = commands.add_parser("add", help="add a warehouse (its code is the system name in URLs and requests)")
    adding.add_argument("code", help="the warehouse code (unique)")
    adding.add_argument("--name", help="display name (default: the code)")
    adding.set_defaults(handler=runner(_add))
    commands.add_parser("list", help="list warehouses").set_defaults(handler=runner(_list))
    renaming = commands.add_parser("rename", help="give a warehouse a new name (its code stays)")
    renaming.add_argument("warehouse", help="code or id")
    renaming.add_argument("name")
    renaming.set_defaults(handler=runner(_rename))


def _add(session: Session, args: argparse.Namespace) -> str:
    warehouse = access.create_warehouse(session, code=args.code, name=args.name)
    return f"Warehouse {warehouse.code} added (id {warehouse.id}): {warehouse.name}"


def _list(session: Session, args: argparse.Namespace) -> str:
    rows = [f"{w.id}\t{w.code}\t{w.name}\t{owners}" for w, owners in access.list_warehouses(session)]
    return "\n".join(["id\tcode\tname\tgoods_owners", *rows])


def _rename(session: Session, args: argparse.Namespace) -> str:
    warehouse = access.find_warehouse(session, args.warehouse)
    change = access.rename_warehouse(session, warehouse, args.name)
    return change or f"Warehouse {warehouse.code} is called {warehouse.name!r} already"
