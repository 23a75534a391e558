"""soap.faults: one translation of domain errors into SOAP faults, the same on every SOAP face."""

import pytest
from spyne import Fault

from wms_soap.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    NotImplementedOperation,
    PermissionDenied,
    ValidationFailed,
    WmsError,
)
from wms_soap.services.orders.shipments import ShipmentNotFound
from wms_soap.soap.faults import FailedAuthentication, fault_for, internal_error


@pytest.mark.parametrize(("error", "code"), [
    (ValidationFailed("bad"), "Client.ValidationFailed"),
    (NotFound("bad"), "Client.NotFound"),
    (Conflict("bad"), "Client.Conflict"),
    (AuthenticationFailed("bad"), "Client.AuthenticationFailed"),
    (PermissionDenied("bad"), "Client.PermissionDenied"),
    (ShipmentNotFound("bad"), "Client.ShipmentNotFound"),
])
def test_a_domain_error_is_the_client_fault_named_after_its_class(error: WmsError, code: str) -> None:
    fault = fault_for(error)
    assert (fault.faultcode, fault.faultstring) == (code, "bad")


def test_an_operation_not_built_yet_is_client_not_implemented_naming_it() -> None:
    fault = fault_for(NotImplementedOperation("GetPickingLists"))
    assert (fault.faultcode, fault.faultstring) == (
        "Client.NotImplemented", "The operation GetPickingLists is not implemented by this server yet")


def test_the_opaque_server_fault_names_only_the_request_id() -> None:
    fault = internal_error("abc123")
    assert (fault.faultcode, fault.faultstring) == ("Server", "Internal error (request id abc123)")


def test_the_ws_security_failure_says_the_same_for_every_cause() -> None:
    assert isinstance(FailedAuthentication(), Fault)
    assert FailedAuthentication().faultcode == "Client.FailedAuthentication"
