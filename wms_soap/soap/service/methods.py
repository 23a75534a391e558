"""Builds the Spyne ``Service`` class of the 60 goods-owner operations from the operation table.

Each ``@rpc`` method is a two-line trampoline into its ``OperationDispatcher``; the methods appear in the WSDL
in contract order. Wrapped style everywhere except the bare-style operations of ``contract.py``.
"""

from collections.abc import Mapping
from typing import Any

from spyne import Service, rpc

from wms_soap.soap.service.contract import OPERATIONS, Operation
from wms_soap.soap.service.dispatch import (
    AuthHook,
    ErrorTypes,
    Handler,
    OperationDispatcher,
    registered_error_types,
    registered_handlers,
)

SERVICE_NAME = "Service"


def _wrapped_method(operation: Operation, dispatcher: OperationDispatcher) -> Any:
    def method(ctx: Any, *args: Any) -> Any:
        return dispatcher(ctx, args)

    method.__name__ = method.__qualname__ = operation.name
    returns = {"_returns": operation.result_type} if operation.result_type is not None else {}
    return rpc(*(a.spyne_type for a in operation.args), _args=tuple(a.xml_name for a in operation.args),
               **returns)(method)


def _bare_method(operation: Operation, dispatcher: OperationDispatcher) -> Any:
    assert operation.bare_messages is not None and operation.result_name is not None
    request_cls, response_cls = operation.bare_messages
    names = tuple(a.xml_name for a in operation.args)
    result_name = operation.result_name

    def method(ctx: Any, request: Any) -> Any:
        args = tuple(getattr(request, n, None) for n in names)
        return response_cls(**{result_name: dispatcher(ctx, args)})

    method.__name__ = method.__qualname__ = operation.name
    return rpc(request_cls, _body_style="bare", _returns=response_cls)(method)


def build_service(handlers: Mapping[str, Handler] | None = None, auth_hook: AuthHook | None = None,
                  error_types: Mapping[str, ErrorTypes] | None = None) -> type[Service]:
    """The Spyne service class; ``handlers`` and ``error_types`` (each operation's ErrorType map) default to the
    registry (import ``soap.handlers`` first).

    ``auth_hook`` is ``soap.auth.authenticate_call`` in the application; ``None`` leaves every operation that
    needs credentials refused (no principal) unless the protocol set one.
    """
    handlers = registered_handlers() if handlers is None else handlers
    error_types = registered_error_types() if error_types is None else error_types
    methods = {}
    for operation in OPERATIONS:
        dispatcher = OperationDispatcher(operation, handlers.get(operation.name), auth_hook,
                                         error_types.get(operation.name))
        build = _bare_method if operation.bare_messages else _wrapped_method
        methods[operation.name] = build(operation, dispatcher)
    service: type[Service] = type(SERVICE_NAME, (Service,), {"__service_name__": SERVICE_NAME, **methods})
    for descriptor in service.public_methods.values():
        descriptor.in_message.Attributes.wsdl_part_name = "parameters"
        descriptor.out_message.Attributes.wsdl_part_name = "parameters"
    return service
