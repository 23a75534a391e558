"""GetWarehouseTransferOrderByQuery through zeep (and one raw .NET-style envelope) against the live server, with the
transfer orders created, shipped and received by the warehouse in between."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import requests
from lxml import etree
from sqlalchemy import select
from zeep.exceptions import Fault

from tests.factories import make_warehouse
from tests.functional.articles_support import PASSWORD, ArticlesClient, make_client
from wms_soap.services.inventory import stock
from wms_soap.services.inventory.articles import lookup_article
from wms_soap.services.warehouse import transfers
from wms_soap.services.warehouse.transfers import TransferLineInput, TransferOrderInput
from wms_soap.store.access import Warehouse
from wms_soap.store.db import session_scope
from wms_soap.store.inventory import ArticleItemStatus
from wms_soap.store.transfers import WarehouseTransferOrder

NS = {"w": "http://ongoingsystems.se/WSI", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def api(live_server: Any) -> ArticlesClient:
    """Goods owner SHOP with 10 MUG in warehouse WA (batch B1); warehouses WB and WT exist."""
    client = make_client(live_server, "SHOP")
    assert client.article("MUG", ArticleName="Mug").Success is True
    with session_scope(live_server.session_factory) as session:
        source = make_warehouse(session, code="WA").id
        for code in ("WB", "WT"):
            make_warehouse(session, code=code)
        session.add(ArticleItemStatus(code="DAMAGED", name="Damaged"))
        stock.location(session, "A-01", warehouse_id=source)
        mug = lookup_article(session, client.goods_owner_id, "ArticleNumber", article_number="MUG")
        assert mug is not None
        stock.add_stock(session, goods_owner_id=client.goods_owner_id, article_id=mug.id, location_code="A-01",
                            quantity=Decimal(10), batch="B1", comment="stock")
    return client


def create(live_server: Any, owner_id: int, number: str, *, to: str = "WB", transit: str | None = None,
           reference: str | None = None, status: str | None = None) -> int:
    with session_scope(live_server.session_factory) as session:
        order = transfers.create_transfer_order(session, owner_id, TransferOrderInput(
            number, "WA", to, transit, f"Comment {number}", reference,
            [TransferLineInput("1", "MUG", Decimal(4), comment="first", new_status=status)]))
        return order.id


def warehouse_action(live_server: Any, action: Any, order_id: int, **options: Any) -> None:
    with session_scope(live_server.session_factory) as session:
        action(session, order_id, **options)


def query(api: ArticlesClient, **filters: Any) -> list[Any]:
    orders = api.call("GetWarehouseTransferOrderByQuery", query=api.types.WarehouseTransferOrderFilters(**filters))
    return list(orders.WarehouseTransferOrderInfo) if orders is not None else []  # zeep unwraps the one-field result


def numbers(api: ArticlesClient, **filters: Any) -> list[str]:
    return [order.Header.OrderNumber for order in query(api, **filters)]


def test_a_received_order_by_id_as_the_real_client_asks(api: ArticlesClient, live_server: Any) -> None:
    order_id = create(live_server, api.goods_owner_id, "WT-1", transit="WT", status="DAMAGED")
    [info] = query(api, WarehouseTransferOrderIdsToGet=api.types.ArrayOfInt([order_id]))
    header = info.Header
    assert (header.FromWarehouseCode, header.ToWarehouseCode, header.TransitWarehouseCode, header.OrderComment,
            header.OrderNumber, header.OrderId, header.OrderStatusId) == (
        "WA", "WB", "WT", "Comment WT-1", "WT-1", order_id, transfers.OPEN)
    [line] = info.OrderLines.WarehouseTransferOrderLineInfo
    assert (line.Article.ArticleNumber, line.Article.ArticleName, line.LineNumber, line.Comment, line.NumberOfItems,
            line.NewArticleItemStatusCode, line.NewArticleItemStatusName, line.Items) == (
        "MUG", "Mug", "1", "first", 4, "DAMAGED", "Damaged", None)
    warehouse_action(live_server, transfers.ship_transfer_order, order_id)
    [item] = query(api)[0].OrderLines.WarehouseTransferOrderLineInfo[0].Items.TransferArticleItemInfo
    assert (item.IsPicked, item.IsTransfer, item.IsDelivered, item.NumberOfItems, item.BatchNo,
            item.ArticleItemStatusCode) == (True, True, False, 4, "B1", None)
    warehouse_action(live_server, transfers.receive_transfer_order, order_id, location_code="B-01")
    [info] = query(api)
    [item] = info.OrderLines.WarehouseTransferOrderLineInfo[0].Items.TransferArticleItemInfo
    assert info.Header.OrderStatusId == transfers.DELIVERED
    assert (item.IsPicked, item.IsTransfer, item.IsDelivered, item.ArticleItemStatusCode,
            item.ArticleItemStatusName) == (True, False, True, "DAMAGED", "Damaged")
    per_warehouse = api.call("GetInventoryPerWarehouse", InventoryPerWarehouseQuery=api.types
                             .GetInventoryPerWarehouseQuery(ArticleNumbersToGet=api.types.ArrayOfString(["MUG"])))
    [article_line] = per_warehouse.PerWarehouseArticleLines.PerWarehouseArticleLine
    assert {s.WarehouseCode: s.NumberOfItems for s in article_line.PerWarehouseStockLines.PerWarehouseStockLine
            if s.NumberOfItems} == {"WA": 6, "WB": 4}


def test_every_filter_over_the_wire(api: ArticlesClient, live_server: Any) -> None:
    owner = api.goods_owner_id
    first = create(live_server, owner, "WT-1", reference="R1")
    second = create(live_server, owner, "WT-2", to="WT")
    warehouse_action(live_server, transfers.execute_transfer_order, second, location_code="T-01",
                     at=T0 + timedelta(days=3))
    with session_scope(live_server.session_factory) as session:
        order = session.get(WarehouseTransferOrder, first)
        assert order is not None
        order.updated_at = T0
        warehouses = {w.code: w.id for w in session.scalars(select(Warehouse))}
    strings = api.types.ArrayOfString
    assert numbers(api) == ["WT-1", "WT-2"]
    assert numbers(api, WarehouseTransferOrderNumbersToGet=strings(["WT-2", "NOPE"])) == ["WT-2"]
    assert numbers(api, ReferenceNumber="R1") == ["WT-1"]
    assert numbers(api, IsDelivered=True) == ["WT-2"]
    assert numbers(api, IsDelivered=False) == ["WT-1"]
    assert numbers(api, FromWarehouseId=warehouses["WA"]) == ["WT-1", "WT-2"]
    assert numbers(api, FromWarehouseId=warehouses["WB"]) == []
    assert numbers(api, ToWarehouseId=warehouses["WT"]) == ["WT-2"]
    assert numbers(api, OrderStatusFrom=transfers.DELIVERED) == ["WT-2"]
    assert numbers(api, OrderStatusTo=transfers.IN_TRANSIT) == ["WT-1"]
    assert numbers(api, LastUpdatedFrom=datetime(2026, 11, 2)) == ["WT-2"]
    assert numbers(api, LastUpdatedTo=datetime(2026, 11, 2)) == ["WT-1"]
    assert numbers(api, OrderStatusFrom=100, OrderStatusTo=100, ToWarehouseId=warehouses["WB"]) == ["WT-1"]


def test_another_goods_owners_orders_are_never_seen(api: ArticlesClient, live_server: Any) -> None:
    other = make_client(live_server, "OTHER")
    assert other.article("MUG", ArticleName="Other mug").Success is True
    mine = create(live_server, api.goods_owner_id, "WT-1")
    theirs = create(live_server, other.goods_owner_id, "WT-1")
    ints = api.types.ArrayOfInt
    assert [o.Header.OrderId for o in query(api, WarehouseTransferOrderIdsToGet=ints([mine, theirs]))] == [mine]
    assert [o.Header.OrderId for o in query(other)] == [theirs]
    assert query(other, WarehouseTransferOrderIdsToGet=ints([mine])) == []


def test_bad_filters_and_bad_logon_are_clear_faults(api: ArticlesClient) -> None:
    with pytest.raises(Fault) as backwards:
        query(api, OrderStatusFrom=300, OrderStatusTo=100)
    assert backwards.value.code.endswith("ValidationFailed")
    assert backwards.value.message == "OrderStatusFrom (300) is greater than OrderStatusTo (100)"
    with pytest.raises(Fault, match="LastUpdatedFrom is later than LastUpdatedTo"):
        query(api, LastUpdatedFrom=datetime(2026, 2, 1), LastUpdatedTo=datetime(2026, 1, 1))
    api.password = "wrong"
    with pytest.raises(Fault, match="Logon failed"):
        query(api)


def test_a_dotnet_style_envelope_with_nil_filters(api: ArticlesClient, live_server: Any) -> None:
    """Every minOccurs=1 nillable filter sent as xsi:nil, as a WCF client does; the answer in sequence order."""
    order_id = create(live_server, api.goods_owner_id, "WT-RAW")
    nils = "".join(f'<{name} xsi:nil="true"/>' for name in (
        "IsDelivered", "FromWarehouseId", "ToWarehouseId", "OrderStatusFrom", "OrderStatusTo", "LastUpdatedFrom",
        "LastUpdatedTo"))
    envelope = (f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope '
                f'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="{NS["xsi"]}"><soap:Body>'
                f'<GetWarehouseTransferOrderByQuery xmlns="{NS["w"]}"><GoodsOwnerCode>SHOP</GoodsOwnerCode>'
                f'<UserName>{api.username}</UserName><Password>{PASSWORD}</Password><query>{nils}'
                f'<WarehouseTransferOrderIdsToGet><int>{order_id}</int></WarehouseTransferOrderIdsToGet></query>'
                '</GetWarehouseTransferOrderByQuery></soap:Body></soap:Envelope>')
    response = requests.post(live_server.url, data=envelope.encode(), timeout=30, headers={
        "Content-Type": "text/xml; charset=utf-8",
        "SOAPAction": '"http://ongoingsystems.se/WSI/GetWarehouseTransferOrderByQuery"'})
    assert response.status_code == 200, response.text
    root = etree.fromstring(response.content)
    [header] = root.iterfind(".//w:Orders/w:WarehouseTransferOrderInfo/w:Header", NS)
    assert [etree.QName(child).localname for child in header] == [
        "FromWarehouseCode", "ToWarehouseCode", "OrderComment", "OrderNumber", "OrderId", "OrderStatusId"]
    [line] = root.iterfind(".//w:OrderLines/w:WarehouseTransferOrderLineInfo", NS)
    assert [etree.QName(child).localname for child in line] == [
        "Article", "LineNumber", "Comment", "NumberOfItems"]
    assert Decimal(line.findtext("w:NumberOfItems", namespaces=NS) or "") == 4
