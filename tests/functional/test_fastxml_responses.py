"""Over HTTP, the hot read operations answer the same XML with the plan serializer as with Spyne's own.

Two mounts on real waitress servers get the same handlers returning the same random results: the production mount
(fast path) and one built with ``fast_out_protocol`` replaced by the identity (Spyne's serializer). The order reads
are also compared byte for byte on a real database, through the whole app (auth, Core loader, converters).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tests import factories
from tests.functional.soap_server import SOAP12_CONTENT_TYPE, SoapServer, serve_soap
from tests.integration.test_order_views import orders_in_every_state
from tests.orders_support import add_stock, make_article, make_owner
from tests.unit.test_fastxml import RandomInstances
from wms_soap.security import audit
from wms_soap.security.principal import Principal
from wms_soap.soap.fastxml import FAST_OPERATIONS, FastSerializeMixin
from wms_soap.soap.primitives import TNS
from wms_soap.soap.service import wsgi
from wms_soap.soap.service.contract import BY_NAME
from wms_soap.store.access import GoodsOwner
from wms_soap.store.orders import Order

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"


@dataclass(frozen=True)
class _Settings:
    """The settings the mount reads: the WSDL address, the request size cap and the answer cache (off)."""

    public_url: str = "http://127.0.0.1"
    warehouse: str = "bench"
    max_body_bytes: int = 4 * 1024 * 1024
    answer_cache_mb: int = 0


class _NoSession:
    """The handlers below never query; the dispatcher only commits and closes."""

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...


def _results() -> dict[str, Any]:
    return {op: RandomInstances(7 + i, fill=0.85).value(BY_NAME[op].result_class)
            for i, op in enumerate(sorted(FAST_OPERATIONS))}


def _handlers(results: dict[str, Any]) -> dict[str, Any]:
    def returning(value: Any) -> Any:
        return lambda call, *args: value
    return {op: returning(value) for op, value in results.items()}


def _principal(ctx: Any, operation: str) -> Principal:
    return Principal(kind="api", user_id=1, username="WSIbench", goods_owner_id=1, goods_owner_code="BENCH",
                     invoice_access=True)


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[SoapServer, SoapServer]]:
    results = _results()
    options = {"contract_only": True, "handler_map": _handlers(results), "auth_hook": _principal}
    with serve_soap(_Settings(), _NoSession, **options) as fast:
        patch = pytest.MonkeyPatch()
        patch.setattr(wsgi, "fast_out_protocol", lambda protocol: protocol)
        try:
            with serve_soap(_Settings(), _NoSession, **options) as spyne:
                patch.undo()
                assert isinstance(fast.app.soap12.app.out_protocol, FastSerializeMixin)
                assert not isinstance(spyne.app.soap12.app.out_protocol, FastSerializeMixin)
                yield fast, spyne
        finally:
            patch.undo()


def _envelope(operation: str, soap_ns: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><e:Envelope xmlns:e="{soap_ns}"><e:Body>'
            f'<{operation} xmlns="{TNS}"><UserName>WSIbench</UserName><Password>x</Password></{operation}>'
            f"</e:Body></e:Envelope>").encode()


def _canonical(body: bytes) -> bytes:
    return etree.tostring(etree.fromstring(body), method="c14n")


@pytest.mark.parametrize("operation", sorted(FAST_OPERATIONS))
@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_the_response_is_the_same_xml_as_spyne_writes(servers: tuple[SoapServer, SoapServer], operation: str,
                                                      version: str) -> None:
    fast, spyne = servers
    if version == "1.1":
        body, options = _envelope(operation, SOAP11), {"soap_action": f'"{TNS}/{operation}"'}
    else:
        body, options = _envelope(operation, SOAP12), {"content_type": SOAP12_CONTENT_TYPE}
    expected = spyne.post(body, **options)
    actual = fast.post(body, **options)
    assert expected.status_code == actual.status_code == 200, expected.text[:500]
    assert f"{operation}Response".encode() in actual.content
    assert b"wms-fastxml-body" not in actual.content
    assert _canonical(actual.content) == _canonical(expected.content)
    assert actual.headers["Content-Type"] == expected.headers["Content-Type"]


@contextmanager
def _fast_and_spyne(settings: Any, session_factory: Any) -> Iterator[tuple[SoapServer, SoapServer]]:
    """The whole goods-owner app twice on one database: as served, and with Spyne's own serializer. Their queued
    audit rows are written before the test's database goes away (as ``BoundServer.stop`` does)."""
    try:
        with serve_soap(settings, session_factory) as fast:
            patch = pytest.MonkeyPatch()
            patch.setattr(wsgi, "fast_out_protocol", lambda protocol: protocol)
            try:
                with serve_soap(settings, session_factory) as spyne:
                    patch.undo()
                    yield fast, spyne
            finally:
                patch.undo()
    finally:
        audit.flush_all()


def _order_reads(numbers: list[str], ids: list[int]) -> list[tuple[str, str]]:
    by_number = [("GetOrderByOrderNumber", f"<OrderNumber>{number}</OrderNumber>") for number in numbers]
    by_id = [("GetOrder", f"<OrderId>{order_id}</OrderId>") for order_id in ids]
    query = ("GetOrdersByQuery", "<query><MaxOrdersToGet>100</MaxOrdersToGet><OrderIdFrom>0</OrderIdFrom></query>")
    return [*by_number, *by_id, query, ("GetOrderByOrderNumber", "<OrderNumber>NO-SUCH-ORDER</OrderNumber>")]


def test_real_orders_are_written_byte_for_byte_as_spyne_writes_them(settings: Any, session: Session,
                                                                    session_factory: sessionmaker[Session],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    fast_answers: list[str] = []
    fast_serialize = FastSerializeMixin.serialize

    def counted(protocol: Any, ctx: Any, message: Any) -> None:
        fast_answers.append(ctx.descriptor.name if ctx.descriptor is not None else "")
        fast_serialize(protocol, ctx, message)

    monkeypatch.setattr(FastSerializeMixin, "serialize", counted)
    owner = make_owner(session, "SHOP")
    factories.make_api_user(session, goods_owner=session.get(GoodsOwner, owner), username="WSIshop",
                            password="pw-1234567890")
    for number in ("A-1", "A-2"):
        add_stock(session, owner, make_article(session, owner, number), 100)
    ids = orders_in_every_state(session, owner)
    numbers = list(session.scalars(select(Order.goods_owner_order_number).where(Order.id.in_(ids))))
    session.commit()
    credentials = "<GoodsOwnerCode>SHOP</GoodsOwnerCode><UserName>WSIshop</UserName><Password>pw-1234567890</Password>"
    with _fast_and_spyne(settings, session_factory) as (fast, spyne):
        for operation, inner in _order_reads([n for n in numbers if n], ids):
            for soap_ns, options in ((SOAP11, {"soap_action": f'"{TNS}/{operation}"'}),
                                     (SOAP12, {"content_type": SOAP12_CONTENT_TYPE})):
                body = (f'<?xml version="1.0" encoding="utf-8"?><e:Envelope xmlns:e="{soap_ns}"><e:Body>'
                        f'<{operation} xmlns="{TNS}">{credentials}{inner}</{operation}></e:Body></e:Envelope>')
                expected = spyne.post(body.encode(), **options)
                assert fast_answers == []  # Spyne's own serializer wrote it
                actual = fast.post(body.encode(), **options)
                assert fast_answers.pop() == operation and fast_answers == []
                assert expected.status_code == actual.status_code == 200, expected.text[:500]
                assert actual.content == expected.content, (operation, inner)
                assert b"Fault" not in actual.content
