"""The WSGI mount of the goods-owner SOAP face: SOAP 1.1 and 1.2 on one URL, the WSDL built once.

``app.py`` routes ``/{warehouse}/service.asmx`` and ``/service.asmx`` here. A POST with ``Content-Type:
application/soap+xml`` goes to the SOAP 1.2 application, anything else (SOAP 1.1, ``GET ?WSDL`` / ``?wsdl``) to
the SOAP 1.1 one. The WSDL address comes from ``settings.public_url``: a request's Host header never changes it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from lxml import etree
from spyne import Application
from spyne import const as spyne_const
from spyne.server.wsgi import WsgiApplication
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.soap import wsdl
from wms_soap.soap.auth import SoapEdge, authenticate_call, harden_wsgi
from wms_soap.soap.fastxml import fast_out_protocol
from wms_soap.soap.primitives import TNS
from wms_soap.soap.protocol import GoodsOwnerSoap11, GoodsOwnerSoap12
from wms_soap.soap.service import handlers  # noqa: F401  (registers every handler)
from wms_soap.soap.service.answer_cache import answer_cache_for
from wms_soap.soap.service.contract import OPERATIONS
from wms_soap.soap.service.dispatch import AuthHook, Handler
from wms_soap.soap.service.methods import build_service
from wms_soap.soap.service.request import ServiceRequest

if TYPE_CHECKING:
    from wms_soap.config import Settings

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
REQUEST_KEY = "wms_soap.soap.request"
"""The WSGI environ key of the request's ``ServiceRequest`` (also in Spyne's ``ctx.udc``)."""
PORT_TYPE_NAME = "ServiceSoap"
_ADDRESS_PLACEHOLDER = "http://wms-soap.invalid/service.asmx"
_wsdl_template: bytes | None = None
_wsdl_lock = threading.Lock()


def service_url(settings: Settings) -> str:
    """The address published in the WSDL: ``<public_url>/<warehouse>/service.asmx``."""
    base = settings.public_url.rstrip("/")
    if base.lower().endswith(".asmx"):
        return base
    return f"{base}/{settings.warehouse}/service.asmx" if settings.warehouse else f"{base}/service.asmx"


def _application(service: Any, protocol: Any, edge: SoapEdge | None, name: str) -> Application:
    """One Spyne application per SOAP version; the names differ only because Spyne keeps a global registry of
    applications by (namespace, name). The published WSDL is the SOAP 1.1 one's (``ServiceSoap``).

    ``validator=None`` on input, on purpose: ASMX reads leniently, and Spyne's soft validation refuses what real
    clients send (``<X/>`` strings, ``xsi:nil`` filters, missing required value elements); lxml validation refuses
    any element order and unknown elements. Values that cannot be read at all still give a Client fault; the
    services check the rules. ``polymorphic=True`` on output writes derived types with ``xsi:type``."""
    extra = {"auth": edge} if edge is not None else {}
    return Application([service], tns=TNS, name=name,
                       in_protocol=protocol(validator=None, **extra),
                       out_protocol=fast_out_protocol(protocol)(polymorphic=True, **extra))


class GoodsOwnerSoapApp:
    """Both Spyne applications behind one WSGI callable; one ``ServiceRequest`` (one unit of work) per request."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session] | None, *,
                 with_edge: bool = True, handler_map: Mapping[str, Handler] | None = None,
                 auth_hook: AuthHook | None = None) -> None:
        """``with_edge=False`` (WSDL export, contract tests) leaves out the security edge and its hook; then
        ``auth_hook`` alone decides who is calling."""
        self.settings = settings
        self.session_factory = session_factory
        self.answers = answer_cache_for(settings.answer_cache_mb)
        """Serialized single-order answers (``answer_cache``), shared by both SOAP versions' applications."""
        _no_forced_gc()
        service = build_service(handler_map, auth_hook=authenticate_call if with_edge else auth_hook)
        edge = SoapEdge(settings, session_factory) if with_edge and session_factory else None
        limit = settings.max_body_bytes  # Spyne's own default cap (2 MiB) would otherwise undercut it
        self.soap11 = WsgiApplication(_application(service, GoodsOwnerSoap11, edge, PORT_TYPE_NAME),
                                      max_content_length=limit)
        self.soap12 = WsgiApplication(_application(service, GoodsOwnerSoap12, edge, f"{PORT_TYPE_NAME}12"),
                                      max_content_length=limit)
        for server in (self.soap11, self.soap12):
            server.event_manager.add_listener("wsgi_call", _attach_request)
        self.wsdl = self._published_wsdl(service_url(settings))

    def _published_wsdl(self, url: str) -> bytes:
        """The WSDL with ``url`` as address. The document does not depend on anything else, and building it takes
        Spyne a second, so it is built once per process with a placeholder address that is then replaced."""
        global _wsdl_template
        with _wsdl_lock:
            if _wsdl_template is None:
                _wsdl_template = self._build_wsdl(_ADDRESS_PLACEHOLDER)
        address = escape(url, {'"': "&quot;"})
        return _wsdl_template.replace(f'location="{_ADDRESS_PLACEHOLDER}"'.encode(), f'location="{address}"'.encode())

    def _build_wsdl(self, url: str) -> bytes:
        bare = [op.name for op in OPERATIONS if op.bare_messages]

        def finish(document: Any) -> None:
            wsdl.finish(document.root_elt, bare)
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
        request = ServiceRequest(self.settings, self.session_factory, client_addr=environ.get("REMOTE_ADDR"),
                                 answers=self.answers, soap12=soap12)
        environ[REQUEST_KEY] = request
        try:
            return list((self.soap12 if soap12 else self.soap11)(environ, start_response))
        finally:
            request.close()


def _no_forced_gc() -> None:
    """Spyne runs a full ``gc.collect()`` after a request at most once a second; with the 700 contract classes
    loaded that stalls one request in every second for ~0.4 s. Python's own generational GC stays on."""
    spyne_const.MIN_GC_INTERVAL = float("inf")


def _is_wsdl_request(environ: dict[str, Any]) -> bool:
    """``GET ...?WSDL`` / ``?wsdl`` (what Spyne answers with its own, Host-derived, document otherwise)."""
    query = str(environ.get("QUERY_STRING") or "").split("=", 1)[0].split("&", 1)[0]
    path = str(environ.get("PATH_INFO") or "")
    return environ.get("REQUEST_METHOD") == "GET" and (query.lower() == "wsdl" or path.endswith(".wsdl"))


def _attach_request(ctx: Any) -> None:
    ctx.udc = ctx.transport.req_env[REQUEST_KEY]


def create_goods_owner_app(settings: Settings, session_factory: sessionmaker[Session]) -> WsgiApp:
    """The goods-owner SOAP WSGI app (hardened by the security edge when it exists)."""
    return harden_wsgi(GoodsOwnerSoapApp(settings, session_factory), settings)
