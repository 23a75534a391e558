"""Every answer in the shape ASMX writes it, for every SOAP face (goods owner, admin, automation).

Ongoing's ASMX answers

    <?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap=".." xmlns:xsi=".." xmlns:xsd=".."><soap:Body>
    <ProcessOrderResponse xmlns="http://ongoingsystems.se/WSI"><ProcessOrderResult>..<Success>true</Success>..

with the prefix ``soap`` for both envelope namespaces (1.1 and 1.2), xsi and xsd declared on the Envelope, and the
body element in the default namespace, so no body element has a prefix. Integrations that read answers as text
(``<Success>true</Success>``, ``soap:Fault``) rely on it; namespace-aware clients do not notice. ``AsmxAnswers``
is the mixin, placed before Spyne's Soap11/Soap12, that writes that shape for answers and faults; the fast
serializer (``fastxml``) writes the same bytes between ``frame()``'s head and tail. Both write every dateTime
without an offset (``without_offset``).
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

from lxml import etree
from spyne import BODY_STYLE_WRAPPED
from spyne.const.xml import DEFAULT_NS, NS_SOAP11_ENV, NS_XSD, NS_XSI
from spyne.model.primitive import DateTime

from wms_soap.security.wssecurity import WSSE

ENVELOPE_PREFIX = "soap"
XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>'
"""ASMX's declaration (lxml would write ``<?xml version='1.0' encoding='UTF-8'?>``)."""
_XSI_TYPE = f"{{{NS_XSI}}}type"
_MARK = "wms-body"
QUALIFIED_CODES = {"FailedAuthentication": ("wsse", WSSE)}
"""Fault code names of another namespace than the service's: written ``wsse:FailedAuthentication``."""
SOAP12_CODES = frozenset({"MustUnderstand", "VersionMismatch", "DataEncodingUnknown"})
CODE_PREFIX = "tns"
"""The prefix of the service's namespace in a SOAP 1.2 Subcode value (declared on the Value element)."""


def envelope_nsmap(ns_soap_env: str) -> dict[str, str]:
    """The Envelope's declarations, in ASMX's order: soap, xsi, xsd."""
    return {ENVELOPE_PREFIX: ns_soap_env, "xsi": NS_XSI, "xsd": NS_XSD}


def new_envelope(ns_soap_env: str) -> tuple[etree._Element, etree._Element]:
    """(Envelope, Body) of an answer."""
    envelope = etree.Element(f"{{{ns_soap_env}}}Envelope", nsmap=envelope_nsmap(ns_soap_env))
    return envelope, etree.SubElement(envelope, f"{{{ns_soap_env}}}Body")


@functools.cache
def frame(ns_soap_env: str) -> tuple[bytes, bytes]:
    """The answer's text before and after the body element (the same for every answer of one SOAP version)."""
    envelope, body = new_envelope(ns_soap_env)
    etree.SubElement(body, _MARK)
    head, tail = etree.tostring(envelope, encoding="utf-8").split(f"<{_MARK}/>".encode())
    return XML_DECLARATION + head, tail


def answer_bytes(envelope: etree._Element) -> bytes:
    """The answer's bytes: ASMX's declaration, then the Envelope as lxml writes it (UTF-8)."""
    return XML_DECLARATION + etree.tostring(envelope, encoding="utf-8")


def in_default_namespace(element: etree._Element) -> etree._Element:
    """Put ``element`` (a child of the Body) in place again, declaring its namespace as the default one: it and
    every descendant of that namespace lose their prefix. lxml re-homes the moved children onto the new
    declaration. An ``xsi:type`` naming a type of that namespace loses its prefix too, as .NET writes it."""
    namespace = etree.QName(element).namespace
    parent = element.getparent()
    if namespace is None or parent is None or element.prefix is None:
        return element
    replacement = etree.Element(element.tag, element.attrib, nsmap={None: namespace})
    replacement.text = element.text
    replacement.extend(list(element))
    parent.replace(element, replacement)
    _unprefix_xsi_types(replacement, namespace)
    return replacement


def _unprefix_xsi_types(element: etree._Element, namespace: str) -> None:
    for typed in element.iterfind(f".//*[@{_XSI_TYPE}]"):
        prefix, _, name = typed.get(_XSI_TYPE, "").rpartition(":")
        if prefix and typed.nsmap.get(prefix) in (namespace, None):
            typed.set(_XSI_TYPE, name)


def without_offset(moment: datetime) -> datetime:
    """The one dateTime rule of every answer: no offset, as ASMX writes a stored DateTime. A value without one (as
    a client sent it) stays as it is; an aware one is written as its UTC wall-clock time."""
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


def _datetime_text(cls: Any, value: Any) -> str:
    return (without_offset(value) if isinstance(value, datetime) else value).isoformat()


def response_root(protocol: Any, ctx: Any) -> tuple[Any, Any, str | None, str]:
    """What Spyne's Soap11.serialize writes into the Body for an answer: (class, instance, namespace, name)."""
    message_cls = ctx.descriptor.out_message
    if ctx.descriptor.body_style is BODY_STYLE_WRAPPED:
        out_object = message_cls()
        attrs = protocol.get_cls_attrs(message_cls)
        values = list(ctx.out_object or ())
        for index, key in enumerate(message_cls._type_info):
            out_object._safe_set(key, values[index] if index < len(values) else None, message_cls, attrs)
        return message_cls, out_object, message_cls.get_namespace(), message_cls.get_type_name()
    sub_ns = message_cls.Attributes.sub_ns
    if sub_ns is None:
        sub_ns = message_cls.get_namespace()
    if sub_ns is DEFAULT_NS:
        sub_ns = protocol.app.interface.get_tns()
    return message_cls, ctx.out_object[0], sub_ns, message_cls.Attributes.sub_name or message_cls.get_type_name()


