"""The frame of every designed Automation result: ``Success``, ``Message``, ``Errors``, then the payload.

    MoveArticleItemResult = result("MoveArticleItem", [("MovedArticleItems", opt(ArrayOfMovedArticleItem))],
                                   error_types=("ArticleItemNotFound", ...))

makes ``MoveArticleItemResult`` with ``Errors`` of ``MoveArticleItemError`` items (``Message``, ``ErrorType`` of
enum ``MoveArticleItemErrorType``). Every enum has ``UnknownError`` and ``LogonError``; a write's also has
``OperatorNotSpecified`` (the usage policy's rule that a write names the person operating the equipment).
"""

from collections.abc import Sequence
from typing import Any

from spyne import Array, ComplexModel

from wms_soap.soap.automation.types.common import NS, Enum, enum_field, opt, req
from wms_soap.soap.primitives import Boolean, String

COMMON_ERROR_TYPES = ("UnknownError", "LogonError")
WRITE_ERROR_TYPES = ("OperatorNotSpecified",)
Field = tuple[str, Any]


def error_item(operation: str, error_types: Sequence[str]) -> type:
    """``<Op>Error{Message, ErrorType}`` with its ``<Op>ErrorType`` enum."""
    enum = Enum(f"{operation}ErrorType", *dict.fromkeys([*COMMON_ERROR_TYPES, *error_types]))
    item: type = type(f"{operation}Error", (ComplexModel,), {
        "__namespace__": NS, "_type_info": [("Message", opt(String)), ("ErrorType", enum_field(enum, 1))]})
    return item


def errors_array(item: type) -> Any:
    name = item.__name__
    return Array(item.customize(nillable=True), member_name=name, type_name=f"ArrayOf{name}")  # type: ignore[attr-defined]


def result(operation: str, payload: Sequence[Field] = (), *, error_types: Sequence[str] = (), writes: bool = False,
           type_name: str | None = None) -> type:
    """The designed ``<Op>Result`` type (``type_name`` when the sources name it otherwise)."""
    item = error_item(operation, [*(WRITE_ERROR_TYPES if writes else ()), *error_types])
    fields = [("Success", req(Boolean)), ("Message", opt(String)), ("Errors", opt(errors_array(item))), *payload]
    made: type = type(type_name or f"{operation}Result", (ComplexModel,), {"__namespace__": NS, "_type_info": fields})
    return made
