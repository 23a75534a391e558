"""Article items, UpdateArticleItems with its change log, and the per-warehouse, goods-status and historical views
against a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import make_warehouse
from tests.orders_support import add_stock, make_article, make_owner
from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.inventory import article_item_updates as updates
from wms_soap.services.inventory import article_items, articles, inventory, inventory_changes, stock
from wms_soap.services.inventory import views as inventory_views
from wms_soap.services.inventory.article_item_updates import (
    ArticleItemsError,
    ItemsIdentification,
    ItemsUpdate,
    RegisterRef,
)
from wms_soap.services.inventory.article_items import ItemsQuery
from wms_soap.store.access import GoodsOwner
from wms_soap.store.inventory import ArticleItem, ArticleItemChange, InventoryTransaction

T0 = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.fixture
def owner(session: Session) -> int:
    return make_owner(session, "SHOP")


@pytest.fixture
def other(session: Session) -> int:
    return make_owner(session, "OTHER")


def numbers(lines: list[article_items.ItemLine]) -> list[tuple[str, list[Decimal]]]:
    return [(line.article.article_number, [view.item.number_of_items for view in line.items]) for line in lines]


def test_items_per_article_with_filters_and_cursor(session: Session, owner: int, other: int) -> None:
    cup, mug, _plate = (make_article(session, owner, n) for n in ("CUP", "MUG", "PLATE"))
    add_stock(session, owner, cup, 5, batch="B1")
    add_stock(session, owner, cup, 1, serial="S-1", location="B-01")
    add_stock(session, owner, mug, 2)
    add_stock(session, other, make_article(session, other, "CUP"), 9)
    assert numbers(article_items.inventory_items(session, owner)) == [("CUP", [5, 1]), ("MUG", [2])]
    with_zero = article_items.inventory_items(session, owner, ItemsQuery(with_zero_stock_articles=True))
    assert numbers(with_zero) == [("CUP", [5, 1]), ("MUG", [2]), ("PLATE", [])]
    assert numbers(article_items.inventory_items(session, owner, ItemsQuery(serials=["S-1"]))) == [("CUP", [1])]
    assert numbers(article_items.inventory_items(session, owner, ItemsQuery(article_numbers=["MUG"]))) == [
        ("MUG", [2])]
    page = article_items.inventory_items(session, owner, ItemsQuery(system_id_from=cup.id + 1, max_articles=1))
    assert numbers(page) == [("MUG", [2])]


def test_item_views_carry_location_warehouse_and_in_order_origin(session: Session, owner: int) -> None:
    cup = make_article(session, owner, "CUP")
    warehouse = make_warehouse(session, code="NORTH")
    stock.location(session, "N-01", warehouse_id=warehouse.id)
    add_stock(session, owner, cup, 3, location="N-01")
    add_stock(session, owner, cup, 4, location="A-01")
    owner_warehouse = session.get(GoodsOwner, owner).warehouse  # type: ignore[union-attr]
    [line] = article_items.inventory_items(session, owner)
    assert [(v.item.location.code, v.warehouse.code) for v in line.items] == [
        ("N-01", "NORTH"), ("A-01", owner_warehouse.code if owner_warehouse else None)]


def item_ids(session: Session, owner: int) -> list[int]:
    return list(session.scalars(select(ArticleItem.id).where(ArticleItem.goods_owner_id == owner)
                                .order_by(ArticleItem.id)))


def test_update_status_logs_the_change_and_filters_see_it(session: Session, owner: int) -> None:
    cup = make_article(session, owner, "CUP")
    item_id = add_stock(session, owner, cup, 5, batch="B1")
    article_items.register_status(session, "DAMAGED", "Damaged goods")
    [item] = updates.update_article_items(session, owner, ItemsUpdate(
        ItemsIdentification(article_item_id=item_id), status=RegisterRef(code="DAMAGED"),
        values={"batch": "B2", "price": Decimal("9.5")}))
    assert (item.status, item.batch, item.price) == ("DAMAGED", "B2", Decimal("9.5"))
    [view] = updates.article_item_changes(session, owner, updates.ChangesQuery())
    assert view.change.change_types == ",ArticleItemStatus,Batch,Price,"
    assert (view.change.previous["batch"], view.change.current["batch"], view.is_current) == ("B1", "B2", True)
    changed = article_items.inventory_items(session, owner, ItemsQuery(status_changed_from=T0 - timedelta(days=3650)))
    assert numbers(changed) == [("CUP", [5])]
    assert article_items.inventory_items(session, owner, ItemsQuery(previous_status_code="OK")) == []
    assert updates.article_item_changes(session, owner, updates.ChangesQuery(only=["Serial"])) == []


def test_update_of_fewer_items_divides_and_keeps_stock_history(session: Session, owner: int) -> None:
    cup = make_article(session, owner, "CUP")
    item_id = add_stock(session, owner, cup, 5)
    [part] = updates.update_article_items(session, owner, ItemsUpdate(
        ItemsIdentification(article_number="CUP"), number_of_items=Decimal(2), locked=True))
    original = session.get(ArticleItem, item_id)
    assert original is not None
    assert (part.number_of_items, part.original_id, part.is_locked) == (2, item_id, True)
    assert (original.number_of_items, original.is_locked) == (3, False)
    causes = session.scalars(select(InventoryTransaction.cause).order_by(InventoryTransaction.id)).all()
    assert causes == ["received", "divided", "divided"]
    assert inventory_changes.inventory_changes(session, inventory_changes.InventoryChangesQuery(),
                                               goods_owner_id=owner) == {}
    [row] = inventory.inventory(session, owner)
    assert (row.stock.number_of_items, row.stock.locked) == (5, 2)


@pytest.mark.parametrize(("update", "error_type"), [
    (ItemsUpdate(None, locked=True), "InvalidIdentification"),
    (ItemsUpdate(ItemsIdentification(article_number="CUP")), "NoUpdateOperationSpecified"),
    (ItemsUpdate(ItemsIdentification(article_number="NOPE"), locked=True), "ArticleNotFound"),
    (ItemsUpdate(ItemsIdentification(article_number="CUP", batch="X"), locked=True), "NoArticleItemsFound"),
    (ItemsUpdate(ItemsIdentification(article_number="CUP"), status=RegisterRef(code="X")),
     "ArticleItemStatusNotFound"),
    (ItemsUpdate(ItemsIdentification(article_number="CUP", status_id=999), locked=True),
     "ArticleItemStatusNotFound"),
    (ItemsUpdate(ItemsIdentification(article_number="CUP"), category=RegisterRef(id=999)),
     "ArticleItemCategoryNotFound"),
    (ItemsUpdate(ItemsIdentification(article_number="CUP"), number_of_items=Decimal(6), locked=True),
     "ArticleItemDivideFailed"),
])
def test_refused_updates_change_nothing(session: Session, owner: int, update: ItemsUpdate, error_type: str) -> None:
    cup = make_article(session, owner, "CUP")
    add_stock(session, owner, cup, 5)
    with pytest.raises(ArticleItemsError) as raised:
        updates.update_article_items(session, owner, update)
    assert raised.value.error_type == error_type
    assert [(i.number_of_items, i.is_locked) for i in session.scalars(select(ArticleItem))] == [(5, False)]
    assert session.scalar(select(func.count()).select_from(ArticleItemChange)) == 0


def test_another_goods_owners_items_are_not_found(session: Session, owner: int, other: int) -> None:
    theirs = add_stock(session, other, make_article(session, other, "CUP"), 5)
    make_article(session, owner, "CUP")
    with pytest.raises(ArticleItemsError, match="No article items"):
        updates.update_article_items(session, owner, ItemsUpdate(ItemsIdentification(article_item_id=theirs),
                                                                 locked=True))
    with pytest.raises(ArticleItemsError, match="was not found"):
        updates.update_article_items(session, owner, ItemsUpdate(ItemsIdentification(
            article_id=session.get(ArticleItem, theirs).article_id), locked=True))  # type: ignore[union-attr]


def test_changes_page_by_log_id(session: Session, owner: int, other: int) -> None:
    cup = make_article(session, owner, "CUP")
    ids = [add_stock(session, owner, cup, 1, serial=f"S{n}") for n in range(3)]
    add_stock(session, other, make_article(session, other, "CUP"), 1)
    for item_id in ids:
        updates.update_article_items(session, owner, ItemsUpdate(ItemsIdentification(article_item_id=item_id),
                                                                 values={"weight": Decimal(2)}))
    updates.update_article_items(session, other, ItemsUpdate(ItemsIdentification(article_number="CUP"),
                                                             values={"weight": Decimal(2)}))
    first = updates.article_item_changes(session, owner, updates.ChangesQuery(max_changes=2))
    rest = updates.article_item_changes(session, owner, updates.ChangesQuery(from_log_id=first[-1].change.id + 1))
    assert [v.change.article_item_id for v in first + rest] == ids
    with pytest.raises(Exception, match="Unknown ArticleItemChangeType"):
        updates.article_item_changes(session, owner, updates.ChangesQuery(only=["Colour"]))


def test_inventory_per_warehouse(session: Session, owner: int) -> None:
    cup = make_article(session, owner, "CUP")
    north = make_warehouse(session, code="NORTH")
    stock.location(session, "N-01", warehouse_id=north.id)
    add_stock(session, owner, cup, 3, location="N-01")
    add_stock(session, owner, cup, 4, location="A-01")
    stock.add_stock(session, goods_owner_id=owner, article_id=cup.id, location_code="Q-01",
                        quantity=Decimal(2), comment="test", locked=True)
    [row] = inventory_views.inventory_per_warehouse(session, owner, inventory_views.PerWarehouseQuery())
    home = session.get(GoodsOwner, owner).warehouse_id  # type: ignore[union-attr]
    assert [(line.warehouse.id, line.number_of_items, line.locked) for line in row.lines] == sorted(
        [(home, Decimal(6), Decimal(2)), (north.id, Decimal(3), Decimal(0))])
    only_north = inventory_views.inventory_per_warehouse(session, owner, inventory_views.PerWarehouseQuery(
        warehouse_ids=[north.id]))
    assert [line.warehouse.code for line in only_north[0].lines] == ["NORTH"]


def test_historical_inventory_from_transactions(session: Session, owner: int) -> None:
    cup = make_article(session, owner, "CUP")
    item_id = stock.add_stock(session, goods_owner_id=owner, article_id=cup.id, location_code="A-01",
                                  quantity=Decimal(10), batch="B1", comment="in", at=T0)
    stock.remove_stock(session, article_item_id=item_id, quantity=Decimal(4), comment="out",
                           at=T0 + timedelta(days=2))
    at = inventory_views.historical_inventory
    assert at(session, owner, T0 - timedelta(seconds=1)) == []
    [row] = at(session, owner, T0 + timedelta(days=1))
    assert (row.number_of_items, [(i.number_of_items, i.batch) for i in row.items]) == (10, [(10, "B1")])
    assert at(session, owner, T0 + timedelta(days=3))[0].number_of_items == 6
    with pytest.raises(Exception, match="Warehouse NOWHERE was not found"):
        at(session, owner, T0, "NOWHERE")


def test_goods_status_inventory(session: Session, owner: int) -> None:
    cup = make_article(session, owner, "CUP")
    add_stock(session, owner, cup, 5)
    stock.add_stock(session, goods_owner_id=owner, article_id=cup.id, location_code="Q-01",
                        quantity=Decimal(2), comment="test", status="QUARANTINE", locked=True)
    [row] = inventory_views.goods_status_inventory(session, owner, inventory_views.GoodsStatusQuery())
    assert (row.number_of_items, row.locked) == (7, 2)
    assert {(s.code, s.number_of_items, s.locked) for s in row.statuses.values()} == {
        (None, 5, 0), ("QUARANTINE", 2, 2)}


def test_a_count_sets_the_last_inventory_time_and_reports_only_differences(session: Session, owner: int) -> None:
    cup = make_article(session, owner, "CUP")
    counted_id = add_stock(session, owner, cup, 5)
    add_stock(session, owner, cup, 2, location="B-01")
    assert stock.count_stock(session, goods_owner_id=owner, article_item_id=counted_id, counted=Decimal(5),
                                 comment="count", at=T0) == 0
    [line] = article_items.inventory_items(session, owner, ItemsQuery(last_inventory_from=T0))
    assert [(v.item.id, v.last_inventory_time is not None) for v in line.items] == [(counted_id, True)]
    assert article_items.inventory_items(session, owner, ItemsQuery(last_inventory_from=T0 + timedelta(1))) == []
    query = inventory_changes.InventoryChangesQuery()
    assert inventory_changes.inventory_changes(session, query, goods_owner_id=owner) == {}
    assert stock.count_stock(session, goods_owner_id=owner, article_item_id=counted_id, counted=Decimal(3),
                                 comment="count") == -2
    [changes] = inventory_changes.inventory_changes(session, query, goods_owner_id=owner).values()
    assert [(c.quantity, c.cause) for c in changes] == [(-2, "counted")]
    with pytest.raises(ValidationFailed):
        stock.count_stock(session, goods_owner_id=owner, article_item_id=counted_id, counted=Decimal(-1),
                              comment="count")
    other = make_owner(session, "OTHER2")
    with pytest.raises(NotFound):
        stock.count_stock(session, goods_owner_id=other, article_item_id=counted_id, counted=Decimal(1),
                              comment="count")


def test_group_codes_and_dates_filter_the_views(session: Session, owner: int) -> None:
    for number, group in (("CUP", "KITCHEN"), ("SHIRT", "CLOTHES")):
        articles.process_article(session, owner, articles.ArticleInput(
            article_number=number, name=number, group=articles.RegisterRef("FindOrCreate", "code", group, group)))
    kitchen = inventory_views.PerWarehouseQuery(group_codes=["KITCHEN"])
    assert [r.article.article_number for r in inventory_views.inventory_per_warehouse(session, owner, kitchen)] == [
        "CUP"]
    clothes = inventory_views.GoodsStatusQuery(group_codes=["CLOTHES"])
    assert [r.article.article_number for r in inventory_views.goods_status_inventory(session, owner, clothes)] == [
        "SHIRT"]
    later = inventory_views.GoodsStatusQuery(updated_from=datetime.now(UTC) + timedelta(hours=1))
    assert inventory_views.goods_status_inventory(session, owner, later) == []