def fault_element(fault: Any, ns_soap_env: str, tns: str) -> etree._Element:
    """A SOAP fault as ASMX writes it (``detail`` always there, no empty actor or role), its code from Spyne's
    dotted ``faultcode`` (``Client.NotFound``). SOAP 1.2 Subcode values are QNames of the service's namespace
    (``tns:NotFound``): JAX-WS refuses a fault whose Subcode is an unqualified name."""
    code = str(getattr(fault, "faultcode", None) or "Server")
    text = str(getattr(fault, "faultstring", None) or "")
    actor = getattr(fault, "faultactor", None)
    if ns_soap_env == NS_SOAP11_ENV:
        return _soap11_fault(code, text, actor, tns)
    return _soap12_fault(code, text, actor, tns, ns_soap_env)


def fault_answer(fault: Any, ns_soap_env: str, tns: str = "") -> bytes:
    """A whole fault answer, for the places that answer outside Spyne (the WSGI hardening)."""
    envelope, body = new_envelope(ns_soap_env)
    body.append(fault_element(fault, ns_soap_env, tns))
    return answer_bytes(envelope)


def _soap11_fault(code: str, text: str, actor: str | None, tns: str) -> etree._Element:
    element = etree.Element(f"{{{NS_SOAP11_ENV}}}Fault")
    qualified = QUALIFIED_CODES.get(code.rsplit(".", 1)[-1])
    faultcode = etree.SubElement(element, "faultcode", nsmap=dict([qualified]) if qualified else None)
    faultcode.text = f"{qualified[0]}:{code.rsplit('.', 1)[-1]}" if qualified else f"{ENVELOPE_PREFIX}:{code}"
    etree.SubElement(element, "faultstring").text = text
    if actor:
        etree.SubElement(element, "faultactor").text = actor
    etree.SubElement(element, "detail")
    return element


def _soap12_fault(code: str, text: str, actor: str | None, tns: str, ns: str) -> etree._Element:
    element = etree.Element(f"{{{ns}}}Fault")
    value, subcodes = _soap12_codes(code)
    parent = etree.SubElement(element, f"{{{ns}}}Code")
    etree.SubElement(parent, f"{{{ns}}}Value").text = f"{ENVELOPE_PREFIX}:{value}"
    for name in subcodes:
        parent = etree.SubElement(parent, f"{{{ns}}}Subcode")
        prefix, namespace = QUALIFIED_CODES.get(name, (CODE_PREFIX, tns))
        etree.SubElement(parent, f"{{{ns}}}Value", nsmap={prefix: namespace}).text = f"{prefix}:{name}"
    reason = etree.SubElement(etree.SubElement(element, f"{{{ns}}}Reason"), f"{{{ns}}}Text")
    reason.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    reason.text = text
    if actor:
        etree.SubElement(element, f"{{{ns}}}Role").text = actor
    etree.SubElement(element, f"{{{ns}}}Detail")
    return element


def _soap12_codes(code: str) -> tuple[str, list[str]]:
    """(the Code value, the Subcode names): Client -> Sender, Server -> Receiver, SOAP 1.2's own codes as they
    are; any other head becomes Receiver with the whole code as its Subcode."""
    head, _, rest = code.partition(".")
    subcodes = [name for name in rest.split(".") if name]
    if head in SOAP12_CODES:
        return head, subcodes
    if head in ("Client", "Server"):
        return ("Sender" if head == "Client" else "Receiver"), subcodes
    return "Receiver", [name for name in code.split(".") if name]


class AsmxAnswers:
    """Writes answers and faults in ASMX's shape (a mixin before Spyne's Soap11/Soap12; server side only).

    ``write_response`` writes the answer's element into the Body; the fast serializer overrides it.
    """

    soap_env = ENVELOPE_PREFIX
    """Spyne writes fault codes as ``<soap_env>:Client``: the prefix the Envelope declares."""
    ns_soap_env: str
    event_manager: Any
    RESPONSE: Any
    _to_unicode_handlers: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._to_unicode_handlers[DateTime] = _datetime_text  # Soap11's own writes value.isoformat()

    def serialize(self, ctx: Any, message: Any) -> None:
        if message is not self.RESPONSE:
            raise ValueError("only answers are written here")
        self.event_manager.fire_event("before_serialize", ctx)
        ctx.out_document, ctx.out_body_doc = new_envelope(self.ns_soap_env)
        if ctx.out_error is not None:
            ctx.out_body_doc.append(fault_element(ctx.out_error, self.ns_soap_env,
                                                  self.app.interface.get_tns()))  # type: ignore[attr-defined]
        else:
            self.write_response(ctx, ctx.out_body_doc, *response_root(self, ctx))
            for child in list(ctx.out_body_doc):
                in_default_namespace(child)
        self.event_manager.fire_event("after_serialize", ctx)

    def write_response(self, ctx: Any, body: etree._Element, cls: Any, inst: Any, ns: str | None, name: str) -> None:
        self.to_parent(ctx, cls, inst, body, ns, name)  # type: ignore[attr-defined]

    def create_out_string(self, ctx: Any, charset: str | None = None) -> None:
        ctx.out_string = [answer_bytes(ctx.out_document)]


