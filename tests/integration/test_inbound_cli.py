"""``wms-soap warehouse receive|putaway|return|price-list|invoice`` drive the inbound side from the shell."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner
from tests.inbound_fixtures import create_in_order, in_order_input, make_article, make_shipped_order
from wms_soap.cli.main import main
from wms_soap.services.inbound import inorders, returns
from wms_soap.services.inbound.inorders import AdvisedItemInput
from wms_soap.store.db import session_scope
from wms_soap.store.inorders import InOrder
from wms_soap.store.inventory import ArticleItem
from wms_soap.store.invoices import Invoice


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> dict[str, int]:
    with session_scope(session_factory) as session:
        owner = make_goods_owner(session, code="CLI")
        shirt = make_article(session, owner.id, "SHIRT")
        make_article(session, owner.id, "CAP")
        in_order_id = create_in_order(session, owner.id, "PO-CLI", {"10": ("SHIRT", 5), "20": ("CAP", 2)})
        order = make_shipped_order(session, owner.id, "WEB-CLI", {"1": (shirt, 2)},
                                   shipped_at=datetime.now(UTC))
        return_order = returns.process_return_order(session, returns.ReturnOrderInput(
            order_id=order.id, lines=[returns.ReturnLineInput("ArticleNumber", 2, article_number="SHIRT")]),
            goods_owner_id=owner.id)
        return {"owner": owner.id, "in_order": in_order_id, "return_order": return_order.id}


@pytest.mark.usefixtures("cli_env")
def test_inbound_commands(world: dict[str, int], session_factory: sessionmaker[Session],
                          capsys: pytest.CaptureFixture[str]) -> None:
    in_order = str(world["in_order"])
    assert main(["warehouse", "receive", in_order, "--line", "10=3", "--batch", "LOT-9",
                 "--expiry", "2027-01-31"]) == 0
    out = capsys.readouterr().out
    assert "status 400 Receiving" in out and "line 10: 3 batch LOT-9, expiry 2027-01-31" in out
    assert main(["warehouse", "putaway", in_order, "A-01"]) == 0
    assert main(["warehouse", "receive", in_order, "--all", "--put-away", "A-02"]) == 0
    assert "status 500 Received" in capsys.readouterr().out
    assert main(["warehouse", "receive", in_order, "--all"]) == 1
    assert "closed" in capsys.readouterr().err
    assert main(["warehouse", "return", str(world["return_order"]), "--line", "SHIRT=2", "--cause", "SIZE",
                 "--location", "Q-01", "--quarantine"]) == 0
    assert "status 500 Returned" in capsys.readouterr().out
    assert main(["warehouse", "price-list", "CLI", "--per-order", "20", "--per-received-line", "4"]) == 0
    today = datetime.now(UTC).date()
    assert main(["warehouse", "invoice", "CLI", "--from", f"{today:%Y-%m-01}", "--to", "2099-01-01"]) == 0
    assert "amount 28" in capsys.readouterr().out  # one shipped order, two received lines

    with session_factory() as session:
        received = session.scalars(select(InOrder).where(InOrder.id == world["in_order"])).one()
        assert [line.received_number_of_items for line in received.lines] == [5, 2]
        batches = {(i.location.code, i.batch, i.is_locked) for i in session.scalars(select(ArticleItem))}
        assert batches == {("A-01", "LOT-9", False), ("A-02", None, False), ("Q-01", None, True)}
        assert session.scalars(select(Invoice)).one().amount == 28


@pytest.mark.usefixtures("cli_env")
def test_receive_takes_the_advised_lot(session_factory: sessionmaker[Session],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    with session_scope(session_factory) as session:
        owner = make_goods_owner(session, code="ADV")
        make_article(session, owner.id, "SHIRT")
        data = in_order_input("PO-ADV", {"10": ("SHIRT", 5)})
        data.lines[0].items = [AdvisedItemInput(number_of_items=Decimal(2), batch="LOT-A"),
                               AdvisedItemInput(number_of_items=Decimal(3), batch="LOT-B")]
        in_order_id = inorders.process_in_order(session, data, goods_owner_id=owner.id).in_order_id
    assert main(["warehouse", "receive", str(in_order_id), "--line", "10=4"]) == 0
    out = capsys.readouterr().out
    assert "line 10: 2 batch LOT-A (as advised)" in out and "line 10: 2 batch LOT-B (as advised)" in out
