"""The storage-lift flow on the Automation API end to end, on the real store (SQLite, PostgreSQL), over SOAP 1.1
with zeep from the served WSDL and SOAP 1.2 with raw envelopes; the goods-owner SOAP answers checked afterwards."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.functional.automation_support import (
    LIFT,
    PASSWORD,
    LiftWarehouse,
    all_of,
    make_lift_warehouse,
    post,
    result_of,
    text,
)


@pytest.fixture
def lift(live_server: Any) -> LiftWarehouse:
    return make_lift_warehouse(live_server)


def to_be_handled(lift: LiftWarehouse, soap12: bool = False) -> list[Any]:
    payload = (f"<Query><Locations><string>{LIFT.in_location}</string></Locations>"
               "<SpecialFilters><OnlyGetArticleItemsInLocationsToBeHandled>true</OnlyGetArticleItemsInLocationsToBeHandled>"
               "</SpecialFilters></Query>")
    result = result_of(post(lift.url, "GetArticleItemsByQuery", payload, soap12=soap12), "GetArticleItemsByQuery")
    assert text(result, "Success") == "true"
    return all_of(result, "ArticleItems/ArticleItemInfo")


def test_placing_goods_in_the_lift_with_zeep(lift: LiftWarehouse) -> None:
    item_id = lift.put_on_in_location(40)
    service = lift.zeep()
    found = service.GetArticleItemsByQuery(UserName="lift-1", Password=PASSWORD, Query={
        "Locations": {"string": [LIFT.in_location]},
        "SpecialFilters": {"OnlyGetArticleItemsInLocationsToBeHandled": True}})
    assert found.Success is True
    [info] = found.ArticleItems.ArticleItemInfo
    assert (info.ArticleItemId, info.Location, info.NumberOfItems, info.HandledTime) == (
        item_id, LIFT.in_location, Decimal(40), None)
    handled = service.ArticleItemInLocationHandled(UserName="lift-1", Password=PASSWORD, Operation={
        "ArticleItemInLocationIds": {"int": [info.ArticleItemInLocationId]}, "HandledByUser": {"UserName": "Karl"}})
    assert handled.Success is True, handled.Message
    assert to_be_handled(lift) == []
    moved = service.MoveArticleItem(UserName="lift-1", Password=PASSWORD, Operation={
        "ArticleItemId": item_id, "ArticleItemIdentification": "ArticleItemId", "ToLocation": LIFT.store_location,
        "NumberOfItems": Decimal(40), "MovedByUser": {"UserName": "Karl"}})
    assert moved.Success is True, moved.Message
    [part] = moved.MovedArticleItems.MovedArticleItem
    assert (part.ArticleItemId, part.FromLocation, part.ToLocation) == (item_id, LIFT.in_location, LIFT.store_location)


def movements_to_be_handled(lift: LiftWarehouse, soap12: bool = True) -> list[Any]:
    payload = (f"<Query><FromLocations><string>{LIFT.store_location}</string></FromLocations>"
               f"<ToLocations><string>{LIFT.out_location}</string></ToLocations><SpecialFilters>"
               "<OnlyGetMovementArticleItemsToBeHandled>true</OnlyGetMovementArticleItemsToBeHandled></SpecialFilters>"
               "</Query>")
    result = result_of(post(lift.url, "GetMovementArticleItemsByQuery", payload, soap12=soap12),
                       "GetMovementArticleItemsByQuery")
    assert text(result, "Success") == "true"
    return all_of(result, "MovementArticleItems/MovementArticleItemInfo")


def handle(lift: LiftWarehouse, operation: str, ids_element: str, ids: list[str], operator: str = "Karl",
           user: str = "lift-1", soap12: bool = True) -> Any:
    numbers = "".join(f"<int>{i}</int>" for i in ids)
    payload = (f"<Operation><{ids_element}>{numbers}</{ids_element}><HandledByUser><UserName>{operator}</UserName>"
               "</HandledByUser></Operation>")
    return result_of(post(lift.url, operation, payload, soap12=soap12, user=user), operation)


def move(lift: LiftWarehouse, article_item_id: int | str, to: str, quantity: int, *, operator: str = "Karl",
         soap12: bool = True) -> Any:
    payload = (f"<Operation><ArticleItemId>{article_item_id}</ArticleItemId>"
               f"<ArticleItemIdentification>ArticleItemId</ArticleItemIdentification><ToLocation>{to}</ToLocation>"
               f"<NumberOfItems>{quantity}</NumberOfItems><MovedByUser><UserName>{operator}</UserName></MovedByUser>"
               "</Operation>")
    return result_of(post(lift.url, "MoveArticleItem", payload, soap12=soap12), "MoveArticleItem")


def test_placing_and_retrieving_goods_on_soap12_then_the_goods_owner_sees_it(lift: LiftWarehouse) -> None:
    item_id = lift.put_on_in_location(40)
    [info] = to_be_handled(lift, soap12=True)
    placement = text(info, "ArticleItemInLocationId")
    assert text(handle(lift, "ArticleItemInLocationHandled", "ArticleItemInLocationIds", [placement]),
                "Success") == "true"
    assert to_be_handled(lift, soap12=True) == []
    assert text(move(lift, item_id, LIFT.store_location, 40), "Success") == "true"

    from tests.orders_support import create_order, line
    from wms_soap.services.warehouse import outbound
    with lift.session() as session:
        order_id = create_order(session, lift.owner_id, "WEB-1", [line("ART-1", 10, "L1")])
        outbound.allocate_order(session, order_id)
    [movement] = movements_to_be_handled(lift)
    assert (text(movement, "ArticleItemId"), text(movement, "NumberOfItems"), text(movement, "Order/OrderId")) == (
        str(item_id), "10", str(order_id))
    assert text(handle(lift, "MovementArticleItemHandled", "MovementArticleItemIds",
                       [text(movement, "MovementArticleItemId")]), "Success") == "true"
    assert movements_to_be_handled(lift) == []
    moved = move(lift, item_id, LIFT.out_location, 10)
    assert text(moved, "Success") == "true"
    out_item = text(moved, "MovedArticleItems/MovedArticleItem/ArticleItemId")
    assert out_item != str(item_id)
    assert text(moved, "MovedArticleItems/MovedArticleItem/OriginalArticleItemId") == str(item_id)

    goods_owner = lift.goods_owner_service()
    inventory = goods_owner.GetInventoryItems(GoodsOwnerId=lift.owner_id, UserName="WSIshop", Password=PASSWORD,
                                              InventoryItemsQuery={"GetZeroStockArticles": False})
    items = {(i.Location, i.NumberOfItems) for line_ in inventory.InventoryItemLines.InventoryItemLine
             for i in line_.InventoryItems.InventoryItem}
    assert items == {(LIFT.store_location, Decimal(30)), (LIFT.out_location, Decimal(10))}
    with lift.session() as session:
        outbound.pick(session, order_id, [outbound.PickRequest(Decimal(10), external_order_line_code="L1")])
    [order] = goods_owner.GetOrdersByQuery(GoodsOwnerCode="LIFTCO", UserName="WSIshop", Password=PASSWORD,
                                           query={"OrderIdsToGet": {"int": [order_id]}}).Order
    assert order.OrderInfo.OrderStatusNumber == 400
    assert [(p.Location, p.NumberOfItems) for p in order.PickedArticleItems.PickedArticleItem] == [
        (LIFT.out_location, Decimal(10))]
    changes = goods_owner.GetInventoryChanges(GoodsOwnerCode="LIFTCO", UserName="WSIshop", Password=PASSWORD,
                                              query={"UnReported": True})
    assert not changes.InventoryChangeLines, "a move is not an inventory adjustment the ERP books"
