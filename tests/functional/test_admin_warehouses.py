"""Warehouses through the admin service (zeep over HTTP): create, list, rename, and a goods owner's warehouse; each
change is audited, bad input is a Client fault naming what is wrong; answers are in ASMX's shape."""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.functional.admin_support import ADMIN_PASSWORD, AdminWorld, fault, running_admin_only_server
from tests.functional.security_helpers import post, security_header
from wms_soap.config import Settings


@pytest.fixture
def svc(settings: Settings, session_factory: Any) -> Iterator[Any]:
    with running_admin_only_server(settings, session_factory) as server:
        yield AdminWorld(server).client


def test_warehouses_are_created_listed_and_renamed(svc: Any) -> None:
    assert list(svc.ListWarehouses() or []) == []
    main = svc.CreateWarehouse(Code="MAIN", Name="Main site")
    svc.CreateWarehouse(Code="NORTH")
    renamed = svc.RenameWarehouse(WarehouseId=main.Id, Name="Borås")
    assert (renamed.Code, renamed.Name, renamed.GoodsOwnerCount) == ("MAIN", "Borås", 0)
    assert [(w.Code, w.Name) for w in svc.ListWarehouses()] == [("MAIN", "Borås"), ("NORTH", "NORTH")]
    changes = [e.Detail for e in svc.QueryAudit(Outcome="changed").Entries.AuditEntry]
    assert any("warehouse MAIN created" in d for d in changes)
    assert any("name 'Main site' -> 'Borås'" in d for d in changes)


def test_a_goods_owner_is_stored_in_a_warehouse(svc: Any) -> None:
    shop = svc.CreateGoodsOwner(Code="SHOP")
    assert shop.WarehouseCode is None
    north = svc.CreateWarehouse(Code="NORTH")
    stored = svc.SetGoodsOwnerWarehouse(GoodsOwnerId=shop.Id, WarehouseId=north.Id)
    assert stored.WarehouseCode == "NORTH"
    assert [w.GoodsOwnerCount for w in svc.ListWarehouses()] == [1]
    assert [o.WarehouseCode for o in svc.ListGoodsOwners()] == ["NORTH"]
    audit = svc.QueryAudit(GoodsOwnerId=shop.Id, Operation="SetGoodsOwnerWarehouse", Outcome="changed")
    assert [e.Detail for e in audit.Entries.AuditEntry] == ["goods owner SHOP stored in warehouse NORTH"]


def test_bad_warehouse_input_is_a_client_fault(svc: Any) -> None:
    svc.CreateWarehouse(Code="MAIN")
    with fault("The warehouse main exists already", code="Conflict"):
        svc.CreateWarehouse(Code="main")
    with fault("warehouse code", code="ValidationFailed"):
        svc.CreateWarehouse(Code="no spaces")
    with fault("There is no warehouse with id 999: ListWarehouses shows the ids", code="NotFound"):
        svc.RenameWarehouse(WarehouseId=999, Name="x")
    with fault("must not be empty", code="ValidationFailed"):
        svc.RenameWarehouse(WarehouseId=svc.ListWarehouses()[0].Id, Name="  ")
    shop = svc.CreateGoodsOwner(Code="SHOP")
    with fault("There is no warehouse with id 5", code="NotFound"):
        svc.SetGoodsOwnerWarehouse(GoodsOwnerId=shop.Id, WarehouseId=5)


def test_admin_answers_are_in_asmx_shape(settings: Settings, session_factory: Any) -> None:
    with running_admin_only_server(settings, session_factory) as server:
        world = AdminWorld(server)
        world.client.CreateWarehouse(Code="MAIN", Name="Main")
        body = ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>'
                f"{security_header(world.admin_username, ADMIN_PASSWORD)}</soap:Header><soap:Body>"
                '<ListWarehouses xmlns="urn:wms-soap:admin:1"/></soap:Body></soap:Envelope>').encode()
        answer = post(world.url, body, action="urn:wms-soap:admin:1/ListWarehouses")
    assert answer.status == 200, answer.body
    assert answer.body.decode().endswith(
        '<soap:Body><ListWarehousesResponse xmlns="urn:wms-soap:admin:1"><ListWarehousesResult><Warehouse>'
        f"<Id>{1}</Id><Code>MAIN</Code><Name>Main</Name><GoodsOwnerCount>0</GoodsOwnerCount></Warehouse>"
        "</ListWarehousesResult></ListWarehousesResponse></soap:Body></soap:Envelope>")
    assert answer.body.startswith(b'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap=')
