"""Builds the Spyne ``Service`` class of the 45 Automation operations from the operation table.

Each ``@rpc`` method (wrapped style: ``<Op>(UserName, Password, <payload>)`` -> ``<Op>Response/<Op>Result``) is a
trampoline into its ``OperationDispatcher``; methods appear in the WSDL in contract order.
"""

from collections.abc import Mapping
from typing import Any

from spyne import Service, rpc

from wms_soap.soap.automation.contract import OPERATIONS, Operation
from wms_soap.soap.automation.dispatch import ErrorTypes, Handler, OperationDispatcher, registered_handlers
from wms_soap.soap.primitives import String, occ

SERVICE_NAME = "Automation"
_CREDENTIAL = String.customize(**occ(0))


def _method(operation: Operation, dispatcher: OperationDispatcher) -> Any:
    def method(ctx: Any, user_name: Any, password: Any, payload: Any) -> Any:
        return dispatcher(ctx, payload)

    method.__name__ = method.__qualname__ = operation.name
    payload_type = operation.payload_type.customize(**occ(0))
    return rpc(_CREDENTIAL, _CREDENTIAL, payload_type, _args=("UserName", "Password", operation.payload_name),
               _returns=operation.result_type.customize(**occ(0)))(method)


def build_service(handlers: Mapping[str, tuple[Handler, ErrorTypes]] | None = None) -> type[Service]:
    """The Spyne service class; ``handlers`` default to the registry (import ``automation.handlers`` first)."""
    handlers = registered_handlers() if handlers is None else handlers
    methods = {op.name: _method(op, OperationDispatcher(op, handlers.get(op.name))) for op in OPERATIONS}
    service: type[Service] = type(SERVICE_NAME, (Service,), {"__service_name__": SERVICE_NAME, **methods})
    for descriptor in service.public_methods.values():
        descriptor.in_message.Attributes.wsdl_part_name = "parameters"
        descriptor.out_message.Attributes.wsdl_part_name = "parameters"
    return service
