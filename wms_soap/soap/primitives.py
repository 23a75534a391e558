"""Spyne primitives and particle helpers the generated contract types are built from.

The reference is an ASMX service: it reads leniently (``<X/>`` strings, date-only dateTimes) and writes the
.NET XmlSerializer way. These subclasses keep the XSD output of the plain Spyne types (``xs:string``,
``xs:dateTime``, ``xs:decimal``) and only change how values are read or written.
"""

import re
from datetime import datetime
from decimal import Decimal as _PyDecimal
from typing import Any

from spyne import Boolean, ByteArray, Integer32, Integer64, Unicode
from spyne.model.primitive import DateTime as _SpyneDateTime
from spyne.model.primitive import Decimal as _SpyneDecimal

TNS = "http://ongoingsystems.se/WSI"

ZERO_DECIMAL = _PyDecimal(0)
MIN_DATETIME = datetime(1, 1, 1)
"""What .NET writes for an unset ``DateTime``; the output default of required dateTime elements."""

__all__ = [
    "MIN_DATETIME",
    "TNS",
    "ZERO_DECIMAL",
    "Boolean",
    "ByteArray",
    "DateTime",
    "Decimal",
    "Integer32",
    "Integer64",
    "String",
    "occ",
    "wire_quantity",
]


def occ(min_occurs: int, nillable: bool = False, unbounded: bool = False) -> dict[str, Any]:
    """The .NET minOccurs/nillable pattern of one particle (Spyne's own default is min 0, nillable)."""
    return {"min_occurs": min_occurs, "nillable": nillable, "max_occurs": "unbounded" if unbounded else 1}


class String(Unicode):
    """``xs:string`` that also accepts ``<X/>`` (an empty string) on a non-nillable element, as ASMX does."""

    __type_name__ = "string"

    @staticmethod
    def validate_string(cls: Any, value: Any) -> bool:
        return value is None or Unicode.validate_string(cls, value)


_DATE_ONLY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\s*$")


class _DateOnlyMatch:
    """A regex-match look-alike giving midnight for a date-only value."""

    def __init__(self, match: re.Match[str]) -> None:
        self._fields = {**match.groupdict(), "hr": "0", "min": "0", "sec": "0", "sec_frac": None}

    def groupdict(self) -> dict[str, str | None]:
        return self._fields

    def group(self, name: str) -> str | None:
        return self._fields[name]


class _LocalOrDateOnly:
    """Spyne's offset-less dateTime pattern, falling back to a date-only value (``2024-05-06``)."""

    def __init__(self, local: re.Pattern[str]) -> None:
        self._local = local

    def match(self, text: str) -> re.Match[str] | _DateOnlyMatch | None:
        found = self._local.match(text)
        if found is not None:
            return found
        date_only = _DATE_ONLY.match(text.strip())
        return _DateOnlyMatch(date_only) if date_only is not None else None


class DateTime(_SpyneDateTime):
    """``xs:dateTime`` that reads a date-only value as midnight, like .NET's XmlSerializer."""

    __type_name__ = "dateTime"
    _local_re = _LocalOrDateOnly(_SpyneDateTime._local_re)


Decimal = _SpyneDecimal(str_format="{:f}")
"""``xs:decimal`` written positionally (``100``, never ``1E+2``)."""


def wire_quantity(value: _PyDecimal | int | None) -> _PyDecimal | None:
    """A stored quantity (``5.0000``) as the answer writes it (``5``, ``2.5``)."""
    return None if value is None else _PyDecimal(value).normalize()
