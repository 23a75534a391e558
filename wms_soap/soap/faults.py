"""The SOAP faults of every SOAP face (goods-owner, admin, Automation): one translation of domain errors, so that the
same error class answers the same fault code on each of them.

- a domain error (``WmsError``) the result type cannot carry in-band is a Client fault named after its class,
  ``Client.<ErrorClass>`` (``Client.NotFound``, ``Client.ShipmentNotFound``, ...), its message the faultstring;
  an operation not built yet is ``Client.NotImplemented``;
- a WS-Security failure is ``wsse:FailedAuthentication`` (the protocols write that QName), one message for every cause;
- anything unexpected is an opaque ``Server`` fault naming the request id under which it was logged.
"""

from spyne import Fault

from wms_soap.errors import NotImplementedOperation, WmsError

NOT_IMPLEMENTED = "Client.NotImplemented"


class FailedAuthentication(Fault):
    """The WS-Security failure fault: wsse:FailedAuthentication, one message for every cause."""

    def __init__(self) -> None:
        super().__init__("Client.FailedAuthentication", "The security token could not be authenticated or authorized")


def fault_for(error: WmsError) -> Fault:
    """The Client fault of a domain error; its faultstring says what is wrong and how to fix it."""
    if isinstance(error, NotImplementedOperation):
        return not_implemented(error.operation)
    return Fault(faultcode=f"Client.{type(error).__name__}", faultstring=str(error))


def not_implemented(operation: str) -> Fault:
    return Fault(faultcode=NOT_IMPLEMENTED, faultstring=str(NotImplementedOperation(operation)))


def internal_error(request_id: str) -> Fault:
    """What the caller sees of an unexpected error: nothing but the id it was logged under."""
    return Fault("Server", f"Internal error (request id {request_id})")
