"""The operation table of the goods-owner contract, built once from the generated ``types.operations``.

Each operation lists its wire arguments in contract order (XML name, Python name, Spyne type), which of them
are credentials, its result element and type, and whether Spyne must publish it in bare style (the 8
operations whose wrapper element has the name of a data type, e.g. ``UpdateOrder``).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wms_soap.soap.service.types.operations import OPERATIONS as _GENERATED

CREDENTIAL_ARGS = frozenset({"UserName", "Password", "GoodsOwnerCode", "GoodsOwnerId"})
"""Wire arguments that identify the caller; handlers never receive them."""

PUBLIC_OPERATIONS = frozenset({"GetSystemStatus"})
"""Operations that run without credentials."""


@dataclass(frozen=True, slots=True)
class Arg:
    """One child of an operation's request wrapper."""

    xml_name: str
    py_name: str
    spyne_type: Any
    credential: bool


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the contract."""

    name: str
    area: str
    args: tuple[Arg, ...]
    result_name: str | None
    result_type: Any
    """The customized result type as declared in the response (``None`` for an empty response)."""
    bare_messages: tuple[Any, Any] | None
    """(request class, response class) when the operation is published in bare style."""

    @property
    def needs_auth(self) -> bool:
        return self.name not in PUBLIC_OPERATIONS

    @property
    def payload_args(self) -> tuple[Arg, ...]:
        """The arguments a handler receives, in contract order."""
        return tuple(a for a in self.args if not a.credential)

    @property
    def result_class(self) -> Any:
        """The uncustomized result class: the one to instantiate (a customized copy logs a warning)."""
        if self.result_type is None:
            return None
        return getattr(self.result_type, "__orig__", None) or self.result_type


def python_name(xml_name: str) -> str:
    """``GetInventoryQuery`` -> ``get_inventory_query``, ``syncTime`` -> ``sync_time``, ``co`` -> ``co``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", xml_name).lower()


def _operation(row: tuple[Any, ...]) -> Operation:
    name, area, args, result, bare = row
    return Operation(
        name=name,
        area=area,
        args=tuple(Arg(xml, python_name(xml), spyne_type, xml in CREDENTIAL_ARGS) for xml, spyne_type in args),
        result_name=result[0] if result else None,
        result_type=result[1] if result else None,
        bare_messages=bare,
    )


OPERATIONS: tuple[Operation, ...] = tuple(_operation(row) for row in _GENERATED)
BY_NAME: Mapping[str, Operation] = {op.name: op for op in OPERATIONS}
