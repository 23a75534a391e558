"""Order requests as real clients send them (.NET with nils and defaults, node-soap with tns: prefixes and date-only
values, Postman, SOAP 1.2), posted raw to the live server with the real order handlers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
from lxml import etree

from tests import factories
from tests.orders_support import make_article, make_owner
from wms_soap.security.passwords import hash_password
from wms_soap.store.access import GoodsOwner
from wms_soap.store.db import session_scope

ENVELOPES = Path(__file__).parent.parent / "fixtures" / "envelopes"
NS = {"wsi": "http://ongoingsystems.se/WSI"}


@pytest.fixture
def acme(live_server: Any) -> str:
    """The goods owner, user and articles the fixture envelopes name; returns the service URL."""
    with session_scope(live_server.session_factory) as session:
        owner_id = make_owner(session, "ACME")
        factories.make_api_user(session, goods_owner=session.get(GoodsOwner, owner_id), username="WSI-acme",
                                password_hash=hash_password("s3cret-Pass"))
        for number in ("ART-1", "ART-2"):
            make_article(session, owner_id, number)
    return str(live_server.url)


def post(url: str, name: str, operation: str, *, replace: tuple[str, str] | None = None,
         soap12: bool = False) -> Any:
    body = (ENVELOPES / name).read_bytes()
    if replace is not None:
        body = body.replace(replace[0].encode(), replace[1].encode())
    action = f"http://ongoingsystems.se/WSI/{operation}"
    headers = ({"Content-Type": f'application/soap+xml; charset=utf-8; action="{action}"'} if soap12
               else {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{action}"'})
    response = requests.post(url, data=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return etree.fromstring(response.content)


def text(document: Any, path: str) -> str | None:
    found = document.find(path, NS)
    return None if found is None else found.text


def test_dotnet_process_order_then_postman_update_then_queries(acme: str) -> None:
    created = post(acme, "dotnet_process_order.xml", "ProcessOrder")
    assert text(created, ".//wsi:ProcessOrderResult/wsi:Success") == "true"
    order_id = text(created, ".//wsi:ProcessOrderResult/wsi:OrderId")
    assert order_id is not None and int(order_id) > 0
    assert text(created, ".//wsi:ProcessOrderResult/wsi:GoodsOwnerOrderNumber") == "SO-1001"
    again = post(acme, "dotnet_process_order.xml", "ProcessOrder")
    assert text(again, ".//wsi:ProcessOrderResult/wsi:Success") == "false"
    assert "already exists" in (text(again, ".//wsi:ProcessOrderResult/wsi:ErrorMessage") or "")

    updated = post(acme, "postman_update_order.xml", "UpdateOrder")
    assert text(updated, ".//wsi:UpdateOrderResult/wsi:Success") == "true"
    assert text(updated, ".//wsi:UpdateOrderResult/wsi:OrderId") == order_id

    dotnet = post(acme, "dotnet_get_orders_by_query.xml", "GetOrdersByQuery",
                  replace=("<OrderIdFrom>1000</OrderIdFrom>", f"<OrderIdFrom>{order_id}</OrderIdFrom>"))
    assert [e.text for e in dotnet.iterfind(".//wsi:Order/wsi:OrderInfo/wsi:OrderStatusNumber", NS)] == ["300"]
    quantities = [e.text for e in dotnet.iterfind(".//wsi:PickedOrderLine/wsi:OrderedNumberOfItems", NS)]
    assert [float(q or "nan") for q in quantities] == [2, 1.5]
    node = post(acme, "node_soap_get_orders_by_query.xml", "GetOrdersByQuery",
                replace=("2024-05-01", "2024-05-06"))
    assert [e.text for e in node.iterfind(".//wsi:Order/wsi:OrderInfo/wsi:GoodsOwnerOrderNumber", NS)] == ["SO-1001"]


def test_soap12_query_and_utf16_declared_process_order(acme: str) -> None:
    created = post(acme, "postman_utf16_declared_process_order.xml", "ProcessOrder")
    assert text(created, ".//wsi:ProcessOrderResult/wsi:Success") == "true"
    answer = post(acme, "dotnet_soap12_get_orders_by_query.xml", "GetOrdersByQuery", soap12=True)
    assert answer.find(".//wsi:GetOrdersByQueryResult", NS) is not None
    assert list(answer.iterfind(".//wsi:Order", NS)) == []


def test_a_delivery_date_sent_without_offset_comes_back_as_sent(acme: str) -> None:
    """ASMX writes a stored DateTime without an offset: a client in another time zone must read 10:30 as 10:30."""
    created = post(acme, "dotnet_process_order.xml", "ProcessOrder",
                   replace=("<DeliveryDate>2024-05-06T00:00:00</DeliveryDate>",
                            "<DeliveryDate>2027-01-15T10:30:00</DeliveryDate>"))
    assert text(created, ".//wsi:ProcessOrderResult/wsi:Success") == "true"
    body = (f'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
            f'<GetOrderByOrderNumber xmlns="{NS["wsi"]}"><GoodsOwnerCode>ACME</GoodsOwnerCode>'
            "<UserName>WSI-acme</UserName><Password>s3cret-Pass</Password><OrderNumber>SO-1001</OrderNumber>"
            "</GetOrderByOrderNumber></soap:Body></soap:Envelope>")
    for _ in range(2):  # built, then from the answer cache
        answer = requests.post(acme, data=body.encode(), headers={"Content-Type": "text/xml; charset=utf-8"},
                               timeout=30)
        assert "<DeliveryDate>2027-01-15T10:30:00</DeliveryDate>" in answer.text
        created_date = etree.fromstring(answer.content).findtext(".//wsi:OrderInfo/wsi:CreatedDate", namespaces=NS)
        assert created_date is not None and len(created_date) in (19, 26)  # no offset: ...T10:30:00[.ffffff]


def test_customer_number_identification_without_a_number_builds_the_customer(acme: str) -> None:
    """CustomerIdentification=CustomerNumber and no CustomerNumber, as a Magento 1 module sends it (this envelope is
    what PHP 8.2's SoapClient sent): the order gets the customer found or created by name and address; a second
    order of the same person reuses it."""
    name = "php_soapclient_process_order_without_customer_number.xml"
    first = post(acme, name, "ProcessOrder")
    assert text(first, ".//wsi:ProcessOrderResult/wsi:Success") == "true", text(first, ".//wsi:ErrorMessage")
    second = post(acme, name, "ProcessOrder", replace=("100000123", "100000124"))
    assert text(second, ".//wsi:ProcessOrderResult/wsi:Success") == "true"
    orders = post(acme, "dotnet_get_orders_by_query.xml", "GetOrdersByQuery",
                  replace=("<OrderIdFrom>1000</OrderIdFrom>", "<OrderIdFrom>0</OrderIdFrom>"))
    consignees = [(c.findtext("wsi:Id", namespaces=NS), c.findtext("wsi:Name", namespaces=NS),
                   c.findtext("wsi:City", namespaces=NS), c.findtext("wsi:CustomerNumber", namespaces=NS))
                  for c in orders.iterfind(".//wsi:Order/wsi:Consignee", NS)]
    assert len(consignees) == 2 and consignees[0] == consignees[1]
    assert consignees[0][1:] == ("Ada", "Göteborg", None)
    nameless = post(acme, name, "ProcessOrder", replace=("<ns1:Name>Ada</ns1:Name>", ""))
    assert text(nameless, ".//wsi:ProcessOrderResult/wsi:Success") == "false"
    assert "CustomerNumber is required" in (text(nameless, ".//wsi:ProcessOrderResult/wsi:ErrorMessage") or "")


def test_soap_lite_calls_as_perl_sends_them(acme: str) -> None:
    """SOAP::Lite 1.27 (these envelopes are what it sent) marks a parameterless call xsi:nil and types every
    parameter xsi:type="xsd:string"; it reads the answers by element name, which ASMX's shape keeps unprefixed."""
    status = requests.post(acme, data=(ENVELOPES / "perl_soaplite_get_system_status.xml").read_bytes(), timeout=30,
                           headers={"Content-Type": "text/xml; charset=utf-8",
                                    "SOAPAction": "http://ongoingsystems.se/WSI/GetSystemStatus"})
    assert status.status_code == 200, status.text
    assert "<GetSystemStatusResult><SystemStatusText>" in status.text and "<IsRunning>true</IsRunning>" in status.text
    statuses = post(acme, "perl_soaplite_get_order_statuses.xml", "GetOrderStatuses")
    assert [e.text for e in statuses.iterfind(".//wsi:OrderStatus/wsi:OrderStatusId", NS)][:3] == ["100", "150", "200"]
