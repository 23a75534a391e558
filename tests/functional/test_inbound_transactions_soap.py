"""GetInboundTransactionsByQuery and GetReceivedTagsByQuery through zeep against the live server."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import requests
from lxml import etree
from sqlalchemy import select

from tests.factories import make_api_user, make_goods_owner
from tests.functional.inbound_client import PASSWORD, GoodsOwnerClient, goods_owner_client
from tests.functional.test_inorders_soap import send_in_order
from tests.inbound_fixtures import make_article, warehouse_session
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt
from wms_soap.store.access import GoodsOwner
from wms_soap.store.db import session_scope
from wms_soap.store.inorders import InOrder

NS = {"wsi": "http://ongoingsystems.se/WSI"}
NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


@pytest.fixture
def api(live_server: Any) -> GoodsOwnerClient:
    with session_scope(live_server.session_factory) as session:
        for code, username in (("SHOP", "WSIshop"), ("OTHER", "WSIother")):
            owner = make_goods_owner(session, code=code)
            make_api_user(session, owner, username=username, password=PASSWORD)
            for number in ("ART-1", "ART-2"):
                make_article(session, owner.id, number)
    return goods_owner_client(live_server.url, "SHOP", "WSIshop")


def receive(live_server: Any, goods_owner_code: str, number: str, *receipts: Receipt) -> None:
    """The warehouse receives goods on an in-order, as the CLI does beside the running server."""
    with warehouse_session(live_server.session_factory) as session:
        in_order = session.scalars(select(InOrder).join(GoodsOwner, GoodsOwner.id == InOrder.goods_owner_id).where(
            GoodsOwner.code == goods_owner_code, InOrder.goods_owner_order_number == number)).one()
        warehouse_inbound.receive(session, in_order, list(receipts))


def transactions(api: GoodsOwnerClient, **query: Any) -> list[Any]:
    query.setdefault("InboundTransactionTypesToGet", "All")  # minOccurs=1: zeep insists on it
    result = api.call("GetInboundTransactionsByQuery", Query=api.types.GetGoodsOwnerInboundTransactionsQuery(**query))
    assert result.Success is True and result.Error is None
    return list(result.InboundTransactions.GoodsOwnerInboundTransaction) if result.InboundTransactions else []


def test_the_odoo_call_reads_the_in_orders_that_received_goods(api: GoodsOwnerClient, live_server: Any) -> None:
    since = datetime.utcnow() - timedelta(minutes=5)
    first = send_in_order(api, "PO-1", {"10": ("ART-1", 5), "20": ("ART-2", 1)}).InOrderId
    send_in_order(api, "PO-2", {"10": ("ART-1", 1)})  # announced, nothing received yet
    other = goods_owner_client(live_server.url, "OTHER", "WSIother")
    send_in_order(other, "PO-1", {"10": ("ART-1", 1)})
    receive(live_server, "SHOP", "PO-1", Receipt(Decimal(2), external_order_line_code="10", batch="LOT-1"),
            Receipt(Decimal(1), external_order_line_code="20", serial="SN-42"))
    receive(live_server, "OTHER", "PO-1", Receipt(Decimal(1), external_order_line_code="10"))

    found = transactions(api, InDateFrom=since, InboundTransactionTypesToGet="ReceivedOnInOrder")
    assert [t.InOrder.InOrderId for t in found] == [first, first]
    assert [(t.InOrder.InOrderNumber, t.Article.ArticleNumber, t.NumberOfItems, t.Batch, t.Serial) for t in found] == [
        ("PO-1", "ART-1", 2, "LOT-1", None), ("PO-1", "ART-2", 1, None, "SN-42")]
    assert all(since <= t.InDate <= datetime.utcnow() for t in found)
    assert transactions(api, InDateFrom=datetime.utcnow() + timedelta(minutes=5),
                        InboundTransactionTypesToGet="ReceivedOnInOrder") == []
    assert [t.InOrder.InOrderNumber for t in transactions(other, InDateFrom=since)] == ["PO-1"]


def test_paging_by_original_article_item_id(api: GoodsOwnerClient, live_server: Any) -> None:
    send_in_order(api, "PO-1", {"10": ("ART-1", 5)})
    receive(live_server, "SHOP", "PO-1", *(Receipt(Decimal(1), external_order_line_code="10") for _ in range(5)))
    everything = [t.OriginalArticleItemId for t in transactions(api, InDateFrom=None)]
    assert len(everything) == 5 and everything == sorted(everything)
    pages, cursor = [], 0
    while page := [t.OriginalArticleItemId for t in transactions(
            api, InDateFrom=None, OriginalArticleItemIdFrom=cursor, MaxOriginalArticleItemIdsToGet=2)]:
        pages.append(page)
        cursor = page[-1] + 1
    assert pages == [everything[0:2], everything[2:4], everything[4:5]]
    assert transactions(api, InDateFrom=None, InboundTransactionTypesToGet="ReceivedWithoutInOrder") == []


def test_inbound_transaction_errors_are_in_band(api: GoodsOwnerClient, live_server: Any) -> None:
    wrong = goods_owner_client(live_server.url, "SHOP", "WSIshop", "wrong password")
    t = wrong.types
    denied = wrong.call("GetInboundTransactionsByQuery", Query=t.GetGoodsOwnerInboundTransactionsQuery(
        InDateFrom=None, InboundTransactionTypesToGet="All"))
    assert denied.Success is False and denied.Error.ErrorType == "LogonError" and denied.InboundTransactions is None
    refused = api.call("GetInboundTransactionsByQuery", Query=t.GetGoodsOwnerInboundTransactionsQuery(
        InDateFrom=datetime(2026, 5, 2), InDateTo=datetime(2026, 5, 1), InboundTransactionTypesToGet="All"))
    assert refused.Success is False and refused.Error.ErrorType == "Unknown"
    assert "InDateFrom is after InDateTo" in refused.Error.Message


def test_received_tags_are_the_serials_received(api: GoodsOwnerClient, live_server: Any) -> None:
    in_order_id = send_in_order(api, "PO-1", {"10": ("ART-1", 3), "20": ("ART-2", 2)}).InOrderId
    receive(live_server, "SHOP", "PO-1", Receipt(Decimal(1), external_order_line_code="10", serial="SN-1"),
            Receipt(Decimal(2), external_order_line_code="20", batch="LOT-1"),
            Receipt(Decimal(1), external_order_line_code="10", serial="SN-2"))
    t = api.types

    result = api.call("GetReceivedTagsByQuery", Query=t.GetReceivedTagsQuery(InOrderId=in_order_id))
    assert result.Success is True
    tags = result.ReceivedTags.ReceivedTag
    assert [(tag.InOrderLine.ExternalOrderLineCode, tag.Serial, tag.NumberOfItems) for tag in tags] == [
        ("10", "SN-1", 1), ("10", "SN-2", 1)]
    assert tags[0].InOrderLine.InOrderLineId > 0 and tags[0].TagInDate > datetime(2026, 1, 1)

    other = goods_owner_client(live_server.url, "OTHER", "WSIother")
    hidden = other.call("GetReceivedTagsByQuery", Query=t.GetReceivedTagsQuery(InOrderId=in_order_id))
    assert hidden.Success is False and f"In-order {in_order_id} was not found" in hidden.Message
    assert hidden.ReceivedTags is None
    missing = api.call("GetReceivedTagsByQuery", Query=t.GetReceivedTagsQuery())
    assert missing.Success is False and "InOrderId" in missing.Message


ODOO_ENVELOPE = """<?xml version="1.0" encoding="utf-8"?>
<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/">
  <soap-env:Body>
    <ns0:GetInboundTransactionsByQuery xmlns:ns0="http://ongoingsystems.se/WSI">
      <ns0:GoodsOwnerCode>SHOP</ns0:GoodsOwnerCode><ns0:UserName>WSIshop</ns0:UserName>
      <ns0:Password>{password}</ns0:Password>
      <ns0:Query><ns0:InDateFrom>2020-01-01T00:00:00</ns0:InDateFrom>
        <ns0:InboundTransactionTypesToGet>ReceivedOnInOrder</ns0:InboundTransactionTypesToGet></ns0:Query>
    </ns0:GetInboundTransactionsByQuery>
  </soap-env:Body>
