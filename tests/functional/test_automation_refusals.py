"""Refused Automation writes say why in-band and change nothing: unknown ids, another automation system's handled
flags, stock that would go negative, a missing operator; the audit names the operator of every write."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from tests.functional.automation_support import (
    LIFT,
    PASSWORD,
    LiftWarehouse,
    make_lift_warehouse,
    post,
    result_of,
    text,
)
from wms_soap.cli.main import main
from wms_soap.security import audit
from wms_soap.services.warehouse.automated_systems import SystemInput, define_system
from wms_soap.store.access import AuditEntry
from wms_soap.store.automated_storage import ArticleItemInLocation, MovementArticleItem
from wms_soap.store.inventory import ArticleItem, InventoryTransaction
from wms_soap.store.orders import OrderAllocation

WATCHED = (ArticleItem, ArticleItemInLocation, MovementArticleItem, InventoryTransaction, OrderAllocation)


@pytest.fixture
def lift(live_server: Any) -> LiftWarehouse:
    return make_lift_warehouse(live_server)


def snapshot(lift: LiftWarehouse) -> dict[str, list[tuple[Any, ...]]]:
    with lift.session() as session:
        return {model.__tablename__: [tuple(getattr(row, c.key) for c in model.__table__.columns)
                                      for row in session.scalars(select(model).order_by(model.id))]
                for model in WATCHED}


def refused(lift: LiftWarehouse, operation: str, payload: str, error_type: str, user: str = "lift-1") -> str:
    """Post, check the in-band refusal, return its message."""
    result = result_of(post(lift.url, operation, payload, user=user), operation)
    assert text(result, "Success") == "false"
    assert text(result, f"Errors/{operation}Error/ErrorType") == error_type, text(result, "Message")
    message = text(result, "Message")
    assert message
    return message


def placement_of(lift: LiftWarehouse, item_id: int) -> int:
    with lift.session() as session:
        return session.scalars(select(ArticleItemInLocation.id)
                               .where(ArticleItemInLocation.article_item_id == item_id)).one()


def handled(ids: str, operator: str | None = "Karl") -> str:
    by = "" if operator is None else f"<HandledByUser><UserName>{operator}</UserName></HandledByUser>"
    return f"<Operation><ArticleItemInLocationIds>{ids}</ArticleItemInLocationIds>{by}</Operation>"


def moving(item: int | str, to: str, quantity: str, operator: str | None = "Karl") -> str:
    by = "" if operator is None else f"<MovedByUser><UserName>{operator}</UserName></MovedByUser>"
    return (f"<Operation><ArticleItemId>{item}</ArticleItemId><ArticleItemIdentification>ArticleItemId"
            f"</ArticleItemIdentification><ToLocation>{to}</ToLocation><NumberOfItems>{quantity}</NumberOfItems>"
            f"{by}</Operation>")


def test_refused_handled_calls_change_nothing(lift: LiftWarehouse) -> None:
    item_id = lift.put_on_in_location(10)
    placement = placement_of(lift, item_id)
    stored = lift.stock_in("A-01", 3)
    before = snapshot(lift)
    refused(lift, "ArticleItemInLocationHandled", handled("<int>999999</int>"), "ArticleItemInLocationNotFound")
    refused(lift, "ArticleItemInLocationHandled", handled(f"<int>{placement}</int><int>999999</int>"),
            "ArticleItemInLocationNotFound")  # all or nothing: the first one stays unhandled
    refused(lift, "ArticleItemInLocationHandled", handled(f"<int>{placement_of(lift, stored)}</int>"),
            "NotToBeHandled")
    assert "UserName is required" in refused(lift, "ArticleItemInLocationHandled",
                                             handled(f"<int>{placement}</int>", None), "OperatorNotSpecified")
    refused(lift, "ArticleItemInLocationHandled", handled(f"<int>{placement}</int>", "  "), "OperatorNotSpecified")
    refused(lift, "ArticleItemInLocationHandled", "<Operation />", "OperatorNotSpecified")
    assert snapshot(lift) == before


def test_another_automation_systems_handled_flags_are_refused(lift: LiftWarehouse) -> None:
    with lift.session() as session:
        define_system(session, SystemInput("AUTOSTORE", "AutoStore_In", "AutoStore", "AutoStore_Out",
                                           controller="lift-2"))
    item_id = lift.stock_in("AutoStore_In", 4)
    placement = placement_of(lift, item_id)
    before = snapshot(lift)
    message = refused(lift, "ArticleItemInLocationHandled", handled(f"<int>{placement}</int>"),
                      "NotControllerOfAutomatedSystem")
    assert "AUTOSTORE" in message
    assert snapshot(lift) == before
    ok = result_of(post(lift.url, "ArticleItemInLocationHandled", handled(f"<int>{placement}</int>"),
                        user="lift-2"), "ArticleItemInLocationHandled")
    assert text(ok, "Success") == "true"
    assert "already handled" in refused(lift, "ArticleItemInLocationHandled", handled(f"<int>{placement}</int>"),
                                        "AlreadyHandled", user="lift-2")


def test_refused_moves_change_nothing(lift: LiftWarehouse) -> None:
    item_id = lift.put_on_in_location(10)
    before = snapshot(lift)
    refused(lift, "MoveArticleItem", moving(item_id, LIFT.store_location, "11"), "NotEnoughItems")
    refused(lift, "MoveArticleItem", moving(999999, LIFT.store_location, "1"), "ArticleItemNotFound")
    refused(lift, "MoveArticleItem", moving(item_id, "NO-SUCH-PLACE", "1"), "LocationNotFound")
    refused(lift, "MoveArticleItem", moving(item_id, LIFT.store_location, "0"), "InvalidIdentification")
    refused(lift, "MoveArticleItem", moving(item_id, LIFT.store_location, "-2"), "InvalidIdentification")
    refused(lift, "MoveArticleItem", moving(item_id, LIFT.store_location, "NaN"), "InvalidIdentification")
    refused(lift, "MoveArticleItem", moving(item_id, LIFT.in_location, "1"), "AlreadyInLocation")
    refused(lift, "MoveArticleItem", moving(item_id, LIFT.store_location, "1", None), "OperatorNotSpecified")
    assert snapshot(lift) == before


def test_refused_movement_handled_calls_change_nothing(lift: LiftWarehouse) -> None:
    lift.stock_in(LIFT.store_location, 5)
    before = snapshot(lift)
    payload = ("<Operation><MovementArticleItemIds><int>424242</int></MovementArticleItemIds>"
               "<HandledByUser><UserName>Karl</UserName></HandledByUser></Operation>")
    refused(lift, "MovementArticleItemHandled", payload, "MovementArticleItemNotFound")
    refused(lift, "MovementArticleItemHandled", "<Operation><MovementArticleItemIds><int>1</int>"
            "</MovementArticleItemIds></Operation>", "OperatorNotSpecified")
    assert snapshot(lift) == before


@pytest.mark.usefixtures("cli_env")
def test_the_audit_names_the_operator_of_every_write(lift: LiftWarehouse, capsys: pytest.CaptureFixture[str]) -> None:
    item_id = lift.put_on_in_location(10)
    placement = placement_of(lift, item_id)
    result_of(post(lift.url, "ArticleItemInLocationHandled", handled(f"<int>{placement}</int>", "Karl")),
              "ArticleItemInLocationHandled")
    result_of(post(lift.url, "MoveArticleItem", moving(item_id, LIFT.store_location, "4", "Lena")), "MoveArticleItem")
    result_of(post(lift.url, "GetUsers", "<Query />"), "GetUsers")
    audit.flush_all()
    with lift.session() as session:
        rows = session.execute(select(AuditEntry.face, AuditEntry.username, AuditEntry.operation,
                                      AuditEntry.operator, AuditEntry.outcome).order_by(AuditEntry.id)).all()
        comments = set(session.scalars(select(InventoryTransaction.comment)
                                       .where(InventoryTransaction.cause == "moved")))
        stored = session.get(ArticleItemInLocation, placement)
        assert stored is not None and (stored.handled_by, stored.handled_operator) == ("lift-1", "Karl")
    assert [tuple(r) for r in rows] == [
        ("automation", "lift-1", "ArticleItemInLocationHandled", "Karl", "ok"),
        ("automation", "lift-1", "MoveArticleItem", "Lena", "ok"),
        ("automation", "lift-1", "GetUsers", None, "ok")]
    assert comments == {"moved by Lena (automation user lift-1)"}
    assert main(["audit", "--face", "automation", "--user", "lift-1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("\toperator") and len(lines) == 4
    assert lines[2].split("\t")[4:6] == ["MoveArticleItem", "ok"] and lines[2].endswith("\tLena")


def test_a_disabled_automation_user_is_refused(lift: LiftWarehouse) -> None:
    from wms_soap.store.access import AutomationUser
    with lift.session() as session:
        session.execute(update(AutomationUser).where(AutomationUser.username == "lift-1").values(enabled=False))
    result = result_of(post(lift.url, "GetUsers", "<Query />", password=PASSWORD), "GetUsers")
    assert (text(result, "Success"), text(result, "Message")) == (
        "false", "Logon failed: wrong username, password or goods owner")


def test_repeated_failures_lock_an_automation_user_out(lift: LiftWarehouse) -> None:
    for _ in range(lift.live.settings.lockout_threshold):
        result_of(post(lift.url, "GetUsers", "<Query />", password="wrong"), "GetUsers")
    locked = result_of(post(lift.url, "GetUsers", "<Query />", password=PASSWORD), "GetUsers")
    assert text(locked, "Success") == "false"
    other = result_of(post(lift.url, "GetUsers", "<Query />", user="lift-2", password=PASSWORD), "GetUsers")
    assert text(other, "Success") == "true"
