"""The dispatcher: handler arguments, authentication, transaction, and the one translation of domain errors."""

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
from spyne import Fault
from sqlalchemy.exc import IntegrityError

from wms_soap.errors import AuthenticationFailed, NotFound, NotImplementedOperation, ValidationFailed
from wms_soap.security.authenticator import Credentials
from wms_soap.security.policy import GoodsOwnerClaim
from wms_soap.security.principal import Principal
from wms_soap.soap.service.contract import BY_NAME, OPERATIONS, python_name
from wms_soap.soap.service.dispatch import Call, OperationDispatcher, handler, in_band_error_factory
from wms_soap.soap.service.request import ServiceRequest
from wms_soap.unit_of_work import RACE_LOST

ACME = Principal(kind="api", user_id=1, username="WSI-acme", goods_owner_id=1, goods_owner_code="ACME")
CREDENTIALS = ("ACME", "WSI-acme", "secret")  # GoodsOwnerCode, UserName, Password


@dataclass
class FakeSession:
    events: list[str] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    def commit(self) -> None:
        self.events.append("commit")

    def rollback(self) -> None:
        self.events.append("rollback")

    def close(self) -> None:
        self.events.append("close")

    def get_bind(self) -> Any:  # not SQLite: a writing operation's session needs no BEGIN IMMEDIATE
        return SimpleNamespace(dialect=SimpleNamespace(name="fake"))


def _ctx() -> tuple[Any, FakeSession]:
    session = FakeSession()
    request = ServiceRequest(SimpleNamespace(), lambda: session)  # type: ignore[arg-type]
    return SimpleNamespace(udc=request), session


def _dispatcher(operation: str, func: Any, hook: Any = lambda ctx, op: ACME) -> OperationDispatcher:
    return OperationDispatcher(BY_NAME[operation], func, hook)


def test_the_operation_table_has_the_60_operations_with_python_names() -> None:
    assert len(OPERATIONS) == 60 and len(BY_NAME) == 60
    query = BY_NAME["GetInventoryByQuery"]
    assert [a.py_name for a in query.payload_args] == ["get_inventory_query"]
    assert [a.xml_name for a in BY_NAME["GetInventory"].args if a.credential] == ["GoodsOwnerId", "UserName",
                                                                                   "Password"]
    assert [python_name(n) for n in ("syncTime", "co", "UpdateOrderLines", "FileId")] == [
        "sync_time", "co", "update_order_lines", "file_id"]
    assert sorted(op.name for op in OPERATIONS if op.bare_messages) == [
        "UpdateInOrder", "UpdateInOrderLines", "UpdateOrder", "UpdateOrderLines", "UpdateProductionOrderLines",
        "UpdateShipment", "UploadInOrderFile", "UploadShipmentFile"]
    assert [op.name for op in OPERATIONS if not op.needs_auth] == ["GetSystemStatus"]


def test_a_handler_gets_call_and_payload_positionally_and_the_transaction_commits() -> None:
    seen: list[Any] = []

    def get_inventory(call: Call, query: Any) -> str:
        seen.append((call.principal, call.request_id, query))
        call.session.events.append("work")  # type: ignore[attr-defined]
        return "result"

    ctx, session = _ctx()
    assert _dispatcher("GetInventoryByQuery", get_inventory)(ctx, (*CREDENTIALS, "the query")) == "result"
    assert seen == [(ACME, ctx.udc.request_id, "the query")]
    assert session.events == ["work", "commit"]
    assert ctx.udc.credentials == Credentials("WSI-acme", "secret", goods_owner=GoodsOwnerClaim(code="ACME"))


def test_goods_owner_id_credentials_are_recorded_too() -> None:
    ctx, _ = _ctx()
    _dispatcher("GetInventory", lambda call: "ok")(ctx, (5, "WSI-acme", "secret"))
    assert ctx.udc.credentials == Credentials("WSI-acme", "secret", goods_owner=GoodsOwnerClaim(id=5))


def test_no_handler_is_a_not_implemented_fault_before_any_authentication() -> None:
    def hook(ctx: Any, op: str) -> Principal:
        raise AssertionError("authentication must not run")

    ctx, session = _ctx()
    with pytest.raises(Fault) as raised:
        OperationDispatcher(BY_NAME["GetOrdersByQuery"], None, hook)(ctx, (*CREDENTIALS, None))
    assert raised.value.faultcode == "Client.NotImplemented"
    assert "GetOrdersByQuery" in raised.value.faultstring
    assert session.events == []


@pytest.mark.parametrize("hook", [None, lambda ctx, op: None])
def test_without_a_principal_the_handler_never_runs_and_logon_fails_in_band(hook: Any) -> None:
    ctx, session = _ctx()
    result = _dispatcher("ProcessArticle", lambda call, art: pytest.fail("ran"), hook)(ctx, (*CREDENTIALS, None))
    assert (result.Success, result.OrderId) == (False, 0) and "Logon failed" in result.ErrorMessage
    assert session.events == []


