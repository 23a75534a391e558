"""GetSystemInfo, GetOrderStatuses, GetInOrderStatuses and GetTransporterContracts through zeep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.functional.articles_support import ArticlesClient, make_client
from wms_soap.services import registers as system
from wms_soap.store.db import session_scope


@pytest.fixture
def api(live_server: Any) -> ArticlesClient:
    return make_client(live_server, "SHOP")


def test_system_info_is_the_server_clock(api: ArticlesClient) -> None:
    before = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    system_time = api.call("GetSystemInfo")  # zeep unwraps a result of one element: SystemInfo.SystemTime
    assert before - timedelta(seconds=1) <= system_time.replace(tzinfo=None) <= before + timedelta(minutes=1)


def test_order_statuses_have_the_default_texts(api: ArticlesClient) -> None:
    statuses = api.call("GetOrderStatuses").OrderStatus
    assert [(s.OrderStatusId, s.OrderStatusName) for s in statuses] == [
        (100, "Notified"), (150, "Error"), (200, "Open"), (300, "Released"), (320, "Allocated"), (400, "Picked"),
        (450, "Sent"), (500, "Collected"), (1000, "Cancelled")]


def test_in_order_statuses_have_the_default_texts(api: ArticlesClient) -> None:
    statuses = api.call("GetInOrderStatuses").InOrderStatus
    texts = {s.InOrderStatusId: s.InOrderStatusName for s in statuses}
    assert sorted(texts) == [100, 200, 300, 400, 500, 900]
    assert (texts[500], texts[900]) == ("Received", "Cancelled")


def test_transporter_contracts_of_the_goods_owner(api: ArticlesClient, live_server: Any) -> None:
    other = make_client(live_server, "OTHER")
    assert api.call("GetTransporterContracts") is None  # zeep unwraps the one-element result
    with session_scope(live_server.session_factory) as session:
        for service in ("PARCEL", "PALLET"):
            system.create_transporter_contract(session, api.goods_owner_id, transporter_code="DHL",
                                               transporter_name="DHL Freight", service_code=service,
                                               service_name=f"DHL {service.title()}", customer_number="C-1",
                                               edi_customer_code="EDI-1")
        system.create_transporter_contract(session, other.goods_owner_id, transporter_code="UPS", service_code="STD")
    [contract] = api.call("GetTransporterContracts").TransporterContract
    assert (contract.TransporterCode, contract.TransporterName, contract.TransporterCustomerNumber,
            contract.EDICustomerCode) == ("DHL", "DHL Freight", "C-1", "EDI-1")
    assert [(s.TransporterServiceCode, s.TransporterServiceName)
            for s in contract.TransporterServices.TransporterService] == [("PALLET", "DHL Pallet"),
                                                                          ("PARCEL", "DHL Parcel")]
    [theirs] = other.call("GetTransporterContracts").TransporterContract
    assert theirs.TransporterCode == "UPS"
