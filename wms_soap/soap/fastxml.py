"""A plan-based serializer for the hot read operations: the same XML as Spyne's Soap11/Soap12, several times faster.

Spyne's ``to_parent`` costs 12-14 µs per element: it re-dispatches on the class, re-reads the class attributes and
walks generators for every element. A response of 100 full orders has tens of thousands of elements. This module
reads the same facts once per type (element name and namespace, kind, minOccurs, default, formatter) into a
``Plan`` and then writes instances with ``etree.SubElement`` in a tight loop.

It mirrors ``spyne.protocol.xml.XmlDocument`` (``to_parent``, ``complex_to_parent``, ``_get_members_etree``,
``modelbase_to_parent``, ``null_to_parent``) rule for rule: sequence order (base fields first), a value ``None``
replaced by the type's default, ``xsi:nil`` for a remaining ``None`` where the element must be written (minOccurs
> 0 or an array item), ``None`` left out otherwise. Anything this module does not model itself (a derived instance
needing ``xsi:type``, an XML attribute, binary data, a list given for a complex value, ...) is handed back to
Spyne's own ``to_parent`` for that element, so the output stays identical. ``tests/unit/test_fastxml.py``
compares both outputs canonically on random instances of every result type.

``fast_out_protocol(GoodsOwnerSoap11)`` returns an out protocol that uses the plans for ``FAST_OPERATIONS`` and
Spyne's serializer for everything else (other operations, faults, headers).
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Collection
from decimal import Decimal as _PyDecimal
from typing import Any

from lxml import etree
from spyne import BODY_STYLE_WRAPPED
from spyne.const.xml import DEFAULT_NS
from spyne.model.complex import Array
from spyne.model.primitive import Boolean, DateTime, Decimal, Integer, Unicode
from spyne.protocol.soap import Soap11
from spyne.protocol.xml import NIL_ATTR

FAST_OPERATIONS = frozenset({
    "GetOrdersByQuery",
    "GetOrderByOrderNumber",
    "GetOrder",
    "GetInventoryByQuery",
    "GetInOrdersByQuery",
    "GetInvoicesByQuery",
})
"""The read operations whose responses are large enough for the plan to matter."""

_PRIMITIVE, _COMPLEX, _ARRAY, _SPYNE = range(4)
SubElement = etree.SubElement
Formatter = Callable[[Any], str]


class Field:
    """One member of a complex type as Spyne writes it."""

    __slots__ = (
        "attr",
        "cls",
        "default",
        "fmt",
        "kind",
        "name",
        "ns",
        "orig",
        "plan_of",
        "repeated",
        "required",
        "tag",
    )

    def __init__(self, attr: str, cls: Any, ns: str | None, name: str, kind: int, repeated: bool, required: bool,
                 default: Any, fmt: Formatter | None) -> None:
        self.attr = attr
        self.cls = cls
        self.ns = ns
        self.name = name
        self.tag = name if ns is None else f"{{{ns}}}{name}"
        self.kind = kind
        self.repeated = repeated
        self.required = required
        self.default = default
        self.fmt = fmt
        self.plan_of: Plan | None = None
        self.orig = getattr(cls, "__orig__", None) or cls


class Plan:
    """The ordered fields of one complex type (the base type's first), or the item of an ``Array``."""

    __slots__ = ("cls", "fields", "item")

    def __init__(self, cls: Any) -> None:
        self.cls = cls
        self.fields: tuple[Field, ...] = ()
        self.item: Field | None = None


class PlanSerializer:
    """Writes instances of Spyne complex types into lxml trees, one cached ``Plan`` per type and protocol."""

    def __init__(self, protocol: Any) -> None:
        self.protocol = protocol
        self._plans: dict[Any, Plan] = {}

    # --- plans ---------------------------------------------------------------------------------------------
    def plan(self, cls: Any) -> Plan:
        """The plan of a complex type, built on first use and published only when complete (the waitress threads
        share it). Member types get their plans lazily, on first write, so recursive types need no special case."""
        found = self._plans.get(cls)
        if found is not None:
            return found
        plan = Plan(cls)
        if issubclass(cls, Array):
            (member, item_cls), = cls._type_info.items()
            plan.item = self._field(cls, member, item_cls)
        else:
            plan.fields = self._fields(cls)
        return self._plans.setdefault(cls, plan)

    def _fields(self, cls: Any) -> tuple[Field, ...]:
        base = getattr(cls, "__extends__", None)
        inherited = self.plan(base).fields if base is not None else ()
        own = []
        for attr, sub_cls in cls._type_info.items():
            if self.protocol.get_cls_attrs(sub_cls).exc:
                continue
            own.append(self._field(cls, attr, sub_cls))
        return inherited + tuple(own)

    def _field(self, owner: Any, attr: str, cls: Any) -> Field:
        attributes = cls.Attributes
        ns = attributes.sub_ns if attributes.sub_ns is not None else owner.get_namespace()
        name = attributes.sub_name if attributes.sub_name is not None else attr
        cls_attrs = self.protocol.get_cls_attrs(cls)
        kind, fmt = self._kind(cls, cls_attrs)
        field = Field(attr, cls, ns, name, kind, attributes.max_occurs > 1, attributes.min_occurs > 0,
                      cls_attrs.default, fmt)
        if kind in (_COMPLEX, _ARRAY):
            self._complex_tag(field, cls_attrs)
        return field

    def _kind(self, cls: Any, cls_attrs: Any) -> tuple[int, Formatter | None]:
        prot = self.protocol
        if cls_attrs.prot is not None or cls_attrs.exc:
            return _SPYNE, None
        handler = prot.serialization_handlers[cls]
        if handler == prot.complex_to_parent:
            return (_ARRAY if issubclass(cls, Array) else _COMPLEX), None
        if handler == prot.modelbase_to_parent:
            return _PRIMITIVE, _formatter(prot, cls, cls_attrs)
        return _SPYNE, None

    @staticmethod
    def _complex_tag(field: Field, cls_attrs: Any) -> None:
        """complex_to_parent's naming: the type's sub_name / sub_ns win over the member's."""
        if cls_attrs.sub_name is not None:
            field.name = cls_attrs.sub_name
        ns = field.ns
        if cls_attrs.sub_ns not in (None, DEFAULT_NS):
            ns = cls_attrs.sub_ns
        field.tag = field.name if ns is None else f"{{{ns}}}{field.name}"

    def _plan_of(self, field: Field) -> Plan:
        plan = field.plan_of
        if plan is None:
            plan = field.plan_of = self.plan(field.cls)
        return plan

    # --- writing -------------------------------------------------------------------------------------------
    def write(self, ctx: Any, cls: Any, inst: Any, parent: Any, ns: str | None, name: str) -> None:
        """Like ``protocol.to_parent(ctx, cls, inst, parent, ns, name)`` for a complex ``cls``."""
        field = self._field_for_root(cls, ns, name)
        self._write_one(ctx, field, inst, parent)

    def _field_for_root(self, cls: Any, ns: str | None, name: str) -> Field:
        cls_attrs = self.protocol.get_cls_attrs(cls)
        kind, fmt = self._kind(cls, cls_attrs)
        field = Field(name, cls, ns, name, kind, False, True, cls_attrs.default, fmt)
        if kind in (_COMPLEX, _ARRAY):
            self._complex_tag(field, cls_attrs)
        return field

    def _members(self, ctx: Any, plan: Plan, inst: Any, elt: Any) -> None:
        for field in plan.fields:
            value = getattr(inst, field.attr, None)
            if value is None:
                if field.required:
                    self._write_one(ctx, field, None, elt)
            elif field.repeated:
                for item in value:
                    self._write_one(ctx, field, item, elt)
            elif field.kind == _PRIMITIVE:
                SubElement(elt, field.tag).text = field.fmt(value)  # type: ignore[misc]
            else:
                self._write_one(ctx, field, value, elt)

    def _write_one(self, ctx: Any, field: Field, value: Any, parent: Any) -> None:
        kind = field.kind
        if kind == _SPYNE or (value is not None and kind != _PRIMITIVE and not self._plain(field, value)):
            self.protocol.to_parent(ctx, field.cls, value, parent, field.ns, field.name)
            return
        if value is None:
            value = field.default
            if value is None:
                SubElement(parent, field.name if field.ns is None else f"{{{field.ns}}}{field.name}", NIL_ATTR)
                return
        if kind == _PRIMITIVE:
            SubElement(parent, field.tag).text = field.fmt(value)  # type: ignore[misc]
            return
        elt = SubElement(parent, field.tag)
        plan = self._plan_of(field)
        if kind == _ARRAY:
            item = plan.item
            assert item is not None
            if item.kind == _PRIMITIVE:
                fmt, tag, write_one = item.fmt, item.tag, self._write_one
                for entry in value:
                    if entry is None:
                        write_one(ctx, item, None, elt)
                    else:
                        SubElement(elt, tag).text = fmt(entry)  # type: ignore[misc]
            else:
                for entry in value:
                    self._write_one(ctx, item, entry, elt)
        else:
            self._members(ctx, plan, value, elt)

    def _plain(self, field: Field, value: Any) -> bool:
        """Whether Spyne would write ``value`` exactly as the declared type (no xsi:type, no conversion)."""
        if field.kind == _ARRAY:
            return isinstance(value, (list, tuple))
        if value.__class__ is field.orig or value.__class__ is field.cls:
            return True
        return not self.protocol.polymorphic and isinstance(value, field.orig)


def _formatter(prot: Any, cls: Any, cls_attrs: Any) -> Formatter:
    """A one-argument ``prot.to_unicode(cls, value)``; the common types without the per-call attribute lookups."""
    plain = cls_attrs.str_format is None and cls_attrs.format is None
    if issubclass(cls, Boolean):
        return _boolean
    if issubclass(cls, Unicode) and plain and not issubclass(cls, (DateTime,)):
        return _unicode(prot, cls)
    if issubclass(cls, Decimal) and cls_attrs.format is None and not issubclass(cls, Integer):
        if cls_attrs.str_format is not None:
            return _str_format(cls_attrs.str_format, prot, cls)
        return _checked(prot, cls, _PyDecimal)
    if issubclass(cls, Integer) and plain:
        return _checked(prot, cls, int)
    if issubclass(cls, DateTime) and _plain_datetime(prot, cls_attrs):
        return _datetime(prot, cls)
    handler = prot._to_unicode_handlers[cls]
    return lambda value: handler(cls, value)


def _boolean(value: Any) -> str:
    return "true" if value else "false"


def _unicode(prot: Any, cls: Any) -> Formatter:
    def fmt(value: Any) -> str:
        return value if value.__class__ is str else prot.to_unicode(cls, value)
    return fmt


def _str_format(str_format: str, prot: Any, cls: Any) -> Formatter:
    formatter = str_format.format

    def fmt(value: Any) -> str:
        return formatter(value) if value.__class__ is _PyDecimal else prot.to_unicode(cls, value)
    return fmt


def _checked(prot: Any, cls: Any, exact: type) -> Formatter:
    def fmt(value: Any) -> str:
        return str(value) if value.__class__ is exact else prot.to_unicode(cls, value)
    return fmt


def _plain_datetime(prot: Any, cls_attrs: Any) -> bool:
    return (cls_attrs.as_timezone is None and cls_attrs.timezone and prot._get_datetime_format(cls_attrs) is None
            and cls_attrs.string_format is None and cls_attrs.str_format is None
            and cls_attrs.interp_format is None and cls_attrs.serialize_as in (None, str, "str"))


def _datetime(prot: Any, cls: Any) -> Formatter:
    def fmt(value: Any) -> str:
        if value.__class__ is _dt.datetime:
            return value.isoformat()
        return prot.to_unicode(cls, value)
    return fmt


class FastSerializeMixin(Soap11):
    """Builds the response envelope of ``FAST_OPERATIONS`` with plans; everything else goes to Spyne.

    Placed after the hardened protocol in the MRO (see ``fast_out_protocol``), so the hardening's own
    ``serialize`` (namespace clean-up) still wraps this one.
    """

    fast_operations: Collection[str] = FAST_OPERATIONS

    def serialize(self, ctx: Any, message: Any) -> None:
        if not self._fast_eligible(ctx, message):
            super().serialize(ctx, message)
            return
        self.event_manager.fire_event("before_serialize", ctx)
        ctx.out_document = etree.Element(f"{{{self.ns_soap_env}}}Envelope", nsmap=self.app.interface.nsmap)
        ctx.out_body_doc = body = etree.Element(f"{{{self.ns_soap_env}}}Body")
        self._fast_body(ctx, body)
        ctx.out_document.append(body)
        if self.cleanup_namespaces:
            etree.cleanup_namespaces(ctx.out_document)
        self.event_manager.fire_event("after_serialize", ctx)

    def _fast_eligible(self, ctx: Any, message: Any) -> bool:
        descriptor = ctx.descriptor
        return (message is self.RESPONSE and ctx.out_error is None and ctx.out_header is None
                and descriptor is not None and descriptor.name in self.fast_operations)

    def _fast_body(self, ctx: Any, body: Any) -> None:
        """Soap11.serialize's body, with ``to_parent`` replaced by the plan serializer."""
        message_cls = ctx.descriptor.out_message
        if ctx.descriptor.body_style is BODY_STYLE_WRAPPED:
            out_object = message_cls()
            attrs = self.get_cls_attrs(message_cls)
            values = list(ctx.out_object)
            for index, key in enumerate(message_cls._type_info):
                out_object._safe_set(key, values[index] if index < len(values) else None, message_cls, attrs)
            self.plan_serializer.write(ctx, message_cls, out_object, body, message_cls.get_namespace(),
                                       message_cls.get_type_name())
            return
        sub_ns = message_cls.Attributes.sub_ns
        if sub_ns is None:
            sub_ns = message_cls.get_namespace()
        if sub_ns is DEFAULT_NS:
            sub_ns = self.app.interface.get_tns()
        sub_name = message_cls.Attributes.sub_name or message_cls.get_type_name()
        self.plan_serializer.write(ctx, message_cls, ctx.out_object[0], body, sub_ns, sub_name)

    @property
    def plan_serializer(self) -> PlanSerializer:
        serializer: PlanSerializer | None = self.__dict__.get("_plan_serializer")
        if serializer is None:
            serializer = self.__dict__["_plan_serializer"] = PlanSerializer(self)
        return serializer


@functools.cache
def fast_out_protocol(base: type) -> type:
    """``base`` (a Soap11/Soap12 subclass, e.g. the hardened ``GoodsOwnerSoap11``) with the plan fast path."""
    return type(f"Fast{base.__name__}", (base, FastSerializeMixin), {"__module__": __name__})
