"""Serialization plans: what Spyne's XmlDocument works out per element, worked out once per type.

For each complex type the plan lists its members in sequence order (base type first, as ``_get_members_etree``
recurses into ``__extends__``), each with: the element name and namespace (``sub_name``/``sub_ns`` rules of
``_get_members_etree`` and ``complex_to_parent``), its kind (primitive with a one-argument formatter, complex,
array, or "leave it to Spyne"), whether it repeats (maxOccurs > 1), whether ``None`` must still be written
(minOccurs > 0: the default, else ``xsi:nil``), and the default. For the text writer it also holds the ready-made
tags in ASMX's shape (unprefixed, ``xsi:nil``). ``fastxml`` writes instances with these plans.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from decimal import Decimal as _PyDecimal
from typing import Any

from spyne.const.xml import DEFAULT_NS, NS_XSI
from spyne.model.complex import Array
from spyne.model.primitive import Boolean, DateTime, Decimal, Integer, Unicode

from wms_soap.soap.envelope import without_offset

PRIMITIVE, COMPLEX, ARRAY, SPYNE = range(4)
Formatter = Callable[[Any], str]


class Field:
    """One member of a complex type (or the item of an array, or a response's root element)."""

    __slots__ = ("attr", "close", "cls", "default", "empty", "escape", "fmt", "kind", "name", "nil", "ns", "open",
                 "orig", "plan_of", "repeated", "required", "tag", "text_ok")

    def __init__(self, attr: str, cls: Any, ns: str | None, name: str, kind: int, repeated: bool, required: bool,
                 default: Any, fmt: Formatter | None) -> None:
        self.attr = attr
        self.cls = cls
        self.ns = ns
        self.name = name
        """the name Spyne passes down (and uses for ``xsi:nil``); ``tag`` may differ for a complex type"""
        self.tag = _clark(ns, name)
        self.kind = kind
        self.repeated = repeated
        self.required = required
        self.default = default
        self.fmt = fmt
        self.escape = kind == PRIMITIVE and fmt is not None and getattr(fmt, "safe", False) is False
        self.plan_of: Plan | None = None
        self.orig = getattr(cls, "__orig__", None) or cls
        self.text_ok = False
        self.open = self.close = self.empty = self.nil = ""

    def set_text_tags(self, prefixes: Mapping[str, str], tag_ns: str | None, tag_name: str) -> None:
        """Ready-made tags for the text writer: ``prefixes`` maps a namespace to its prefix, ``""`` for the default
        namespace (the answer's element declares it)."""
        element, nil_element = _prefixed(prefixes, tag_ns, tag_name), _prefixed(prefixes, self.ns, self.name)
        xsi = prefixes.get(NS_XSI)
        self.text_ok = self.kind != SPYNE and None not in (element, nil_element, xsi)
        if self.text_ok:
            self.open, self.close, self.empty = f"<{element}>", f"</{element}>", f"<{element}/>"
            self.nil = f'<{nil_element} {xsi}:nil="true"/>'


class Plan:
    """The ordered fields of one complex type, or the item of an ``Array``."""

    __slots__ = ("cls", "fields", "item")

    def __init__(self, cls: Any) -> None:
        self.cls = cls
        self.fields: tuple[Field, ...] = ()
        self.item: Field | None = None


def _clark(ns: str | None, name: str) -> str:
    return name if ns is None else f"{{{ns}}}{name}"


def _prefixed(prefixes: Mapping[str, str], ns: str | None, name: str) -> str | None:
    """The element's qualified name, or ``None`` when the text writer cannot name it (no namespace: under a
    default namespace it would need ``xmlns=""``; a namespace without a prefix)."""
    prefix = prefixes.get(ns) if ns is not None else None
    if prefix is None:
        return None
    return f"{prefix}:{name}" if prefix else name


class Planner:
    """Builds and caches the plans of one out protocol (plans read the protocol's class attributes)."""

    def __init__(self, protocol: Any) -> None:
        self.protocol = protocol
        self._plans: dict[Any, Plan] = {}
        self._prefixes: dict[str, str] | None = None

    @property
    def default_namespace(self) -> str:
        """The namespace of the answers' elements (the application's), written without a prefix."""
        tns: str = self.protocol.app.interface.get_tns()
        return tns

    @property
    def prefixes(self) -> dict[str, str]:
        """namespace -> prefix in ASMX's shape (``soap.envelope``): none for the default namespace, ``xsi``."""
        if self._prefixes is None:
            self._prefixes = {self.default_namespace: "", NS_XSI: "xsi"}
        return self._prefixes

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

    def plan_of(self, field: Field) -> Plan:
        plan = field.plan_of
        if plan is None:
            plan = field.plan_of = self.plan(field.cls)
        return plan

    def _fields(self, cls: Any) -> tuple[Field, ...]:
        base = getattr(cls, "__extends__", None)
        inherited = self.plan(base).fields if base is not None else ()
        own = [self._field(cls, attr, sub_cls) for attr, sub_cls in cls._type_info.items()
               if not self.protocol.get_cls_attrs(sub_cls).exc]
        return inherited + tuple(own)

    def _field(self, owner: Any, attr: str, cls: Any) -> Field:
        attributes = cls.Attributes
        ns = attributes.sub_ns if attributes.sub_ns is not None else owner.get_namespace()
        name = attributes.sub_name if attributes.sub_name is not None else attr
        return self.field(cls, ns, name, attr=attr, repeated=attributes.max_occurs > 1,
                          required=attributes.min_occurs > 0)

    def field(self, cls: Any, ns: str | None, name: str, *, attr: str = "", repeated: bool = False,
              required: bool = True) -> Field:
        """The field of ``cls`` written as ``{ns}name`` (``to_parent(ctx, cls, value, parent, ns, name)``)."""
        cls_attrs = self.protocol.get_cls_attrs(cls)
        kind, fmt = self._kind(cls, cls_attrs)
        field = Field(attr, cls, ns, name, kind, repeated, required, cls_attrs.default, fmt)
        tag_ns, tag_name = ns, name
        if kind in (COMPLEX, ARRAY):  # complex_to_parent: the type's own sub_name / sub_ns win
            tag_name = cls_attrs.sub_name if cls_attrs.sub_name is not None else name
            if cls_attrs.sub_ns not in (None, DEFAULT_NS):
                tag_ns = cls_attrs.sub_ns
            field.tag = _clark(tag_ns, tag_name)
        field.set_text_tags(self.prefixes, tag_ns, tag_name)
        return field

    def _kind(self, cls: Any, cls_attrs: Any) -> tuple[int, Formatter | None]:
        prot = self.protocol
        if cls_attrs.prot is not None or cls_attrs.exc:
            return SPYNE, None
        handler = prot.serialization_handlers[cls]
        if handler == prot.complex_to_parent:
            return (ARRAY if issubclass(cls, Array) else COMPLEX), None
        if handler == prot.modelbase_to_parent:
            return PRIMITIVE, formatter(prot, cls, cls_attrs)
        return SPYNE, None

    def plain(self, field: Field, value: Any) -> bool:
        """Whether Spyne would write ``value`` exactly as the declared type (no xsi:type, no conversion)."""
        if field.kind == ARRAY:
            return isinstance(value, (list, tuple))
        if value.__class__ is field.orig or value.__class__ is field.cls:
            return True
        return not self.protocol.polymorphic and isinstance(value, field.orig)


# --- formatters: prot.to_unicode(cls, value) with the class attributes read once ------------------------------

def formatter(prot: Any, cls: Any, cls_attrs: Any) -> Formatter:
    """A one-argument ``prot.to_unicode(cls, value)``; ``safe`` ones never produce characters that need escaping."""
    plain = cls_attrs.str_format is None and cls_attrs.format is None
    if issubclass(cls, Boolean):
        return _boolean
    if issubclass(cls, Unicode) and plain:
        return _unicode(prot, cls)
    if issubclass(cls, Decimal) and cls_attrs.format is None and not issubclass(cls, Integer):
        if cls_attrs.str_format is not None:
            return _safe(_str_format(cls_attrs.str_format, prot, cls))
        return _safe(_checked(prot, cls, _PyDecimal))
    if issubclass(cls, Integer) and plain:
        return _safe(_checked(prot, cls, int))
    if issubclass(cls, DateTime) and _plain_datetime(prot, cls_attrs):
        return _safe(_datetime(prot, cls))
    handler = prot._to_unicode_handlers[cls]
    return lambda value: handler(cls, value)


def _safe(fmt: Formatter) -> Formatter:
    """Marks a formatter whose output (digits, signs, dates) never needs XML escaping."""
    fmt.safe = True  # type: ignore[attr-defined]
    return fmt


def _boolean(value: Any) -> str:
    return "true" if value else "false"


_boolean.safe = True  # type: ignore[attr-defined]


def _unicode(prot: Any, cls: Any) -> Formatter:
    def fmt(value: Any) -> str:
        return value if value.__class__ is str else prot.to_unicode(cls, value)
    return fmt


def _str_format(str_format: str, prot: Any, cls: Any) -> Formatter:
    formatter = str_format.format

    def fmt(value: Any) -> str:
        if value.__class__ is _PyDecimal:
            return formatter(value)
        return prot.to_unicode(cls, value)
    return fmt


def _checked(prot: Any, cls: Any, exact: type) -> Formatter:
    def fmt(value: Any) -> str:
        return str(value) if value.__class__ is exact else prot.to_unicode(cls, value)
    return fmt


def _plain_datetime(prot: Any, cls_attrs: Any) -> bool:
    return bool(cls_attrs.as_timezone is None and cls_attrs.timezone and prot._get_datetime_format(cls_attrs) is None
                and cls_attrs.string_format is None and cls_attrs.str_format is None
                and cls_attrs.interp_format is None and cls_attrs.serialize_as in (None, str, "str"))


def _datetime(prot: Any, cls: Any) -> Formatter:
    def fmt(value: Any) -> str:
        if value.__class__ is _dt.datetime:
            return (value if value.tzinfo is None else without_offset(value)).isoformat()
        return prot.to_unicode(cls, value)
    return fmt
