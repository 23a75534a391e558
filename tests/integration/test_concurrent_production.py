"""Concurrency on production orders, on two connections: two ProcessProductionOrder calls for one new number yield one
order; two warehouse reports for the last items of a line produce them once.

Runs on SQLite by default and on PostgreSQL when WMS_TEST_DATABASE_URL points at one.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner
from tests.inbound_fixtures import make_article
from tests.races import race
from wms_soap.errors import Conflict
from wms_soap.services.inventory import stock
from wms_soap.services.production import production
from wms_soap.services.production.production import ProductionLineInput, ProductionOrderInput
from wms_soap.services.warehouse import production as production_warehouse
from wms_soap.store.articles import ArticleStructureComponent
from wms_soap.store.db import session_scope
from wms_soap.store.production import ProductionOrder

ROUNDS = 3


def _setup(session_factory: sessionmaker[Session]) -> int:
    with session_scope(session_factory) as session:
        owner = make_goods_owner(session, code="RACE").id
        kit = make_article(session, owner, "KIT")
        kit.structure_type = "ProductionArticle"
        part = make_article(session, owner, "PART")
        session.add(ArticleStructureComponent(parent_article_id=kit.id, child_article_id=part.id,
                                              number_of_items=Decimal(1)))
        stock.add_stock(session, goods_owner_id=owner, article_id=part.id, location_code="A-01",
                            quantity=Decimal(100), comment="stock")
        return owner



def _order(number: str, count: int = 2) -> ProductionOrderInput:
    return ProductionOrderInput(number, lines=[ProductionLineInput("1", "KIT", Decimal(count))])


def test_two_concurrent_creates_yield_one_order(session_factory: sessionmaker[Session]) -> None:
    owner = _setup(session_factory)
    for round_ in range(ROUNDS):
        number = f"RACE-{round_}"
        outcomes = race(session_factory, lambda s, n=number: production.process_production_order(  # type: ignore[misc]
            s, owner, _order(n)).id)
        assert all(isinstance(o, int) for o in outcomes), outcomes
        assert len(set(outcomes)) == 1
        with session_factory() as session:
            assert session.scalar(select(func.count()).select_from(ProductionOrder)
                                  .where(ProductionOrder.order_number == number)) == 1


def test_two_reports_of_the_last_items_produce_them_once(session_factory: sessionmaker[Session]) -> None:
    owner = _setup(session_factory)
    with session_scope(session_factory) as session:
        order_id = production.process_production_order(session, owner, _order("LAST", 1)).id
    outcomes = race(session_factory, lambda s: production_warehouse.report_production(
        s, order_id, "1", Decimal(1), location_code="PROD-1").status)
    finished = [o for o in outcomes if o == production.FINISHED]
    refused = [o for o in outcomes if isinstance(o, Conflict)]
    assert (len(finished), len(refused)) == (1, 1), outcomes
    assert "LAST is produced" in str(refused[0])
    with session_factory() as session:
        order = session.get(ProductionOrder, order_id)
        assert order is not None and order.lines[0].produced == 1
