"""In-order, return and invoice requests as real clients send them (Postman, node-soap with tns: prefixes and
date-only values, PHP SoapClient), posted raw to the live server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import requests
from lxml import etree
from sqlalchemy import select

from tests import factories
from tests.inbound_fixtures import make_article, make_shipped_order
from wms_soap.security.passwords import hash_password
from wms_soap.security.policy import INVOICE_DENIED
from wms_soap.services import invoices
from wms_soap.store.access import ApiUser
from wms_soap.store.db import session_scope

ENVELOPES = Path(__file__).parent.parent / "fixtures" / "envelopes"
NS = {"wsi": "http://ongoingsystems.se/WSI"}


@pytest.fixture
def acme(live_server: Any) -> dict[str, Any]:
    """The goods owner, user and articles the fixture envelopes name, and a shipped order to return."""
    with session_scope(live_server.session_factory) as session:
        owner = factories.make_goods_owner(session, code="ACME")
        factories.make_api_user(session, goods_owner=owner, username="WSI-acme",
                                password_hash=hash_password("s3cret-Pass"))
        article = make_article(session, owner.id, "ART-1")
        make_article(session, owner.id, "ART-2")
        order = make_shipped_order(session, owner.id, "WEB-51107", {"1": (article, 2)})
        return {"url": str(live_server.url), "owner_id": owner.id, "order_id": order.id}


def post(url: str, name: str, operation: str, *, replace: dict[str, str] | None = None) -> Any:
    body = (ENVELOPES / name).read_bytes()
    for old, new in (replace or {}).items():
        body = body.replace(old.encode(), new.encode())
    headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"http://ongoingsystems.se/WSI/{operation}"'}
    response = requests.post(url, data=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return etree.fromstring(response.content)


def text(document: Any, path: str) -> str | None:
    found = document.find(path, NS)
    return None if found is None else found.text


def test_postman_in_order_then_reported_line(acme: dict[str, Any]) -> None:
    created = post(acme["url"], "postman_process_in_order.xml", "ProcessInOrder")
    assert text(created, ".//wsi:ProcessInOrderResult/wsi:Success") == "true"
    in_order_id = text(created, ".//wsi:ProcessInOrderResult/wsi:InOrderId")
    assert in_order_id is not None and int(in_order_id) > 0
    assert text(created, ".//wsi:ProcessInOrderResult/wsi:OrderId") == "0"  # value types always present
    again = post(acme["url"], "postman_process_in_order.xml", "ProcessInOrder")
    assert text(again, ".//wsi:ProcessInOrderResult/wsi:InOrderId") == in_order_id

    updated = post(acme["url"], "postman_update_in_order_lines.xml", "UpdateInOrderLines")
    assert text(updated, ".//wsi:UpdateInOrderLinesResult/wsi:Success") == "true"
    assert text(updated, ".//wsi:UpdateInOrderLinesResult/wsi:InOrderId") == in_order_id


def test_node_soap_return_with_date_only_value(acme: dict[str, Any]) -> None:
    result = post(acme["url"], "node_soap_process_return_order.xml", "ProcessReturnOrder",
                  replace={"ORDER_ID": str(acme["order_id"])})
    assert text(result, ".//wsi:ProcessReturnOrderResult/wsi:Success") == "true"
    assert int(text(result, ".//wsi:ProcessReturnOrderResult/wsi:ReturnOrderId") or 0) > 0
    missing = post(acme["url"], "node_soap_process_return_order.xml", "ProcessReturnOrder",
                   replace={"ORDER_ID": "999999"})
    assert text(missing, ".//wsi:ProcessReturnOrderResult/wsi:Success") == "false"
    assert text(missing, ".//wsi:ProcessReturnOrderResult/wsi:ReturnOrderId") is None
    assert text(missing, ".//wsi:ProcessReturnOrderError/wsi:ErrorType") == "OrderNotFound"


def test_php_invoices_by_query_needs_the_permission(acme: dict[str, Any], live_server: Any) -> None:
    refused = post(acme["url"], "php_soapclient_get_invoices_by_query.xml", "GetInvoicesByQuery")
    assert text(refused, ".//wsi:GetInvoicesByQueryResult/wsi:Success") == "false"
    assert text(refused, ".//wsi:GetInvoicesByQueryResult/wsi:Message") == INVOICE_DENIED
    with session_scope(live_server.session_factory) as session:
        session.scalars(select(ApiUser).where(ApiUser.username == "WSI-acme")).one().invoice_access = True
        invoices.set_price_list(session, acme["owner_id"], per_order=Decimal(10))
        now = datetime.now(UTC)
        invoice_id = invoices.run_invoicing(session, acme["owner_id"], now - timedelta(days=1), now).id
    allowed = post(acme["url"], "php_soapclient_get_invoices_by_query.xml", "GetInvoicesByQuery",
                   replace={"<ns1:int>123</ns1:int>": f"<ns1:int>{invoice_id}</ns1:int>"})
    assert text(allowed, ".//wsi:GetInvoicesByQueryResult/wsi:Success") == "true"
    assert [e.text for e in allowed.iterfind(".//wsi:InvoiceV2/wsi:InvoiceId", NS)] == [str(invoice_id)]
    assert text(allowed, ".//wsi:GetInvoicesChargeV2/wsi:InvoiceArticle/wsi:Code") == "ORDER"
