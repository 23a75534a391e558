"""Inventory changes: stock corrections listed for the ERP and acknowledged one by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from tests.factories import make_goods_owner
from tests.inbound_fixtures import make_article
from wms_soap.errors import NotFound
from wms_soap.services.inventory import inventory_changes, stock
from wms_soap.services.inventory.inventory_changes import InventoryChangesQuery


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner = make_goods_owner(session, code="CHG")
    first, second = make_article(session, goods_owner.id, "A"), make_article(session, goods_owner.id, "B")
    for article in (first, second):
        stock.add_stock(session, goods_owner_id=goods_owner.id, article_id=article.id, location_code="L-1",
                            quantity=Decimal(10), comment="received", cause="received")
    item = stock.add_stock(session, goods_owner_id=goods_owner.id, article_id=first.id, location_code="L-1",
                               quantity=Decimal(2), comment="found in count", cause="adjusted")
    stock.remove_stock(session, article_item_id=item, quantity=Decimal(1), comment="broken", cause="adjusted")
    stock.add_stock(session, goods_owner_id=goods_owner.id, article_id=second.id, location_code="L-2",
                        quantity=Decimal(3), comment="count", cause="counted")
    return goods_owner.id


def test_changes_leave_out_order_flows_and_group_by_article(session: Session, owner: int) -> None:
    grouped = inventory_changes.inventory_changes(session, InventoryChangesQuery(), goods_owner_id=owner)
    assert [[c.quantity for c in changes] for changes in grouped.values()] == [[2, -1], [3]]
    first_page = inventory_changes.inventory_changes(session, InventoryChangesQuery(max_articles=1),
                                                     goods_owner_id=owner)
    assert len(first_page) == 1
    rest = inventory_changes.inventory_changes(session, InventoryChangesQuery(article_id_from=max(first_page) + 1),
                                               goods_owner_id=owner)
    assert list(rest) == [a for a in grouped if a not in first_page]
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert inventory_changes.inventory_changes(session, InventoryChangesQuery(from_date=tomorrow),
                                               goods_owner_id=owner) == {}
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    assert len(inventory_changes.inventory_changes(session, InventoryChangesQuery(from_date=today, to_date=today),
                                                   goods_owner_id=owner)) == 2


def test_set_reported_hides_them_from_unreported_queries(session: Session, owner: int) -> None:
    grouped = inventory_changes.inventory_changes(session, InventoryChangesQuery(), goods_owner_id=owner)
    first_article, second_article = list(grouped)
    one = grouped[first_article][0]
    inventory_changes.set_reported(session, first_article, one.id, goods_owner_id=owner)
    unreported = inventory_changes.inventory_changes(session, InventoryChangesQuery(unreported=True),
                                                     goods_owner_id=owner)
    assert [c.id for c in unreported[first_article]] == [grouped[first_article][1].id]
    inventory_changes.set_reported(session, second_article, None, goods_owner_id=owner)
    assert second_article not in inventory_changes.inventory_changes(
        session, InventoryChangesQuery(unreported=True), goods_owner_id=owner)
    with pytest.raises(NotFound):
        inventory_changes.set_reported(session, first_article, 999999, goods_owner_id=owner)
    other = make_goods_owner(session, code="OTHER")
    with pytest.raises(NotFound):
        inventory_changes.set_reported(session, first_article, None, goods_owner_id=other.id)
