"""``wms-soap warehouse`` outbound commands drive an order from open to collected, and refuse wrong moves."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.orders_support import add_stock, create_order, line, make_article, make_owner
from wms_soap.cli.main import main
from wms_soap.store.db import session_scope
from wms_soap.store.orders import Order


@pytest.fixture
def order_id(session_factory: sessionmaker[Session]) -> int:
    with session_scope(session_factory) as session:
        owner = make_owner(session, "SHOP")
        add_stock(session, owner, make_article(session, owner, "A-1"), 10)
        make_article(session, owner, "A-2")
        add_stock(session, owner, make_article(session, owner, "A-3"), 1)
        return create_order(session, owner, "CLI-1", [line("A-1", 3, "1"), line("A-3", 1, "2")])


def status(session_factory: sessionmaker[Session], order_id: int) -> tuple[int, list[str | None]]:
    with session_factory() as session:
        order = session.get(Order, order_id)
        assert order is not None
        return order.status, [parcel.label_id for parcel in order.parcels]


@pytest.mark.usefixtures("cli_env")
def test_outbound_commands(order_id: int, session_factory: sessionmaker[Session],
                           capsys: pytest.CaptureFixture[str]) -> None:
    number = str(order_id)
    assert main(["warehouse", "release", number]) == 0
    assert main(["warehouse", "allocate", number]) == 0
    assert status(session_factory, order_id)[0] == 320
    assert main(["warehouse", "release-allocations", number]) == 0
    assert main(["warehouse", "pick", number, "--line", "1=2"]) == 0
    assert main(["warehouse", "pick", number, "--line", "1=5"]) == 1
    assert "left to pick" in capsys.readouterr().err
    assert main(["warehouse", "pick", number, "--all"]) == 0
    assert main(["warehouse", "pack", number, "--parcel", "TRK-1", "--parcel", "TRK-2", "--waybill", "WB"]) == 0
    assert main(["warehouse", "ship", number]) == 0
    assert main(["warehouse", "collect", number]) == 0
    assert status(session_factory, order_id) == (500, ["TRK-1", "TRK-2"])
    assert f"order {order_id} (CLI-1): status 500 Collected" in capsys.readouterr().out
    assert main(["warehouse", "cancel", number]) == 1
    assert "picking has started" in capsys.readouterr().err
