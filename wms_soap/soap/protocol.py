"""The hardened SOAP 1.1 / 1.2 protocols of the goods-owner face.

Spyne's Soap11/Soap12 crash on an empty body and on a DTD (waitress then answers a plain-text 500), ignore
``mustUnderstand`` and the SOAPAction, and validate the body before any authentication could run. These subclasses:

- leave elements of a foreign or no namespace unbound, as ASMX does (``unbind_foreign_elements``), and read a nil
  operation element (SOAP::Lite marks every parameterless call so) as an empty request;
- refuse an empty request and any DOCTYPE/ENTITY with a SOAP Client fault (the raw bytes are scanned before parsing,
  and the parsed document is checked again); accept ``encoding="utf-16"`` declared over a UTF-8 body, as Ongoing's own
  Postman samples send it;
- answer a ``MustUnderstand`` fault for a header aimed at us that we do not understand (only ``wsse:Security`` is);
- with an edge (``auth=SoapEdge``), check the SOAPAction and authenticate (wsse:Security header or body credentials)
  in ``decompose_incoming_envelope``, before the body is validated or deserialized;
- write every answer and fault in ASMX's shape (``envelope.AsmxAnswers``), fault codes included:
  ``wsse:FailedAuthentication`` as a real QName, SOAP 1.2 ``MustUnderstand`` and namespace-qualified Subcodes;
- read ``base64Binary`` strictly (whitespace allowed, as in MIME line breaks): Spyne drops characters outside the
  alphabet without a word and crashes on bad padding; both are a ``Client.InvalidBase64`` fault here.
"""

import binascii
import re
from typing import Any, Protocol

from lxml import etree
from spyne import Fault
from spyne.protocol.soap import Soap11, Soap12
from spyne.protocol.soap.soap11 import _from_soap

from wms_soap.security.wssecurity import SECURITY_TAG
from wms_soap.soap.envelope import AsmxAnswers