def test_public_operations_run_without_the_hook() -> None:
    ctx, _ = _ctx()
    dispatcher = _dispatcher("GetSystemStatus", lambda call: call.principal, lambda ctx, op: pytest.fail("hook"))
    assert dispatcher(ctx, ()) is None


def test_a_domain_error_rolls_back_and_becomes_the_in_band_result() -> None:
    def fails(call: Call, order: Any) -> None:
        call.session.events.append("work")  # type: ignore[attr-defined]
        raise NotFound("No order SO-1")

    ctx, session = _ctx()
    result = _dispatcher("UpdateOrder", fails)(ctx, (*CREDENTIALS, None))
    assert (result.Success, result.Message, result.OrderId) == (False, "No order SO-1", None)
    assert session.events == ["work", "rollback"]


def test_a_unique_key_lost_to_a_concurrent_request_is_an_in_band_conflict() -> None:
    def loses_the_race(call: Call, order: Any) -> None:
        call.session.events.append("work")  # type: ignore[attr-defined]
        raise IntegrityError("INSERT ...", {}, Exception("duplicate key"))

    ctx, session = _ctx()
    result = _dispatcher("UpdateOrder", loses_the_race)(ctx, (*CREDENTIALS, None))
    assert (result.Success, result.Message) == (False, RACE_LOST)
    assert session.events == ["work", "rollback"]


def test_the_callers_goods_owner_is_the_principals() -> None:
    seen: list[int] = []
    ctx, _ = _ctx()
    _dispatcher("GetInventory", lambda call: seen.append(call.goods_owner_id))(ctx, (5, "WSI-acme", "secret"))
    assert seen == [ACME.goods_owner_id]


def test_a_handler_that_needs_no_database_opens_no_session() -> None:
    opened: list[FakeSession] = []

    def open_session() -> FakeSession:
        opened.append(FakeSession())
        return opened[-1]

    request = ServiceRequest(SimpleNamespace(), open_session)  # type: ignore[arg-type]
    ctx = SimpleNamespace(udc=request)
    assert _dispatcher("GetSystemStatus", lambda call: "OK")(ctx, ()) == "OK"
    request.close()
    assert opened == []


def test_without_room_in_the_result_a_domain_error_is_a_client_fault() -> None:
    def fails(call: Call, query: Any) -> None:
        call.session.events.append("work")  # type: ignore[attr-defined]
        raise ValidationFailed("MaxOrdersToGet must be positive")

    ctx, session = _ctx()
    with pytest.raises(Fault) as raised:
        _dispatcher("GetOrdersByQuery", fails)(ctx, (*CREDENTIALS, None))
    assert (raised.value.faultcode, raised.value.faultstring) == ("Client.ValidationFailed",
                                                                  "MaxOrdersToGet must be positive")
    assert session.events == ["work", "rollback"]


def test_a_handler_saying_not_implemented_is_the_not_implemented_fault() -> None:
    def not_yet(call: Call, art: Any) -> None:
        raise NotImplementedOperation("ProcessArticle")

    ctx, _ = _ctx()
    with pytest.raises(Fault) as raised:
        _dispatcher("ProcessArticle", not_yet)(ctx, (*CREDENTIALS, None))
    assert raised.value.faultcode == "Client.NotImplemented"


def test_an_unexpected_exception_rolls_back_and_propagates() -> None:
    def crashes(call: Call, art: Any) -> None:
        call.session.events.append("work")  # type: ignore[attr-defined]
        raise RuntimeError("bug")

    ctx, session = _ctx()
    with pytest.raises(RuntimeError):
        _dispatcher("ProcessArticle", crashes)(ctx, (*CREDENTIALS, None))
    assert session.events == ["work", "rollback"]


def test_error_items_carry_logon_error_or_unknown_error() -> None:
    errors = in_band_error_factory(BY_NAME["GetReturnOrdersByQuery"])
    assert errors is not None
    logon = errors(AuthenticationFailed())
    (item,) = logon.GetReturnOrdersErrors
    assert (logon.Success, item.ErrorType) == (False, "LogonError")
    (other,) = errors(NotFound("gone")).GetReturnOrdersErrors
    assert (other.ErrorType, other.Message) == ("UnknownError", "gone")


def test_a_single_error_item_with_its_own_unknown_value() -> None:
    errors = in_band_error_factory(BY_NAME["GetInboundTransactionsByQuery"])
    assert errors is not None
    assert errors(NotFound("x")).Error.ErrorType == "Unknown"
    assert errors(AuthenticationFailed()).Error.ErrorType == "LogonError"


def test_results_without_success_have_no_in_band_errors() -> None:
    assert in_band_error_factory(BY_NAME["GetOrdersByQuery"]) is None
    assert in_band_error_factory(BY_NAME["GetInventoryByQuery"]) is None


def test_registering_an_unknown_or_duplicate_operation_is_refused() -> None:
    import wms_soap.soap.service.handlers.registers  # noqa: F401  (registers GetSystemStatus)

    with pytest.raises(ValueError, match="not an operation"):
        handler("GetArticlesByQuery")
    with pytest.raises(ValueError, match="already has a handler"):
        handler("GetSystemStatus")(lambda call: None)