</soap-env:Envelope>"""


def test_the_raw_answer_keeps_the_contract_order_and_nils(api: GoodsOwnerClient, live_server: Any) -> None:
    in_order_id = send_in_order(api, "PO-1", {"10": ("ART-1", 1)}).InOrderId
    receive(live_server, "SHOP", "PO-1", Receipt(Decimal(1), external_order_line_code="10"))
    response = requests.post(live_server.url, data=ODOO_ENVELOPE.format(password=PASSWORD).encode(), timeout=30,
                             headers={"Content-Type": "text/xml; charset=utf-8",
                                      "SOAPAction": '"http://ongoingsystems.se/WSI/GetInboundTransactionsByQuery"'})
    assert response.status_code == 200, response.text
    result = etree.fromstring(response.content).find(".//wsi:GetInboundTransactionsByQueryResult", NS)
    assert [etree.QName(child).localname for child in result] == ["Success", "InboundTransactions"]
    [transaction] = result.findall("wsi:InboundTransactions/wsi:GoodsOwnerInboundTransaction", NS)
    assert [etree.QName(child).localname for child in transaction] == [
        "Article", "InDate", "ExpiryDate", "NumberOfItems", "OriginalArticleItemId", "InOrder", "Weight"]
    assert transaction.find("wsi:ExpiryDate", NS).get(NIL) == "true"
    assert transaction.find("wsi:Weight", NS).get(NIL) == "true"
    assert transaction.findtext("wsi:InOrder/wsi:InOrderId", namespaces=NS) == str(in_order_id)
    assert transaction.findtext("wsi:InOrder/wsi:InOrderNumber", namespaces=NS) == "PO-1"


def test_received_tags_with_the_lowercase_query_element_get_a_clear_answer(api: GoodsOwnerClient,
                                                                          live_server: Any) -> None:
    """One Postman example sends ``<query>``; as in ASMX the element is not the contract's ``Query``, so it is
    ignored and the answer says the InOrderId is missing rather than guessing."""
    in_order_id = send_in_order(api, "PO-1", {"10": ("ART-1", 1)}).InOrderId
    envelope = f"""<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
      <GetReceivedTagsByQuery xmlns="http://ongoingsystems.se/WSI"><UserName>WSIshop</UserName>
        <Password>{PASSWORD}</Password><GoodsOwnerCode>SHOP</GoodsOwnerCode>
        <query><InOrderId>{in_order_id}</InOrderId></query></GetReceivedTagsByQuery></soap:Body></soap:Envelope>"""
    response = requests.post(live_server.url, data=envelope.encode(), timeout=30,
                             headers={"Content-Type": "text/xml; charset=utf-8",
                                      "SOAPAction": "http://ongoingsystems.se/WSI/GetReceivedTagsByQuery"})
    assert response.status_code == 200, response.text
    result = etree.fromstring(response.content).find(".//wsi:GetReceivedTagsByQueryResult", NS)
    assert result.findtext("wsi:Success", namespaces=NS) == "false"
    assert result.findtext("wsi:Message", namespaces=NS) == "Query.InOrderId is required"
