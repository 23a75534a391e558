"""``wms-soap``: the command line. ``main(argv) -> exit code``; only this layer prints.

Every command is a function ``run_x(args, settings) -> int`` registered by an ``add_x(subparsers)`` function listed
in ``COMMANDS`` (add a line there to add a command). Errors are one line on stderr: exit 1 for a failed command,
2 for bad usage; never a traceback.

The CLI is the entry point on top of every layer: it composes the application (``wms_soap.app``, every face) with
the demo and the services, and nothing imports it (the import contracts in pyproject.toml keep it so).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from wms_soap import __version__
from wms_soap.cli import access as cli_access
from wms_soap.cli import events as cli_events
from wms_soap.cli import registers as cli_registers
from wms_soap.cli import security as cli_security
from wms_soap.cli import warehouse as cli_warehouse
from wms_soap.config import Settings, derived_public_url, load_settings
from wms_soap.demo import seed as demo
from wms_soap.errors import WmsError
from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import current_revisions, upgrade

Subparsers = Any  # argparse._SubParsersAction: private, so not spelled out
Handler = Callable[[argparse.Namespace, Settings], int]
log = logging.getLogger(__name__)


# -- init -----------------------------------------------------------------------------------------------------------

def add_init(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("init", help="create the database, or upgrade it to this version's schema",
                                   description="Create the database, or upgrade it to this version's schema.")
    parser.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace, settings: Settings) -> int:
    """Alembic runs the migrations in its own transaction: a schema change, not a unit of work on the data."""
    engine = create_engine_for(settings.database_url)
    try:
        upgrade(engine)
        revision = ", ".join(sorted(current_revisions(engine)))
    finally:
        engine.dispose()
    print(f"Database {_safe_url(settings.database_url)} is at schema revision {revision}")
    return 0


# -- serve and demo -------------------------------------------------------------------------------------------------

def _bounded(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}, got {value}")
        return value

    return parse


def _add_address_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to listen on (default: WMS_HOST, 127.0.0.1)")
    parser.add_argument("--port", type=_bounded(0, 65535),
                        help="port to listen on; 0 picks a free one (default: WMS_PORT, 8080)")
    parser.add_argument("--threads", type=_bounded(1, 256), help="worker threads (default: WMS_THREADS)")


def add_serve(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("serve", help="serve the SOAP API (stop with Ctrl-C or SIGTERM)",
                                   description="Serve the SOAP API until SIGINT or SIGTERM.")
    _add_address_options(parser)
    parser.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    return serve(settings, host=args.host, port=args.port, threads=args.threads)


def add_demo(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="create and seed a demo database (if empty), print the credentials, and serve",
        description="Create the database in the data dir and seed demo data if it is empty, print the service "
                    "URL, WSDL URL and demo credentials, then serve.")
    _add_address_options(parser)
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace, settings: Settings) -> int:
    from wms_soap.soap.service.wsgi import service_url  # the faces only when serving: see serve()

    def announce(live: Settings) -> None:
        print(demo.describe(live, state, service_url(live)), flush=True)

    state = demo.prepare(settings)
    return serve(settings, host=args.host, port=args.port, threads=args.threads, announce=announce)


def serve(settings: Settings, *, host: str | None = None, port: int | None = None, threads: int | None = None,
          announce: Callable[[Settings], None] | None = None) -> int:
    """Bind, build the app for the real address, print where it listens, and serve until SIGINT/SIGTERM."""
    # The faces are imported only by the commands that serve or write contracts: Spyne and the 700 contract types
    # take about 1.5 s to import, which every other command (and --help) would pay.
    from wms_soap.app import create_admin_only_app, create_app
    from wms_soap.serving import BoundServer

    live = _with_address(settings, host, port, threads)
    engine = create_engine_for(live.database_url)
    session_factory = make_session_factory(engine)
    main_server = BoundServer(live, host=live.host, port=live.port, threads=live.threads)
    servers = [main_server]
    try:
        admin_server = None
        if live.admin_port is not None:
            admin_server = BoundServer(live, host=live.admin_host or live.host, port=live.admin_port, threads=2)
            servers.append(admin_server)
            live = dataclasses.replace(live, admin_port=admin_server.port)
        live = _bound_settings(live, settings, main_server.port)
        main_server.mount(create_app(live, session_factory=session_factory))
        _steady_gc()
        if admin_server is not None:
            admin_server.mount(create_admin_only_app(live, session_factory=session_factory))
            print(f"Admin service on {admin_server.url}/admin/service.asmx", flush=True)
            admin_server.start()
        if announce is not None:
            announce(live)
        print(f"Serving on {main_server.url}", flush=True)
        _run_until_signal(main_server)
    finally:
        for server in reversed(servers):
            server.stop()
        engine.dispose()
    print("Stopped", flush=True)
    return 0


def _with_address(settings: Settings, host: str | None, port: int | None, threads: int | None) -> Settings:
    return dataclasses.replace(
        settings,
        host=host if host is not None else settings.host,
        port=port if port is not None else settings.port,
        threads=threads if threads is not None else settings.threads,
    )


def _bound_settings(live: Settings, configured: Settings, bound_port: int) -> Settings:
    """The settings for the real address: a public URL that was only derived from host and port follows them."""
    derived = configured.public_url == derived_public_url(configured.host, configured.port)
    public_url = derived_public_url(live.host, bound_port) if derived else live.public_url
    return dataclasses.replace(live, port=bound_port, public_url=public_url)


def _steady_gc() -> None:
    """(bench/README.md) Every gen-2 collection would rescan what start-up built (Spyne's types, SQLAlchemy's
    mappers); with Spyne's forced collection every second (switched off by the goods-owner app), about a third of
    the CPU of GetOrdersByQuery of 100 orders. Freeze that."""
    gc.collect()
    gc.freeze()


def _run_until_signal(server: Any) -> None:
    """Serve in this thread; SIGTERM ends the loop the way Ctrl-C does (waitress finishes its running requests)."""
    if threading.current_thread() is not threading.main_thread():
        server.run()
        return

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)


# -- wsdl -----------------------------------------------------------------------------------------------------------

def add_wsdl(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("wsdl", help="write the generated WSDL and XSD (wsdl/, schema/) to a directory",
                                   description="Write wsdl/service.wsdl and schema/service.xsd (and the admin "
                                               "WSDL) as this server publishes them.")
    parser.add_argument("--out", type=Path, default=Path.cwd(), help="directory to write into (default: here)")
    parser.set_defaults(handler=run_wsdl)


def run_wsdl(args: argparse.Namespace, settings: Settings) -> int:
    from wms_soap.app import write_contracts  # the faces only when needed: see serve()

    for path in write_contracts(settings, args.out):
        print(f"Wrote {path}")
    return 0


# -- the command table ----------------------------------------------------------------------------------------------

def add_api_user(subparsers: Subparsers) -> None:
    commands = cli_access.add_api_user(subparsers)
    cli_security.add_unlock_parser(commands)


COMMANDS: list[Callable[[Subparsers], None]] = [
    add_init,
    add_serve,
    add_demo,
    cli_access.add_goods_owner,
    add_api_user,
    cli_access.add_automation_user,
    cli_access.add_admin_user,
    add_wsdl,
    cli_warehouse.add_parsers,
    cli_security.add_parsers,
    cli_registers.add_parsers,
    cli_events.add_parsers,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wms-soap", description="A goods-owner SOAP server wire-compatible with Ongoing WMS.",
        epilog="Settings come from WMS_* environment variables and, with --config, a TOML file (see README).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", type=Path, metavar="PATH", help="a TOML file of settings (keys as in WMS_*, "
                                                                      "lower case, without the prefix)")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 failed, 2 bad usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        settings = load_settings(config_file=args.config)
        _configure_logging(settings)
        handler: Handler = args.handler
        return handler(args, settings)
    except SystemExit as stop:
        return _exit_status(stop)
    except WmsError as error:
        return _fail(str(error))
    except SQLAlchemyError as error:
        return _fail(f"database error: {_first_line(error)}")
    except OSError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


def _exit_status(stop: SystemExit) -> int:
    if stop.code is None or isinstance(stop.code, int):
        return stop.code or 0
    return _fail(str(stop.code), 2)


def _fail(message: str, status: int = 1) -> int:
    print(f"wms-soap: error: {message}", file=sys.stderr)
    return status


def _first_line(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


def _safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _configure_logging(settings: Settings) -> None:
    """wms-soap's own loggers at the configured level; the libraries' chatter (Alembic, Spyne) only from WARNING,
    unless DEBUG was asked for."""
    library_level = logging.DEBUG if settings.log_level == "DEBUG" else logging.WARNING
    logging.basicConfig(level=library_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("wms_soap").setLevel(settings.log_level)
