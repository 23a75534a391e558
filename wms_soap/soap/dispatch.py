"""Handler registry and the one place where a SOAP call meets a handler.

Handlers live in ``wms_soap/soap/handlers/<area>.py`` and register with ``@handler("OperationName")``. They
receive a ``Call`` and the operation's non-credential wire arguments, positionally in contract order, and
return the value of the ``<Op>Result`` element. A domain error (``WmsError``) is translated here, once: into the
in-band result when the result type can carry it (``Success=false`` plus ``ErrorMessage``/``Message``, or an
error item with ``ErrorType``), else into a SOAP Client fault. The transaction is rolled back on any error.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from spyne import Fault
from spyne.model.complex import Array
from sqlalchemy.orm import Session

from wms_soap.errors import AuthenticationFailed, NotImplementedOperation, WmsError
from wms_soap.soap.context import Credentials, RequestContext
from wms_soap.soap.contract import BY_NAME, Operation

if TYPE_CHECKING:
    from wms_soap.config import Settings
    from wms_soap.security.principal import Principal

Handler = Callable[..., Any]
H = TypeVar("H", bound=Handler)
AuthHook = Callable[[Any, str], "Principal | None"]

_HANDLERS: dict[str, Handler] = {}


class Call:
    """What a handler gets besides the wire arguments. ``session`` is the request's transaction, begun on first use:
    a handler that needs no database (GetSystemStatus) costs no session, no BEGIN and no COMMIT."""

    __slots__ = ("_request", "principal", "request_id", "settings")

    def __init__(self, request: RequestContext, principal: Principal | None) -> None:
        self._request = request
        self.principal = principal
        self.settings: Settings = request.settings
        self.request_id: str = request.request_id

    @property
    def session(self) -> Session:
        return self._request.session


def handler(operation: str) -> Callable[[H], H]:
    """Register the decorated function as the handler of ``operation``."""
    if operation not in BY_NAME:
        raise ValueError(f"{operation} is not an operation of the contract")

    def register(func: H) -> H:
        if operation in _HANDLERS and _HANDLERS[operation] is not func:
            raise ValueError(f"{operation} already has a handler: {_HANDLERS[operation].__qualname__}")
        _HANDLERS[operation] = func
        return func

    return register


def registered_handlers() -> Mapping[str, Handler]:
    return dict(_HANDLERS)


def writes_data(operation: str) -> bool:
    """Every operation but the ``Get...`` queries may change data (Process, Update, Upload, Set, ReportEvent)."""
    return not operation.startswith("Get")


def not_implemented_fault(operation: str) -> Fault:
    return Fault(faultcode="Client.NotImplemented",
                 faultstring=f"The operation {operation} is not implemented by this server yet")


def load_auth_hook() -> AuthHook | None:
    """``wms_soap.soap.auth.authenticate_call`` once the security work provides it, else ``None``."""
    try:
        module = importlib.import_module("wms_soap.soap.auth")
    except ModuleNotFoundError as error:
        if error.name != "wms_soap.soap.auth":
            raise
        return None
    hook: AuthHook | None = getattr(module, "authenticate_call", None)
    return hook


# --- in-band errors ----------------------------------------------------------------------------------------------

ErrorResult = Callable[[WmsError], Any]


def _fields(cls: Any) -> Mapping[str, Any]:
    return getattr(cls, "_type_info", None) or {}


def _orig(cls: Any) -> Any:
    return getattr(cls, "__orig__", None) or cls


def _error_type(item_cls: Any, error: WmsError) -> str | None:
    values = set(_fields(item_cls)["ErrorType"].Attributes.values or ())
    preferred = ("LogonError",) if isinstance(error, AuthenticationFailed) else ()
    for value in (*preferred, "UnknownError", "Unknown"):
        if value in values:
            return value
    return None


def _is_spyne_array(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Array)


def _error_item_factory(field_type: Any) -> tuple[Callable[[WmsError], Any], bool] | None:
    """How to build the error value of a field: an item with ``ErrorType``, or a list of one such item."""
    as_list = _is_spyne_array(field_type)
    item_cls = _orig(next(iter(_fields(field_type).values()))) if as_list else _orig(field_type)
    if "ErrorType" not in _fields(item_cls):
        return None
    message_field = next((f for f in ("Message", "ErrorMessage") if f in _fields(item_cls)), None)

    def make(error: WmsError) -> Any:
        values: dict[str, Any] = {"ErrorType": _error_type(item_cls, error)}
        if message_field:
            values[message_field] = str(error)
        return item_cls(**values)

    return make, as_list or field_type.Attributes.max_occurs > 1


def in_band_error_factory(operation: Operation) -> ErrorResult | None:
    """A function turning a domain error into the operation's result, if its result type can carry one."""
    result_cls = operation.result_class
    fields = _fields(result_cls)
    if "Success" not in fields:
        return None
    message_field = next((f for f in ("ErrorMessage", "Message") if f in fields), None)
    if message_field is not None:
        def with_message(error: WmsError) -> Any:
            return result_cls(Success=False, **{message_field: str(error)})

        return with_message
    found = next(((name, made) for name, field_type in fields.items()
                  if (made := _error_item_factory(field_type)) is not None), None)
    if found is None:
        return None
    errors_field, (make_item, as_list) = found

    def with_error_item(error: WmsError) -> Any:
        item = make_item(error)
        return result_cls(Success=False, **{errors_field: [item] if as_list else item})

    return with_error_item


