"""Warehouse transfer orders on the real store: created by the warehouse (bad input refused with nothing written),
shipped (oldest available items of the source warehouse into a locked transit location) and received (onto a
location of the destination, with the line's new status), every move an inventory transaction and never more than
there is; the query's filters and goods-owner isolation; the warehouse CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner, make_warehouse
from tests.inbound_fixtures import make_article
from tests.orders_support import create_order, line
from wms_soap.cli.main import main
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.inventory import stock as stock_changes
from wms_soap.services.warehouse import outbound as warehouse
from wms_soap.services.warehouse import transfers
from wms_soap.services.warehouse.transfers import TransferLineInput, TransferOrderInput, TransferQuery
from wms_soap.store.db import session_scope
from wms_soap.store.inventory import ArticleItem, ArticleItemStatus, InventoryTransaction
from wms_soap.store.transfers import WarehouseTransferOrder

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def world(session: Session) -> dict[str, int]:
    """Goods owner TRA (default warehouse A) with 3 MUG (batch B1, oldest) and 5 MUG (B2) in A, 7 in warehouse B."""
    a, b, t = (make_warehouse(session, code=code).id for code in ("WA", "WB", "WT"))
    owner = make_goods_owner(session, code="TRA")
    owner.warehouse_id = a
    mug = make_article(session, owner.id, "MUG").id
    session.add(ArticleItemStatus(code="DAMAGED", name="Damaged"))
    stock_changes.location(session, "B-01", warehouse_id=b)
    for code, count, batch, at in (("A-01", 3, "B1", T0), ("A-02", 5, "B2", T0 + timedelta(hours=1)),
                                   ("B-01", 7, "B3", T0)):
        stock_changes.add_stock(session, goods_owner_id=owner.id, article_id=mug, location_code=code,
                            quantity=Decimal(count), batch=batch, comment="stock", at=at)
    return {"owner": owner.id, "mug": mug, "a": a, "b": b, "t": t}


def create(session: Session, owner: int, *lines: TransferLineInput, number: str = "WT-1", from_warehouse: str = "WA",
           to_warehouse: str = "WB", transit_warehouse: str | None = None, comment: str | None = None,
           reference_number: str | None = None) -> WarehouseTransferOrder:
    return transfers.create_transfer_order(session, owner, TransferOrderInput(
        number, from_warehouse, to_warehouse, transit_warehouse, comment, reference_number,
        list(lines) or [TransferLineInput("1", "MUG", Decimal(4))]))


def stock(session: Session, world: dict[str, int]) -> list[tuple[str, str | None, bool, str, Decimal]]:
    items = stock_changes.article_items(session, world["owner"], world["mug"])
    return sorted((item.location.code, item.batch, item.is_locked, item.status or "", item.number_of_items)
                  for item in items if item.number_of_items)


def total(session: Session, world: dict[str, int]) -> Decimal:
    return sum((item.number_of_items for item in stock_changes.article_items(session, world["owner"], world["mug"])),
               Decimal(0))


def test_ship_then_receive_moves_the_oldest_items_through_transit(session: Session, world: dict[str, int]) -> None:
    order = create(session, world["owner"], TransferLineInput("1", "MUG", Decimal(4), new_status="DAMAGED"),
                   transit_warehouse="WT", comment="to B", reference_number="REF-9")
    assert (order.status, order.from_warehouse_id, order.to_warehouse_id, order.transit_warehouse_id) == (
        transfers.OPEN, world["a"], world["b"], world["t"])
    shipped = transfers.ship_transfer_order(session, order.id, at=T0 + timedelta(days=1))
    assert shipped.status == transfers.IN_TRANSIT and shipped.shipped_at is not None
    assert stock(session, world) == [("A-02", "B2", False, "", 4), ("B-01", "B3", False, "", 7),
                                     ("TRANSIT-WT", "B1", True, "", 3), ("TRANSIT-WT", "B2", True, "", 1)]
    assert [(i.batch, i.number_of_items, i.delivered_at) for i in shipped.lines[0].items] == [
        ("B1", 3, None), ("B2", 1, None)]
    received = transfers.receive_transfer_order(session, order.id, location_code="B-10", at=T0 + timedelta(days=2))
    assert received.status == transfers.DELIVERED and received.delivered_at is not None
    assert stock(session, world) == [("A-02", "B2", False, "", 4), ("B-01", "B3", False, "", 7),
                                     ("B-10", "B1", False, "DAMAGED", 3), ("B-10", "B2", False, "DAMAGED", 1)]
    assert total(session, world) == 15
    item = session.get(ArticleItem, received.lines[0].items[0].delivered_article_item_id)
    assert item is not None and item.location.warehouse_id == world["b"]
    causes = sorted((t.cause, t.quantity) for t in session.scalars(select(InventoryTransaction).where(
        InventoryTransaction.cause.like("transfer%"))))
    assert causes == [("transfer received", -3), ("transfer received", -1), ("transfer received", 1),
                      ("transfer received", 3), ("transfer shipped", -3), ("transfer shipped", -1),
                      ("transfer shipped", 1), ("transfer shipped", 3)]


def test_without_transit_warehouse_the_goods_wait_locked_in_the_source(session: Session,
                                                                        world: dict[str, int]) -> None:
    order = create(session, world["owner"], TransferLineInput("1", "MUG", Decimal(2)),
                   TransferLineInput("2", "MUG", Decimal(2)))
    transfers.ship_transfer_order(session, order.id)
    assert stock(session, world) == [("A-02", "B2", False, "", 4), ("B-01", "B3", False, "", 7),
                                     ("TRANSIT-WA", "B1", True, "", 3), ("TRANSIT-WA", "B2", True, "", 1)]
    [first], [second, third] = (line.items for line in order.lines)
    assert [(i.batch, i.number_of_items) for i in (first, second, third)] == [("B1", 2), ("B1", 1), ("B2", 1)]


def test_execute_in_one_step_and_the_state_rules(session: Session, world: dict[str, int]) -> None:
    order = create(session, world["owner"])
    with pytest.raises(Conflict, match="is open and cannot be received"):
        transfers.receive_transfer_order(session, order.id, location_code="B-10")
    transfers.execute_transfer_order(session, order.id, location_code="B-01")
    assert order.status == transfers.DELIVERED
    assert ("B-01", "B1", False, "", 3) in stock(session, world)
    with pytest.raises(Conflict, match="is delivered and cannot be shipped"):
        transfers.ship_transfer_order(session, order.id)
    with pytest.raises(Conflict, match="cannot be cancelled"):
        transfers.cancel_transfer_order(session, order.id)
    other = create(session, world["owner"], number="WT-2")
    assert transfers.cancel_transfer_order(session, other.id).status == transfers.CANCELLED
    with pytest.raises(NotFound):
        transfers.ship_transfer_order(session, 999_999)


def test_short_stock_is_refused_and_nothing_moves(session: Session, world: dict[str, int]) -> None:
    """Warehouse B's items and locked items are not available in warehouse A."""
    locked = session.scalars(select(ArticleItem).where(ArticleItem.batch == "B2")).one()
    locked.is_locked = True
    order = create(session, world["owner"], TransferLineInput("1", "MUG", Decimal(2)),
                   TransferLineInput("2", "MUG", Decimal(2)))
    before = stock(session, world)
    with pytest.raises(Conflict, match="Line 2: 1 of 2 items are available"):
        transfers.ship_transfer_order(session, order.id)
    assert stock(session, world) == before and order.status == transfers.OPEN and not order.lines[0].items


