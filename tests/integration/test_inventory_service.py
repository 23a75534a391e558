"""Stock, inventory queries, status texts and transporter contracts against a real database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tests.factories import make_goods_owner
from wms_soap.errors import Conflict, ValidationFailed
from wms_soap.services import registers as system
from wms_soap.services.inventory import article_items, inventory
from wms_soap.services.inventory import stock as stock_changes
from wms_soap.services.inventory.articles import ArticleInput, BarcodeInput, process_article
from wms_soap.services.inventory.inventory import InventoryQuery
from wms_soap.store.articles import Article
from wms_soap.store.inventory import ArticleItem, InventoryTransaction, OrderStatusText


@pytest.fixture
def owner(session: Session) -> int:
    return make_goods_owner(session, code="INV").id


def article(session: Session, owner: int, number: str, **fields: Any) -> Article:
    data = ArticleInput(identification="ArticleNumber", article_number=number, name=fields.pop("name", number),
                        product_code=fields.pop("product_code", None), barcodes=fields.pop("barcodes", None),
                        values=fields)
    return process_article(session, owner, data).article


def stock(session: Session, owner: int, item: Article, quantity: int, **fields: Any) -> int:
    fields.setdefault("location_code", "A-01-01")
    return stock_changes.add_stock(session, goods_owner_id=owner, article_id=item.id, quantity=Decimal(quantity),
                               comment="test", **fields)


def numbers(session: Session, owner: int, **query: Any) -> list[str]:
    return [row.article.article_number for row in inventory.inventory(session, owner, InventoryQuery(**query))]


def test_add_stock_merges_equal_items_and_records_transactions(session: Session, owner: int) -> None:
    cup = article(session, owner, "CUP")
    first = stock(session, owner, cup, 5)
    assert stock(session, owner, cup, 3) == first
    other = stock(session, owner, cup, 2, batch="B1", expiry_date=datetime(2027, 1, 1, tzinfo=UTC))
    assert other != first
    [row] = inventory.inventory(session, owner)
    assert row.stock.number_of_items == 10
    quantities = session.scalars(select(InventoryTransaction.quantity).order_by(InventoryTransaction.id)).all()
    assert quantities == [5, 3, 2]


def test_remove_stock_never_goes_negative(session: Session, owner: int) -> None:
    cup = article(session, owner, "CUP")
    item_id = stock(session, owner, cup, 5)
    stock_changes.remove_stock(session, article_item_id=item_id, quantity=Decimal(4), comment="picked")
    with pytest.raises(Conflict, match="holds 1"):
        stock_changes.remove_stock(session, article_item_id=item_id, quantity=Decimal(2), comment="picked")
    item = session.get(ArticleItem, item_id)
    assert item is not None and item.number_of_items == 1
    last = session.scalars(select(InventoryTransaction).order_by(InventoryTransaction.id.desc())).first()
    assert last is not None and (last.quantity, last.cause, last.location_code) == (-4, "picked", "A-01-01")
    with pytest.raises(ValidationFailed):
        stock_changes.remove_stock(session, article_item_id=item_id, quantity=Decimal(0), comment="nothing")


def test_locked_items_are_not_sellable(session: Session, owner: int) -> None:
    cup = article(session, owner, "CUP", purchase_price=Decimal("2.50"))
    stock(session, owner, cup, 6)
    stock(session, owner, cup, 4, location_code="Q-01", locked=True)
    [row] = inventory.inventory(session, owner)
    assert (row.stock.number_of_items, row.stock.locked, row.stock.sellable) == (10, 4, 6)
    assert row.valuation == Decimal("25.00")
    assert row.stock.last_in_date is not None


def test_filters_by_numbers_codes_barcodes_and_names(session: Session, owner: int) -> None:
    article(session, owner, "CUP", name="Blue cup", product_code="P-CUP", bar_code="111")
    article(session, owner, "MUG", name="Red mug", product_code="P-MUG", barcodes=[BarcodeInput("222")])
    article(session, owner, "PLATE", name="Plate 100%", bar_code_package="333")
    assert numbers(session, owner, article_numbers=["CUP", "PLATE"]) == ["CUP", "PLATE"]
    assert numbers(session, owner, product_codes=["P-MUG"]) == ["MUG"]
    assert numbers(session, owner, bar_codes=["111", "222", "333"]) == ["CUP", "MUG", "PLATE"]
    assert numbers(session, owner, name_contains=["CUP", "mug"]) == ["CUP", "MUG"]
    assert numbers(session, owner, name_contains=["100%"]) == ["PLATE"]
    assert numbers(session, owner, name_contains=["_"]) == []


def test_filters_by_stock(session: Session, owner: int) -> None:
    cup = article(session, owner, "CUP", order_point=10)
    mug = article(session, owner, "MUG", order_point=2)
    article(session, owner, "PLATE")
    stock(session, owner, cup, 5)
    stock(session, owner, mug, 5)
    assert numbers(session, owner, only_in_stock=True) == ["CUP", "MUG"]
    assert numbers(session, owner, below_stock_limit=True) == ["CUP"]


def test_below_stock_limit_considering_booked_uses_the_order_and_in_order_quantities(
        session: Session, owner: int, monkeypatch: pytest.MonkeyPatch) -> None:
    cup = article(session, owner, "CUP", order_point=3)
    mug = article(session, owner, "MUG", order_point=3)
    stock(session, owner, cup, 5)
    stock(session, owner, mug, 5)

    @dataclass
    class Outbound:
        booked: Decimal
        allocated: Decimal = Decimal(0)
        picked_to_be_collected: Decimal = Decimal(1)

    @dataclass
    class Inbound:
        to_receive: Decimal = Decimal(7)
        received_to_be_finished: Decimal = Decimal(0)
        received_to_be_reported: Decimal = Decimal(2)

    monkeypatch.setattr(inventory, "outbound_quantities", lambda s, g, ids: {cup.id: Outbound(Decimal(4))})
    monkeypatch.setattr(inventory, "inbound_quantities", lambda s, g, ids: {mug.id: Inbound()})
    assert numbers(session, owner, below_stock_limit=True) == []
    assert numbers(session, owner, below_stock_limit_considering_booked=True) == ["CUP"]
    cup_row, mug_row = inventory.inventory(session, owner)
    assert (cup_row.stock.booked, cup_row.stock.sellable, cup_row.stock.picked_to_be_collected) == (4, 1, 1)
    assert (mug_row.stock.to_receive, mug_row.stock.received_to_be_reported) == (7, 2)


def test_created_and_stock_changed_filters(session: Session, owner: int) -> None:
    cup = article(session, owner, "CUP")
    article(session, owner, "MUG")
    later = datetime.now(UTC) + timedelta(hours=1)
    assert numbers(session, owner, created_from=later) == []
    assert numbers(session, owner, created_from=later - timedelta(days=1)) == ["CUP", "MUG"]
    stock(session, owner, cup, 1, at=later + timedelta(minutes=1))
    assert numbers(session, owner, stock_info_changed_from=later) == ["CUP"]


def test_cursor_pages_through_by_system_id(session: Session, owner: int) -> None:
    ids = [article(session, owner, f"A-{n:02}").id for n in range(7)]
    pages: list[list[int]] = []
    cursor = 0
    while True:
        page = inventory.inventory(session, owner, InventoryQuery(system_id_from=cursor, max_articles=3))
        if not page:
            break
        pages.append([row.article.id for row in page])
        cursor = page[-1].article.id + 1
    assert pages == [ids[0:3], ids[3:6], ids[6:7]]


def test_cursor_keeps_filling_past_filtered_chunks(session: Session, owner: int,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inventory, "_CHUNK", 2)
    created = [article(session, owner, f"A-{n}", order_point=1) for n in range(6)]
    for item in created[:4]:
        stock(session, owner, item, 5)
    assert numbers(session, owner, below_stock_limit=True, max_articles=2) == ["A-4", "A-5"]


def test_inventory_is_per_goods_owner(session: Session, owner: int) -> None:
    other = make_goods_owner(session, code="OTHER").id
    stock(session, owner, article(session, owner, "CUP"), 3)
    assert numbers(session, other) == []
    assert numbers(session, owner) == ["CUP"]


def test_status_texts_are_seeded_and_overridable(session: Session) -> None:
    seeded = session.scalars(select(OrderStatusText.number).where(OrderStatusText.warehouse_id.is_(None))
                             .order_by(OrderStatusText.number)).all()
    assert seeded == [100, 150, 200, 300, 320, 400, 450, 500, 1000]
    assert system.order_statuses(session)[0] == (100, "Notified")
    assert dict(system.in_order_statuses(session))[500] == "Received"
    warehouse_id = _warehouse_id(session)
    system.set_status_text(session, warehouse_id=warehouse_id, number=450, text="Skickad")
    system.set_status_text(session, warehouse_id=warehouse_id, number=500, text="Mottagen", in_orders=True)
    assert system.order_status_text(session, warehouse_id, 450) == "Skickad"
    assert system.order_status_text(session, None, 450) == "Sent"
    assert system.in_order_status_text(session, warehouse_id, 500) == "Mottagen"
    with pytest.raises(ValidationFailed):
        system.set_status_text(session, warehouse_id=warehouse_id, number=451, text="?")


def _warehouse_id(session: Session) -> int:
    from tests.factories import make_warehouse

    return int(make_warehouse(session).id)


def test_transporter_contracts(session: Session, owner: int) -> None:
    other = make_goods_owner(session, code="OTHER").id
    system.create_transporter_contract(session, owner, transporter_code="DHL", transporter_name="DHL Freight",
                                       service_code="PARCEL", customer_number="C-1")
    system.create_transporter_contract(session, owner, transporter_code="DHL", service_code="PALLET",
                                       customer_number="C-1")
    system.create_transporter_contract(session, other, transporter_code="UPS", service_code="STD")
    assert [(c.transporter.code, c.service_code) for c in system.transporter_contracts(session, owner)] == [
        ("DHL", "PALLET"), ("DHL", "PARCEL")]
    found = system.find_transporter_contract(session, owner, transporter_code="DHL", service_code="PARCEL")
    assert found is not None and found.customer_number == "C-1"
    assert system.find_transporter_contract(session, owner, transporter_code="UPS") is None


def test_demo_seeding_is_repeatable(session: Session, owner: int) -> None:
    from wms_soap.demo.articles import seed_demo_articles

    first = seed_demo_articles(session, owner)
    again = seed_demo_articles(session, owner)
    assert first == again and len(first) == 5
    rows = {row.article.article_number: row for row in inventory.inventory(session, owner)}
    assert rows["MUG-BLUE"].stock.number_of_items == 120
    assert rows["MUG-GIFTSET"].article.kind == "Structure"
    assert rows["LAMP-OIL"].article.dangerous_goods[0].un_number == "1223"
    assert [c.service_code for c in system.transporter_contracts(session, owner)] == ["PALLET", "PARCEL"]
    assert {"OK", "DAMAGED"} <= set(article_items.status_names(session))
    assert sorted(c.code for c in article_items.categories(session).values()) == ["A", "B"]


def test_orders_and_in_orders_flow_into_the_figures(session: Session, owner: int) -> None:
    """The real seams of the orders and in-orders areas: an open order books, an open in-order is to receive."""
    from tests.inbound_fixtures import create_in_order
    from tests.orders_support import create_order, line

    cup = article(session, owner, "CUP", order_point=10)
    stock(session, owner, cup, 8)
    create_order(session, owner, "SO-1", [line("CUP", 3, "1")])
    create_in_order(session, owner, "PO-1", {"10": ("CUP", 20)})
    [row] = inventory.inventory(session, owner)
    assert (row.stock.number_of_items, row.stock.booked, row.stock.sellable, row.stock.to_receive) == (8, 3, 5, 20)
    assert numbers(session, owner, below_stock_limit_considering_booked=True) == ["CUP"]


def test_new_orders_and_in_orders_change_the_stock_info(session: Session, owner: int) -> None:
    from tests.inbound_fixtures import create_in_order
    from tests.orders_support import create_order, line

    article(session, owner, "CUP")
    article(session, owner, "MUG")
    article(session, owner, "PLATE")
    moment = datetime.now(UTC) - timedelta(seconds=1)
    session.execute(update(Article).values(stock_changed_at=None))
    create_order(session, owner, "SO-1", [line("CUP", 3, "1")])
    create_in_order(session, owner, "PO-1", {"10": ("MUG", 20)})
    assert numbers(session, owner, stock_info_changed_from=moment) == ["CUP", "MUG"]
