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
from spyne.const.xml import DEFAULT_NS, NS_XSD, NS_XSI
from spyne.model.primitive import DateTime

ENVELOPE_PREFIX = "soap"
XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>'
"""ASMX's declaration (lxml would write ``<?xml version='1.0' encoding='UTF-8'?>``)."""
_XSI_TYPE = f"{{{NS_XSI}}}type"
_MARK = "wms-body"


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
            self.to_parent(ctx, ctx.out_error.__class__, ctx.out_error, ctx.out_body_doc,  # type: ignore[attr-defined]
                           self.app.interface.get_tns())  # type: ignore[attr-defined]
        else:
            self.write_response(ctx, ctx.out_body_doc, *response_root(self, ctx))
            for child in list(ctx.out_body_doc):
                in_default_namespace(child)
        self.event_manager.fire_event("after_serialize", ctx)

    def write_response(self, ctx: Any, body: etree._Element, cls: Any, inst: Any, ns: str | None, name: str) -> None:
        self.to_parent(ctx, cls, inst, body, ns, name)  # type: ignore[attr-defined]

    def create_out_string(self, ctx: Any, charset: str | None = None) -> None:
        ctx.out_string = [answer_bytes(ctx.out_document)]