# --- dispatching -------------------------------------------------------------------------------------------------

class OperationDispatcher:
    """Runs one operation: credentials, authentication, the handler, the transaction, error translation.

    Everything that can be decided ahead (argument positions, the in-band error shape) is decided once, at
    service build time, so a call does no reflection.
    """

    def __init__(self, operation: Operation, handler_func: Handler | None, auth_hook: AuthHook | None) -> None:
        self.operation = operation
        self.handler = handler_func
        self.auth_hook = auth_hook
        positions = {a.xml_name: i for i, a in enumerate(operation.args)}
        self._credential_positions = tuple(positions.get(n) for n in
                                           ("UserName", "Password", "GoodsOwnerCode", "GoodsOwnerId"))
        self._payload_positions = tuple(i for i, a in enumerate(operation.args) if not a.credential)
        self._error_result = in_band_error_factory(operation)
        self.writes = writes_data(operation.name)

    def __call__(self, ctx: Any, args: tuple[Any, ...]) -> Any:
        if self.handler is None:
            raise not_implemented_fault(self.operation.name)
        request: RequestContext = ctx.udc
        request.writes = self.writes
        request.credentials = Credentials(*(None if i is None else args[i] for i in self._credential_positions))
        try:
            if self.operation.needs_auth:
                self._authenticate(ctx, request)
            call = Call(request, request.principal)
            result = self.handler(call, *(args[i] for i in self._payload_positions))
            request.commit()
        except WmsError as error:
            request.rollback()
            return self.translate(error)
        except BaseException:
            request.rollback()
            raise
        return result

    def _authenticate(self, ctx: Any, request: RequestContext) -> None:
        if request.logon_failed:
            raise AuthenticationFailed()
        if self.auth_hook is not None:
            principal = self.auth_hook(ctx, self.operation.name)
            if principal is not None:
                request.principal = principal
        if request.principal is None:
            raise AuthenticationFailed()

    def translate(self, error: WmsError) -> Any:
        """The in-band result for ``error`` when the result type has room for it, else a Client fault."""
        if isinstance(error, NotImplementedOperation):
            raise not_implemented_fault(self.operation.name) from error
        if self._error_result is None:
            raise Fault(faultcode=f"Client.{type(error).__name__}", faultstring=str(error)) from error
        return self._error_result(error)
