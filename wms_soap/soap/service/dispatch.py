"""Handler registry and the one place where a goods-owner SOAP call meets a handler.

Handlers live in ``wms_soap/soap/service/handlers/<area>.py`` and register with ``@handler("OperationName")``. They
receive a ``Call`` and the operation's non-credential wire arguments, positionally in contract order, and
return the value of the ``<Op>Result`` element. The call runs as the request's unit of work (``soap.context``:
commit on success, roll back on any error, a lost race at a unique key as ``Conflict``). A domain error
(``WmsError``) is translated here, once: into the in-band result when the result type can carry it
(``Success=false`` plus ``ErrorMessage``/``Message``, or an error item with ``Message`` and ``ErrorType``), else
into the SOAP Client fault every SOAP face answers for it (``soap.faults``). So a handler never catches its own
domain errors.

An error item's ``ErrorType`` is the operation's own value when its handler maps the error class to one,
``@handler("ProcessReturnOrder", error_types={ReturnOrderNotFound: "OrderNotFound"})`` (a subclass of a mapped class
maps too), else ``LogonError`` for a failed logon, else the enum's ``UnknownError``/``Unknown``. Mapped values are
checked against the result's ErrorType enum when the handler registers, so a typo fails at import.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from spyne.model.complex import Array
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from wms_soap.errors import AuthenticationFailed, NotImplementedOperation, WmsError
from wms_soap.soap.faults import fault_for, not_implemented
from wms_soap.soap.service.contract import BY_NAME, Operation
from wms_soap.soap.service.request import ServiceRequest

if TYPE_CHECKING:
    from wms_soap.config import Settings
    from wms_soap.security.principal import Principal
    from wms_soap.store.answer_stamps import Stamp

Handler = Callable[..., Any]
H = TypeVar("H", bound=Handler)
AuthHook = Callable[[Any, str], "Principal | None"]
ErrorTypeOf = str | Callable[[Any], str]
"""An ErrorType value, or a function reading it from the error (``carried_error_type``)."""
ErrorTypes = Mapping[type[WmsError], ErrorTypeOf]

_HANDLERS: dict[str, Handler] = {}
_ERROR_TYPES: dict[str, ErrorTypes] = {}


class Call:
    """What a handler gets besides the wire arguments. ``session`` is the request's transaction, begun on first use:
    a handler that needs no database (GetSystemStatus) costs no session, no BEGIN and no COMMIT."""

    __slots__ = ("_request", "principal", "request_id", "settings")

    def __init__(self, request: ServiceRequest) -> None:
        self._request = request
        self.principal: Principal | None = request.caller.principal
        self.settings: Settings = request.settings
        self.request_id: str = request.request_id

    @property
    def session(self) -> Session:
        return self._request.session

    @property
    def goods_owner_id(self) -> int:
        """The caller's goods owner (``unit_of_work.Caller``): a call without one is a failed logon."""
        return self._request.caller.goods_owner_id

    def answered_from_cache(self, key: Hashable, read_stamp: Callable[[Engine], Stamp | None]) -> bool:
        """Whether a current serialized answer under ``key`` (which names the goods owner) is written instead of
        what the handler returns (then it returns ``None`` at once); see ``answer_cache``."""
        return self._request.answered_from_cache(key, read_stamp)


def handler(operation: str, *, error_types: ErrorTypes | None = None) -> Callable[[H], H]:
    """Register the decorated function as the handler of ``operation``, with the ErrorType of its in-band errors
    by error class (checked here against the result's ErrorType enum: a ``ValueError`` names what is wrong)."""
    if operation not in BY_NAME:
        raise ValueError(f"{operation} is not an operation of the contract")
    mapped = dict(error_types or {})
    in_band_error_factory(BY_NAME[operation], mapped)

    def register(func: H) -> H:
        if operation in _HANDLERS and _HANDLERS[operation] is not func:
            raise ValueError(f"{operation} already has a handler: {_HANDLERS[operation].__qualname__}")
        _HANDLERS[operation] = func
        if mapped:
            _ERROR_TYPES[operation] = mapped
        return func

    return register


def registered_handlers() -> Mapping[str, Handler]:
    return dict(_HANDLERS)


def registered_error_types() -> Mapping[str, ErrorTypes]:
    """The ``error_types`` each handler registered with, by operation (operations without a map are left out)."""
    return dict(_ERROR_TYPES)


def carried_error_type(error: Any) -> str:
    """The ErrorType an error names itself, for services whose rejection carries the contract value in
    ``error_type`` (production, goods operations): ``error_types={ProductionOrderRejected: carried_error_type}``.
    It cannot be checked ahead; a value outside the enum falls back to the generic one."""
    return str(error.error_type)


def writes_data(operation: str) -> bool:
    """Every operation but the ``Get...`` queries may change data (Process, Update, Upload, Set, ReportEvent)."""
    return not operation.startswith("Get")


# --- in-band errors ----------------------------------------------------------------------------------------------

ErrorResult = Callable[[WmsError], Any]


def _fields(cls: Any) -> Mapping[str, Any]:
    return getattr(cls, "_type_info", None) or {}


def _orig(cls: Any) -> Any:
    return getattr(cls, "__orig__", None) or cls


def _mapped_error_type(error_types: ErrorTypes, error: WmsError) -> str | None:
    for cls in type(error).__mro__:
        if cls in error_types:
            mapped = error_types[cls]
            return mapped if isinstance(mapped, str) else mapped(error)
    return None


