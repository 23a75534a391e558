"""The outbound warehouse side: release, allocate, pick, pack, ship, collect, cancel, against real stock."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from tests.orders_support import add_stock, create_order, line, make_article, make_owner
from wms_soap.errors import Conflict
from wms_soap.services.orders.queries import allocated_per_article_item
from wms_soap.services.warehouse import outbound as warehouse
from wms_soap.services.warehouse.outbound import ParcelRequest, PickRequest
from wms_soap.store.articles import Article
from wms_soap.store.inventory import ArticleItem
from wms_soap.store.orders import Order


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner_id = make_owner(session, "SHOP")
    return goods_owner_id


@pytest.fixture
def article(session: Session, owner: int) -> Article:
    return make_article(session, owner, "A-1")


def items_left(session: Session, *item_ids: int) -> list[Decimal]:
    session.expire_all()
    return [Decimal(session.get(ArticleItem, item_id).number_of_items) for item_id in item_ids]  # type: ignore[union-attr]


def history(session: Session, order_id: int) -> list[tuple[int | None, int, str]]:
    session.expire_all()
    order = session.get(Order, order_id)
    assert order is not None
    return [(h.from_status, h.to_status, h.source) for h in order.history]


def test_full_outbound_flow_records_every_status(session: Session, owner: int, article: Article) -> None:
    item = add_stock(session, owner, article, 10)
    order_id = create_order(session, owner, "O-1", [line("A-1", 4, "1")])
    assert warehouse.release_order(session, order_id).status == 300
    assert warehouse.allocate_order(session, order_id).status == 320
    assert allocated_per_article_item(session, [item]) == {item: Decimal(4)}
    warehouse.pick(session, order_id, [PickRequest(Decimal(1), external_order_line_code="1")])
    order = warehouse.pick(session, order_id, [PickRequest(Decimal(3), external_order_line_code="1")])
    assert order.status == 400 and order.pick_finished_time is not None
    assert items_left(session, item) == [Decimal(6)]
    assert allocated_per_article_item(session, [item]) == {}
    order = warehouse.pack(session, order_id, [ParcelRequest(label_id="TRK-1", tracking_url="https://t/1")],
                           waybill="WB-1")
    assert [p.label_id for p in order.parcels] == ["TRK-1"] and order.waybill == "WB-1"
    assert order.lines[0].packed_number_of_items == 4
    assert warehouse.ship(session, order_id, at=datetime(2030, 1, 1, tzinfo=UTC)).status == 450
    assert warehouse.collect(session, order_id).status == 500
    assert history(session, order_id) == [(None, 200, "api"), (200, 300, "warehouse"), (300, 320, "warehouse"),
                                          (320, 400, "warehouse"), (400, 450, "warehouse"),
                                          (450, 500, "warehouse")]


def test_allocation_is_all_or_nothing_and_earliest_expiry_first(session: Session, owner: int,
                                                                 article: Article) -> None:
    late = add_stock(session, owner, article, 3, batch="LATE", expiry_date=datetime(2031, 1, 1, tzinfo=UTC))
    early = add_stock(session, owner, article, 2, location="B-01", batch="EARLY",
                      expiry_date=datetime(2030, 1, 1, tzinfo=UTC))
    big = create_order(session, owner, "O-2", [line("A-1", 6, "1")])
    session.commit()
    with pytest.raises(Conflict, match="not enough stock"):
        warehouse.allocate_order(session, big)
    session.rollback()
    small = create_order(session, owner, "O-3", [line("A-1", 3, "1")])
    warehouse.allocate_order(session, small)
    assert allocated_per_article_item(session, [late, early]) == {early: Decimal(2), late: Decimal(1)}
    other = create_order(session, owner, "O-4", [line("A-1", 3, "1")])
    with pytest.raises(Conflict, match="missing"):
        warehouse.allocate_order(session, other)


def test_release_allocations_gives_stock_back(session: Session, owner: int, article: Article) -> None:
    item = add_stock(session, owner, article, 5)
    order_id = create_order(session, owner, "O-5", [line("A-1", 5, "1")])
    warehouse.allocate_order(session, order_id)
    order = warehouse.release_order_allocations(session, order_id)
    assert order.status == 300 and allocated_per_article_item(session, [item]) == {}


def test_pick_from_a_chosen_article_item_and_stock_never_negative(session: Session, owner: int,
                                                                  article: Article) -> None:
    first = add_stock(session, owner, article, 2, batch="B1")
    second = add_stock(session, owner, article, 5, location="B-02", batch="B2")
    order_id = create_order(session, owner, "O-6", [line("A-1", 5, "1")])
    order = warehouse.pick(session, order_id, [PickRequest(Decimal(2), external_order_line_code="1",
                                                           article_item_id=second)])
    assert order.status == 200 and [i.batch for i in order.picked_items] == ["B2"]
    assert items_left(session, first, second) == [Decimal(2), Decimal(3)]
    session.commit()
    with pytest.raises(Conflict, match="holds 2"):
        warehouse.pick(session, order_id, [PickRequest(Decimal(3), external_order_line_code="1",
                                                       article_item_id=first)])
    session.rollback()
    with pytest.raises(Conflict, match="left to pick"):
        warehouse.pick(session, order_id, [PickRequest(Decimal(9), external_order_line_code="1")])
    session.rollback()
    assert all(quantity >= 0 for quantity in items_left(session, first, second))


def test_cancel_before_picking_only(session: Session, owner: int, article: Article) -> None:
    item = add_stock(session, owner, article, 5)
    cancelled = create_order(session, owner, "O-7", [line("A-1", 2, "1")])
    warehouse.allocate_order(session, cancelled)
    assert warehouse.cancel_order(session, cancelled).status == 1000
    assert allocated_per_article_item(session, [item]) == {}
    picked = create_order(session, owner, "O-8", [line("A-1", 2, "1")])
    warehouse.pick_remaining(session, picked)
    with pytest.raises(Conflict, match="picking has started"):
        warehouse.cancel_order(session, picked)


def test_wrong_status_transitions_are_refused(session: Session, owner: int, article: Article) -> None:
    add_stock(session, owner, article, 5)
    order_id = create_order(session, owner, "O-9", [line("A-1", 1, "1")])
    with pytest.raises(Conflict, match="only picked orders"):
        warehouse.ship(session, order_id)
    with pytest.raises(Conflict, match="only sent orders"):
        warehouse.collect(session, order_id)
    with pytest.raises(Conflict, match="no picked items"):
        warehouse.pack(session, order_id, [ParcelRequest(label_id="X")])
    warehouse.pick_remaining(session, order_id)
    with pytest.raises(Conflict, match="cannot be released"):
        warehouse.release_order(session, order_id)
