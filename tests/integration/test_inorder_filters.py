"""Every InOrderFilters field against a real database: three in-orders that each filter tells apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from tests.factories import make_goods_owner
from tests.inbound_fixtures import in_order_input, make_article
from wms_soap.services.inbound import inorders
from wms_soap.services.inbound.inorders import Creator, InOrderLineUpdate, InOrderQuery
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt

JAN, FEB, MAR = (datetime(2026, month, 10, tzinfo=UTC) for month in (1, 2, 3))


@pytest.fixture
def world(session: Session) -> tuple[int, list[int]]:
    """PO-A: sent by API user 11 (request r-1), declared, Notified, touched in January.
    PO-B: from the CLI, a return, received one serial item (not reported) in February.
    PO-C: sent by API user 12, Open, acknowledged less than received, changed in March."""
    owner = make_goods_owner(session, code="FLT").id
    make_article(session, owner, "ART-1")
    ids = []
    for number, creator, in_date in (("PO-A", Creator("WSIa", 11, "r-1"), JAN), ("PO-B", None, FEB),
                                     ("PO-C", Creator("WSIc", 12, "r-2"), MAR)):
        data = in_order_input(number, {"10": ("ART-1", 5)}, in_date=in_date)
        ids.append(inorders.process_in_order(session, data, goods_owner_id=owner, creator=creator).in_order_id)
    a, b, c = (inorders.get_in_order(session, goods_owner_id=owner, in_order_id=i) for i in ids)
    a.customs_declared_date = JAN
    b.is_return_type = True
    warehouse_inbound.receive(session, b, [Receipt(Decimal(1), external_order_line_code="10", serial="SER-1")])
    warehouse_inbound.receive(session, c, [Receipt(Decimal(2), external_order_line_code="10")])
    inorders.update_in_order_lines(session, "SystemId", None, c.id, [InOrderLineUpdate(
        external_order_line_code="10", fields={"reported_number_of_items": Decimal(2),
                                               "acknowledged_number_of_items": Decimal(1)})], goods_owner_id=owner)
    inorders.set_status(c, 200)
    for in_order, moment in ((a, JAN), (b, FEB), (c, MAR)):
        in_order.updated_at = in_order.status_changed_at = moment
        in_order.last_received_at = moment if in_order is not a else None
    session.flush()
    return owner, ids


def test_every_filter_field(session: Session, world: tuple[int, list[int]]) -> None:
    owner, (a, b, c) = world

    def query(**filters: object) -> list[int]:
        return [o.id for o in inorders.query_in_orders(session, InOrderQuery(**filters),  # type: ignore[arg-type]
                                                       goods_owner_id=owner)]

    assert query() == [a, b, c]
    assert query(in_date_from=FEB) == [b, c] and query(in_date_to=FEB) == [a, b]
    assert query(last_receive_time_from=FEB, last_receive_time_to=FEB) == [b]
    assert query(last_receive_time_to=MAR) == [b, c]
    assert query(status_from=200, status_to=300) == [c] and query(status_from=400) == [b]
    assert query(created_by_wsi_external_system_id=11) == [a]
    assert query(created_by_wsi_external_system_id=12) == [c]
    assert query(created_by_wsi_external_system_id=13) == []
    assert query(created_by_session_request_id_is_null=True) == [b]
    assert query(created_by_session_request_id_is_null=False) == [a, c]
    assert query(is_return_type=True) == [b] and query(is_return_type=False) == [a, c]
    assert query(numbers=["PO-C", "PO-A", "NOPE"]) == [a, c]
    assert query(only_undeclared=True) == [b, c]
    assert query(only_diffing_received_to_reported=True) == [b]
    assert query(only_diffing_received_to_acknowledged=True) == [b, c]
    assert query(serial_numbers=["SER-1"]) == [b] and query(serial_numbers=["SER-2"]) == []
    assert query(created_by_username="WSIc") == [c]
    assert query(last_updated_from=FEB) == [b, c] and query(last_updated_to=FEB) == [a, b]
    assert query(ids=[c, a]) == [a, c]
    assert query(id_from=b) == [b, c] and query(max_count=2) == [a, b]
    assert query(id_from=b, max_count=1) == [b]
    assert query(last_receive_time_or_last_updated_from=FEB) == [b, c]
    assert query(status_changed_from=MAR) == [c]
    assert query(changed_from=MAR - timedelta(days=1)) == [c]


def test_filters_combine(session: Session, world: tuple[int, list[int]]) -> None:
    owner, (_, _, c) = world
    found = inorders.query_in_orders(session, InOrderQuery(created_by_session_request_id_is_null=False,
                                                           in_date_from=FEB), goods_owner_id=owner)
    assert [o.id for o in found] == [c]
