"""The goods-owner SOAP mount alone on a real waitress (port 0), for the contract and lenient-input tests.

The port is bound first so that the WSDL, built once at start-up, publishes the address the server really has.
"""

import dataclasses
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from waitress import wasyncore
from waitress.server import create_server

from wms_soap.config import Settings, load_settings
from wms_soap.soap.service.wsgi import GoodsOwnerSoapApp, create_goods_owner_app, service_url

SOAP11_CONTENT_TYPE = "text/xml; charset=utf-8"
SOAP12_CONTENT_TYPE = "application/soap+xml; charset=utf-8"


@dataclass(frozen=True)
class SoapServer:
    url: str
    """The service address, ``http://127.0.0.1:<port>/<warehouse>/service.asmx``."""
    settings: Any
    app: Any

    def post(self, body: bytes, *, soap_action: str | None = None, content_type: str = SOAP11_CONTENT_TYPE,
             path: str | None = None) -> requests.Response:
        headers = {"Content-Type": content_type}
        if soap_action is not None:
            headers["SOAPAction"] = soap_action
        return requests.post(path or self.url, data=body, headers=headers, timeout=30)


def wire_only_settings(data_dir: Path) -> Settings:
    """Settings for a mount that never touches the database (``contract_only`` servers with recording handlers)."""
    return load_settings(env={"WMS_DATA_DIR": str(data_dir), "WMS_DATABASE_URL": "sqlite://"})


def no_database() -> sessionmaker[Session]:
    """A session factory on an empty in-memory database, for handlers that never use ``call.session``."""
    return sessionmaker(create_engine("sqlite://"))


def _not_ready(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting\n"]


@contextmanager
def serve_soap(settings: Any, session_factory: Any, *, contract_only: bool = False,
               **app_options: Any) -> Iterator[SoapServer]:
    """Serve ``create_goods_owner_app`` (or, with ``contract_only``, the mount without the security edge and
    with the given ``handler_map``/``auth_hook``) until the block ends."""
    with serve_wsgi(_not_ready) as server:
        settings = dataclasses.replace(settings, public_url=f"http://127.0.0.1:{server.effective_port}")
        app: Any
        if contract_only:
            app = GoodsOwnerSoapApp(settings, session_factory, with_edge=False, **app_options)
        else:
            app = create_goods_owner_app(settings, session_factory)
        server.application = app
        yield SoapServer(url=service_url(settings), settings=settings, app=app)


@contextmanager
def serve_wsgi(app: Any) -> Iterator[Any]:
    """A real waitress on port 0 serving ``app`` (its ``application`` may be replaced) until the block ends."""
    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    stop = threading.Event()
    thread = threading.Thread(target=_serve_until, args=(server, stop), name="soap-test-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.trigger.pull_trigger(stop.set)  # runs in the loop's thread: nothing closes the trigger before that
        thread.join(timeout=10)
        assert not thread.is_alive(), "the test server did not stop"


def _serve_until(server: Any, stop: threading.Event) -> None:
    """waitress's loop, closed from its own thread (closing sockets from another thread races with select), after
    the worker threads have finished what they were writing."""
    while not stop.is_set():
        wasyncore.loop(timeout=1, map=server._map, count=1)
    server.task_dispatcher.shutdown()
    wasyncore.close_all(server._map)
