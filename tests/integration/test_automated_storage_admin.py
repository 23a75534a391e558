"""Automated systems and automation users administered from the CLI and the admin service, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tests import factories
from tests.functional.admin_support import AdminWorld, fault, running_admin_only_server
from wms_soap.cli.main import main
from wms_soap.config import Settings
from wms_soap.store.access import AuditEntry, AutomationUser
from wms_soap.store.db import session_scope


@pytest.mark.usefixtures("cli_env")
def test_cli_defines_and_lists_systems_and_enables_automation_users(
        session_factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]) -> None:
    with session_scope(session_factory) as session:
        factories.make_automation_user(session, username="lift-1")
    assert main(["automated-system", "add", "LIFT1", "--in", "Lift_In", "--store", "Lift", "--out", "Lift_Out",
                 "--controller", "lift-1", "--name", "Lift one"]) == 0
    assert main(["automated-system", "add", "LIFT2", "--in", "Lift_In", "--store", "L2", "--out", "L2_Out"]) == 1
    assert main(["automated-system", "add", "LIFT3", "--in", "X", "--store", "X", "--out", "Y"]) == 1
    assert main(["automated-system", "add", "LIFT4", "--in", "A", "--store", "B", "--out", "C",
                 "--controller", "nobody"]) == 1
    assert main(["automated-system", "list"]) == 0
    assert main(["automation-user", "disable", "lift-1"]) == 0
    assert main(["automation-user", "disable", "nobody"]) == 1
    out, err = capsys.readouterr()
    assert "LIFT1\tLift one\tLift_In\tLift\tLift_Out\tlift-1" in out
    assert "LIFT2" not in out.split("code\tname")[1]
    assert "Location Lift_In is already the in-location of automated system LIFT1" in err
    assert "must be three locations" in err
    assert "Automation user nobody was not found" in err
    with session_factory() as session:
        assert session.scalars(select(AutomationUser.enabled).where(AutomationUser.username == "lift-1")).one() \
            is False
    assert main(["automation-user", "enable", "lift-1"]) == 0


@pytest.fixture
def world(settings: Settings, session_factory: Any) -> Iterator[AdminWorld]:
    with running_admin_only_server(settings, session_factory) as server:
        yield AdminWorld(server)


def test_the_admin_service_defines_and_lists_systems_and_audits_the_change(world: AdminWorld) -> None:
    svc = world.client
    svc.CreateAutomationUser(Username="lift-1", Password="Str0ng-Passw0rd-42")
    made = svc.DefineAutomatedSystem(Code="LIFT1", InLocation="Lift_In", StoreLocation="Lift",
                                     OutLocation="Lift_Out", Controller="lift-1")
    assert (made.Code, made.InLocation, made.StoreLocation, made.OutLocation, made.Controller) == (
        "LIFT1", "Lift_In", "Lift", "Lift_Out", "lift-1")
    changed = svc.DefineAutomatedSystem(Code="LIFT1", InLocation="Lift_In", StoreLocation="Lift",
                                        OutLocation="Lift_Out2", Name="Lift one")
    assert (changed.OutLocation, changed.Controller, changed.Name) == ("Lift_Out2", None, "Lift one")
    assert [s.Code for s in svc.ListAutomatedSystems()] == ["LIFT1"]
    with fault("Location Lift is already the store-location of automated system LIFT1", code="Conflict") as caught:
        svc.DefineAutomatedSystem(Code="X", InLocation="Lift", StoreLocation="S", OutLocation="O")
    assert caught() is not None
    disabled = svc.DisableAutomationUser(Username="lift-1")
    assert disabled.Enabled is False
    with session_scope(world.session_factory) as session:
        details = session.scalars(select(AuditEntry.detail).where(
            AuditEntry.operation == "DefineAutomatedSystem", AuditEntry.outcome == "changed")).all()
    assert len(details) == 2