def test_stock_allocated_to_orders_stays(session: Session, world: dict[str, int]) -> None:
    order_id = create_order(session, world["owner"], "O-1", [line("MUG", 2, "1")])
    warehouse.allocate_order(session, order_id)
    transfer = create(session, world["owner"], TransferLineInput("1", "MUG", Decimal(7)))
    with pytest.raises(Conflict, match="Line 1: 6 of 7 items are available"):
        transfers.ship_transfer_order(session, transfer.id)
    transfer.lines[0].number_of_items = Decimal(6)
    transfers.ship_transfer_order(session, transfer.id)
    assert sum((i.number_of_items for i in transfer.lines[0].items), Decimal(0)) == 6
    assert total(session, world) == 15


def test_receiving_on_a_location_of_another_warehouse_is_refused(session: Session, world: dict[str, int]) -> None:
    order = create(session, world["owner"])
    before = stock(session, world)
    with pytest.raises(ValidationFailed, match="Location A-01 is not in warehouse WB"):
        transfers.execute_transfer_order(session, order.id, location_code="A-01")
    assert order.status == transfers.OPEN and stock(session, world) == before
    transfers.ship_transfer_order(session, order.id)
    with pytest.raises(ValidationFailed, match="Location A-01 is not in warehouse WB"):
        transfers.receive_transfer_order(session, order.id, location_code="A-01")
    assert order.status == transfers.IN_TRANSIT


