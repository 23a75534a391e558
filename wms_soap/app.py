"""The WSGI application: a small router in front of the faces. Nothing happens at import time.

    /health                                 JSON {status, database, version}; 200, or 503 when the database is down
    /{warehouse}/service.asmx, /service.asmx  goods-owner SOAP (wms_soap.soap.service.wsgi)
    /admin/service.asmx                     admin SOAP (wms_soap.soap.admin), unless it has its own address

Paths are matched without regard to case, as IIS does for ASMX services.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from wms_soap import __version__
from wms_soap.config import Settings
from wms_soap.soap.admin import ADMIN_PATH, create_admin_app, write_admin_wsdl
from wms_soap.soap.service.wsdl_export import write_contract
from wms_soap.soap.service.wsgi import create_goods_owner_app
from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import check_schema

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def create_app(settings: Settings, *, session_factory: sessionmaker[Session] | None = None) -> WsgiApp:
    """The WSGI callable for ``settings``; raises SchemaOutOfDate when the database needs ``wms-soap init``."""
    if session_factory is None:
        session_factory = make_session_factory(create_engine_for(settings.database_url))
    check_schema(_engine_of(session_factory))
    routes: dict[str, WsgiApp] = {"/health": HealthApp(session_factory)}
    goods_owner = create_goods_owner_app(settings, session_factory)
    routes["/service.asmx"] = goods_owner
    if settings.warehouse:
        routes[f"/{settings.warehouse}/service.asmx".lower()] = goods_owner
    if settings.admin_port is None:
        routes[ADMIN_PATH] = create_admin_app(settings, session_factory)
    return Router(routes)


def create_admin_only_app(settings: Settings, *, session_factory: sessionmaker[Session]) -> WsgiApp:
    """The admin service alone, for its own address (``admin_port``), with ``/health``."""
    check_schema(_engine_of(session_factory))
    routes: dict[str, WsgiApp] = {"/health": HealthApp(session_factory), ADMIN_PATH: create_admin_app(settings,
                                                                                                  session_factory)}
    return Router(routes)


def write_contracts(settings: Settings, out_dir: Path) -> list[Path]:
    """Write every face's published contract under ``out_dir`` (``wms-soap wsdl``); returns the paths written."""
    return [*write_contract(settings, out_dir), write_admin_wsdl(settings, out_dir)]


def _engine_of(session_factory: sessionmaker[Session]) -> Engine:
    bind = session_factory.kw.get("bind")
    if not isinstance(bind, Engine):
        raise TypeError("the session factory must be bound to an Engine (store.db.make_session_factory)")
    return bind


class Router:
    """Dispatches on the exact path; anything else is a plain 404."""

    def __init__(self, routes: dict[str, WsgiApp]) -> None:
        self.routes = {path.lower(): app for path, app in routes.items()}

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = (environ.get("PATH_INFO") or "/").lower()
        app = self.routes.get(path) or self.routes.get(path.rstrip("/"))
        if app is None:
            return _plain(start_response, "404 Not Found", b"Not Found\n")
        return app(environ, start_response)


class HealthApp:
    """``GET /health``: whether this process can reach its database."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self.session_factory = session_factory

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return _plain(start_response, "405 Method Not Allowed", b"Method Not Allowed\n", [("Allow", "GET, HEAD")])
        database_ok = self._database_answers()
        body = json.dumps({
            "status": "ok" if database_ok else "unavailable",
            "database": "ok" if database_ok else "unreachable",
            "version": __version__,
        }).encode()
        status = "200 OK" if database_ok else "503 Service Unavailable"
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                                ("Cache-Control", "no-store")])
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]

    def _database_answers(self) -> bool:
        try:
            with self.session_factory() as session:
                session.execute(text("SELECT 1"))
        except Exception:
            log.warning("Health check: the database does not answer", exc_info=True)
            return False
        return True


def _plain(start_response: StartResponse, status: str, body: bytes,
           headers: list[tuple[str, str]] | None = None) -> list[bytes]:
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body))),
                            *(headers or [])])
    return [body]
