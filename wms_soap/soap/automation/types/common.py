"""Contract types shared by the areas of the Automation API (namespace ``http://ongoingsystems.se/Automation``).

Hand-designed (no WSDL of the Automation API is public): request shapes as ``ongoing-automation-operations.md``
shows them; responses as ours where the sources show none, in one style: ``<Op>Result`` with ``Success``,
``Message`` and ``Errors`` (``<Op>Error`` items with ``Message`` and an ``<Op>ErrorType``), then the payload.
``results.py`` builds that frame; ``docs/automation.md`` lists which shapes are ours.
"""

from spyne import Array, ComplexModel, Unicode

from wms_soap.soap.primitives import Boolean, DateTime, Decimal, Integer32, String, occ

NS = "http://ongoingsystems.se/Automation"

__all__ = ["NS", "ArrayOfInt", "ArrayOfString", "ByUser", "Enum", "opt", "req", "req_nil"]


def opt(spyne_type: type) -> type:
    """An optional element (strings, classes, newer optional values): ``minOccurs=0``."""
    return spyne_type.customize(**occ(0))  # type: ignore[attr-defined]


def req(spyne_type: type) -> type:
    """A value-type element the answer always carries: ``minOccurs=1``."""
    return spyne_type.customize(**occ(1))  # type: ignore[attr-defined]


def req_nil(spyne_type: type) -> type:
    """A value-type element the answer always carries, ``xsi:nil`` when unknown."""
    return spyne_type.customize(**occ(1, nillable=True))  # type: ignore[attr-defined]


def Enum(type_name: str, *values: str) -> type:
    """A named string enumeration of this namespace (customize it with ``enum_field``)."""
    enum: type = Unicode(values=list(values), type_name=type_name, __namespace__=NS)
    return enum


def enum_field(enum: type, min_occurs: int = 0) -> type:
    """An element of enum type; the type name is re-passed, or Spyne would invent ``<Parent>_<Field>Type``."""
    return enum.customize(type_name=enum.get_type_name(), **occ(min_occurs))  # type: ignore[attr-defined]


ArrayOfInt = Array(Integer32.customize(nillable=False), member_name="int", type_name="ArrayOfInt")
ArrayOfString = Array(String.customize(nillable=True), member_name="string", type_name="ArrayOfString")


class ByUser(ComplexModel):
    """The operator of a write: a physical person ("Karl"), never a generic "Gate 1" (usage policy)."""

    __namespace__ = NS
    _type_info = [("UserName", opt(String))]


BooleanOpt, DecimalOpt, DateTimeOpt, IntOpt, StringOpt = (opt(t) for t in (Boolean, Decimal, DateTime, Integer32,
                                                                           String))
