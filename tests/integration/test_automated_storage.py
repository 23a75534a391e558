"""The automated-storage rules on the real store: placements, moves through the stock rules (splitting, allocations
following the goods), movements planned on allocation and done by a move."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tests import factories
from tests.orders_support import add_stock, create_order, line, make_article, make_owner
from wms_soap.errors import Conflict
from wms_soap.security.principal import Principal
from wms_soap.services.access.operators import Actor
from wms_soap.services.inventory import stock
from wms_soap.services.warehouse import article_items_in_locations as placements
from wms_soap.services.warehouse import movements, moves, outbound
from wms_soap.services.warehouse.automated_systems import SystemInput, define_system
from wms_soap.store.automated_storage import ArticleItemInLocation, MovementArticleItem
from wms_soap.store.db import session_scope
from wms_soap.store.inventory import ArticleItem, InventoryTransaction
from wms_soap.store.orders import OrderAllocation

LIFT = SystemInput("LIFT1", "Lift_In", "Lift", "Lift_Out")


@pytest.fixture
def actor(session_factory: sessionmaker[Session]) -> Actor:
    with session_scope(session_factory) as session:
        user = factories.make_automation_user(session, username="lift-1")
        define_system(session, LIFT)
        return Actor(Principal("automation", user.id, user.username), "Karl")


def move(session: Session, item_id: int, to: str, quantity: int, actor: Actor) -> list[moves.MovedPart]:
    request = moves.MoveRequest("ArticleItemId", to, Decimal(quantity), article_item_id=item_id)
    return moves.move_article_items(session, request, actor)


def to_be_handled(session: Session) -> list[int]:
    query = placements.ArticleItemsQuery(only_to_be_handled=True)
    return [view.item.id for view in placements.query_article_items(session, query)]


def test_more_goods_on_a_handled_item_need_handling_again(session_factory: sessionmaker[Session],
                                                          actor: Actor) -> None:
    with session_scope(session_factory) as session:
        owner = make_owner(session, "LIFTCO")
        article = make_article(session, owner, "ART-1")
        item_id = add_stock(session, owner, article, 3, location=LIFT.in_location)
        add_stock(session, owner, article, 2, location=LIFT.in_location)  # merged, still one placement to handle
        assert to_be_handled(session) == [item_id]
        [placement] = session.scalars(select(ArticleItemInLocation.id)).all()
        placements.mark_handled(session, [placement], actor)
        assert to_be_handled(session) == []
        add_stock(session, owner, article, 1, location=LIFT.in_location)
        assert to_be_handled(session) == [item_id]
        assert len(session.scalars(select(ArticleItemInLocation.id)).all()) == 2


def test_a_partial_move_splits_the_item_and_the_allocation_follows_its_movement(
        session_factory: sessionmaker[Session], actor: Actor) -> None:
    with session_scope(session_factory) as session:
        owner = make_owner(session, "LIFTCO")
        article = make_article(session, owner, "ART-1")
        item_id = add_stock(session, owner, article, 10, location=LIFT.store_location)
        first = create_order(session, owner, "WEB-1", [line("ART-1", 4, "1")])
        outbound.allocate_order(session, first)
        second = create_order(session, owner, "WEB-2", [line("ART-1", 3, "1")])
        outbound.allocate_order(session, second)
        planned = session.scalars(select(MovementArticleItem).order_by(MovementArticleItem.id)).all()
        assert [(m.order_id, m.article_item_id, m.number_of_items) for m in planned] == [
            (first, item_id, 4), (second, item_id, 3)]

        [part] = move(session, item_id, LIFT.out_location, 5, actor)
        assert part.article_item.id != item_id and part.article_item.original_id == item_id
        assert (session.get(ArticleItem, item_id).number_of_items, part.article_item.number_of_items) == (5, 5)
        allocations = {(a.line.order_id, a.article_item_id): a.number_of_items
                       for a in session.scalars(select(OrderAllocation))}
        assert allocations == {(first, part.article_item.id): 4, (second, part.article_item.id): 1,
                               (second, item_id): 2}
        states = [(m.order_id, m.article_item_id, m.number_of_items, m.state, m.moved_operator)
                  for m in session.scalars(select(MovementArticleItem).order_by(MovementArticleItem.id))]
        assert states == [(first, part.article_item.id, 4, "done", "Karl"), (second, item_id, 2, "open", None),
                          (second, part.article_item.id, 1, "done", "Karl")]
        moved = session.scalars(select(InventoryTransaction.quantity).where(InventoryTransaction.cause == "moved")
                                .order_by(InventoryTransaction.id)).all()
        assert moved == [-5, 5]
        open_ = movements.query_movements(session, movements.MovementsQuery(only_to_be_handled=True))
        assert [(v.order.id, v.movement.number_of_items) for v in open_] == [(second, 2)]


def test_a_movement_whose_allocation_went_is_no_longer_to_be_moved(session_factory: sessionmaker[Session],
                                                                   actor: Actor) -> None:
    with session_scope(session_factory) as session:
        owner = make_owner(session, "LIFTCO")
        add_stock(session, owner, make_article(session, owner, "ART-1"), 5, location=LIFT.store_location)
        order = create_order(session, owner, "WEB-1", [line("ART-1", 2, "1")])
        outbound.allocate_order(session, order)
        [movement] = movements.query_movements(session, movements.MovementsQuery(only_to_be_handled=True))
        outbound.release_order_allocations(session, order)
        assert movements.query_movements(session, movements.MovementsQuery()) == []
        with pytest.raises(Conflict, match="no longer to be moved"):
            movements.mark_handled(session, [movement.movement.id], actor)


def test_stock_never_goes_negative_and_a_divided_part_keeps_its_placement(session_factory: sessionmaker[Session],
                                                                          actor: Actor) -> None:
    with session_scope(session_factory) as session:
        owner = make_owner(session, "LIFTCO")
        item_id = add_stock(session, owner, make_article(session, owner, "ART-1"), 4, location=LIFT.in_location)
        [placement] = session.scalars(select(ArticleItemInLocation.id)).all()
        placements.mark_handled(session, [placement], actor)
        with pytest.raises(Conflict, match="hold 4, cannot move 5"):
            move(session, item_id, LIFT.store_location, 5, actor)
        with pytest.raises(Conflict, match="holds 4, cannot move 5"):
            stock.move_stock(session, article_item_id=item_id, quantity=Decimal(5),
                             to_location=stock.existing_location(session, LIFT.store_location), comment="test")
        part = stock.divide(session, session.get(ArticleItem, item_id), Decimal(1), actor.at)
        assert to_be_handled(session) == []
        assert part.location_id == session.get(ArticleItem, item_id).location_id
