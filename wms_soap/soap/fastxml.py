"""A plan-based serializer for the hot read operations: the same bytes as Spyne's Soap11/Soap12, many times faster.

Spyne's ``to_parent`` costs 12-14 µs per element: it re-dispatches on the class, re-reads the class attributes and
walks generators for every element. A GetOrdersByQuery answer of 100 typical orders has about 67,000 elements
(more than half of them ``xsi:nil`` value elements the contract requires). ``fastxml_plans`` reads the per-type
facts once; this module writes instances with them, mirroring ``spyne.protocol.xml.XmlDocument`` rule for rule
(sequence order, base fields first, ``None`` replaced by the type's default, ``xsi:nil`` for a remaining ``None``
where the element must be written, left out otherwise):

- ``TextWriter`` builds the body as a string with ready-made tags (about 0.3 µs per element) and splices it into an
  Envelope that lxml serializes, so the declarations and prefixes are lxml's own;
- ``TreeWriter`` builds the same body with ``etree.SubElement`` (about 2 µs per element). It is the fallback when
  the text writer meets something it does not model: a derived instance that needs ``xsi:type``, an XML
  attribute, binary data, a value given as a list or dict, a character XML cannot carry. Such an element is
  handed to Spyne's own ``to_parent``, so the output stays identical.

``fast_out_protocol(GoodsOwnerSoap11)`` is the out protocol that uses them for ``FAST_OPERATIONS`` and leaves
everything else (other operations, faults, headers) to Spyne. A text body is also what the answer cache keeps
(``soap.service.answer_cache``): a handler that found its answer current there returns ``None``, and the cached body is
written between the Envelope's text before and after it, which is the same for every answer of one protocol and is
kept from the first text answer, so a cached answer builds no tree at all. ``tests/unit/test_fastxml.py`` compares
the bytes with Spyne's on random instances of every operation's result type.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Collection
from typing import Any

from lxml import etree
from spyne import BODY_STYLE_WRAPPED
from spyne.const.xml import DEFAULT_NS, NS_XSI
from spyne.protocol.soap import Soap11
from spyne.protocol.xml import NIL_ATTR

from wms_soap.soap.context import CachedBody, RequestContext
from wms_soap.soap.fastxml_plans import ARRAY, PRIMITIVE, SPYNE, Field, Planner

FAST_OPERATIONS = frozenset({
    "GetOrdersByQuery",
    "GetOrderByOrderNumber",
    "GetOrder",
    "GetInventoryByQuery",
    "GetInOrdersByQuery",
    "GetInvoicesByQuery",
})
"""The read operations whose responses are large enough for the plans to matter."""

SubElement = etree.SubElement
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""A character to escape, or one XML cannot carry."""
_PLACEHOLDER = "wms-fastxml-body"


class TreeWriter(Planner):
    """Writes instances into lxml trees (``PlanSerializer`` in earlier versions)."""

    def write(self, ctx: Any, cls: Any, inst: Any, parent: Any, ns: str | None, name: str) -> None:
        """Like ``protocol.to_parent(ctx, cls, inst, parent, ns, name)``."""
        self._write_one(ctx, self.field(cls, ns, name), inst, parent)

    def _members(self, ctx: Any, fields: tuple[Field, ...], inst: Any, elt: Any) -> None:
        for field in fields:
            value = getattr(inst, field.attr, None)
            if value is None:
                if field.required:
                    self._write_one(ctx, field, None, elt)
            elif field.repeated:
                for item in value:
                    self._write_one(ctx, field, item, elt)
            elif field.kind == PRIMITIVE:
                SubElement(elt, field.tag).text = field.fmt(value)  # type: ignore[misc]
            else:
                self._write_one(ctx, field, value, elt)

    def _write_one(self, ctx: Any, field: Field, value: Any, parent: Any) -> None:
        kind = field.kind
        if kind == SPYNE or (value is not None and kind != PRIMITIVE and not self.plain(field, value)):
            self.protocol.to_parent(ctx, field.cls, value, parent, field.ns, field.name)
            return
        if value is None:
            value = field.default
            if value is None:
                SubElement(parent, f"{{{field.ns}}}{field.name}" if field.ns else field.name, NIL_ATTR)
                return
        if kind == PRIMITIVE:
            SubElement(parent, field.tag).text = field.fmt(value)  # type: ignore[misc]
            return
        elt = SubElement(parent, field.tag)
        plan = self.plan_of(field)
        if kind == ARRAY:
            item = plan.item
            assert item is not None
            for entry in value:
                self._write_one(ctx, item, entry, elt)
        else:
            self._members(ctx, plan.fields, value, elt)


