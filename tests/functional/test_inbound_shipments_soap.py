"""GetInboundShipmentsByQuery through zeep against the live server, with the shipments created, cleared and
received by the warehouse in between."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from tests.functional.articles_support import ArticlesClient, make_client
from tests.inbound_fixtures import create_in_order
from wms_soap.services.inbound import inbound_shipments as shipments
from wms_soap.services.inbound.inbound_shipments import ShipmentInput, ShipmentLineInput
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt
from wms_soap.store.db import session_scope
from wms_soap.store.inorders import InOrder
from wms_soap.store.suppliers import Supplier


@pytest.fixture
def api(live_server: Any) -> ArticlesClient:
    """Goods owner SHOP with in-order PO-1 (line 10: 5 MUG, line 20: 2 CUP) from supplier SUP-1 in Germany."""
    client = make_client(live_server, "SHOP")
    for number in ("MUG", "CUP"):
        assert client.article(number, ArticleName=number.title()).Success is True
    with session_scope(live_server.session_factory) as session:
        create_in_order(session, client.goods_owner_id, "PO-1", {"10": ("MUG", 5), "20": ("CUP", 2)})
        supplier = session.scalars(select(Supplier).where(Supplier.goods_owner_id == client.goods_owner_id)).one()
        supplier.country_code = "DE"
    return client


def create(live_server: Any, owner_id: int, number: str, *lines: ShipmentLineInput, **fields: Any) -> int:
    with session_scope(live_server.session_factory) as session:
        return shipments.create_inbound_shipment(session, owner_id, ShipmentInput(number, list(lines), **fields)).id


def query(api: ArticlesClient, **filters: Any) -> Any:
    return api.call("GetInboundShipmentsByQuery",
                    GetInboundShipmentsQuery=api.types.GetInboundShipmentsQuery(**filters))


def found(api: ArticlesClient, **filters: Any) -> list[str]:
    result = query(api, **filters)
    assert result.Success is True
    infos = result.InboundShipments.InboundShipmentInfo if result.InboundShipments else []
    return [info.ShipmentInfo.ShipmentOrderNumber for info in infos]


def test_a_shipment_with_its_lines_in_orders_and_received_items(api: ArticlesClient, live_server: Any) -> None:
    shipment_id = create(live_server, api.goods_owner_id, "S-1", ShipmentLineInput("PO-1", "10", Decimal(3)),
                         ShipmentLineInput("PO-1", "20"), waybill="WB-1", customs_reference_number="CR-1",
                         customs_eu_type="NONEU", supplier_number="SUP-1")
    with session_scope(live_server.session_factory) as session:
        in_order = session.scalars(select(InOrder).where(InOrder.goods_owner_order_number == "PO-1")).one()
        warehouse_inbound.receive(session, in_order, [Receipt(Decimal(3), external_order_line_code="10",
                                                              batch="L1")])
        shipments.set_customs_status(session, shipment_id, "Approved")
        shipments.advance(session, shipment_id, shipments.ARRIVED)
    [info] = query(api, ShipmentIds=api.types.ArrayOfInt([shipment_id])).InboundShipments.InboundShipmentInfo
    header = info.ShipmentInfo
    assert (header.ShipmentId, header.ShipmentOrderNumber, header.Waybill, header.CustomsReferenceNumber,
            header.CustomsEUType, header.ShipmentStatusId, header.CustomsStatus.Id, header.CustomsStatus.Code) == (
        shipment_id, "S-1", "WB-1", "CR-1", "NONEU", shipments.ARRIVED, 3, "Approved")
    assert header.InDate is not None and header.GoodsOwner.GoodsOwnerCode == "SHOP"
    assert (header.Supplier.SupplierNumber, header.Supplier.Address.CountryCode,
            header.Supplier.Address.IsEuCountry) == ("SUP-1", "DE", True)
    lines = info.InOrderLines.InboundShipmentInOrderLine
    assert [(line.Article.ArticleNumber, line.InOrderNumber, line.ExternalOrderLineCode, line.AdvisedNumberOfItems,
             line.ShipmentNumberOfItems) for line in lines] == [
        ("MUG", "PO-1", "10", 5, 3), ("CUP", "PO-1", "20", 2, 2)]
    [item] = info.ReceivedArticleItems.InboundShipmentReceivedArticleItem
    assert (item.Article.ArticleNumber, item.Batch, item.NumberOfItems, item.InOrderLineId) == (
        "MUG", "L1", 3, lines[0].InOrderLineId)
    [in_order_info] = info.InOrders.InboundShipmentInOrder
    assert (in_order_info.InOrderInfo.InOrderNumber, in_order_info.Supplier.SupplierName,
            in_order_info.SupplierAddress.Country.CountryCode, in_order_info.SupplierAddress.Country.IsEuCountry) == (
        "PO-1", "Supplier SUP-1", "DE", True)


def test_filters_isolation_and_in_band_errors(api: ArticlesClient, live_server: Any) -> None:
    first = create(live_server, api.goods_owner_id, "S-1", ShipmentLineInput("PO-1", "10"))
    second = create(live_server, api.goods_owner_id, "S-2", ShipmentLineInput("PO-1", "20"))
    with session_scope(live_server.session_factory) as session:
        shipments.set_customs_status(session, second, "PendingForApproval")
    other = make_client(live_server, "OTHER")
    assert other.article("MUG", ArticleName="Mug").Success is True
    with session_scope(live_server.session_factory) as session:
        create_in_order(session, other.goods_owner_id, "PO-1", {"10": ("MUG", 1)})
    theirs = create(live_server, other.goods_owner_id, "S-9", ShipmentLineInput("PO-1", "10"))
    assert found(api) == ["S-1", "S-2"]
    assert found(api, ShipmentIds=api.types.ArrayOfInt([first, theirs])) == ["S-1"]
    assert found(api, ShipmentOrderNumbers=api.types.ArrayOfString(["S-2", "S-9"])) == ["S-2"]
    assert found(api, CustomsStatus="NoStatus") == ["S-1"]
    assert found(api, CustomsStatus="PendingForApproval") == ["S-2"]
    assert found(api, CustomsStatus="All", ShipmentStatusFrom=100, ShipmentStatusTo=100) == ["S-1", "S-2"]
    assert found(api, ShipmentStatusFrom=200) == []
    assert found(other) == ["S-9"]
    backwards = query(api, ShipmentStatusFrom=300, ShipmentStatusTo=100)
    assert (backwards.Success, backwards.Message, backwards.InboundShipments) == (
        False, "ShipmentStatusFrom (300) is greater than ShipmentStatusTo (100)", None)
    api.password = "wrong"
    refused = query(api)
    assert refused.Success is False and "Logon failed" in refused.Message
