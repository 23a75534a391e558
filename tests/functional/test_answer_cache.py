"""The answer cache of GetOrder / GetOrderByOrderNumber (soap.answer_cache, store.answer_stamps): a repeated read
is answered without reading the order, and every change of anything the answer shows, made by another process,
shows at once, exactly as a server without the cache shows it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from tests import factories
from tests.answer_stamps_support import CHANGES, FULL_NUMBER, PASSWORD, USERNAME, FullOrder, full_order
from tests.functional.security_helpers import envelope, operation, post
from tests.functional.server_process import service_url, start_server, stop_server
from tests.orders_support import add_stock, create_order, line, make_article
from wms_soap.config import Settings
from wms_soap.store.access import GoodsOwner


def get_order(url: str, number: str, *, soap12: bool = False, user: str = USERNAME, code: str = "CACHE") -> bytes:
    request = operation("GetOrderByOrderNumber", GoodsOwnerCode=code, UserName=user, Password=PASSWORD,
                        OrderNumber=number)
    answer = post(url, envelope(request, soap12=soap12), soap12=soap12)
    assert answer.status == 200, answer.body[:500]
    return answer.body


def get_order_by_id(url: str, order_id: int) -> bytes:
    request = operation("GetOrder", GoodsOwnerCode="CACHE", UserName=USERNAME, Password=PASSWORD, OrderId=order_id)
    answer = post(url, envelope(request))
    assert answer.status == 200, answer.body[:500]
    return answer.body


@pytest.fixture
def order(session: Session) -> FullOrder:
    return full_order(session)


@pytest.fixture
def cached_and_plain(settings: Settings, database_url: str, order: FullOrder) -> Iterator[tuple[str, str]]:
    """Two server processes on the test's database: one with the answer cache (the default), one without."""
    processes = [start_server(settings, database_url), start_server(settings, database_url,
                                                                    {"WMS_ANSWER_CACHE_MB": "0"})]
    try:
        yield service_url(processes[0]), service_url(processes[1])
    finally:
        for process in processes:
            stop_server(process)


def test_every_change_by_another_process_shows_at_once(cached_and_plain: tuple[str, str], engine: Engine,
                                                       order: FullOrder) -> None:
    cached, plain = cached_and_plain
    shown = get_order(plain, FULL_NUMBER)
    assert b"<GoodsOwnerOrderNumber>FULL-1<" in shown and b"TRACK-1" in shown and b"4711" in shown
    assert get_order(cached, FULL_NUMBER) == shown
    for table, changes in CHANGES.items():
        for kind, change in changes:
            assert get_order(cached, FULL_NUMBER) == shown  # cached again before the change
            with engine.begin() as connection:
                change(connection, order)
            now = get_order(plain, FULL_NUMBER)
            assert now != shown, f"{kind} of {table} does not show in the answer"
            assert get_order(cached, FULL_NUMBER) == now, f"the cache answered the order as before {kind} of {table}"
            shown = now
    assert get_order(cached, FULL_NUMBER, soap12=True) == get_order(plain, FULL_NUMBER, soap12=True)
    assert get_order_by_id(cached, order.order_id) == get_order_by_id(plain, order.order_id)


class SelectCounter:
    """Counts the SELECTs of order rows that go through SQLAlchemy (the stamp and account reads do not)."""

    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "order_lines" in statement:
            self.count += 1

    def during(self, call: Any) -> tuple[int, Any]:
        start = self.count
        result = call()
        return self.count - start, result


def test_a_repeated_read_is_answered_without_reading_the_order(live_server: Any, engine: Engine,
                                                               order: FullOrder) -> None:
    counter = SelectCounter(engine)
    reads, first = counter.during(lambda: get_order(live_server.url, FULL_NUMBER))
    assert reads == 1 and b"TRACK-1" in first
    reads, second = counter.during(lambda: get_order(live_server.url, FULL_NUMBER))
    assert (reads, second) == (0, first)
    reads, soap12 = counter.during(lambda: get_order(live_server.url, FULL_NUMBER, soap12=True))
    assert reads == 1 and b"http://www.w3.org/2003/05/soap-envelope" in soap12  # each SOAP version its own entry
    assert counter.during(lambda: get_order(live_server.url, FULL_NUMBER, soap12=True)) == (0, soap12)
    reads, by_id = counter.during(lambda: get_order_by_id(live_server.url, order.order_id))
    assert reads == 1 and b"TRACK-1" in by_id
    assert counter.during(lambda: get_order_by_id(live_server.url, order.order_id)) == (0, by_id)


def test_an_order_number_of_two_goods_owners_gives_each_its_own_order(live_server: Any, session: Session,
                                                                       order: FullOrder) -> None:
    other = factories.make_goods_owner(session, code="OTHERSHOP", api_access=True,
                                       warehouse=session.get(GoodsOwner, order.goods_owner_id).warehouse)
    factories.make_api_user(session, other, username="WSIother", password=PASSWORD)
    add_stock(session, other.id, make_article(session, other.id, "A-1"), 10)
    create_order(session, other.id, FULL_NUMBER, [line("A-1", 1, "1")], reference_number="THE OTHER SHOP")
    session.commit()
    mine = get_order(live_server.url, FULL_NUMBER)
    theirs = get_order(live_server.url, FULL_NUMBER, user="WSIother", code="OTHERSHOP")
    assert b"THE OTHER SHOP" in theirs and b"THE OTHER SHOP" not in mine and b"TRACK-1" not in theirs
    assert get_order(live_server.url, FULL_NUMBER) == mine
    assert get_order(live_server.url, FULL_NUMBER, user="WSIother", code="OTHERSHOP") == theirs


@pytest.fixture
def no_cache_settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, answer_cache_mb=0)


def test_without_the_cache_every_read_reads_the_order(no_cache_settings: Settings,
                                                      session_factory: sessionmaker[Session], engine: Engine,
                                                      order: FullOrder) -> None:
    from wms_soap.app import create_app
    from wms_soap.serving import BoundServer

    bound = BoundServer(no_cache_settings, host="127.0.0.1", port=0, threads=2)
    bound.mount(create_app(dataclasses.replace(no_cache_settings, port=bound.port, public_url=bound.url),
                           session_factory=session_factory))
    bound.start()
    try:
        url = f"{bound.url}/{no_cache_settings.warehouse}/service.asmx"
        counter = SelectCounter(engine)
        assert [counter.during(lambda: get_order(url, FULL_NUMBER))[0] for _ in range(3)] == [1, 1, 1]
    finally:
        bound.stop()
