"""``wms-soap warehouse`` shipment, trip and assignment commands, and return-status-text."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_api_user, make_goods_owner, make_warehouse
from tests.inbound_fixtures import make_article, make_shipped_order
from wms_soap.cli.main import main
from wms_soap.store.db import session_scope
from wms_soap.store.shipments import OrderAssignment, Shipment, ShipmentOrder, Trip


@pytest.fixture
def order_ids(session_factory: sessionmaker[Session]) -> list[int]:
    with session_scope(session_factory) as session:
        owner = make_goods_owner(session, code="SHOP")
        make_api_user(session, owner, username="WSIpacker")
        make_goods_owner(session, code="OTHER")
        article = make_article(session, owner.id, "A-1")
        return [make_shipped_order(session, owner.id, f"O-{n}", {"1": (article, 1)}).id for n in (1, 2)]


@pytest.mark.usefixtures("cli_env")
def test_trip_shipment_orders_and_assignment(order_ids: list[int], session_factory: sessionmaker[Session],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    first, second = (str(i) for i in order_ids)
    assert main(["warehouse", "trip", "--goods-owner", "SHOP", "--name", "Morning", "--trip-order-number", "TR-1",
                 "--start", "2026-12-01T06:00:00"]) == 0
    assert main(["warehouse", "shipment", "--goods-owner", "SHOP", "--number", "S-1", "--waybill", "42",
                 "--trip-order-number", "TR-1", "--order", first]) == 0
    assert f"orders {first}" in capsys.readouterr().out
    with session_factory() as session:
        shipment = session.scalars(select(Shipment)).one()
        trip = session.scalars(select(Trip)).one()
        assert (shipment.waybill, shipment.trip_id) == (42, trip.id)
    number = str(shipment.id)
    assert main(["warehouse", "ship-orders", "--goods-owner", "SHOP", number, second]) == 0
    assert main(["warehouse", "unship-order", "--goods-owner", "SHOP", first]) == 0
    assert main(["warehouse", "load", "--goods-owner", "SHOP", number, "--off"]) == 0
    assert main(["warehouse", "shipment-status", "--goods-owner", "SHOP", number, "450"]) == 0
    assert "status 450 Sent" in capsys.readouterr().out
    assert main(["warehouse", "assign-order", "--goods-owner", "SHOP", first, "--user", "WSIpacker"]) == 0
    with session_factory() as session:
        assert session.scalars(select(ShipmentOrder.order_id)).all() == [order_ids[1]]
        assert session.scalars(select(Shipment.trip_id)).one() is None
        assert session.scalars(select(OrderAssignment.order_id)).all() == [order_ids[0]]


@pytest.mark.usefixtures("cli_env")
def test_wrong_moves_fail_with_a_message(order_ids: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    first = str(order_ids[0])
    assert main(["warehouse", "shipment", "--goods-owner", "OTHER", "--number", "S-1", "--order", first]) == 1
    assert f"Order {first} was not found" in capsys.readouterr().err
    assert main(["warehouse", "shipment", "--goods-owner", "SHOP", "--number", "S-1", "--order", first]) == 0
    assert main(["warehouse", "shipment-status", "--goods-owner", "SHOP", "999999", "450"]) == 1
    assert main(["warehouse", "shipment-status", "--goods-owner", "OTHER", "1", "450"]) == 1
    assert main(["warehouse", "assign-order", "--goods-owner", "SHOP", first, "--user", "WSInobody"]) == 1
    assert "API user WSInobody" in capsys.readouterr().err
    assert main(["warehouse", "load", "--goods-owner", "SHOP", "1"]) == 2  # --trip or --off is required
    assert main(["warehouse", "trip", "--goods-owner", "NOPE"]) == 2
    assert "no goods owner with code 'NOPE'" in capsys.readouterr().err


@pytest.mark.usefixtures("cli_env")
def test_return_status_texts(session_factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]) -> None:
    with session_scope(session_factory) as session:
        make_warehouse(session, code="LUND")
    assert main(["warehouse", "return-status-text", "set", "--warehouse", "lund", "500", "Returnerad"]) == 0
    assert main(["warehouse", "return-status-text", "list", "--warehouse", "LUND"]) == 0
    assert "500\tReturnerad" in capsys.readouterr().out
    assert main(["warehouse", "return-status-text", "list"]) == 0
    assert "500\tReturned" in capsys.readouterr().out
    assert main(["warehouse", "return-status-text", "set", "--warehouse", "LUND", "450", "x"]) == 1
    assert "Unknown return order status 450" in capsys.readouterr().err
    assert main(["warehouse", "return-status-text", "set", "--warehouse", "NOWHERE", "500", "x"]) == 1
