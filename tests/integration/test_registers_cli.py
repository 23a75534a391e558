"""``wms-soap status-text`` and ``wms-soap transporter-contract`` against a real database."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from wms_soap.cli.main import main
from wms_soap.services import registers as system


@pytest.fixture
def world(session_factory: Any) -> tuple[int, int]:
    with session_factory() as session, session.begin():
        warehouse = factories.make_warehouse(session, code="WH1")
        owner = factories.make_goods_owner(session, code="SHOP", warehouse=warehouse)
        return int(warehouse.id), int(owner.id)


@pytest.mark.usefixtures("cli_env")
def test_status_texts_per_warehouse(world: tuple[int, int], session_factory: Any,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status-text", "set", "--warehouse", "wh1", "450", "Skickad"]) == 0
    assert main(["status-text", "set", "--warehouse", "WH1", "--in-orders", "500", "Mottagen"]) == 0
    capsys.readouterr()
    assert main(["status-text", "list", "--warehouse", "WH1"]) == 0
    assert "450\tSkickad" in capsys.readouterr().out.splitlines()
    assert main(["status-text", "list"]) == 0
    assert "450\tSent" in capsys.readouterr().out.splitlines()
    with session_factory() as session:
        warehouse_id = system.warehouse_of(session, world[1])
        assert system.order_status_text(session, warehouse_id, 450) == "Skickad"
        assert system.in_order_status_text(session, warehouse_id, 500) == "Mottagen"
    assert main(["status-text", "set", "--warehouse", "NOPE", "450", "x"]) == 1
    assert main(["status-text", "set", "--warehouse", "WH1", "451", "x"]) == 1


@pytest.mark.usefixtures("cli_env", "world")
def test_transporter_contracts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transporter-contract", "add", "SHOP", "--transporter", "DHL", "--service", "PARCEL",
                 "--customer-number", "C-1"]) == 0
    capsys.readouterr()
    assert main(["transporter-contract", "list", "shop"]) == 0
    assert capsys.readouterr().out.splitlines() == ["DHL\tPARCEL\tC-1\t"]
    assert main(["transporter-contract", "list", "NOPE"]) == 1
