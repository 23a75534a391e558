"""Inbound shipments on the real store: created by the warehouse from in-order lines (bad input refused with
nothing written, a line on one shipment only), customs status and arrival, the query's filters (every
GetInboundShipmentsQuery field) and goods-owner isolation; the warehouse CLI."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner
from tests.inbound_fixtures import create_in_order, make_article
from wms_soap.cli.main import main
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.inbound import inbound_shipments as shipments
from wms_soap.services.inbound.inbound_shipments import ShipmentInput, ShipmentLineInput, ShipmentQuery
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt
from wms_soap.store.db import session_scope
from wms_soap.store.inbound_shipments import InboundShipment
from wms_soap.store.inorders import InOrder


@pytest.fixture
def owner(session: Session) -> int:
    """Goods owner INS with in-order PO-1 (line 10: 5 ART-1, line 20: 3 ART-2) and PO-2 (line 10: 4 ART-1)."""
    goods_owner = make_goods_owner(session, code="INS").id
    for number in ("ART-1", "ART-2"):
        make_article(session, goods_owner, number)
    create_in_order(session, goods_owner, "PO-1", {"10": ("ART-1", 5), "20": ("ART-2", 3)})
    create_in_order(session, goods_owner, "PO-2", {"10": ("ART-1", 4)})
    return goods_owner


def create(session: Session, owner: int, number: str, *lines: ShipmentLineInput, **fields: Any) -> InboundShipment:
    return shipments.create_inbound_shipment(session, owner, ShipmentInput(
        number, list(lines) or [ShipmentLineInput("PO-1", "10")], **fields))


def numbers(session: Session, owner: int, **filters: Any) -> list[str]:
    view = shipments.query_inbound_shipments(session, owner, ShipmentQuery(**filters))
    return [shipment.shipment_number for shipment in view.shipments]


def test_a_shipment_of_in_order_lines_with_what_was_received(session: Session, owner: int) -> None:
    created = create(session, owner, "S-1", ShipmentLineInput("PO-1", "10", Decimal(2)),
                     ShipmentLineInput("PO-1", "20"), ShipmentLineInput("PO-2", "10"), waybill="WB-1",
                     customs_reference_number="CR-1", customs_eu_type="NONEU", supplier_number="SUP-1")
    assert (created.status, created.customs_status, created.customs_eu_type, created.in_date) == (
        shipments.ADVISED, None, "NONEU", None)
    assert [line.number_of_items for line in created.lines] == [2, 3, 4]
    in_order = session.scalars(select(InOrder).where(InOrder.goods_owner_order_number == "PO-1")).one()
    warehouse_inbound.receive(session, in_order, [Receipt(Decimal(2), external_order_line_code="10", batch="L1")])
    shipments.set_customs_status(session, created.id, "Approved")
    shipments.advance(session, created.id, shipments.ARRIVED)
    view = shipments.query_inbound_shipments(session, owner)
    [shipment] = view.shipments
    assert (shipment.status, shipment.customs_status, shipment.in_date is not None) == (
        shipments.ARRIVED, "Approved", True)
    assert view.suppliers[shipment.supplier_id].supplier_number == "SUP-1"
    received = [item for line in view.in_order_lines.values() for item in line.received_items]
    assert [(item.batch, item.number_of_items) for item in received] == [("L1", 2)]
    assert sorted(view.articles[line.article_id].article_number for line in view.in_order_lines.values()) == [
        "ART-1", "ART-1", "ART-2"]


def test_the_status_only_moves_forward(session: Session, owner: int) -> None:
    created = create(session, owner, "S-1")
    with pytest.raises(Conflict, match="is advised and cannot become Received"):
        shipments.advance(session, created.id, shipments.RECEIVED)
    shipments.advance(session, created.id, shipments.ARRIVED)
    assert shipments.advance(session, created.id, shipments.RECEIVED).status == shipments.RECEIVED
    with pytest.raises(Conflict):
        shipments.advance(session, created.id, shipments.ARRIVED)
    with pytest.raises(ValidationFailed, match="customs status must be one of"):
        shipments.set_customs_status(session, created.id, "Cleared")
    with pytest.raises(NotFound):
        shipments.advance(session, 999_999, shipments.ARRIVED)


@pytest.mark.parametrize(("number", "lines", "fields", "error", "message"), [
    (" ", [], {}, ValidationFailed, "shipment number is required"),
    ("S-9", [ShipmentLineInput("PO-9", "10")], {}, NotFound, "In-order PO-9 has no line 10"),
    ("S-9", [ShipmentLineInput("PO-1", "99")], {}, NotFound, "In-order PO-1 has no line 99"),
    ("S-9", [ShipmentLineInput("PO-1", "10"), ShipmentLineInput("PO-1", "10")], {}, Conflict, "on a shipment"),
    ("S-9", [ShipmentLineInput("PO-1", "10", Decimal(0))], {}, ValidationFailed, "greater than 0"),
    ("S-9", [], {"customs_eu_type": "MARS"}, ValidationFailed, "CustomsEUType must be one of"),
    ("S-9", [], {"supplier_number": "NOPE"}, NotFound, "Supplier NOPE was not found"),
    ("S-9", [ShipmentLineInput("OTHER-PO", "10")], {}, NotFound, "In-order OTHER-PO has no line 10"),
])
def test_bad_shipments_are_refused_with_nothing_written(session: Session, owner: int, number: str,
                                                        lines: list[ShipmentLineInput], fields: dict[str, Any],
                                                        error: type[Exception], message: str) -> None:
    other = make_goods_owner(session, code="OTH").id
    make_article(session, other, "ART-1")
    create_in_order(session, other, "OTHER-PO", {"10": ("ART-1", 1)})
    with pytest.raises(error, match=message):
        create(session, owner, number, *lines, **fields)
    assert session.scalar(select(func.count()).select_from(InboundShipment)) == 0


def test_a_line_travels_on_one_shipment_and_numbers_are_unique(session: Session, owner: int) -> None:
    create(session, owner, "S-1")
    with pytest.raises(Conflict, match="S-1 exists already"):
        create(session, owner, "S-1", ShipmentLineInput("PO-2", "10"))
    with pytest.raises(Conflict, match="In-order PO-1 line 10 is on a shipment already"):
        create(session, owner, "S-2")


def test_every_filter_and_goods_owner_isolation(session: Session, owner: int) -> None:
    first = create(session, owner, "S-1")
    second = create(session, owner, "S-2", ShipmentLineInput("PO-2", "10"))
    shipments.set_customs_status(session, second.id, "PendingForApproval")
    shipments.advance(session, second.id, shipments.ARRIVED)
    other = make_goods_owner(session, code="OTH").id
    make_article(session, other, "ART-1")
    create_in_order(session, other, "PO-1", {"10": ("ART-1", 1)})
    foreign = create(session, other, "S-1")
    assert numbers(session, owner) == ["S-1", "S-2"]
    assert numbers(session, owner, ids=[first.id, foreign.id]) == ["S-1"]
    assert numbers(session, owner, numbers=["S-2", "S-9"]) == ["S-2"]
    assert numbers(session, owner, customs_status="All") == ["S-1", "S-2"]
    assert numbers(session, owner, customs_status="NoStatus") == ["S-1"]
    assert numbers(session, owner, customs_status="PendingForApproval") == ["S-2"]
    assert numbers(session, owner, customs_status="Approved") == []
    assert numbers(session, owner, status_from=shipments.ARRIVED) == ["S-2"]
    assert numbers(session, owner, status_to=shipments.ADVISED) == ["S-1"]
    assert numbers(session, other) == ["S-1"]
    with pytest.raises(ValidationFailed, match="ShipmentStatusFrom"):
        numbers(session, owner, status_from=300, status_to=100)
    with pytest.raises(ValidationFailed, match="Unknown CustomsStatus"):
        numbers(session, owner, customs_status="Cleared")


@pytest.mark.usefixtures("cli_env")
def test_warehouse_cli(session_factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]) -> None:
    with session_scope(session_factory) as session:
        owner = make_goods_owner(session, code="CLI").id
        make_article(session, owner, "ART-1")
        create_in_order(session, owner, "PO-1", {"10": ("ART-1", 5), "20": ("ART-1", 2)})
    create_args = ["warehouse", "inbound-shipment", "create", "--goods-owner-id", str(owner), "--number", "S-1"]
    assert main([*create_args, "--line", "PO-1"]) == 2
    assert main([*create_args, "--line", "PO-1:99"]) == 1
    assert "In-order PO-1 has no line 99" in capsys.readouterr().err
    assert main([*create_args, "--line", "PO-1:10=3", "--line", "PO-1:20", "--eu-type", "EU"]) == 0
    assert "status 100 Advised, customs NoStatus; 2 lines (3, 2)" in capsys.readouterr().out
    with session_scope(session_factory) as session:
        shipment_id = str(session.scalars(select(InboundShipment.id)).one())
    assert main(["warehouse", "inbound-shipment", "customs", shipment_id, "--status", "Approved"]) == 0
    assert main(["warehouse", "inbound-shipment", "arrive", shipment_id]) == 0
    assert "status 200 Arrived, customs Approved" in capsys.readouterr().out
    assert main(["warehouse", "inbound-shipment", "list"]) == 0
    assert "S-1" in capsys.readouterr().out
    assert main(["warehouse", "inbound-shipment", "receive", shipment_id]) == 0
    assert main(["warehouse", "inbound-shipment", "list"]) == 0
    assert "no inbound shipments to receive" in capsys.readouterr().out
