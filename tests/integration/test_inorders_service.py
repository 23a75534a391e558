"""In-order services and the warehouse's receiving against a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from tests.factories import make_goods_owner
from tests.inbound_fixtures import create_in_order, in_order_input, make_article
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.inbound import inorders
from wms_soap.services.inbound.inorders import InOrderLineUpdate, InOrderQuery, InOrderUpdate
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt
from wms_soap.store.inventory import ArticleItem, InventoryTransaction


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner = make_goods_owner(session, code="INB")
    make_article(session, goods_owner.id, "ART-1")
    make_article(session, goods_owner.id, "ART-2")
    return goods_owner.id


def test_create_then_update_keeps_one_in_order_and_changes_lines(session: Session, owner: int) -> None:
    first = create_in_order(session, owner, "PO-1", {"10": ("ART-1", 700), "20": ("ART-2", 1000)})
    again = create_in_order(session, owner, "PO-1", {"10": ("ART-1", 650)}, remark="changed")

    in_order = inorders.get_in_order_by_number(session, "PO-1", goods_owner_id=owner)
    assert in_order is not None and first == again == in_order.id
    assert [(line.external_order_line_code, line.advised_number_of_items) for line in in_order.lines] == [("10", 650)]
    assert in_order.remark == "changed"
    assert in_order.supplier is not None and in_order.supplier.supplier_number == "SUP-1"
    assert in_order.status == 100


def test_create_refuses_an_existing_number(session: Session, owner: int) -> None:
    create_in_order(session, owner, "PO-1", {"10": ("ART-1", 1)})
    with pytest.raises(Conflict, match="already exists"):
        inorders.process_in_order(session, in_order_input("PO-1", {"10": ("ART-1", 1)}, operation="Create"),
                                  goods_owner_id=owner)


def test_unknown_article_is_not_found(session: Session, owner: int) -> None:
    with pytest.raises(NotFound):
        create_in_order(session, owner, "PO-1", {"10": ("NOPE", 1)})


def test_remove_cancels_until_goods_are_received(session: Session, owner: int) -> None:
    create_in_order(session, owner, "PO-1", {"10": ("ART-1", 5)})
    create_in_order(session, owner, "PO-2", {"10": ("ART-1", 5)})
    inorders.process_in_order(session, in_order_input("PO-1", {}, operation="Remove"), goods_owner_id=owner)
    assert inorders.get_in_order(session, goods_owner_id=owner, number="PO-1").status == 900

    received = inorders.get_in_order(session, goods_owner_id=owner, number="PO-2")
    warehouse_inbound.receive(session, received, [Receipt(Decimal(1), external_order_line_code="10")])
    with pytest.raises(Conflict, match="received"):
        inorders.process_in_order(session, in_order_input("PO-2", {}, operation="Remove"), goods_owner_id=owner)


def test_partial_receipt_with_batch_and_expiry_then_put_away(session: Session, owner: int) -> None:
    create_in_order(session, owner, "PO-1", {"10": ("ART-1", 10), "20": ("ART-2", 2)})
    in_order = inorders.get_in_order(session, goods_owner_id=owner, number="PO-1")
    expiry = datetime(2027, 1, 31, tzinfo=UTC)

    items = warehouse_inbound.receive(session, in_order, [
        Receipt(Decimal(4), external_order_line_code="10", batch="B-1", expiry_date=expiry),
        Receipt(Decimal(1), article_number="ART-2", serial="SN-1")])
    assert in_order.status == 400
    assert [line.received_number_of_items for line in in_order.lines] == [4, 1]
    quantities = inorders.inbound_quantities(session, owner)
    article_1 = in_order.lines[0].article_id
    assert quantities[article_1].to_receive == 6
    assert quantities[article_1].received_to_be_finished == 4

    warehouse_inbound.put_away(session, items[0], "A-01-01")
    stock = session.get(ArticleItem, items[0].article_item_id)
    assert stock is not None and stock.number_of_items == 4 and stock.batch == "B-1"
    assert stock.location.code == "A-01-01"
    assert inorders.inbound_quantities(session, owner)[article_1].received_to_be_finished == 0
    assert session.query(InventoryTransaction).filter_by(article_id=article_1).count() == 1


def test_receiving_everything_closes_the_in_order(session: Session, owner: int) -> None:
    create_in_order(session, owner, "PO-1", {"10": ("ART-1", 3)})
    in_order = inorders.get_in_order(session, goods_owner_id=owner, number="PO-1")
    warehouse_inbound.receive_everything(session, in_order, "A-01-02")
    assert in_order.status == 500 and in_order.last_received_at is not None
    with pytest.raises(Conflict, match="closed"):
        warehouse_inbound.receive(session, in_order, [Receipt(Decimal(1), external_order_line_code="10")])


def test_serial_items_are_received_one_by_one(session: Session, owner: int) -> None:
    create_in_order(session, owner, "PO-1", {"10": ("ART-1", 3)})
    in_order = inorders.get_in_order(session, goods_owner_id=owner, number="PO-1")
    with pytest.raises(ValidationFailed, match="serial"):
        warehouse_inbound.receive(session, in_order, [Receipt(Decimal(2), external_order_line_code="10", serial="S")])


def test_query_filters_and_cursor(session: Session, owner: int) -> None:
    ids = [create_in_order(session, owner, f"PO-{n}", {"10": ("ART-1", 1)}) for n in range(5)]
    other = make_goods_owner(session, code="OTHER")
    make_article(session, other.id, "ART-1")
    create_in_order(session, other.id, "PO-0", {"10": ("ART-1", 1)})

    def query(**filters: object) -> list[int]:
        return [o.id for o in inorders.query_in_orders(session, InOrderQuery(**filters),  # type: ignore[arg-type]
                                                       goods_owner_id=owner)]

    assert query() == ids
    assert query(id_from=ids[1], max_count=2) == ids[1:3]
    assert query(id_from=ids[3], max_count=2) == ids[3:5]
    assert query(numbers=["PO-2", "PO-4"]) == [ids[2], ids[4]]
    assert query(ids=[ids[0]]) == [ids[0]]
    inorders.update_in_order(session, InOrderUpdate(number="PO-3", status=200), goods_owner_id=owner)
    assert query(status_from=200, status_to=300) == [ids[3]]
    assert query(is_return_type=True) == []
    future = datetime.now(UTC) + timedelta(hours=1)
    assert query(last_updated_from=future) == []
    assert query(changed_from=datetime.now(UTC) - timedelta(hours=1)) == ids

    in_order = inorders.get_in_order(session, goods_owner_id=owner, number="PO-4")
    warehouse_inbound.receive(session, in_order, [Receipt(Decimal(1), external_order_line_code="10", serial="SER-9")])
    assert query(serial_numbers=["SER-9"]) == [ids[4]]
    assert query(only_diffing_received_to_reported=True) == [ids[4]]
    assert query(last_receive_time_from=datetime.now(UTC) - timedelta(minutes=5)) == [ids[4]]
    inorders.update_in_order_lines(session, "GoodsOwnerOrderNumber", "PO-4", None, [
        InOrderLineUpdate(external_order_line_code="10", fields={"reported_number_of_items": Decimal(1)})],
        goods_owner_id=owner)
    assert query(only_diffing_received_to_reported=True) == []


def test_update_in_order_sets_status_and_free_texts(session: Session, owner: int) -> None:
    in_order_id = create_in_order(session, owner, "PO-1", {"10": ("ART-1", 2)})
    updated = inorders.update_in_order(session, InOrderUpdate(identification="SystemId", in_order_id=in_order_id,
                                                              status=200, fields={"free_text1": "dock 4"}),
                                       goods_owner_id=owner)
    assert (updated.status, updated.free_text1) == (200, "dock 4")
    with pytest.raises(ValidationFailed):
        inorders.update_in_order(session, InOrderUpdate(number="PO-1", status=123), goods_owner_id=owner)
    with pytest.raises(NotFound):
        inorders.update_in_order(session, InOrderUpdate(number="PO-X", status=200), goods_owner_id=owner)


def test_update_lines_refuses_less_than_received(session: Session, owner: int) -> None:
    create_in_order(session, owner, "PO-1", {"10": ("ART-1", 5)})
    in_order = inorders.get_in_order(session, goods_owner_id=owner, number="PO-1")
    warehouse_inbound.receive(session, in_order, [Receipt(Decimal(3), external_order_line_code="10")])
    with pytest.raises(Conflict):
        inorders.update_in_order_lines(session, "GoodsOwnerOrderNumber", "PO-1", None, [
            InOrderLineUpdate(external_order_line_code="10", fields={"advised_number_of_items": Decimal(2)})],
            goods_owner_id=owner)


def test_in_orders_of_another_goods_owner_are_invisible(session: Session, owner: int) -> None:
    create_in_order(session, owner, "PO-1", {"10": ("ART-1", 5)})
    other = make_goods_owner(session, code="OTHER")
    assert inorders.get_in_order_by_number(session, "PO-1", goods_owner_id=other.id) is None
    with pytest.raises(NotFound):
        inorders.get_in_order(session, goods_owner_id=other.id, number="PO-1")
