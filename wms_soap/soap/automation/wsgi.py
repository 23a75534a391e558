"""The WSGI mount of the Automation API: SOAP 1.1 and 1.2 on one URL, the WSDL built once from the models.

``app.py`` routes ``/{warehouse}/Automation.asmx`` and ``/Automation.asmx`` here. A POST with ``Content-Type:
application/soap+xml`` goes to the SOAP 1.2 application, anything else (SOAP 1.1, ``GET ?WSDL``) to the SOAP 1.1
one. The same hardened protocols and security edge as ``Service.asmx`` (``soap.protocol``, ``soap.auth``, face
``automation``); the WSDL address comes from ``settings.public_url``, never from a request's Host header.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from spyne import Application
from spyne.server.wsgi import WsgiApplication
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.soap import wsdl
from wms_soap.soap.auth import SoapEdge, harden_wsgi
from wms_soap.soap.automation import handlers  # noqa: F401  (registers every handler)
from wms_soap.soap.automation.dispatch import ErrorTypes, Handler
from wms_soap.soap.automation.methods import build_service
from wms_soap.soap.automation.types.common import NS
from wms_soap.soap.context import RequestContext
from wms_soap.soap.protocol import GoodsOwnerSoap11, GoodsOwnerSoap12

if TYPE_CHECKING:
    from wms_soap.config import Settings

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
PATH = "/Automation.asmx"
PORT_TYPE_NAME = "AutomationSoap"
_REQUEST_KEY = "wms_soap.soap.automation.request"


def automation_url(settings: Settings) -> str:
    """The address published in the WSDL: ``<public_url>/<warehouse>/Automation.asmx``."""
    base = settings.public_url.rstrip("/")
    return f"{base}/{settings.warehouse}{PATH}" if settings.warehouse else f"{base}{PATH}"


def _application(service: Any, protocol: Any, edge: SoapEdge | None, name: str) -> Application:
    """One Spyne application per SOAP version (Spyne keeps applications by namespace and name, hence two names).
    ``validator=None``: lenient input, as ASMX reads; the services check the values."""
    extra = {"auth": edge} if edge is not None else {}
    return Application([service], tns=NS, name=name, in_protocol=protocol(validator=None, **extra),
                       out_protocol=protocol(**extra))


class AutomationSoapApp:
    """Both Spyne applications behind one WSGI callable; one ``RequestContext`` (the request's unit of work) per
    request, closed once the answer is written."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session] | None, *,
                 handler_map: Mapping[str, tuple[Handler, ErrorTypes]] | None = None) -> None:
        """Without a ``session_factory`` (WSDL export) there is no security edge and no call is served."""
        self.settings = settings
        self.session_factory = session_factory
        service = build_service(handler_map)
        edge = SoapEdge(settings, session_factory, face="automation", namespace=NS) if session_factory else None
        limit = settings.max_body_bytes
        self.soap11 = WsgiApplication(_application(service, GoodsOwnerSoap11, edge, PORT_TYPE_NAME),
                                      max_content_length=limit)
        self.soap12 = WsgiApplication(_application(service, GoodsOwnerSoap12, edge, f"{PORT_TYPE_NAME}12"),
                                      max_content_length=limit)
        for server in (self.soap11, self.soap12):
            server.event_manager.add_listener("wsgi_call", _attach_request)
        self.wsdl = self._build_wsdl(automation_url(settings))

    def _build_wsdl(self, url: str) -> bytes:
        def finish(document: Any) -> None:
            wsdl.finish(document.root_elt, namespace=NS)
            etree.indent(document.root_elt, space="  ")

        interface = self.soap11.doc.wsdl11
        interface.event_manager.add_listener("wsdl_document_built", finish)
        interface.build_interface_document(url)
        document: bytes = interface.get_interface_document()
        return document

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if _is_wsdl_request(environ):
            start_response("200 OK", [("Content-Type", "text/xml; charset=utf-8"),
                                      ("Content-Length", str(len(self.wsdl)))])
            return [self.wsdl]
        assert self.session_factory is not None, "a contract-only app serves no calls"
        soap12 = environ.get("REQUEST_METHOD") == "POST" and environ.get("CONTENT_TYPE", "").lower().startswith(
            "application/soap+xml")
        request = RequestContext(self.settings, self.session_factory, client_addr=environ.get("REMOTE_ADDR"))
        environ[_REQUEST_KEY] = request
        try:
            return list((self.soap12 if soap12 else self.soap11)(environ, start_response))
        finally:
            request.close()


def _is_wsdl_request(environ: dict[str, Any]) -> bool:
    query = str(environ.get("QUERY_STRING") or "").split("=", 1)[0].split("&", 1)[0]
    return environ.get("REQUEST_METHOD") == "GET" and query.lower() == "wsdl"


def _attach_request(ctx: Any) -> None:
    ctx.udc = ctx.transport.req_env[_REQUEST_KEY]


def create_automation_app(settings: Settings, session_factory: sessionmaker[Session]) -> WsgiApp:
    """The Automation SOAP WSGI app, hardened like Service.asmx (body cap, opaque Server faults)."""
    return harden_wsgi(AutomationSoapApp(settings, session_factory), settings)


def write_automation_wsdl(settings: Settings, out_dir: Path) -> Path:
    """Write the committed snapshot ``out_dir/wsdl/automation.wsdl`` (``wms-soap wsdl``); returns its path."""
    path = out_dir / "wsdl" / "automation.wsdl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(AutomationSoapApp(settings, None).wsdl)
    return path
