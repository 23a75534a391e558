"""``wms-soap automated-system add|list``: mark locations as a storage lift's (or AutoStore's, a shuttle's) in-,
store- and out-location, optionally with the one automation user that controls it (``services.warehouse.
automated_systems``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from wms_soap.cli.support import command_session, runner
from wms_soap.services.warehouse import automated_systems

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from wms_soap.config import Settings


def add_parsers(subparsers: Any) -> None:
    group = subparsers.add_parser("automated-system", help="storage lifts and other automated storage systems",
                                  description="Storage lifts and other automated storage systems.")
    commands = group.add_subparsers(dest="automated_system_command", required=True, metavar="ACTION")
    adding = commands.add_parser("add", help="define a system, or change the one with this code")
    adding.add_argument("code")
    adding.add_argument("--in", dest="in_location", required=True, help="where goods are put in (e.g. Lift_In)")
    adding.add_argument("--store", dest="store_location", required=True, help="where the system keeps them (Lift)")
    adding.add_argument("--out", dest="out_location", required=True, help="where it hands them out (Lift_Out)")
    adding.add_argument("--name")
    adding.add_argument("--controller", help="the automation user that alone may set its handled flags")
    adding.set_defaults(handler=runner(define))
    listing = commands.add_parser("list", help="list the systems and their locations")
    listing.set_defaults(handler=run_list)


def define(session: Session, args: argparse.Namespace) -> str:
    data = automated_systems.SystemInput(args.code, args.in_location, args.store_location, args.out_location,
                                         name=args.name, controller=args.controller)
    view = automated_systems.define_system(session, data)
    return (f"Automated system {view.system.code}: in {view.in_location}, store {view.store_location}, "
            f"out {view.out_location}, controller {view.controller or 'any automation user'}")


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings, writes=False) as session:
        print("\t".join(("code", "name", "in", "store", "out", "controller")))
        for view in automated_systems.list_systems(session):
            print("\t".join(str(cell or "-") for cell in (view.system.code, view.system.name, view.in_location,
                                                           view.store_location, view.out_location, view.controller)))
    return 0
