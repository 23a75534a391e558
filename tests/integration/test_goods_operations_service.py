"""Goods operation orders on the real store: executing moves article items to the new status (oldest first, of the
batch when given, never more than there is), recorded as inventory transactions; the warehouse CLI."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner
from tests.inbound_fixtures import make_article
from wms_soap.cli.main import main
from wms_soap.errors import Conflict, NotFound
from wms_soap.services.inventory import stock
from wms_soap.services.production import goods_operations
from wms_soap.services.production.goods_operations import (
    GoodsOperationLineInput,
    GoodsOperationOrderInput,
    GoodsOperationRejected,
    StatusRef,
)
from wms_soap.store.db import session_scope
from wms_soap.store.inventory import ArticleItemStatus, InventoryTransaction


@pytest.fixture
def world(session: Session) -> dict[str, int]:
    owner = make_goods_owner(session, code="GOO").id
    mug = make_article(session, owner, "MUG")
    session.add(ArticleItemStatus(code="DAMAGED", name="Damaged"))
    stock.add_stock(session, goods_owner_id=owner, article_id=mug.id, location_code="A-01",
                        quantity=Decimal(3), batch="B1", comment="stock")
    stock.add_stock(session, goods_owner_id=owner, article_id=mug.id, location_code="A-02",
                        quantity=Decimal(5), batch="B2", comment="stock")
    return {"owner": owner, "mug": mug.id}


def order(session: Session, owner: int, count: int, *, batch: str | None = None, number: str = "GO-1",
          from_status: str | None = None, to_status: str | None = "DAMAGED") -> goods_operations.GoodsOperationOrder:
    return goods_operations.process_goods_operation_order(session, owner, GoodsOperationOrderInput(number, lines=[
        GoodsOperationLineInput("1", "MUG", Decimal(count), batch_number=batch,
                                from_status=StatusRef(from_status) if from_status else None,
                                to_status=StatusRef(to_status) if to_status else None)]))


def by_status(session: Session, world: dict[str, int]) -> list[tuple[str, str | None, Decimal]]:
    items = stock.article_items(session, world["owner"], world["mug"])
    return sorted((item.status or "", item.batch, item.number_of_items) for item in items if item.number_of_items)


def test_execute_moves_the_oldest_items(session: Session, world: dict[str, int]) -> None:
    created = order(session, world["owner"], 4)
    executed = goods_operations.execute_goods_operation_order(session, created.id)
    assert executed.status == goods_operations.EXECUTED and executed.executed_at is not None
    assert by_status(session, world) == [("", "B2", 4), ("DAMAGED", "B1", 3), ("DAMAGED", "B2", 1)]
    assert [(i.batch, i.number_of_items, i.location_code) for i in executed.lines[0].items] == [
        ("B1", 3, "A-01"), ("B2", 1, "A-02")]
    moves = sorted(t.quantity for t in session.scalars(select(InventoryTransaction).where(
        InventoryTransaction.cause == "status changed")))
    assert moves == [-3, -1, 1, 3]
    with pytest.raises(Conflict, match="already executed"):
        goods_operations.execute_goods_operation_order(session, created.id)
    back = order(session, world["owner"], 4, number="GO-2", from_status="DAMAGED", to_status=None)
    goods_operations.execute_goods_operation_order(session, back.id)
    assert by_status(session, world) == [("", "B1", 3), ("", "B2", 5)]


def test_batch_and_shortage(session: Session, world: dict[str, int]) -> None:
    created = order(session, world["owner"], 4, batch="B1")
    with pytest.raises(Conflict, match="3 of 4"):
        goods_operations.execute_goods_operation_order(session, created.id)
    assert by_status(session, world) == [("", "B1", 3), ("", "B2", 5)]
    assert session.get(goods_operations.GoodsOperationOrder, created.id).status == goods_operations.OPEN  # type: ignore[union-attr]
    with pytest.raises(NotFound):
        goods_operations.execute_goods_operation_order(session, 999_999)


def test_an_executed_order_cannot_change(session: Session, world: dict[str, int]) -> None:
    created = order(session, world["owner"], 1)
    goods_operations.execute_goods_operation_order(session, created.id)
    with pytest.raises(GoodsOperationRejected) as rejected:
        order(session, world["owner"], 2)
    assert rejected.value.error_type == "NotAllowedToUpdateOrderBecauseOfOrderStatus"


def test_other_goods_owners_see_nothing(session: Session, world: dict[str, int]) -> None:
    created = order(session, world["owner"], 1)
    stranger = make_goods_owner(session, code="OTHER").id
    query = goods_operations.GoodsOperationQuery(ids=[created.id], numbers=["GO-1"])
    assert goods_operations.query_goods_operation_orders(session, stranger, query).orders == []
    assert goods_operations.open_orders(session, stranger) == []
    assert [o.id for o in goods_operations.open_orders(session, world["owner"])] == [created.id]


@pytest.mark.usefixtures("cli_env")
def test_warehouse_cli(session_factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]) -> None:
    with session_scope(session_factory) as session:
        world = {"owner": make_goods_owner(session, code="CLI").id}
        world["mug"] = make_article(session, world["owner"], "MUG").id
        session.add(ArticleItemStatus(code="DAMAGED", name="Damaged"))
        stock.add_stock(session, goods_owner_id=world["owner"], article_id=world["mug"], location_code="A-01",
                            quantity=Decimal(2), comment="stock")
        too_many = order(session, world["owner"], 3, number="GO-BIG").id
        fits = order(session, world["owner"], 2, number="GO-OK").id
    assert main(["warehouse", "goods-operation", "list"]) == 0
    assert "GO-BIG" in capsys.readouterr().out
    assert main(["warehouse", "goods-operation", "execute", str(too_many)]) == 1
    assert "2 of 3" in capsys.readouterr().err
    assert main(["warehouse", "goods-operation", "execute", str(fits)]) == 0
    assert "status 300 Executed" in capsys.readouterr().out
    with session_scope(session_factory) as session:
        assert by_status(session, world) == [("DAMAGED", None, 2)]
