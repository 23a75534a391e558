"""A plan-based serializer for the hot read operations: the same bytes as Spyne's Soap11/Soap12, many times faster.

Spyne's ``to_parent`` costs 12-14 µs per element: it re-dispatches on the class, re-reads the class attributes and
walks generators for every element. A GetOrdersByQuery answer of 100 typical orders has about 67,000 elements
(more than half of them ``xsi:nil`` value elements the contract requires). ``fastxml_plans`` reads the per-type
facts once; this module writes instances with them, mirroring ``spyne.protocol.xml.XmlDocument`` rule for rule
(sequence order, base fields first, ``None`` replaced by the type's default, ``xsi:nil`` for a remaining ``None``
where the element must be written, left out otherwise):

- ``TextWriter`` builds the body as a string with ready-made tags (about 0.3 µs per element): the answer's element
  declares the default namespace and no element has a prefix (``envelope``: ASMX's shape), and the text goes
  between the Envelope's fixed head and tail;
- ``TreeWriter`` builds the same body with ``etree.SubElement`` (about 2 µs per element). It is the fallback when
  the text writer meets something it does not model: a derived instance that needs ``xsi:type``, an XML
  attribute, binary data, a value given as a list or dict, a character XML cannot carry. Such an element is
  handed to Spyne's own ``to_parent``, so the output stays identical.

``fast_out_protocol(GoodsOwnerSoap11)`` is the out protocol that uses them for ``FAST_OPERATIONS`` and leaves
everything else (other operations, faults) to Spyne inside ``envelope.AsmxAnswers``. A text body is also what the
answer cache keeps (``soap.service.answer_cache``): a handler that found its answer current there returns ``None``,
and the cached body is written between the same head and tail, so a cached answer builds no tree at all.
``tests/unit/test_fastxml.py`` compares the bytes with Spyne's on random instances of every operation's result
type.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Collection
from typing import Any

from lxml import etree
from spyne.protocol.xml import NIL_ATTR

from wms_soap.soap.context import CachedBody, RequestContext
from wms_soap.soap.envelope import frame, response_root
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


class TextWriter(Planner):
    """Writes instances as XML text in ASMX's shape; raises ``_Unsupported`` for anything unusual.

    Each complex type's members are written by a function generated once from its plan (``_compile``): one
    straight-line block per member with the tags, the formatter and what ``None`` means baked in, so writing a
    member costs a ``getattr``, a test and an append instead of a walk over the plan's fields.
    """

    def __init__(self, protocol: Any) -> None:
        super().__init__(protocol)
        self._writers: dict[Any, Any] = {}

    def render(self, cls: Any, inst: Any, ns: str | None, name: str) -> str:
        """The answer's element as text, declaring ``ns`` (the plans' default namespace) as its default one."""
        root = self.field(cls, ns, name)
        if ns != self.default_namespace or not root.text_ok:
            raise _Unsupported(name)
        parts: list[str] = []
        self._one(root, inst, parts)
        tag = root.open[:-1]
        parts[0] = f'{tag} xmlns="{ns}"{parts[0][len(tag):]}'
        return "".join(parts)

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


class FastSerializeMixin:
    """Writes the answers of ``FAST_OPERATIONS`` with plans; everything else goes to Spyne.

    Placed before the protocol (an ``envelope.AsmxAnswers`` subclass) in the MRO, see ``fast_out_protocol``. A text
    body (written now, or kept in the answer cache) goes between ``envelope.frame()``'s head and tail without any
    tree; otherwise the tree writer fills the Envelope ``AsmxAnswers`` builds.
    """

    fast_operations: Collection[str] = FAST_OPERATIONS
    text_writer_enabled = True
    RESPONSE: Any
    ns_soap_env: str
    event_manager: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tree_writer = TreeWriter(self)
        self.text_writer = TextWriter(self)
        self.pending_text: weakref.WeakKeyDictionary[Any, bytes] = weakref.WeakKeyDictionary()
        """ctx -> the text body waiting for ``create_out_string`` (Spyne's context takes no new attributes)."""

    def serialize(self, ctx: Any, message: Any) -> None:
        request = _request(ctx)
        cached = request.cached_body if request is not None and ctx.out_error is None else None
        if not self._fast_eligible(ctx, message):
            if cached is not None and message is self.RESPONSE:  # the handler returned None for it: never write that
                raise RuntimeError(f"a cached answer of {ctx.descriptor.name} reached the Spyne serializer")
            super().serialize(ctx, message)  # type: ignore[misc]
            return
        text = cached.text if cached is not None else self._text_body(ctx, request)
        if text is None:
            super().serialize(ctx, message)  # type: ignore[misc]  # the tree writer, through write_response
            return
        self.event_manager.fire_event("before_serialize", ctx)
        self.pending_text[ctx] = text
        self.event_manager.fire_event("after_serialize", ctx)

    def write_response(self, ctx: Any, body: Any, cls: Any, inst: Any, ns: str | None, name: str) -> None:
        if self._fast_eligible(ctx, self.RESPONSE):
            self.tree_writer.write(ctx, cls, inst, body, ns, name)
        else:
            super().write_response(ctx, body, cls, inst, ns, name)  # type: ignore[misc]

    def _fast_eligible(self, ctx: Any, message: Any) -> bool:
        descriptor = ctx.descriptor
        return (message is self.RESPONSE and ctx.out_error is None and ctx.out_header is None
                and descriptor is not None and descriptor.name in self.fast_operations)

    def _text_body(self, ctx: Any, request: RequestContext | None) -> bytes | None:
        """The body as text, or ``None`` when the text writer cannot write it (filed in the answer cache when the
        handler asked for it)."""
        if not self.text_writer_enabled:
            return None
        try:
            text = self.text_writer.render(*response_root(self, ctx)).encode("utf-8")
        except _Unsupported:
            return None
        if request is not None:
            request.file_answer(CachedBody(text))
        return text

    def create_out_string(self, ctx: Any, charset: str | None = None) -> None:
        text = self.pending_text.pop(ctx, None)
        if text is None or ctx.out_error is not None:
            super().create_out_string(ctx, charset)  # type: ignore[misc]
            return
        head, tail = frame(self.ns_soap_env)
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
    return type(f"Fast{base.__name__}", (FastSerializeMixin, base), {"__module__": __name__})