_UNDERSTOOD_HEADERS = frozenset({SECURITY_TAG})
_NEXT_ACTORS_11 = {None, "", "http://schemas.xmlsoap.org/soap/actor/next"}
_NEXT_ROLES_12 = {
    None,
    "",
    "http://www.w3.org/2003/05/soap-envelope/role/next",
    "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
}
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", b"<\x00!\x00D\x00O\x00C", b"\x00<\x00!\x00D\x00O\x00C")
_UTF16_DECLARATION = re.compile(rb"^(\s*<\?xml[^>]*?encoding\s*=\s*['\"])utf-16(['\"])", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


class Edge(Protocol):
    """What the protocols call on the security edge (``soap.auth.SoapEdge``) of a face."""

    def install(self, app: Any) -> None:
        """Register the edge's listeners on the Spyne application the protocol serves."""

    def before_body(self, ctx: Any, header: list[etree._Element] | None, body: etree._Element) -> None:
        """Check the call (SOAPAction, credentials) before its body is validated or deserialized."""


class MustUnderstand(Fault):
    def __init__(self, tag: str) -> None:
        super().__init__("MustUnderstand", f"Header {tag} was not understood")


class _HardenedSoap:
    """The hardening shared by both SOAP versions (a mixin placed before Soap11/Soap12)."""

    ns_soap_env: str
    mu_attribute: str
    actor_attribute: str
    targeted_actors: set[str | None]

    def __init__(self, *args: Any, auth: Edge | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.auth = auth

    def set_app(self, value: Any) -> None:
        super().set_app(value)  # type: ignore[misc]
        if value is not None and self.auth is not None:
            self.auth.install(value)

    def create_in_document(self, ctx: Any, charset: str | None = None) -> None:
        method = getattr(getattr(ctx, "transport", None), "get_request_method", None)
        if method is not None and method() != "POST":
            super().create_in_document(ctx, charset)  # type: ignore[misc]  # Spyne answers 405
            return
        body = _utf8_declared(b"".join(_as_bytes(chunk) for chunk in ctx.in_string or ()))
        if not body.strip():
            raise Fault("Client.EmptyRequest", "The request body is empty")
        if b"!" in body and any(marker in body for marker in _DTD_MARKERS):
            raise Fault("Client.DTDNotAllowed", "DTDs are not allowed in SOAP messages")
        ctx.in_string = [body]
        super().create_in_document(ctx, charset)  # type: ignore[misc]
        docinfo = ctx.in_document[0].getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
            raise Fault("Client.DTDNotAllowed", "DTDs are not allowed in SOAP messages")

    def decompose_incoming_envelope(self, ctx: Any, message: Any = "request") -> None:
        root, xmlids = ctx.in_document
        header, body = _from_soap(root, xmlids, ns=self.ns_soap_env)
        if body is None:
            raise Fault("Client.EmptyRequest", "The SOAP Body is empty")
        self._check_must_understand(header)
        body.attrib.pop(_XSI_NIL, None)  # SOAP::Lite's <GetSystemStatus xsi:nil="true"/>: an empty request
        unbind_foreign_elements(body, self.app.interface.get_tns())  # type: ignore[attr-defined]
        if self.auth is not None:
            self.auth.before_body(ctx, header, body)
        self._take_parts(ctx, root, header, body, message)

    def _take_parts(self, ctx: Any, root: etree._Element, header: list[etree._Element] | None,
                    body: etree._Element, message: Any) -> None:
        """What Soap11.decompose_incoming_envelope (Soap12 inherits it) does with the envelope's parts, without
        looking them up a second time."""
        ctx.in_document = root
        if body.tag == f"{{{self.ns_soap_env}}}Fault":
            ctx.in_body_doc = body
            return
        ctx.in_header_doc = header
        ctx.in_body_doc = body
        ctx.method_request_string = body.tag
        self.validate_body(ctx, message)  # type: ignore[attr-defined]

    def byte_array_from_element(self, ctx: Any, cls: Any, element: etree._Element) -> tuple[bytes]:
        return (strict_base64(element.text or "", etree.QName(element).localname),)

    def _check_must_understand(self, header: list[etree._Element] | None) -> None:
        for element in header or ():
            must = (element.get(self.mu_attribute) or "").strip() in ("1", "true")
            aimed_at_us = element.get(self.actor_attribute) in self.targeted_actors
            if must and aimed_at_us and element.tag not in _UNDERSTOOD_HEADERS:
                raise MustUnderstand(element.tag)


def unbind_foreign_elements(operation: etree._Element, namespace: str) -> None:
    """Drop the operation element's descendants of another or no namespace, as ASMX leaves them unbound: their
    parameters stay null (no credentials: a logon failure), so an integration that forgets the namespace fails here
    as it would against Ongoing. The operation element itself is found by its local name."""
    for foreign in operation.xpath(".//*[namespace-uri() != $ns]", ns=namespace):
        parent = foreign.getparent()
        if parent is not None:
            parent.remove(foreign)


def strict_base64(text: str, element_name: str) -> bytes:
    """Decode base64 refusing anything but the alphabet, ``=`` padding and whitespace."""
    try:
        return binascii.a2b_base64("".join(text.split()).encode("ascii"), strict_mode=True)
    except (binascii.Error, UnicodeEncodeError):
        raise Fault("Client.InvalidBase64", f"{element_name} is not valid base64") from None


def _as_bytes(chunk: bytes | str) -> bytes:
    return chunk.encode("utf-8") if isinstance(chunk, str) else chunk


def _utf8_declared(body: bytes) -> bytes:
    """Rewrite ``encoding="utf-16"`` to utf-8 when the bytes plainly are not UTF-16 (no BOM, ASCII ``<?xml``)."""
    if body.startswith(_UTF16_BOMS) or not _UTF16_DECLARATION.match(body):
        return body
    return _UTF16_DECLARATION.sub(rb"\1utf-8\2", body, count=1)


class GoodsOwnerSoap11(_HardenedSoap, AsmxAnswers, Soap11):
    """SOAP 1.1 in/out protocol of the goods-owner face."""

    mu_attribute = f"{{{Soap11.ns_soap_env}}}mustUnderstand"
    actor_attribute = f"{{{Soap11.ns_soap_env}}}actor"
    targeted_actors = _NEXT_ACTORS_11


class GoodsOwnerSoap12(_HardenedSoap, AsmxAnswers, Soap12):
    """SOAP 1.2 in/out protocol of the goods-owner face."""

    mu_attribute = f"{{{Soap12.ns_soap_env}}}mustUnderstand"
    actor_attribute = f"{{{Soap12.ns_soap_env}}}role"
    targeted_actors = _NEXT_ROLES_12
