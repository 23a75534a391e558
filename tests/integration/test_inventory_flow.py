"""The inventory answers through the whole flow: receive an in-order (partly, then put away), book an order,
allocate, pick, ship, collect and take a return back; every quantity of the inventory line, the per-warehouse and
goods-status views, the article items and the stock history are checked after each step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from tests.inbound_fixtures import create_in_order
from tests.orders_support import create_order, line, make_article, make_owner
from wms_soap.services.inbound import returns
from wms_soap.services.inbound.returns import ReturnLineInput, ReturnOrderInput
from wms_soap.services.inventory import article_items, inventory
from wms_soap.services.inventory import views as inventory_views
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse import outbound as warehouse
from wms_soap.services.warehouse.inbound import Receipt, ReturnReceipt


@dataclass(frozen=True)
class Figures:
    on_hand: int = 0
    booked: int = 0
    allocated: int = 0
    sellable: int = 0
    picked_to_be_collected: int = 0
    to_receive: int = 0
    received_to_be_finished: int = 0


def figures(session: Session, owner: int) -> Figures:
    [row] = inventory.inventory(session, owner)
    s = row.stock
    return Figures(int(s.number_of_items), int(s.booked), int(s.allocated), int(s.sellable),
                   int(s.picked_to_be_collected), int(s.to_receive), int(s.received_to_be_finished))


def in_warehouse(session: Session, owner: int) -> tuple[int, int]:
    """GetGoodsStatusInventory(GoodsInWarehouse): on the shelves, and physically in the warehouse."""
    [row] = inventory_views.goods_status_inventory(session, owner, inventory_views.GoodsStatusQuery(
        in_warehouse=True))
    return int(row.number_of_items), int(row.warehouse_number_of_items)


def per_warehouse(session: Session, owner: int) -> tuple[int, int, int]:
    [row] = inventory_views.inventory_per_warehouse(session, owner, inventory_views.PerWarehouseQuery())
    [stock] = row.lines or [inventory_views.WarehouseStock(article_items.NO_WAREHOUSE)]
    return int(stock.number_of_items), int(stock.booked), int(stock.available_for_sale)


def test_the_inventory_follows_goods_in_and_out(session: Session) -> None:
    owner = make_owner(session, "SHOP")
    cup = make_article(session, owner, "CUP")
    in_order = warehouse_inbound.find_in_order(session, in_order_id=create_in_order(
        session, owner, "IN-1", {"1": ("CUP", 10)}))
    assert figures(session, owner) == Figures(to_receive=10)

    warehouse_inbound.receive(session, in_order, [Receipt(Decimal(6), external_order_line_code="1", batch="B1")])
    assert figures(session, owner) == Figures(to_receive=4, received_to_be_finished=6)
    [row] = inventory.inventory(session, owner)
    assert row.stock.received_to_be_reported == 6
    warehouse_inbound.put_away_all(session, in_order, "A-01")
    assert figures(session, owner) == Figures(on_hand=6, sellable=6, to_receive=4)
    [item_line] = article_items.inventory_items(session, owner)
    assert [(v.item.batch, v.in_order_number) for v in item_line.items] == [("B1", "IN-1")]
    received_at = datetime.now(UTC)

    order_id = create_order(session, owner, "WEB-1", [line("CUP", 4, "1")])
    assert figures(session, owner) == Figures(on_hand=6, booked=4, sellable=2, to_receive=4)
    warehouse.allocate_order(session, order_id)
    assert figures(session, owner) == Figures(on_hand=6, booked=4, allocated=4, sellable=2, to_receive=4)
    assert per_warehouse(session, owner) == (6, 4, 2)
    assert [v.allocated for v in article_items.inventory_items(session, owner)[0].items] == [4]

    warehouse.pick_remaining(session, order_id)
    assert figures(session, owner) == Figures(on_hand=2, sellable=2, picked_to_be_collected=4, to_receive=4)
    assert in_warehouse(session, owner) == (2, 6)
    [row] = inventory.inventory(session, owner)
    assert row.stock.picked_to_be_reported == 4
    warehouse.ship(session, order_id)
    assert in_warehouse(session, owner) == (2, 2)
    assert figures(session, owner).picked_to_be_collected == 4
    warehouse.collect(session, order_id)
    assert figures(session, owner) == Figures(on_hand=2, sellable=2, to_receive=4)

    return_order = returns.process_return_order(session, ReturnOrderInput(
        customer_order_identification="OrderId", order_id=order_id, return_order_number="R-1",
        lines=[ReturnLineInput("ArticleNumber", Decimal(1), article_number="CUP")]), goods_owner_id=owner)
    warehouse_inbound.receive_return(session, return_order, [ReturnReceipt(
        Decimal(1), return_line_id=return_order.lines[0].id, location_code="RET-01")])
    assert figures(session, owner) == Figures(on_hand=3, sellable=3, to_receive=4)
    [row] = inventory.inventory(session, owner)
    assert row.stock.returned_to_be_reported == 1

    history = inventory_views.historical_inventory
    assert [r.number_of_items for r in history(session, owner, received_at)] == [6]
    assert [r.number_of_items for r in history(session, owner, datetime.now(UTC))] == [3]
    assert cup.id == row.article.id