PlanSerializer = TreeWriter


class _Unsupported(Exception):
    """The text writer met something only Spyne (or the tree writer) writes exactly."""


_NIL_MARK = ':nil="true"/>'
"""Only a nil element can produce this text: in text content lxml escapes every ``>``."""


class TextWriter(Planner):
    """Writes instances as XML text with the Envelope's prefixes; raises ``_Unsupported`` for anything unusual.

    Each complex type's members are written by a function generated once from its plan (``_compile``): one
    straight-line block per member with the tags, the formatter and what ``None`` means baked in, so writing a
    member costs a ``getattr``, a test and an append instead of a walk over the plan's fields.
    """

    def __init__(self, protocol: Any) -> None:
        super().__init__(protocol)
        self._writers: dict[Any, Any] = {}

    def render(self, cls: Any, inst: Any, ns: str | None, name: str) -> tuple[str, bool]:
        """(the element as text, whether it uses the xsi prefix)."""
        parts: list[str] = []
        self._one(self.field(cls, ns, name), inst, parts)
        text = "".join(parts)
        return text, _NIL_MARK in text

    def _members(self, cls: Any, fields: tuple[Field, ...], inst: Any, out: list[str]) -> None:
        writer = self._writers.get(cls)
        if writer is None:
            writer = self._writers.setdefault(cls, self._compile(fields))
        writer(inst, out)

    def _compile(self, fields: tuple[Field, ...]) -> Any:
        """The member writer of one plan, as Python source compiled once (see the class docstring)."""
        names: dict[str, Any] = {"one": self._one, "special": _SPECIAL.search, "checked": _checked_text}
        body = ["def write(inst, out):", "    append = out.append"]
        for index, field in enumerate(fields):
            names[f"F{index}"], names[f"fmt{index}"] = field, field.fmt
            body.extend("    " + line for line in _member_source(index, field))
        namespace: dict[str, Any] = {}
        exec(compile("\n".join(body), "<fastxml members>", "exec"), names, namespace)
        return namespace["write"]

    def _one(self, field: Field, value: Any, out: list[str]) -> None:
        kind = field.kind
        if not field.text_ok or (value is not None and kind != PRIMITIVE and not self.plain(field, value)):
            raise _Unsupported(field.name)
        if value is None:
            value = field.default
            if value is None:
                out.append(field.nil)
                return
        if kind == PRIMITIVE:
            text = field.fmt(value)  # type: ignore[misc]
            if field.escape and _SPECIAL.search(text):
                text = _checked_text(text)
            out.append(field.open + text + field.close)
            return
        start = len(out)
        out.append(field.open)
        plan = self.plan_of(field)
        if kind == ARRAY:
            item = plan.item
            assert item is not None
            for entry in value:
                self._one(item, entry, out)
        else:
            self._members(plan.cls, plan.fields, value, out)
        if len(out) == start + 1:
            out[start] = field.empty
        else:
            out.append(field.close)


