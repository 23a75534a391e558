"""GetTimeOfLastSync, SetTimeOfLastSync and ReportEvent through zeep against the live server; the sync time set
through one server is what a second server (its own engine and connections) answers."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
import requests
import zeep
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from zeep.exceptions import Fault

from tests.files_support import PASSWORD, Owned, make_two_owned
from wms_soap.config import Settings
from wms_soap.store.db import create_engine_for, make_session_factory, session_scope
from wms_soap.store.events import ReportedEvent


@pytest.fixture
def owners(live_server: Any) -> tuple[Owned, Owned]:
    with session_scope(live_server.session_factory) as session:
        return make_two_owned(session)


@pytest.fixture
def shop(owners: tuple[Owned, Owned]) -> Owned:
    return owners[0]


def zeep_client(url: str) -> zeep.Client:
    return zeep.Client(f"{url}?WSDL", settings=zeep.Settings(strict=True))


@pytest.fixture
def client(live_server: Any, owners: tuple[Owned, Owned]) -> zeep.Client:
    return zeep_client(live_server.url)


@pytest.fixture
def second_server_url(settings: Settings, owners: tuple[Owned, Owned]) -> Iterator[str]:
    """Another server on the same database with its own engine, as a second process would have."""
    from wms_soap.app import create_app
    from wms_soap.serving import BoundServer

    engine = create_engine_for(settings.database_url)
    bound = BoundServer(settings, host="127.0.0.1", port=0, threads=2)
    try:
        live = dataclasses.replace(settings, port=bound.port, public_url=bound.url)
        bound.mount(create_app(live, session_factory=make_session_factory(engine)))
        bound.start()
        yield f"{bound.url}/{live.warehouse}/service.asmx"
    finally:
        bound.stop()
        engine.dispose()


def get_sync(client: zeep.Client, owner: Owned, integration_type: str | None = None) -> Any:
    return client.service.GetTimeOfLastSync(UserName=owner.username, Password=PASSWORD,
                                            GoodsOwnerId=owner.goods_owner_id, IntegrationType=integration_type)


def set_sync(client: zeep.Client, owner: Owned, when: datetime, integration_type: str | None = None) -> Any:
    return client.service.SetTimeOfLastSync(UserName=owner.username, Password=PASSWORD,
                                            GoodsOwnerId=owner.goods_owner_id, IntegrationType=integration_type,
                                            syncTime=when)


def test_sync_time_round_trip_per_integration_type(client: zeep.Client, owners: tuple[Owned, Owned]) -> None:
    shop, other = owners
    assert get_sync(client, shop) is None
    assert set_sync(client, shop, datetime(2026, 11, 29, 8, 15, 30)) is None
    set_sync(client, shop, datetime(2026, 11, 1), "Orders")
    assert get_sync(client, shop) == datetime(2026, 11, 29, 8, 15, 30)
    assert get_sync(client, shop, "Orders") == datetime(2026, 11, 1)
    assert get_sync(client, other) is None
    set_sync(client, shop, datetime(2026, 11, 30, 6), "Orders")
    assert get_sync(client, shop, "Orders") == datetime(2026, 11, 30, 6)


def test_a_second_server_sees_the_sync_time(client: zeep.Client, shop: Owned, second_server_url: str) -> None:
    set_sync(client, shop, datetime(2026, 11, 29, 10, 0))
    assert get_sync(zeep_client(second_server_url), shop) == datetime(2026, 11, 29, 10, 0)


def test_another_goods_owners_id_is_a_logon_failure(client: zeep.Client, owners: tuple[Owned, Owned]) -> None:
    shop, other = owners
    with pytest.raises(Fault, match="Logon failed"):
        client.service.GetTimeOfLastSync(UserName=shop.username, Password=PASSWORD,
                                         GoodsOwnerId=other.goods_owner_id, IntegrationType=None)
    with pytest.raises(Fault, match="Logon failed"):
        client.service.SetTimeOfLastSync(UserName=shop.username, Password=PASSWORD, GoodsOwnerId=other.goods_owner_id,
                                         IntegrationType=None, syncTime=datetime(2026, 1, 1))
    assert get_sync(client, other) is None


def post(url: str, operation: str, body: str) -> requests.Response:
    envelope = ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap='
                f'"http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>{body}</soap:Body></soap:Envelope>')
    return requests.post(url, data=envelope.encode(), timeout=30, headers={
        "Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"http://ongoingsystems.se/WSI/{operation}"'})


def test_set_sync_time_with_an_offset_is_kept_in_utc(live_server: Any, client: zeep.Client, shop: Owned) -> None:
    response = post(live_server.url, "SetTimeOfLastSync", (
        f'<SetTimeOfLastSync xmlns="http://ongoingsystems.se/WSI"><UserName>{shop.username}</UserName>'
        f'<Password>{PASSWORD}</Password><GoodsOwnerId>{shop.goods_owner_id}</GoodsOwnerId>'
        '<syncTime>2026-11-29T10:00:00+01:00</syncTime></SetTimeOfLastSync>'))
    assert response.status_code == 200, response.text
    assert get_sync(client, shop) == datetime(2026, 11, 29, 9, 0)


def log_event(client: zeep.Client, **fields: Any) -> Any:
    t = client.type_factory("ns0")
    nils = {name: None for name in ("OrderId", "InOrderId", "ArticleItemId", "ParentMessageLogId", "ShipmentId",
                                    "TripId", "InventoryId", "LogRowId", "ReturnOrderId", "ExternalSystemId", "IsSent",
                                    "PalletItemId", "ProductionOrderId", "InvoiceId", "GoodsOperationOrderId")}
    values = {"Time": datetime(2026, 11, 29, 9, 30), "Success": False, "Type": "Error", "UserId": 0, **nils, **fields}
    return t.LogEvent(**values)


def report(client: zeep.Client, owner: Owned, event: Any) -> Any:
    return client.service.ReportEvent(GoodsOwnerCode=owner.code, UserName=owner.username, Password=PASSWORD,
                                      logEvent=event)


def stored_events(session_factory: sessionmaker[Session]) -> list[ReportedEvent]:
    with session_scope(session_factory) as session:
        found = list(session.scalars(select(ReportedEvent).order_by(ReportedEvent.id)))
        session.expunge_all()
        return found


def test_report_event_is_stored_with_its_fields(live_server: Any, client: zeep.Client, shop: Owned) -> None:
    assert report(client, shop, log_event(client, Header="Order export failed", Message="Timeout after 30 s",
                                          FileText="<trace/>", OrderId=shop.order_id, MessageId="M-77",
                                          IsSent=True, UserId=12)) is None
    [event] = stored_events(live_server.session_factory)
    assert (event.goods_owner_id, event.reported_by, event.event_type, event.success) == (
        shop.goods_owner_id, shop.username, "Error", False)
    assert (event.header, event.message, event.file_text, event.message_id, event.is_sent, event.user_id) == (
        "Order export failed", "Timeout after 30 s", "<trace/>", "M-77", True, 12)
    assert event.order_id == shop.order_id and event.in_order_id is None
    assert event.event_time is not None and event.event_time.replace(tzinfo=None) == datetime(2026, 11, 29, 9, 30)


def test_report_event_naming_another_goods_owners_order_is_not_found(
        live_server: Any, client: zeep.Client, owners: tuple[Owned, Owned]) -> None:
    shop, other = owners
    with pytest.raises(Fault) as foreign:
        report(client, shop, log_event(client, OrderId=other.order_id))
    with pytest.raises(Fault) as missing:
        report(client, shop, log_event(client, OrderId=999999))
    assert foreign.value.message == f"Order {other.order_id} was not found"
    assert missing.value.message == "Order 999999 was not found"
    with pytest.raises(Fault, match="logEvent is required"):
        client.service.ReportEvent(GoodsOwnerCode=shop.code, UserName=shop.username, Password=PASSWORD,
                                   logEvent=None)
    assert stored_events(live_server.session_factory) == []


def test_report_event_with_an_unknown_type_is_refused(live_server: Any, shop: Owned) -> None:
    response = post(live_server.url, "ReportEvent", (
        f'<ReportEvent xmlns="http://ongoingsystems.se/WSI"><GoodsOwnerCode>{shop.code}</GoodsOwnerCode>'
        f'<UserName>{shop.username}</UserName><Password>{PASSWORD}</Password>'
        '<logEvent><Time>2026-11-29</Time><Success>true</Success><Type>Debug</Type><UserId>0</UserId></logEvent>'
        '</ReportEvent>'))
    assert response.status_code == 500
    assert "Type must be one of Error, Info, Report" in response.text
    assert stored_events(live_server.session_factory) == []