def _error_type(allowed: frozenset[str], error_types: ErrorTypes, error: WmsError) -> str | None:
    """The mapped value of the error's class, else ``LogonError`` for a failed logon, else the generic value."""
    mapped = _mapped_error_type(error_types, error) if error_types else None
    preferred = ("LogonError",) if isinstance(error, AuthenticationFailed) else ()
    for value in (mapped, *preferred, "UnknownError", "Unknown"):
        if value in allowed:
            return value
    return None


def _check_error_types(operation: Operation, error_types: ErrorTypes, item_cls: Any, allowed: frozenset[str]) -> None:
    enum_name = _fields(item_cls)["ErrorType"].get_type_name()
    for cls, value in error_types.items():
        if not (isinstance(cls, type) and issubclass(cls, WmsError)):
            raise ValueError(f"{operation.name}: error_types keys must be WmsError classes, not {cls!r}")
        if isinstance(value, str) and value not in allowed:
            raise ValueError(f"{operation.name}: {cls.__name__} maps to {value!r}, which is not a value of "
                             f"{enum_name} ({', '.join(sorted(allowed))})")


def _is_spyne_array(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Array)


def _error_item_factory(operation: Operation, field_type: Any,
                        error_types: ErrorTypes) -> tuple[Callable[[WmsError], Any], bool] | None:
    """How to build the error value of a field: an item with ``ErrorType``, or a list of one such item."""
    as_list = _is_spyne_array(field_type)
    item_cls = _orig(next(iter(_fields(field_type).values()))) if as_list else _orig(field_type)
    if "ErrorType" not in _fields(item_cls):
        return None
    allowed = frozenset(_fields(item_cls)["ErrorType"].Attributes.values or ())
    _check_error_types(operation, error_types, item_cls, allowed)
    message_field = next((f for f in ("Message", "ErrorMessage") if f in _fields(item_cls)), None)

    def make(error: WmsError) -> Any:
        values: dict[str, Any] = {"ErrorType": _error_type(allowed, error_types, error)}
        if message_field:
            values[message_field] = str(error)
        return item_cls(**values)

    return make, as_list or field_type.Attributes.max_occurs > 1


def in_band_error_factory(operation: Operation, error_types: ErrorTypes | None = None) -> ErrorResult | None:
    """A function turning a domain error into the operation's result, if its result type can carry one.

    ``error_types`` (the handler's map) must name values of the result's ErrorType enum; a result without an
    ErrorType refuses any map. Both are a ``ValueError``.
    """
    error_types = error_types or {}
    result_cls = operation.result_class
    fields = _fields(result_cls)
    message_field = next((f for f in ("ErrorMessage", "Message") if f in fields), None)
    found = None
    if "Success" in fields and message_field is None:
        found = next(((name, made) for name, field_type in fields.items()
                      if (made := _error_item_factory(operation, field_type, error_types)) is not None), None)
    if error_types and found is None:
        raise ValueError(f"{operation.name}: its result has no error item with an ErrorType; error_types cannot apply")
    if "Success" not in fields:
        return None
    if message_field is not None:
        def with_message(error: WmsError) -> Any:
            return result_cls(Success=False, **{message_field: str(error)})

        return with_message
    if found is None:
        return None
    errors_field, (make_item, as_list) = found

    def with_error_item(error: WmsError) -> Any:
        item = make_item(error)
        return result_cls(Success=False, **{errors_field: [item] if as_list else item})

    return with_error_item


# --- dispatching -------------------------------------------------------------------------------------------------

class OperationDispatcher:
    """Runs one operation: credentials, authentication, the handler in the unit of work, error translation.

    Everything that can be decided ahead (argument positions, the in-band error shape) is decided once, at
    service build time, so a call does no reflection.
    """

    def __init__(self, operation: Operation, handler_func: Handler | None, auth_hook: AuthHook | None,
                 error_types: ErrorTypes | None = None) -> None:
        self.operation = operation
        self.handler = handler_func
        self.auth_hook = auth_hook
        positions = {a.xml_name: i for i, a in enumerate(operation.args)}
        self._credential_positions = tuple(positions.get(n) for n in
                                           ("UserName", "Password", "GoodsOwnerCode", "GoodsOwnerId"))
        self._payload_positions = tuple(i for i, a in enumerate(operation.args) if not a.credential)
        self._error_result = in_band_error_factory(operation, error_types)
        self.writes = writes_data(operation.name)

    def __call__(self, ctx: Any, args: tuple[Any, ...]) -> Any:
        if self.handler is None:
            raise not_implemented(self.operation.name)
        request: ServiceRequest = ctx.udc
        request.writes = self.writes
        request.credential_args = tuple(None if i is None else args[i] for i in self._credential_positions)
        try:
            return request.run(self._handle, ctx, request, args)
        except WmsError as error:
            return self.translate(error)

    def _handle(self, ctx: Any, request: ServiceRequest, args: tuple[Any, ...]) -> Any:
        if self.operation.needs_auth:
            self._authenticate(ctx, request)
        assert self.handler is not None
        return self.handler(Call(request), *(args[i] for i in self._payload_positions))

    def _authenticate(self, ctx: Any, request: ServiceRequest) -> None:
        principal = self.auth_hook(ctx, self.operation.name) if self.auth_hook is not None else None
        if principal is None:
            raise AuthenticationFailed()
        request.identify(principal)

    def translate(self, error: WmsError) -> Any:
        """The in-band result for ``error`` when the result type has room for it, else the Client fault."""
        if self._error_result is None or isinstance(error, NotImplementedOperation):
            raise fault_for(error) from error
        return self._error_result(error)
