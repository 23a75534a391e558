"""Handler registry and the one place where an Automation call meets a handler.

Handlers live in ``soap/automation/handlers/<area>.py`` and register with ``@handler("Operation")``. A handler gets
a ``Call`` and the payload (the request's third child, ``None`` when absent) and returns the ``<Op>Result``.

Per call, in this order, inside the request's unit of work (``soap.context.RequestContext``: committed when the
handler returns, rolled back on any error): the logon (automation users only: the security edge authenticated the
body's UserName/Password or a WS-Security UsernameToken; anyone else gets the same logon answer), the operator of a
write (``services.access.operators``: refused when missing), then the handler.

A domain error is answered in-band: ``Success=false``, ``Message``, and one ``Errors`` item whose ``ErrorType`` is
the handler's mapped value for the error's class (``@handler("MoveArticleItem", error_types={NotFound:
"ArticleItemNotFound"})``, checked against the enum when the handler registers), else ``LogonError`` /
``OperatorNotSpecified`` / ``UnknownError``. An operation without a handler is ``soap.faults.not_implemented``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.orm import Session

from wms_soap.errors import AuthenticationFailed, WmsError
from wms_soap.services.access.operators import Actor, OperatorNotSpecified, acting
from wms_soap.soap.auth import OPERATOR_KEY, authenticate_call, environ
from wms_soap.soap.automation.contract import BY_NAME, Operation
from wms_soap.soap.context import RequestContext
from wms_soap.soap.faults import not_implemented

if TYPE_CHECKING:
    from wms_soap.config import Settings
    from wms_soap.security.principal import Principal

Handler = Callable[..., Any]
H = TypeVar("H", bound=Handler)
ErrorTypes = Mapping[type[WmsError], str]
_HANDLERS: dict[str, tuple[Handler, ErrorTypes]] = {}


class Call:
    """What a handler gets besides the payload: the transaction, who calls, and for a write the actor."""

    __slots__ = ("_actor", "_request", "principal", "settings")

    def __init__(self, request: RequestContext, principal: Principal, actor: Actor | None) -> None:
        self._request = request
        self.settings: Settings = request.settings
        self.principal = principal
        self._actor = actor

    @property
    def session(self) -> Session:
        return self._request.session

    @property
    def actor(self) -> Actor:
        """The automation user and the operator of this write (only writes have one)."""
        assert self._actor is not None, "only a write has an actor"
        return self._actor


def handler(operation: str, *, error_types: ErrorTypes | None = None) -> Callable[[H], H]:
    """Register the decorated function as ``operation``'s handler, with the ErrorType of each error class."""
    if operation not in BY_NAME:
        raise ValueError(f"{operation} is not an operation of the Automation API")
    contract = BY_NAME[operation]
    if contract.writes and contract.operator is None:
        raise ValueError(f"{operation} writes, but its request has no ...ByUser element for the operator yet: add one "
                         "to its payload type and name it in contract.py")
    mapped = dict(error_types or {})
    ErrorAnswer(contract, mapped)  # checks the values against the enum

    def register(func: H) -> H:
        if operation in _HANDLERS and _HANDLERS[operation][0] is not func:
            raise ValueError(f"{operation} already has a handler: {_HANDLERS[operation][0].__qualname__}")
        _HANDLERS[operation] = (func, mapped)
        return func

    return register


def registered_handlers() -> Mapping[str, tuple[Handler, ErrorTypes]]:
    return dict(_HANDLERS)


class ErrorAnswer:
    """Turns a domain error into the operation's result: ``Success=false`` with ``Message`` and one ``Errors``
    item, as far as the result type has those fields (decided once, at build time)."""

    def __init__(self, operation: Operation, error_types: ErrorTypes) -> None:
        self.result_cls = getattr(operation.result_type, "__orig__", None) or operation.result_type
        fields = self.result_cls._type_info
        self.has_message = "Message" in fields
        errors = fields.get("Errors")
        self.item_cls = None if errors is None else _orig(next(iter(errors._type_info.values())))
        enum = self.item_cls._type_info["ErrorType"] if self.item_cls else None
        self.allowed = frozenset(enum.Attributes.values) if enum is not None else frozenset()
        self.error_types = error_types
        for cls, value in error_types.items():
            if value not in self.allowed:
                raise ValueError(f"{operation.name}: {cls.__name__} maps to {value!r}, not a value of its ErrorType "
                                 f"({', '.join(sorted(self.allowed))})")

    def __call__(self, error: WmsError) -> Any:
        values: dict[str, Any] = {"Success": False}
        if self.has_message:
            values["Message"] = str(error)
        if self.item_cls is not None:
            values["Errors"] = [self.item_cls(Message=str(error), ErrorType=self.error_type(error))]
        return self.result_cls(**values)

    def error_type(self, error: WmsError) -> str:
        """A failed logon and a missing operator have their own values; else the handler's, else UnknownError."""
        fixed = ("LogonError" if isinstance(error, AuthenticationFailed) else
                 "OperatorNotSpecified" if isinstance(error, OperatorNotSpecified) else None)
        mapped = next((self.error_types[c] for c in type(error).__mro__ if c in self.error_types), None)
        return next((v for v in (fixed, mapped) if v is not None and v in self.allowed), "UnknownError")


def _orig(cls: Any) -> Any:
    return getattr(cls, "__orig__", None) or cls


class OperationDispatcher:
    """Runs one operation: logon, operator, the handler in a unit of work, in-band errors."""

    def __init__(self, operation: Operation, registered: tuple[Handler, ErrorTypes] | None) -> None:
        self.operation = operation
        self.handler = registered[0] if registered else None
        self.answer_error = ErrorAnswer(operation, registered[1] if registered else {})

    def __call__(self, ctx: Any, payload: Any) -> Any:
        if self.handler is None:
            raise not_implemented(self.operation.name)
        request: RequestContext = ctx.udc
        request.writes = self.operation.writes
        try:
            return request.run(self._handle, ctx, request, payload)
        except WmsError as error:
            return self.answer_error(error)

    def _handle(self, ctx: Any, request: RequestContext, payload: Any) -> Any:
        principal = self._principal(ctx)
        request.identify(principal)
        actor = self._actor(ctx, principal, payload)
        assert self.handler is not None
        return self.handler(Call(request, principal, actor), payload)

    def _principal(self, ctx: Any) -> Principal:
        principal = authenticate_call(ctx, self.operation.name)
        if principal is None or principal.kind != "automation":
            raise AuthenticationFailed()
        return principal

    def _actor(self, ctx: Any, principal: Principal, payload: Any) -> Actor | None:
        element = self.operation.operator
        if element is None:
            return None
        by_user = getattr(payload, element, None)
        actor = acting(principal, getattr(by_user, "UserName", None), element)
        environ(ctx)[OPERATOR_KEY] = actor.operator
        return actor
