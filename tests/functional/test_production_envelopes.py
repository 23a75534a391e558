"""Production and goods operation requests as raw envelopes: a ``tns:``-prefixed body with a date-only value, a nil
Specification and an element of a newer contract (as Ongoing's own sample sends them), a .NET-style query with nil
filters, a goods operation line without its required enums; the answers' shape is checked on the XML."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import requests
from lxml import etree

from tests import factories
from tests.inbound_fixtures import make_article
from wms_soap.store.articles import ArticleStructureComponent
from wms_soap.store.db import session_scope

NS = {"w": "http://ongoingsystems.se/WSI", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
PASSWORD = "s3cret-Pass"


@pytest.fixture
def url(live_server: Any) -> str:
    with session_scope(live_server.session_factory) as session:
        owner = factories.make_goods_owner(session, code="ACME")
        factories.make_api_user(session, goods_owner=owner, username="WSI-acme", password=PASSWORD)
        kit = make_article(session, owner.id, "KIT")
        kit.structure_type = "ProductionArticle"
        part = make_article(session, owner.id, "PART")
        session.add(ArticleStructureComponent(parent_article_id=kit.id, child_article_id=part.id,
                                              number_of_items=Decimal(3)))
    return str(live_server.url)


def post(url: str, operation: str, body: str, *, prefix: str = "tns") -> Any:
    envelope = (f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope '
                f'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:{prefix}="{NS["w"]}" '
                f'xmlns:xsi="{NS["xsi"]}"><soap:Body><{prefix}:{operation}><{prefix}:GoodsOwnerCode>ACME'
                f'</{prefix}:GoodsOwnerCode><{prefix}:UserName>WSI-acme</{prefix}:UserName><{prefix}:Password>'
                f'{PASSWORD}</{prefix}:Password>{body}</{prefix}:{operation}></soap:Body></soap:Envelope>')
    response = requests.post(url, data=envelope.encode(), timeout=30, headers={
        "Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"http://ongoingsystems.se/WSI/{operation}"'})
    assert response.status_code == 200, response.text
    return etree.fromstring(response.content)


def texts(root: Any, path: str) -> list[str]:
    return [element.text for element in root.iterfind(path, NS)]


def test_prefixed_production_order_with_nil_specification(url: str) -> None:
    body = """<tns:ProductionOrder>
        <tns:ProductionOrderIdentification>ProductionOrderNumber</tns:ProductionOrderIdentification>
        <tns:ProductionOrderNumber>PO-RAW</tns:ProductionOrderNumber>
        <tns:ProductionDate>2026-12-01</tns:ProductionDate>
        <tns:ProductionOrderLines><tns:ProductionOrderLine>
          <tns:ProductionOrderLineIdentification>ProductionOrderLineNumber</tns:ProductionOrderLineIdentification>
          <tns:ToProduceNumberOfItems>4</tns:ToProduceNumberOfItems>
          <tns:ArticleNumber>KIT</tns:ArticleNumber>
          <tns:ProductionOrderLineNumber>10</tns:ProductionOrderLineNumber>
          <tns:Specification xsi:nil="true"/>
          <tns:ProductionOrderLineProduceBatchNo>LOT-1</tns:ProductionOrderLineProduceBatchNo>
        </tns:ProductionOrderLine></tns:ProductionOrderLines>
        <tns:ProductionOrderOperation>CreateOrUpdate</tns:ProductionOrderOperation>
      </tns:ProductionOrder>"""
    answer = post(url, "ProcessProductionOrder", body)
    result = answer.find(".//w:ProcessProductionOrderResult", NS)
    assert [etree.QName(child).localname for child in result] == ["ProductionOrderId", "Success"]
    assert texts(result, "w:Success") == ["true"] and int(texts(result, "w:ProductionOrderId")[0]) > 0
    query = """<tns:query>
        <tns:LastProductionTimeFrom xsi:nil="true"/><tns:LastProductionTimeTo xsi:nil="true"/>
        <tns:ProductionOrderNumberToGet><tns:string>PO-RAW</tns:string></tns:ProductionOrderNumberToGet>
      </tns:query>"""
    found = post(url, "GetProductionOrdersByQuery", query)
    [header] = found.iterfind(".//w:ProductionOrderInfo/w:ProductionOrderHeader", NS)
    assert [etree.QName(child).localname for child in header] == [
        "GoodsOwnerId", "OrderNumber", "ProductionDate", "OrderedNumberOfItems", "ProducedNumberOfItems",
        "StartProductionTime", "EndProductionTime", "ProductionOrderId", "ProductionOrderStatus"]
    assert texts(header, "w:ProductionDate") == ["2026-12-01T00:00:00"]
    assert header.find("w:StartProductionTime", NS).get(f"{{{NS['xsi']}}}nil") == "true"
    assert texts(found, ".//w:ProductionOrderLineInfo/w:ProductionOrderLineNumber") == ["10"]


def test_goods_operation_without_the_required_enum_elements(url: str) -> None:
    """The line leaves out its four minOccurs=1 identification/operation enums, as lenient ASMX allows."""
    body = """<go><GoodsOperationOrderIdentification>GoodsOperationOrderNumber</GoodsOperationOrderIdentification>
        <GoodsOperationOrderNumber>GO-RAW</GoodsOperationOrderNumber>
        <GoodsOperationOrderLines><GoodsOperationOrderLine>
          <GoodsOperationOrderLineNumber>1</GoodsOperationOrderLineNumber><ArticleNumber>PART</ArticleNumber>
          <NumberOfItems>2</NumberOfItems>
          <ToArticleItemStatus><Operation>CreateOrUpdate</Operation><ArticleItemStatusCode>HOLD</ArticleItemStatusCode>
          </ToArticleItemStatus>
        </GoodsOperationOrderLine></GoodsOperationOrderLines></go>"""
    envelope_body = body.replace("<", "<w:").replace("<w:/", "</w:")
    answer = post(url, "ProcessGoodsOperationOrder", envelope_body, prefix="w")
    assert texts(answer, ".//w:ProcessGoodsOperationOrderResult/w:Success") == ["true"]
    found = post(url, "GetGoodsOperationOrdersByQuery",
                 "<w:query><w:GoodsOperationOrderNumbersToGet><w:string>GO-RAW</w:string>"
                 "</w:GoodsOperationOrderNumbersToGet></w:query>", prefix="w")
    assert texts(found, ".//w:GoodsOperationOrderLineInfo/w:ToArticleItemStatus/w:ArticleItemStatusCode") == ["HOLD"]
    assert texts(found, ".//w:GoodsOperationOrderHeader/w:GoodsOperationOrderStatusName") == ["Open"]