@pytest.mark.parametrize(("fields", "lines", "error", "message"), [
    ({"number": " "}, [], ValidationFailed, "order number is required"),
    ({"to_warehouse": "NOPE"}, [], NotFound, "Warehouse NOPE was not found"),
    ({"to_warehouse": "WA"}, [], ValidationFailed, "must all differ"),
    ({"transit_warehouse": "WB"}, [], ValidationFailed, "must all differ"),
    ({}, [TransferLineInput("1", "MUG", Decimal(1)), TransferLineInput("1", "MUG", Decimal(2))], ValidationFailed,
     "line numbers must be unique"),
    ({}, [TransferLineInput("", "MUG", Decimal(1))], ValidationFailed, "needs a line number"),
    ({}, [TransferLineInput("1", "CUP", Decimal(1))], NotFound, "article CUP was not found"),
    ({}, [TransferLineInput("1", "MUG", Decimal(0))], ValidationFailed, "greater than 0"),
    ({}, [TransferLineInput("1", "MUG", Decimal(1), new_status="LOST")], NotFound, "status LOST was not found"),
])
def test_bad_orders_are_refused_with_nothing_written(session: Session, world: dict[str, int], fields: dict[str, str],
                                                     lines: list[TransferLineInput], error: type[Exception],
                                                     message: str) -> None:
    other_owner = make_goods_owner(session, code="OTH").id
    make_article(session, other_owner, "CUP")
    with pytest.raises(error, match=message):
        create(session, world["owner"], *lines, **fields)
    assert session.scalar(select(func.count()).select_from(WarehouseTransferOrder)) == 0


def test_an_order_number_is_used_once_per_goods_owner(session: Session, world: dict[str, int]) -> None:
    create(session, world["owner"])
    with pytest.raises(Conflict, match="WT-1 exists already"):
        create(session, world["owner"])
    other_owner = make_goods_owner(session, code="OTH").id
    make_article(session, other_owner, "MUG")
    assert create(session, other_owner).order_number == "WT-1"


def ids(session: Session, owner: int, **filters: Any) -> list[str]:
    view = transfers.query_transfer_orders(session, owner, TransferQuery(**filters))
    return [order.order_number for order in view.orders]


