"""Production orders on the real store: creating from the article structure, reporting production (component stock
consumed, product added, inventory transactions, never negative), updates after production, reported numbers, the
warehouse CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner
from tests.inbound_fixtures import make_article
from wms_soap.cli.main import main
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.inventory import stock
from wms_soap.services.production import production
from wms_soap.services.production.production import (
    ArticleRef,
    ProductionLineInput,
    ProductionOrderInput,
    ProductionOrderRejected,
    ReportedUpdate,
    SpecificationLineInput,
)
from wms_soap.services.warehouse import production as production_warehouse
from wms_soap.store.articles import Article, ArticleStructureComponent
from wms_soap.store.db import session_scope
from wms_soap.store.inventory import ArticleItem, InventoryTransaction


@pytest.fixture
def owner(session: Session) -> int:
    owner_id = make_goods_owner(session, code="FAB").id
    chair = make_article(session, owner_id, "CHAIR")
    chair.structure_type = "ProductionArticle"
    for number, count in (("WOOD", 2), ("SCREW", 8)):
        part = make_article(session, owner_id, number)
        session.add(ArticleStructureComponent(parent_article_id=chair.id, child_article_id=part.id,
                                              number_of_items=Decimal(count)))
    session.flush()
    return owner_id


def article_id(session: Session, owner: int, number: str) -> int:
    found = session.scalars(select(Article.id).where(Article.goods_owner_id == owner,
                                                     Article.article_number == number)).one()
    return int(found)


def add(session: Session, owner: int, number: str, count: int, location: str = "A-01", **fields: object) -> int:
    article = article_id(session, owner, number)
    return stock.add_stock(session, goods_owner_id=owner, article_id=article, location_code=location,
                               quantity=Decimal(count), comment="stock", **fields)  # type: ignore[arg-type]


def on_hand(session: Session, owner: int, number: str) -> Decimal:
    return sum((item.number_of_items for item in stock.article_items(session, owner,
                                                                         article_id(session, owner, number))),
               Decimal(0))


def create(session: Session, owner: int, count: int = 5, number: str = "PO-1",
           **line: object) -> production.ProductionOrder:
    return production.process_production_order(session, owner, ProductionOrderInput(
        number, lines=[ProductionLineInput("1", "CHAIR", Decimal(count), **line)]))  # type: ignore[arg-type]


def test_components_come_from_the_structure(session: Session, owner: int) -> None:
    order = create(session, owner)
    [line] = order.lines
    assert [(c.line_number, c.to_consume) for c in line.components] == [("1", 10), ("2", 40)]
    assert order.status == production.OPEN


def test_report_consumes_oldest_items_first_and_adds_the_product(session: Session, owner: int) -> None:
    order = create(session, owner)
    old = add(session, owner, "WOOD", 3, "A-01", batch="OLD")
    add(session, owner, "WOOD", 10, "A-02", batch="NEW")
    add(session, owner, "SCREW", 100)
    production_warehouse.report_production(session, order.id, "1", Decimal(2), location_code="PROD-1", batch="CH-1")
    assert (on_hand(session, owner, "WOOD"), on_hand(session, owner, "SCREW"), on_hand(session, owner, "CHAIR")) == (
        9, 84, 2)
    assert session.get(ArticleItem, old).number_of_items == 0  # type: ignore[union-attr]
    consumed = [(i.batch, i.number_of_items) for i in order.lines[0].items if i.kind == "consumed"
                and i.article_id == article_id(session, owner, "WOOD")]
    assert consumed == [("OLD", 3), ("NEW", 1)]
    causes = sorted((t.cause, t.quantity) for t in session.scalars(select(InventoryTransaction).where(
        InventoryTransaction.comment == "Production order PO-1 line 1")))
    assert causes == [("consumed", -16), ("consumed", -3), ("consumed", -1), ("produced", 2)]
    assert order.status == production.STARTED and order.start_production_time is not None
    production_warehouse.report_production(session, order.id, "1", Decimal(3), location_code="PROD-1")
    assert order.status == production.FINISHED and order.end_production_time is not None
    assert [c.consumed for c in order.lines[0].components] == [10, 40]


def test_a_short_component_changes_nothing(session: Session, owner: int) -> None:
    order = create(session, owner)
    add(session, owner, "WOOD", 10)
    add(session, owner, "SCREW", 7)
    with pytest.raises(Conflict, match="SCREW"):
        production_warehouse.report_production(session, order.id, "1", Decimal(1), location_code="PROD-1")
    assert (on_hand(session, owner, "WOOD"), on_hand(session, owner, "SCREW"), on_hand(session, owner, "CHAIR")) == (
        10, 7, 0)
    assert order.lines[0].produced == 0 and order.status == production.OPEN


def test_locked_items_are_not_consumed(session: Session, owner: int) -> None:
    order = create(session, owner, 1)
    add(session, owner, "WOOD", 10, locked=True)
    add(session, owner, "SCREW", 10)
    with pytest.raises(Conflict, match="WOOD"):
        production_warehouse.report_production(session, order.id, "1", Decimal(1), location_code="PROD-1")


def test_the_last_report_consumes_the_rest(session: Session, owner: int) -> None:
    spec = [SpecificationLineInput("A", ArticleRef("ArticleNumber", "WOOD"), Decimal(1))]
    order = create(session, owner, 3, specification=spec)
    add(session, owner, "WOOD", 1)
    for _ in range(3):
        production_warehouse.report_production(session, order.id, "1", Decimal(1), location_code="PROD-1")
    assert on_hand(session, owner, "WOOD") == 0 and on_hand(session, owner, "CHAIR") == 3


def test_reports_are_checked(session: Session, owner: int) -> None:
    order = create(session, owner, 1)
    with pytest.raises(ValidationFailed, match="at most 1"):
        production_warehouse.report_production(session, order.id, "1", Decimal(2), location_code="PROD-1")
    with pytest.raises(NotFound):
        production_warehouse.report_production(session, order.id, "9", Decimal(1), location_code="PROD-1")
    with pytest.raises(NotFound):
        production_warehouse.report_production(session, 999_999, "1", Decimal(1), location_code="PROD-1")
    with pytest.raises(Conflict, match="only a started order"):
        production_warehouse.finish_production(session, order.id)


def test_after_production_the_line_and_the_order_are_protected(session: Session, owner: int) -> None:
    spec = [SpecificationLineInput("A", ArticleRef("ArticleNumber", "WOOD"), Decimal(4))]
    order = create(session, owner, 4, specification=spec)
    add(session, owner, "WOOD", 4)
    add(session, owner, "SCREW", 4)
    production_warehouse.report_production(session, order.id, "1", Decimal(1), location_code="PROD-1")
    other_article = [SpecificationLineInput("A", ArticleRef("ArticleNumber", "SCREW"), Decimal(4))]
    with pytest.raises(ProductionOrderRejected) as consumed:
        create(session, owner, 4, specification=other_article)
    assert consumed.value.error_type == "SpecificationLineNumberIsConsumedAndArticleCanNotBeChanged"
    with pytest.raises(ProductionOrderRejected) as below:
        create(session, owner, Decimal("0.5"), specification=spec)  # type: ignore[arg-type]
    assert below.value.error_type == "ErrorUpdatingProductionOrderLine"
    with pytest.raises(ProductionOrderRejected) as removal:
        production.process_production_order(session, owner, ProductionOrderInput("PO-1", operation="Remove"))
    assert removal.value.error_type == "ErrorUpdatingProductionOrderLine"
    finished = production_warehouse.finish_production(session, order.id)
    assert finished.status == production.FINISHED and finished.lines[0].produced == 1


def test_reported_numbers_are_all_or_nothing(session: Session, owner: int) -> None:
    order = create(session, owner)
    outcomes = production.update_reported(session, order, [
        ReportedUpdate("ProductionOrderLineNumber", "1", sent=True, reported=Decimal(2)),
        ReportedUpdate("ProductionOrderLineId", line_id=order.lines[0].id, sent=True, reported=Decimal(-1))])
    assert [o.success for o in outcomes] == [True, False] and "negative" in (outcomes[1].message or "")
    assert order.lines[0].reported is None
    outcomes = production.update_reported(session, order, [
        ReportedUpdate("ProductionOrderLineId", line_id=order.lines[0].id, sent=True, reported=Decimal(2))])
    assert outcomes[0].success and order.lines[0].reported == 2


def test_other_goods_owners_see_nothing(session: Session, owner: int) -> None:
    order = create(session, owner)
    stranger = make_goods_owner(session, code="OTHER").id
    assert production.query_production_orders(session, stranger).orders == []
    assert production.production_articles(session, stranger) == []
    with pytest.raises(NotFound):
        production.find_production_order(session, stranger, "ProductionOrderId", order_id=order.id)
    with pytest.raises(ProductionOrderRejected) as foreign:
        production.process_production_order(session, stranger, ProductionOrderInput(
            "PO-1", lines=[ProductionLineInput("1", "CHAIR", Decimal(1))]))
    assert foreign.value.error_type == "NonExistingArticleSupplied"


@pytest.mark.usefixtures("cli_env")
def test_warehouse_cli(session_factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]) -> None:
    with session_scope(session_factory) as session:
        owner_id = make_goods_owner(session, code="CLI").id
        table = make_article(session, owner_id, "TABLE")
        table.structure_type = "ProductionArticle"
        leg = make_article(session, owner_id, "LEG")
        session.add(ArticleStructureComponent(parent_article_id=table.id, child_article_id=leg.id,
                                              number_of_items=Decimal(4)))
        session.flush()
        order_id = production.process_production_order(session, owner_id, ProductionOrderInput(
            "PO-CLI", lines=[ProductionLineInput("1", "TABLE", Decimal(2))])).id
        stock.add_stock(session, goods_owner_id=owner_id, article_id=leg.id, location_code="A-01",
                            quantity=Decimal(6), comment="stock")
    assert main(["warehouse", "production", "list"]) == 0
    assert "PO-CLI" in capsys.readouterr().out
    report = ["warehouse", "production", "report", str(order_id), "--line", "1", "--location", "PROD-1"]
    assert main([*report, "--quantity", "1", "--batch", "T-1", "--expiry", "2030-01-31"]) == 0
    assert "line 1: 1/2" in capsys.readouterr().out
    assert main([*report, "--quantity", "1"]) == 1
    assert "LEG" in capsys.readouterr().err
    assert main(["warehouse", "production", "finish", str(order_id)]) == 0
    with session_scope(session_factory) as session:
        [item] = stock.article_items(session, owner_id, article_id(session, owner_id, "TABLE"))
        assert (item.number_of_items, item.batch, item.expiry_date is not None) == (1, "T-1", True)
        assert on_hand(session, owner_id, "LEG") == 2


def test_min_days_to_expiry_date_skips_items_expiring_too_soon(session: Session, owner: int) -> None:
    order = create(session, owner, 1, min_days_to_expiry_date=30)
    soon = datetime.now(UTC) + timedelta(days=10)
    add(session, owner, "WOOD", 2, "A-01", expiry_date=soon)
    add(session, owner, "SCREW", 8)
    with pytest.raises(Conflict, match="does not expire before"):
        production_warehouse.report_production(session, order.id, "1", Decimal(1), location_code="PROD-1")
    add(session, owner, "WOOD", 2, "A-02", expiry_date=soon + timedelta(days=60))
    production_warehouse.report_production(session, order.id, "1", Decimal(1), location_code="PROD-1")
    wood = stock.article_items(session, owner, article_id(session, owner, "WOOD"))
    assert sorted((item.location.code, item.number_of_items) for item in wood) == [("A-01", 2), ("A-02", 0)]
