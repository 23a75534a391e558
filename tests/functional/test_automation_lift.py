"""The storage-lift flow on the Automation API end to end, on the real store (SQLite, PostgreSQL), over SOAP 1.1
with zeep from the served WSDL and SOAP 1.2 with raw envelopes; the goods-owner SOAP answers checked afterwards."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import zeep

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
