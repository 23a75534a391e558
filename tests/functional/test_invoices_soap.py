"""Invoice operations through zeep: only API users allowed to see invoicing information get invoices."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
import zeep.exceptions

from tests.factories import make_api_user, make_goods_owner
from tests.functional.inbound_client import PASSWORD, GoodsOwnerClient, goods_owner_client
from tests.inbound_fixtures import make_article, make_shipped_order
from wms_soap.security.policy import INVOICE_DENIED
from wms_soap.services import invoices
from wms_soap.store.db import session_scope

START, END = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)


@pytest.fixture
def invoice_ids(live_server: Any) -> list[int]:
    with session_scope(live_server.session_factory) as session:
        owner = make_goods_owner(session, code="SHOP")
        make_api_user(session, owner, username="WSIfinance", password=PASSWORD, invoice_access=True)
        make_api_user(session, owner, username="WSIshop", password=PASSWORD)
        article = make_article(session, owner.id, "A")
        make_shipped_order(session, owner.id, "WEB-1", {"1": (article, 3)}, parcels=2,
                           shipped_at=datetime(2026, 1, 15, tzinfo=UTC))
        invoices.set_price_list(session, owner.id, per_order=Decimal(25), per_order_line=Decimal(2),
                                per_parcel=Decimal(9))
        january = invoices.run_invoicing(session, owner.id, START, END, invoice_date=END)
        february = invoices.run_invoicing(session, owner.id, END, datetime(2026, 3, 1, tzinfo=UTC))
        return [january.id, february.id]


@pytest.fixture
def finance(live_server: Any, invoice_ids: list[int]) -> GoodsOwnerClient:
    return goods_owner_client(live_server.url, "SHOP", "WSIfinance")


@pytest.fixture
def shop(live_server: Any, invoice_ids: list[int]) -> GoodsOwnerClient:
    return goods_owner_client(live_server.url, "SHOP", "WSIshop")


def test_invoices_by_query_with_charges(finance: GoodsOwnerClient, invoice_ids: list[int]) -> None:
    t = finance.types
    result = finance.call("GetInvoicesByQuery", query=t.GetInvoicesQueryV2(
        GetInvoiceRows=True, InvoiceIds=t.ArrayOfInt([invoice_ids[0]])))
    assert result.Success is True
    [invoice] = result.Invoices.InvoiceV2
    assert (invoice.InvoiceId, invoice.InvoiceAmount, invoice.GoodsOwner.GoodsOwnerCode) == (
        invoice_ids[0], 45, "SHOP")
    charges = invoice.InvoiceCharges.GetInvoicesChargeV2
    assert sorted((c.InvoiceArticle.Code, c.NumberOfItems, c.Price) for c in charges) == [
        ("ORDER", 1, 25), ("ORDERLINE", 1, 2), ("PARCEL", 2, 18)]
    assert {c.OrderContext.OrderNumber for c in charges} == {"WEB-1"}


def test_cursor_and_rows_flag(finance: GoodsOwnerClient, invoice_ids: list[int]) -> None:
    t = finance.types
    first = finance.call("GetInvoicesByQuery", query=t.GetInvoicesQueryV2(GetInvoiceRows=False, MaxInvoicesToGet=1))
    [page] = first.Invoices.InvoiceV2
    assert page.InvoiceId == invoice_ids[0] and page.InvoiceCharges is None
    second = finance.call("GetInvoicesByQuery", query=t.GetInvoicesQueryV2(
        GetInvoiceRows=False, MaxInvoicesToGet=1, InvoiceIdFrom=page.InvoiceId))
    assert [i.InvoiceId for i in second.Invoices.InvoiceV2] == [invoice_ids[1]]


def test_legacy_get_invoices_and_process_invoice(finance: GoodsOwnerClient, invoice_ids: list[int]) -> None:
    t = finance.types
    legacy = finance.call("GetInvoices", query=t.GetInvoicesQuery(GetInvoiceRows=True,
                                                                  GetInvoiceId=t.ArrayOfInt([invoice_ids[0]])))
    [invoice] = legacy.Invoice  # zeep unwraps the one-element result
    assert {row.OrderNumber for row in invoice.InvoiceRows.InvoiceRow} == {"WEB-1"}
    assert {row.TotalOrderCharges for row in invoice.InvoiceRows.InvoiceRow} == {45}

    processed = finance.call("ProcessInvoice", GoodsOwnerInvoice=t.GoodsOwnerInvoice(
        GoodsOwnerInvoiceIdentification="InvoiceId", GoodsOwnerInvoiceOperation="Update", InvoiceId=invoice_ids[0],
        IsExported=True, InvoiceDate=None, InvoicePeriodStart=None, InvoicePeriodEnd=None))
    assert processed.Success is True
    exported = finance.call("GetInvoicesByQuery", query=t.GetInvoicesQueryV2(GetInvoiceRows=False, IsExported=True))
    assert [i.InvoiceId for i in exported.Invoices.InvoiceV2] == [invoice_ids[0]]


def test_user_without_invoice_access_is_refused(shop: GoodsOwnerClient) -> None:
    t = shop.types
    refused = shop.call("GetInvoicesByQuery", query=t.GetInvoicesQueryV2(GetInvoiceRows=True))
    assert refused.Success is False and refused.Message == INVOICE_DENIED and refused.Invoices is None
    processed = shop.call("ProcessInvoice", GoodsOwnerInvoice=t.GoodsOwnerInvoice(
        GoodsOwnerInvoiceIdentification="InvoiceId", GoodsOwnerInvoiceOperation="Update", InvoiceId=1,
        InvoiceDate=None, InvoicePeriodStart=None, InvoicePeriodEnd=None, IsExported=None))
    assert processed.Success is False and processed.ErrorMessage == INVOICE_DENIED
    with pytest.raises(zeep.exceptions.Fault, match=INVOICE_DENIED):
        shop.call("GetInvoices", query=t.GetInvoicesQuery(GetInvoiceRows=False))
