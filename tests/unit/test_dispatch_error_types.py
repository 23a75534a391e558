"""The per-operation ErrorType map of ``@handler(..., error_types=...)``: how the dispatcher names in-band errors."""

import ast
import inspect
from types import SimpleNamespace
from typing import Any

import pytest

from tests.unit.test_dispatch import CREDENTIALS, _ctx
from wms_soap.errors import AuthenticationFailed, NotFound, ValidationFailed
from wms_soap.services import files
from wms_soap.services.inbound import returns
from wms_soap.services.production import goods_operations, production
from wms_soap.soap.service import handlers  # noqa: F401  (registers every handler)
from wms_soap.soap.service.contract import BY_NAME
from wms_soap.soap.service.dispatch import (
    Call,
    ErrorTypes,
    OperationDispatcher,
    carried_error_type,
    handler,
    in_band_error_factory,
    registered_error_types,
    registered_handlers,
)
from wms_soap.soap.service.methods import build_service
from wms_soap.soap.service.types.enums import ProcessGoodsOperationOrderErrorType, ProcessProductionOrderErrorType

RETURN_ERRORS: ErrorTypes = {returns.ReturnOrderNotFound: "OrderNotFound", NotFound: "WarehouseNotFound"}


class OrderGone(returns.ReturnOrderNotFound):
    """A subclass of a mapped error, mapped by nobody itself."""


def _answer(error: Exception, error_types: ErrorTypes = RETURN_ERRORS) -> tuple[Any, list[str]]:
    def fails(call: Call, return_order: Any) -> None:
        call.session.events.append("work")  # type: ignore[attr-defined]
        raise error

    ctx, session = _ctx()
    dispatcher = OperationDispatcher(BY_NAME["ProcessReturnOrder"], fails, lambda ctx, op: SimpleNamespace(),
                                     error_types)
    return dispatcher(ctx, (*CREDENTIALS, None)), session.events


def _error(result: Any) -> tuple[str, str]:
    (item,) = result.ProcessReturnOrderErrors
    return item.ErrorType, item.Message


def test_a_mapped_error_answers_its_error_type_and_the_transaction_rolls_back() -> None:
    result, events = _answer(returns.ReturnOrderNotFound("Order 7 was not found"))
    assert (result.Success, result.ReturnOrderId) == (False, None)
    assert _error(result) == ("OrderNotFound", "Order 7 was not found")
    assert events == ["work", "rollback"]


def test_a_subclass_of_a_mapped_error_maps_through_its_nearest_mapped_class() -> None:
    assert _error(_answer(OrderGone("gone"))[0]) == ("OrderNotFound", "gone")
    assert _error(_answer(returns.ReturnCauseNotFound("no cause"))[0]) == ("WarehouseNotFound", "no cause")


def test_an_unmapped_error_falls_back_to_unknown_error_and_a_logon_failure_to_logon_error() -> None:
    assert _error(_answer(ValidationFailed("bad"))[0]) == ("UnknownError", "bad")
    assert _error(_answer(AuthenticationFailed())[0])[0] == "LogonError"
    assert _error(_answer(NotFound("x"), {})[0]) == ("UnknownError", "x")


def test_a_carried_error_type_is_used_and_one_outside_the_enum_falls_back() -> None:
    carried: ErrorTypes = {production.ProductionOrderRejected: carried_error_type}
    errors = in_band_error_factory(BY_NAME["ProcessProductionOrder"], carried)
    assert errors is not None
    rejected = production.ProductionOrderRejected("NoSpecificationLinesSpecified", "no lines")
    (item,) = errors(rejected).ProcessProductionOrderErrors
    assert (item.ErrorType, item.Message) == ("NoSpecificationLinesSpecified", "no lines")
    (other,) = errors(production.ProductionOrderRejected("NotInTheContract", "x")).ProcessProductionOrderErrors
    assert other.ErrorType == "UnknownError"


def test_a_value_outside_the_result_s_enum_is_refused_at_registration() -> None:
    with pytest.raises(ValueError, match=r"ReturnOrderNotFound maps to 'OrderMissing', which is not a value of "
                                         r"ProcessReturnOrderErrorType \(LogonError, OrderIdNotSupplied"):
        handler("ProcessReturnOrder", error_types={returns.ReturnOrderNotFound: "OrderMissing"})
    with pytest.raises(ValueError, match="not a value of UploadShipmentFileErrorType"):
        OperationDispatcher(BY_NAME["UploadShipmentFile"], None, None, {NotFound: "InOrderNotFound"})


def test_a_map_for_a_result_without_error_type_or_a_non_error_key_is_refused() -> None:
    with pytest.raises(ValueError, match="ProcessArticle: its result has no error item with an ErrorType"):
        handler("ProcessArticle", error_types={NotFound: "UnknownError"})
    with pytest.raises(ValueError, match="GetOrdersByQuery: its result has no error item"):
        in_band_error_factory(BY_NAME["GetOrdersByQuery"], {NotFound: "UnknownError"})
    with pytest.raises(ValueError, match="keys must be WmsError classes"):
        in_band_error_factory(BY_NAME["ProcessReturnOrder"], {KeyError: "UnknownError"})  # type: ignore[dict-item]


def test_the_registry_keeps_each_handler_s_map_and_the_service_uses_it() -> None:
    maps = registered_error_types()
    assert sorted(maps) == ["ProcessGoodsOperationOrder", "ProcessProductionOrder", "ProcessReturnOrder",
                            "UploadInOrderFile", "UploadShipmentFile"]
    assert set(maps) <= set(registered_handlers())
    assert (maps["UploadInOrderFile"][files.TargetNotFound], maps["UploadShipmentFile"][files.TargetNotFound]) == (
        "InOrderNotFound", "ShipmentNotFound")

    def fails(call: Call, return_order: Any) -> None:
        raise OrderGone("gone")

    service = build_service({"ProcessReturnOrder": fails}, auth_hook=lambda ctx, op: SimpleNamespace())
    ctx, _ = _ctx()
    result = service.public_methods["ProcessReturnOrder"].function(ctx, *CREDENTIALS, None)
    assert _error(result) == ("OrderNotFound", "gone")


@pytest.mark.parametrize(("module", "enum"), [(production, ProcessProductionOrderErrorType),
                                              (goods_operations, ProcessGoodsOperationOrderErrorType)])
def test_every_error_type_a_service_rejection_names_is_in_the_contract_enum(module: Any, enum: Any) -> None:
    """``carried_error_type`` cannot be checked at registration; the literal values the services raise are."""
    named = {node.args[0].value for node in ast.walk(ast.parse(inspect.getsource(module)))
             if isinstance(node, ast.Call) and getattr(node.func, "id", "").endswith("Rejected")
             and node.args and isinstance(node.args[0], ast.Constant)}
    named |= {node.value for node in ast.walk(ast.parse(inspect.getsource(module)))
              if isinstance(node, ast.Constant) and str(node.value).startswith("UnableToFind")}
    assert named and named <= set(enum.Attributes.values)
