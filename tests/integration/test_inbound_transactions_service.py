"""Inbound transactions and received tags read from in-order receipts, against a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import make_goods_owner
from tests.inbound_fixtures import create_in_order, make_article
from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.inbound.inbound_transactions import (
    InboundTransaction,
    InboundTransactionQuery,
    inbound_transactions,
    received_tags,
)
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt
from wms_soap.store.inorders import InOrder, InOrderReceivedItem
from wms_soap.store.inventory import ArticleItemStatus


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner = make_goods_owner(session, code="INB")
    make_article(session, goods_owner.id, "ART-1")
    make_article(session, goods_owner.id, "ART-2")
    return goods_owner.id


def receive(session: Session, in_order_id: int, *receipts: Receipt) -> list[int]:
    in_order = session.get(InOrder, in_order_id)
    assert in_order is not None
    return [item.id for item in warehouse_inbound.receive(session, in_order, list(receipts))]


def set_received_at(session: Session, item_id: int, moment: datetime) -> None:
    item = session.get(InOrderReceivedItem, item_id)
    assert item is not None
    item.received_at = moment
    session.flush()


def ids(found: list[InboundTransaction]) -> list[int]:
    return [t.original_article_item_id for t in found]


def test_every_receipt_is_a_transaction_with_its_in_order_article_and_status(session: Session, owner: int) -> None:
    session.add(ArticleItemStatus(code="OK", name="Good stock"))
    po = create_in_order(session, owner, "PO-1", {"10": ("ART-1", 5), "20": ("ART-2", 1)})
    session.scalars(select(InOrder).where(InOrder.id == po)).one().lines[0].item_status_code = "OK"
    first, second = receive(session, po, Receipt(Decimal(2), external_order_line_code="10", batch="LOT-1",
                                                 expiry_date=datetime(2027, 6, 1, tzinfo=UTC), comment="dented"),
                            Receipt(Decimal(1), external_order_line_code="20", serial="SN-1"))

    found = inbound_transactions(session, InboundTransactionQuery(types="ReceivedOnInOrder"), goods_owner_id=owner)
    assert ids(found) == [first, second]
    one, two = found
    assert (one.in_order_id, one.in_order_number, one.article_number, one.number_of_items) == (
        po, "PO-1", "ART-1", Decimal(2))
    assert (one.batch, one.comment, one.status_code, one.status_name) == ("LOT-1", "dented", "OK", "Good stock")
    assert one.expiry_date is not None and one.expiry_date.replace(tzinfo=UTC) == datetime(2027, 6, 1, tzinfo=UTC)
    assert (two.article_number, two.serial, two.status_code, two.status_name) == ("ART-2", "SN-1", None, None)


def test_filters_by_receipt_time_and_pages_by_cursor(session: Session, owner: int) -> None:
    po = create_in_order(session, owner, "PO-1", {"10": ("ART-1", 10)})
    items = receive(session, po, *(Receipt(Decimal(1), external_order_line_code="10")
                                   for _ in range(4)))
    base = datetime(2026, 5, 1, tzinfo=UTC)
    for n, item_id in enumerate(items):
        set_received_at(session, item_id, base + timedelta(days=n))

    def query(**fields: Any) -> list[int]:
        return ids(inbound_transactions(session, InboundTransactionQuery(**fields), goods_owner_id=owner))

    assert query(in_date_from=base + timedelta(days=1)) == items[1:]
    assert query(in_date_to=base + timedelta(days=1)) == items[:2]
    assert query(in_date_from=base + timedelta(days=1), in_date_to=base + timedelta(days=2)) == items[1:3]
    assert query(original_article_item_id_from=items[2]) == items[2:]
    pages, cursor = [], 0
    while page := query(original_article_item_id_from=cursor, max_count=3):
        pages.append(page)
        cursor = page[-1] + 1
    assert pages == [items[:3], items[3:]]
    assert query(types="All") == items
    assert query(types="ReceivedWithoutInOrder") == []


def test_another_goods_owners_receipts_never_appear(session: Session, owner: int) -> None:
    other = make_goods_owner(session, code="OTHER")
    make_article(session, other.id, "ART-1")
    mine = receive(session, create_in_order(session, owner, "PO-1", {"10": ("ART-1", 1)}),
                   Receipt(Decimal(1), external_order_line_code="10", serial="SN-MINE"))
    theirs_po = create_in_order(session, other.id, "PO-1", {"10": ("ART-1", 1)})
    receive(session, theirs_po, Receipt(Decimal(1), external_order_line_code="10", serial="SN-THEIRS"))

    assert ids(inbound_transactions(session, InboundTransactionQuery(), goods_owner_id=owner)) == mine
    with pytest.raises(NotFound, match=str(theirs_po)):
        received_tags(session, theirs_po, goods_owner_id=owner)


def test_bad_queries_are_refused(session: Session, owner: int) -> None:
    day = datetime(2026, 5, 1, tzinfo=UTC)
    with pytest.raises(ValidationFailed, match="InboundTransactionTypesToGet"):
        inbound_transactions(session, InboundTransactionQuery(types="Everything"), goods_owner_id=owner)
    with pytest.raises(ValidationFailed, match="negative"):
        inbound_transactions(session, InboundTransactionQuery(max_count=-1), goods_owner_id=owner)
    with pytest.raises(ValidationFailed, match="after InDateTo"):
        inbound_transactions(session, InboundTransactionQuery(in_date_from=day, in_date_to=day - timedelta(1)),
                             goods_owner_id=owner)
    with pytest.raises(ValidationFailed, match="InOrderId"):
        received_tags(session, None, goods_owner_id=owner)
    with pytest.raises(NotFound):
        received_tags(session, 999_999, goods_owner_id=owner)


def test_received_tags_are_the_serials_received_on_the_in_order(session: Session, owner: int) -> None:
    po = create_in_order(session, owner, "PO-1", {"10": ("ART-1", 3), "20": ("ART-2", 2)})
    receive(session, po, Receipt(Decimal(1), external_order_line_code="10", serial="SN-1"),
            Receipt(Decimal(2), external_order_line_code="20", batch="LOT-9"),
            Receipt(Decimal(1), external_order_line_code="10", serial="SN-2"))
    line_10 = session.scalars(select(InOrder).where(InOrder.id == po)).one().lines[0]

    tags = received_tags(session, po, goods_owner_id=owner)
    assert [(t.in_order_line_id, t.external_order_line_code, t.serial, t.number_of_items) for t in tags] == [
        (line_10.id, "10", "SN-1", Decimal(1)), (line_10.id, "10", "SN-2", Decimal(1))]
    assert received_tags(session, create_in_order(session, owner, "PO-2", {"10": ("ART-1", 1)}),
                         goods_owner_id=owner) == []