def _member_source(index: int, field: Field) -> list[str]:
    """The lines that write member ``index``: what ``None`` means, then the value (Spyne's rules, see the module)."""
    lines = [f"v = getattr(inst, {field.attr!r}, None)"]
    if field.required and (field.default is not None or not field.text_ok):
        lines += ["if v is None:", f"    one(F{index}, None, out)", "else:"]
    elif field.required:
        lines += ["if v is None:", f"    append({field.nil!r})", "else:"]
    else:
        lines += ["if v is not None:"]
    if field.kind == PRIMITIVE and field.text_ok and not field.repeated:
        lines.append(f"    t = fmt{index}(v)")
        if field.escape:
            lines += ["    if special(t):", "        t = checked(t)"]
        lines.append(f"    append({field.open!r} + t + {field.close!r})")
    elif field.repeated:
        lines += ["    for item in v:", f"        one(F{index}, item, out)"]
    else:
        lines.append(f"    one(F{index}, v, out)")
    return lines


def _checked_text(text: str) -> str:
    """A value with a special character: escaped as libxml2 does, or ``_Unsupported`` if XML cannot carry it."""
    if _NOT_XML.search(text):
        raise _Unsupported("a character XML cannot carry")
    return _escape(text)


def _escape(text: str) -> str:
    """libxml2's escaping of text content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


class FastSerializeMixin(Soap11):
    """Builds the answers of ``FAST_OPERATIONS`` with plans; everything else goes to Spyne.

    Placed after the hardened protocol in the MRO (see ``fast_out_protocol``), so the hardening's own
    ``serialize`` (namespace clean-up) still wraps this one.
    """

    fast_operations: Collection[str] = FAST_OPERATIONS
    text_writer_enabled = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tree_writer = TreeWriter(self)
        self.text_writer = TextWriter(self)
        self.pending_text: weakref.WeakKeyDictionary[
            Any, tuple[bytes | None, CachedBody, tuple[Any, Any, Any, str] | None]] = weakref.WeakKeyDictionary()
        self._frames: dict[bool, tuple[bytes, bytes]] = {}
        """Whether the body uses xsi:nil -> the Envelope's text before and after the body (the same for every
        answer of this protocol): a cached answer is written between them without building a tree."""
        """ctx -> the text body waiting for ``create_out_string`` (Spyne's context takes no new attributes)."""

    def serialize(self, ctx: Any, message: Any) -> None:
        request = _request(ctx)
        cached = request.cached_body if request is not None and ctx.out_error is None else None
        if not self._fast_eligible(ctx, message):
            if cached is not None and message is self.RESPONSE:  # the handler returned None for it: never write that
                raise RuntimeError(f"a cached answer of {ctx.descriptor.name} reached the Spyne serializer")
            super().serialize(ctx, message)
            return
        self.event_manager.fire_event("before_serialize", ctx)
        if cached is not None and cached.uses_nil in self._frames:  # no tree at all: the Envelope's text is known
            self.pending_text[ctx] = (None, cached, None)
            self.event_manager.fire_event("after_serialize", ctx)
            return
        ctx.out_document = etree.Element(f"{{{self.ns_soap_env}}}Envelope", nsmap=self.app.interface.nsmap)
        # Spyne builds the Body detached and appends it; building it in place gives the same document (the
        # prefixes come from the Envelope either way) without lxml re-homing every node's namespace.
        ctx.out_body_doc = body = etree.SubElement(ctx.out_document, f"{{{self.ns_soap_env}}}Body")
        if cached is not None:
            self._splice_later(ctx, body, cached, None)
        else:
            cls, inst, ns, name = self._response_root(ctx)
            if not self._text_body(ctx, body, cls, inst, ns, name):
                self.tree_writer.write(ctx, cls, inst, body, ns, name)
        if self.cleanup_namespaces:
            etree.cleanup_namespaces(ctx.out_document)
        self.event_manager.fire_event("after_serialize", ctx)

    def _fast_eligible(self, ctx: Any, message: Any) -> bool:
        descriptor = ctx.descriptor
        return (message is self.RESPONSE and ctx.out_error is None and ctx.out_header is None
                and descriptor is not None and descriptor.name in self.fast_operations)

    def _response_root(self, ctx: Any) -> tuple[Any, Any, str | None, str]:
        """What Soap11.serialize hands to ``to_parent`` for the body: (class, instance, namespace, name)."""
        message_cls = ctx.descriptor.out_message
        if ctx.descriptor.body_style is BODY_STYLE_WRAPPED:
            out_object = message_cls()
            attrs = self.get_cls_attrs(message_cls)
            values = list(ctx.out_object)
            for index, key in enumerate(message_cls._type_info):
                out_object._safe_set(key, values[index] if index < len(values) else None, message_cls, attrs)
            return message_cls, out_object, message_cls.get_namespace(), message_cls.get_type_name()
        sub_ns = message_cls.Attributes.sub_ns
        if sub_ns is None:
            sub_ns = message_cls.get_namespace()
        if sub_ns is DEFAULT_NS:
            sub_ns = self.app.interface.get_tns()
        return message_cls, ctx.out_object[0], sub_ns, message_cls.Attributes.sub_name or message_cls.get_type_name()

    def _text_body(self, ctx: Any, body: Any, cls: Any, inst: Any, ns: str | None, name: str) -> bool:
        """Render the body as text (filed in the answer cache when the handler asked for it)."""
        if not self.text_writer_enabled or self.pretty_print:
            return False
        try:
            text, nil_used = self.text_writer.render(cls, inst, ns, name)
        except _Unsupported:
            return False
        written = CachedBody(text.encode("utf-8"), nil_used)
        request = _request(ctx)
        if request is not None:
            request.file_answer(written)
        self._splice_later(ctx, body, written, (cls, inst, ns, name))
        return True

    def _splice_later(self, ctx: Any, body: Any, written: CachedBody, root: tuple[Any, Any, Any, str] | None) -> None:
        """Leave a placeholder in the tree that ``create_out_string`` replaces with ``written``."""
        placeholder = etree.SubElement(body, f"{{{self.app.interface.get_tns()}}}{_PLACEHOLDER}")
        if written.uses_nil:
            placeholder.set(f"{{{NS_XSI}}}nil", "true")  # keeps the xsi declaration, as the real nils would
        marker = etree.tostring(placeholder, with_tail=False).split(b" xmlns", 1)[0]
        self.pending_text[ctx] = (marker, written, root)

    def create_out_string(self, ctx: Any, charset: str | None = None) -> None:
        fast = self.pending_text.pop(ctx, None)
        if fast is None or ctx.out_error is not None:
            super().create_out_string(ctx, charset)
            return
        marker, written, root = fast
        charset = charset or self.encoding
        text = written.text
        if charset.replace("-", "").lower() != "utf8":
            if marker is None:  # a cached body without a tree: only ever for the protocol's own encoding
                raise RuntimeError(f"no cached Envelope for {charset}")
            if root is not None:  # lxml would write character references: let it
                cls, inst, ns, name = root
                ctx.out_body_doc.clear()
                self.tree_writer.write(ctx, cls, inst, ctx.out_body_doc, ns, name)
                super().create_out_string(ctx, charset)
                return
            text = text.decode("utf-8").encode(charset, "xmlcharrefreplace")
        if marker is None:
            head, tail = self._frames[written.uses_nil]
        else:
            envelope = etree.tostring(ctx.out_document, encoding=charset, pretty_print=self.pretty_print,
                                      xml_declaration=self.xml_declaration)
            head, tail = envelope.split(marker, 1)
            tail = tail.split(b">", 1)[1]
            if not self.pretty_print and charset == self.encoding:
                self._frames[written.uses_nil] = (head, tail)
        ctx.out_string = [head, text, tail]

    @property
    def plan_serializer(self) -> TreeWriter:
        return self.tree_writer


def _request(ctx: Any) -> RequestContext | None:
    """The SOAP face's request context (``ctx.udc``), if the call has one."""
    udc = getattr(ctx, "udc", None)
    return udc if isinstance(udc, RequestContext) else None


@functools.cache
def fast_out_protocol(base: type) -> type:
    """``base`` (a Soap11/Soap12 subclass, e.g. the hardened ``GoodsOwnerSoap11``) with the plan fast path."""
    return type(f"Fast{base.__name__}", (base, FastSerializeMixin), {"__module__": __name__})
