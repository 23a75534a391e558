"""GetInventoryChanges and SetInventoryChangesToReported through zeep against the live server."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from tests.factories import make_api_user, make_goods_owner
from tests.functional.inbound_client import PASSWORD, GoodsOwnerClient, goods_owner_client
from tests.inbound_fixtures import make_article
from wms_soap.services.inventory import stock
from wms_soap.store.db import session_scope


@pytest.fixture
def api(live_server: Any) -> GoodsOwnerClient:
    with session_scope(live_server.session_factory) as session:
        owner = make_goods_owner(session, code="SHOP")
        make_api_user(session, owner, username="WSIshop", password=PASSWORD)
        article = make_article(session, owner.id, "ART-1")
        stock.add_stock(session, goods_owner_id=owner.id, article_id=article.id, location_code="L-1",
                            quantity=Decimal(10), comment="received", cause="received")
        stock.add_stock(session, goods_owner_id=owner.id, article_id=article.id, location_code="L-1",
                            quantity=Decimal(2), comment="found in count", cause="adjusted")
    return goods_owner_client(live_server.url, "SHOP", "WSIshop")


def changes(api: GoodsOwnerClient, **query: Any) -> Any:
    t = api.types
    return api.call("GetInventoryChanges", query=t.InventoryChangesQuery(
        FromDate=query.pop("FromDate", datetime(2020, 1, 1)), ToDate=None, InventoryId=None, ToTime=None, **query))


def test_changes_are_listed_and_acknowledged(api: GoodsOwnerClient) -> None:
    result = changes(api, UnReported=True)
    [line] = result.InventoryChangeLines.InventoryChangeLine
    assert line.Article.ArticleNumber == "ART-1" and line.InventoryChangesNumberOfItems == 2
    [change] = line.InventoryTransactions.InventoryTransaction
    assert (change.InventoryChangesNumberOfItems, change.Location, change.InventoryAdjustmentCauseCode) == (
        2, "L-1", "adjusted")

    t = api.types
    reported = api.call("SetInventoryChangesToReported", Operation=t.SetInventoryChangesToReportedOperation(
        ArticleSystemId=line.Article.SystemId, InventoryId=change.InventoryId))
    assert reported.Success is True
    assert reported.UpdatedInventoryArticleItems.UpdatedInventoryArticleItem[0].InventoryArticleItemId == \
        change.InventoryId
    assert changes(api, UnReported=True).InventoryChangeLines is None
    assert len(changes(api, UnReported=False).InventoryChangeLines.InventoryChangeLine) == 1

    again = api.call("SetInventoryChangesToReported", Operation=t.SetInventoryChangesToReportedOperation(
        ArticleSystemId=line.Article.SystemId, InventoryId=999999))
    assert again.Success is False
    assert again.Errors.SetInventoryChangesToReportedResultError[0].ErrorType == "InventoryNotFound"