def test_every_filter_and_goods_owner_isolation(session: Session, world: dict[str, int]) -> None:
    owner = world["owner"]
    first = create(session, owner, number="WT-1", reference_number="R1")
    first.updated_at = T0
    second = create(session, owner, number="WT-2", to_warehouse="WT")
    transfers.execute_transfer_order(session, second.id, location_code="T-01", at=T0 + timedelta(days=3))
    other_owner = make_goods_owner(session, code="OTH").id
    make_article(session, other_owner, "MUG")
    foreign = create(session, other_owner, number="WT-9")
    session.flush()
    assert ids(session, owner) == ["WT-1", "WT-2"]
    assert ids(session, owner, ids=[first.id, foreign.id]) == ["WT-1"]
    assert ids(session, owner, numbers=["WT-2", "WT-9"]) == ["WT-2"]
    assert ids(session, owner, ids=[first.id], numbers=["WT-2"]) == []
    assert ids(session, owner, reference_number="R1") == ["WT-1"]
    assert ids(session, owner, is_delivered=True) == ["WT-2"]
    assert ids(session, owner, is_delivered=False) == ["WT-1"]
    assert ids(session, owner, from_warehouse_id=world["a"]) == ["WT-1", "WT-2"]
    assert ids(session, owner, from_warehouse_id=world["b"]) == []
    assert ids(session, owner, to_warehouse_id=world["t"]) == ["WT-2"]
    assert ids(session, owner, status_from=transfers.DELIVERED) == ["WT-2"]
    assert ids(session, owner, status_to=transfers.OPEN) == ["WT-1"]
    assert ids(session, owner, last_updated_from=T0 + timedelta(days=1)) == ["WT-2"]
    assert ids(session, owner, last_updated_to=T0 + timedelta(days=1)) == ["WT-1"]
    assert ids(session, other_owner) == ["WT-9"]
    with pytest.raises(ValidationFailed, match="OrderStatusFrom"):
        ids(session, owner, status_from=300, status_to=100)
    with pytest.raises(ValidationFailed, match="LastUpdatedFrom"):
        ids(session, owner, last_updated_from=T0, last_updated_to=T0 - timedelta(seconds=1))


@pytest.mark.usefixtures("cli_env")
def test_warehouse_cli(session_factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]) -> None:
    with session_scope(session_factory) as session:
        source = make_warehouse(session, code="WA").id
        make_warehouse(session, code="WB")
        owner = make_goods_owner(session, code="CLI").id
        mug = make_article(session, owner, "MUG").id
        stock_changes.location(session, "A-01", warehouse_id=source)
        stock_changes.add_stock(session, goods_owner_id=owner, article_id=mug, location_code="A-01",
                                quantity=Decimal(2), comment="stock")
    create_args = ["warehouse", "transfer", "create", "--goods-owner-id", str(owner), "--from", "WA", "--to", "WB"]
    assert main([*create_args, "--number", "BAD", "--line", "1:MUG=x"]) == 2
    assert main([*create_args, "--number", "BIG", "--line", "1:MUG=3"]) == 0
    assert "status 100 Open; line 1: 3" in capsys.readouterr().out
    assert main([*create_args, "--number", "FITS", "--line", "1:MUG=2"]) == 0
    capsys.readouterr()
    with session_scope(session_factory) as session:
        big, fits = session.scalars(select(WarehouseTransferOrder.id).order_by(WarehouseTransferOrder.id)).all()
    assert main(["warehouse", "transfer", "list"]) == 0
    assert "BIG" in capsys.readouterr().out
    assert main(["warehouse", "transfer", "execute", str(big), "--location", "B-01"]) == 1
    assert "2 of 3 items are available" in capsys.readouterr().err
    assert main(["warehouse", "transfer", "ship", str(fits)]) == 0
    assert "status 200 In transit" in capsys.readouterr().out
    assert main(["warehouse", "transfer", "receive", str(fits), "--location", "B-01"]) == 0
    assert "status 300 Delivered" in capsys.readouterr().out
    assert main(["warehouse", "transfer", "cancel", str(big)]) == 0
    with session_scope(session_factory) as session:
        items = stock_changes.article_items(session, owner, mug)
        assert sorted((i.location.code, i.number_of_items) for i in items if i.number_of_items) == [("B-01", 2)]
