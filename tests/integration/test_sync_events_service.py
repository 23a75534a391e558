"""services/sync.py and services/events.py on the test database."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tests.files_support import Owned, make_other_owned, make_owned
from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services import events, sync
from wms_soap.services.events import EventFilter, EventInput
from wms_soap.store.db import session_scope
from wms_soap.store.events import ReportedEvent
from wms_soap.store.sync import SyncTime


@pytest.fixture
def shop(session: Session) -> Owned:
    return make_owned(session, "SHOP")


@pytest.fixture
def other(session: Session) -> Owned:
    return make_other_owned(session)


def test_sync_time_is_kept_per_goods_owner_and_integration_type(session: Session, shop: Owned, other: Owned) -> None:
    assert sync.get_sync_time(session, shop.goods_owner_id, None) is None
    sync.set_sync_time(session, shop.goods_owner_id, None, datetime(2026, 11, 1, 8, 30), "WSIshop")
    sync.set_sync_time(session, shop.goods_owner_id, "Orders", datetime(2026, 11, 2, tzinfo=UTC), "WSIshop")
    sync.set_sync_time(session, shop.goods_owner_id, "Orders", datetime(2026, 11, 3, 1, tzinfo=timezone(
        timedelta(hours=1))), "WSIshop")
    assert sync.get_sync_time(session, shop.goods_owner_id, "") == datetime(2026, 11, 1, 8, 30, tzinfo=UTC)
    assert sync.get_sync_time(session, shop.goods_owner_id, " Orders ") == datetime(2026, 11, 3, tzinfo=UTC)
    assert sync.get_sync_time(session, other.goods_owner_id, "Orders") is None
    assert session.scalar(select(func.count()).select_from(SyncTime)) == 2


def test_sync_time_is_required_and_the_key_bounded(session: Session, shop: Owned) -> None:
    with pytest.raises(ValidationFailed, match="syncTime is required"):
        sync.set_sync_time(session, shop.goods_owner_id, None, None, None)
    with pytest.raises(ValidationFailed, match="IntegrationType is longer"):
        sync.set_sync_time(session, shop.goods_owner_id, "x" * 201, datetime(2026, 1, 1), None)


def test_a_second_writer_of_one_key_updates_the_same_row(session_factory: sessionmaker[Session], shop: Owned,
                                              session: Session) -> None:
    session.commit()
    with session_factory() as first, session_factory() as second:
        sync.set_sync_time(first, shop.goods_owner_id, "Orders", datetime(2026, 1, 1), "a")
        first.commit()
        sync.set_sync_time(second, shop.goods_owner_id, "Orders", datetime(2026, 1, 2), "b")
        second.commit()
    with session_scope(session_factory) as check:
        assert sync.get_sync_time(check, shop.goods_owner_id, "Orders") == datetime(2026, 1, 2, tzinfo=UTC)
        assert check.scalar(select(func.count()).select_from(SyncTime)) == 1


def test_concurrent_writers_of_a_new_key_leave_one_row(session_factory: sessionmaker[Session], shop: Owned,
                                                       session: Session) -> None:
    """Select-then-insert would race here (both see no row); the upsert cannot."""
    session.commit()
    writers = 4
    barrier = threading.Barrier(writers)
    errors: list[BaseException] = []

    def write(hour: int) -> None:
        try:
            with session_factory() as own:
                barrier.wait(timeout=10)
                sync.set_sync_time(own, shop.goods_owner_id, "Race", datetime(2026, 1, 1, hour), f"w{hour}")
                own.commit()
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=write, args=(hour,)) for hour in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    with session_scope(session_factory) as check:
        rows = list(check.scalars(select(SyncTime).where(SyncTime.integration_type == "Race")))
        assert len(rows) == 1 and rows[0].updated_by in {f"w{hour}" for hour in range(writers)}


def test_report_event_keeps_every_field(session: Session, shop: Owned) -> None:
    stored = events.report_event(session, EventInput(
        event_type="Info", success=True, time=datetime(2026, 11, 29, 9), header="Export", message="42 orders",
        file_text="line 1\nline 2", message_id="M-1", user_id=7, is_sent=False,
        references={"order_id": shop.order_id, "in_order_id": 0, "trip_id": 12}), goods_owner_id=shop.goods_owner_id,
        username="WSIshop")
    session.expunge_all()
    event = session.get(ReportedEvent, stored.id)
    assert event is not None
    assert (event.event_type, event.success, event.header, event.message, event.file_text, event.message_id) == (
        "Info", True, "Export", "42 orders", "line 1\nline 2", "M-1")
    assert (event.user_id, event.is_sent, event.order_id, event.in_order_id, event.trip_id) == (
        7, False, shop.order_id, None, 12)
    assert event.reported_by == "WSIshop" and event.goods_owner_id == shop.goods_owner_id


def test_report_event_refuses_a_bad_type_and_another_owners_objects(session: Session, shop: Owned,
                                                                   other: Owned) -> None:
    with pytest.raises(ValidationFailed, match="Type must be one of Error, Info, Report"):
        events.report_event(session, EventInput(event_type="Debug"), goods_owner_id=shop.goods_owner_id, username=None)
    for name, value in [("order_id", other.order_id), ("in_order_id", other.in_order_id),
                        ("shipment_id", other.shipment_id), ("order_id", 999999)]:
        with pytest.raises(NotFound, match=f"{value} was not found"):
            events.report_event(session, EventInput(references={name: value}), goods_owner_id=shop.goods_owner_id,
                                username=None)
    assert session.scalar(select(func.count()).select_from(ReportedEvent)) == 0


def test_list_events_newest_first_with_filters(session: Session, shop: Owned, other: Owned) -> None:
    first = events.report_event(session, EventInput(event_type="Error"), goods_owner_id=shop.goods_owner_id,
                                username=None)
    second = events.report_event(session, EventInput(event_type="Info"), goods_owner_id=other.goods_owner_id,
                                 username=None)
    first.received_at = datetime(2026, 1, 1, tzinfo=UTC)
    session.flush()
    assert [(e.id, code) for e, code in events.list_events(session, EventFilter())] == [
        (second.id, "OTHER"), (first.id, "SHOP")]
    assert [e.id for e, _ in events.list_events(session, EventFilter(goods_owner_id=shop.goods_owner_id))] == [
        first.id]
    assert [e.id for e, _ in events.list_events(session, EventFilter(event_type="Info"))] == [second.id]
    assert [e.id for e, _ in events.list_events(session, EventFilter(until=datetime(2026, 6, 1, tzinfo=UTC)))] == [
        first.id]
    assert [e.id for e, _ in events.list_events(session, EventFilter(since=datetime(2026, 6, 1, tzinfo=UTC)))] == [
        second.id]
    assert len(events.list_events(session, EventFilter(limit=1))) == 1
