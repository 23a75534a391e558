"""The admin SOAP service (``urn:wms-soap:admin:1``): goods owners' API access, API users, automation and admin
users, the credentials e-mail and the audit log. Served at ``/admin/service.asmx``, or on its own address when
``admin_port`` is set."""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spyne import Application
from spyne.server.wsgi import WsgiApplication
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.config import Settings
from wms_soap.soap.admin import wsdl
from wms_soap.soap.admin.edge import AdminEdge, AdminRequest
from wms_soap.soap.admin.service import AdminService
from wms_soap.soap.admin.types import TNS
from wms_soap.soap.auth import harden_wsgi
from wms_soap.soap.protocol import GoodsOwnerSoap11

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
ADMIN_PATH = "/admin/service.asmx"
PORT_TYPE_NAME = "AdminServiceSoap"
_REQUEST_KEY = "wms_soap.soap.admin.request"

__all__ = ["ADMIN_PATH", "admin_url", "build_admin_wsdl", "create_admin_app", "write_admin_wsdl"]


def admin_url(settings: Settings) -> str:
    """The address published in the admin WSDL: on the admin address when one is set, else under public_url."""
    if settings.admin_port is not None:
        host = settings.admin_host or settings.host
        return f"http://{host}:{settings.admin_port}{ADMIN_PATH}"
    return f"{settings.public_url.rstrip('/')}{ADMIN_PATH}"


def _application(edge: AdminEdge | None) -> Application:
    extra = {"auth": edge} if edge is not None else {}
    return Application([AdminService], tns=TNS, name=PORT_TYPE_NAME,
                       in_protocol=GoodsOwnerSoap11(validator=None, **extra),
                       out_protocol=GoodsOwnerSoap11(**extra))


def _build_wsdl(server: WsgiApplication, url: str) -> bytes:
    interface = server.doc.wsdl11
    interface.event_manager.add_listener("wsdl_document_built", lambda document: wsdl.finish(document.root_elt))
    interface.build_interface_document(url)
    document: bytes = interface.get_interface_document()
    return document


def build_admin_wsdl(settings: Settings) -> bytes:
    """The admin WSDL alone (no database, no security edge): for the committed snapshot."""
    return _build_wsdl(WsgiApplication(_application(None)), admin_url(settings))


def write_admin_wsdl(settings: Settings, out_dir: Path) -> Path:
    """Write the committed snapshot ``out_dir/wsdl/admin.wsdl``; returns its path."""
    path = out_dir / "wsdl" / "admin.wsdl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build_admin_wsdl(settings))
    return path


class AdminSoapApp:
    """The admin Spyne application behind a WSGI callable; one ``AdminRequest`` (and session) per request."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session]) -> None:
        self.settings = settings
        self.session_factory = session_factory
        self.server = WsgiApplication(_application(AdminEdge(settings, session_factory, face="admin",
                                                             namespace=TNS)))
        self.server.event_manager.add_listener("wsgi_call", _attach_request)
        self.wsdl = _build_wsdl(self.server, admin_url(settings))

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        request = AdminRequest(self.settings, self.session_factory, client_addr=environ.get("REMOTE_ADDR"))
        environ[_REQUEST_KEY] = request
        try:
            return list(self.server(environ, start_response))
        finally:
            request.close()


def _attach_request(ctx: Any) -> None:
    ctx.udc = ctx.transport.req_env[_REQUEST_KEY]


def create_admin_app(settings: Settings, session_factory: sessionmaker[Session]) -> WsgiApp:
    """The admin SOAP WSGI app: SOAP 1.1 document/literal, ``GET ?wsdl`` serves the WSDL built at start-up."""
    return harden_wsgi(AdminSoapApp(settings, session_factory), settings)
