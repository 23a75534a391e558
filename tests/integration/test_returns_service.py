"""Return orders: announcing them against shipped orders and receiving them back to stock or quarantine."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from tests.factories import make_goods_owner, make_warehouse
from tests.inbound_fixtures import make_article, make_shipped_order
from wms_soap.errors import Conflict, ValidationFailed
from wms_soap.services.inbound import returns
from wms_soap.services.inbound.returns import ReturnCauseInput, ReturnLineInput, ReturnOrderInput, ReturnOrderQuery
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import ReturnReceipt
from wms_soap.store.access import GoodsOwner
from wms_soap.store.inventory import ArticleItem
from wms_soap.store.orders import Order


@pytest.fixture
def shipped(session: Session) -> Order:
    owner = make_goods_owner(session, code="RET")
    shoe = make_article(session, owner.id, "SHOE")
    sock = make_article(session, owner.id, "SOCK")
    return make_shipped_order(session, owner.id, "WEB-1", {"1": (shoe, 2), "2": (sock, 3)})


def announce(session: Session, order: Order, **changes: object) -> int:
    data = ReturnOrderInput(
        customer_order_identification="OrderNumber", customer_order_number="WEB-1", return_order_number="R-1",
        comment="customer return", cause=ReturnCauseInput("FindOrCreate", "SIZE", "Wrong size"),
        lines=[ReturnLineInput("ArticleNumber", Decimal(2), article_number="SHOE"),
               ReturnLineInput("ExternalOrderLineCode", Decimal(1), external_order_line_code="2",
                               cause=ReturnCauseInput("FindOrCreate", "BROKEN", "Broken"))])
    for name, value in changes.items():
        setattr(data, name, value)
    return returns.process_return_order(session, data, goods_owner_id=order.goods_owner_id).id


def test_announce_creates_lines_with_causes(session: Session, shipped: Order) -> None:
    return_id = announce(session, shipped)
    [view] = returns.query_return_orders(session, ReturnOrderQuery(customer_order_numbers=["WEB-1"]),
                                         goods_owner_id=shipped.goods_owner_id)
    assert view.return_order.id == return_id and view.order_number == "WEB-1"
    assert [(line.to_be_returned_number_of_items, line.return_cause.code if line.return_cause else None)
            for line in view.return_order.lines] == [(2, "SIZE"), (1, "BROKEN")]
    assert view.return_order.status == 100
    assert announce(session, shipped) == return_id  # the same customer order's return is updated


def test_announce_refuses_unknown_order_cause_and_line(session: Session, shipped: Order) -> None:
    with pytest.raises(returns.ReturnOrderNotFound):
        announce(session, shipped, customer_order_number="NOPE")
    with pytest.raises(returns.ReturnCauseNotFound):
        announce(session, shipped, cause=ReturnCauseInput("Find", "NEVER"))
    with pytest.raises(returns.ReturnOrderRowNotFound):
        announce(session, shipped, lines=[ReturnLineInput("OrderLineId", Decimal(1), order_line_id=999999)])
    with pytest.raises(Conflict, match="picked"):
        announce(session, shipped, lines=[ReturnLineInput("ArticleNumber", Decimal(5), article_number="SHOE")])
    with pytest.raises(ValidationFailed):
        announce(session, shipped, customer_order_number=None)


def test_receive_back_to_stock_and_quarantine(session: Session, shipped: Order) -> None:
    return_order = warehouse_inbound.find_return_order(session, announce(session, shipped))
    shoe_line = return_order.lines[0]
    items = warehouse_inbound.receive_return(session, return_order, [
        ReturnReceipt(Decimal(2), return_line_id=shoe_line.id, location_code="RET-01"),
        ReturnReceipt(Decimal(1), article_number="SOCK", location_code="QUAR-01", quarantine=True)])

    assert return_order.status == 500
    assert shipped.last_returned_at is not None
    assert [line.returned_number_of_items for line in shipped.lines] == [2, 1]
    back = session.get(ArticleItem, items[0].article_item_id)
    quarantined = session.get(ArticleItem, items[1].article_item_id)
    assert back is not None and back.number_of_items == 2 and not back.is_locked
    assert quarantined is not None and quarantined.is_locked and quarantined.location.code == "QUAR-01"
    assert all(item.returned for item in shipped.picked_items)
    assert returns.query_return_orders(session, ReturnOrderQuery(status_from=500),
                                       goods_owner_id=shipped.goods_owner_id)[0].return_order.id == return_order.id


def test_cannot_return_more_than_picked(session: Session, shipped: Order) -> None:
    return_order = warehouse_inbound.find_return_order(session, announce(session, shipped))
    with pytest.raises(Conflict, match="More items"):
        warehouse_inbound.receive_return(session, return_order, [
            ReturnReceipt(Decimal(3), return_line_id=return_order.lines[0].id, location_code="RET-01")])


def test_partial_return_and_unshipped_order(session: Session, shipped: Order) -> None:
    return_order = warehouse_inbound.find_return_order(session, announce(session, shipped))
    warehouse_inbound.receive_return(session, return_order, [
        ReturnReceipt(Decimal(1), return_line_id=return_order.lines[0].id, cause_code="SIZE")])
    assert return_order.status == 400
    shipped.status = 300
    with pytest.raises(Conflict, match="not been shipped"):
        warehouse_inbound.receive_return(session, return_order, [
            ReturnReceipt(Decimal(1), return_line_id=return_order.lines[0].id)])


def test_a_new_return_starts_once_the_last_one_is_complete(session: Session, shipped: Order) -> None:
    first = warehouse_inbound.find_return_order(session, announce(session, shipped, lines=[
        ReturnLineInput("ArticleNumber", Decimal(1), article_number="SHOE")]))
    warehouse_inbound.receive_return(session, first, [
        ReturnReceipt(Decimal(1), return_line_id=first.lines[0].id, location_code="RET-01")])
    assert first.status == 500
    second = announce(session, shipped, lines=[ReturnLineInput("ArticleNumber", Decimal(1), article_number="SHOE")])
    assert second != first.id


def test_status_filters_are_inclusive_ranges(session: Session, shipped: Order) -> None:
    owner = shipped.goods_owner_id
    return_order = warehouse_inbound.find_return_order(session, announce(session, shipped))
    warehouse_inbound.receive_return(session, return_order, [
        ReturnReceipt(Decimal(1), return_line_id=return_order.lines[0].id, location_code="RET-01")])
    assert return_order.status == 400

    def found(status_from: int | None, status_to: int | None) -> list[int]:
        query = ReturnOrderQuery(status_from=status_from, status_to=status_to)
        return [view.return_order.id for view in returns.query_return_orders(session, query, goods_owner_id=owner)]

    assert found(400, 400) == [return_order.id]
    assert found(None, 400) == found(400, None) == [return_order.id]
    assert found(100, 399) == found(401, 500) == []
    assert found(500, 100) == []


def test_status_texts_are_the_warehouse_s_own(session: Session, shipped: Order) -> None:
    warehouse = make_warehouse(session, code="LUND")
    owner = session.get(GoodsOwner, shipped.goods_owner_id)
    assert owner is not None
    owner.warehouse_id = warehouse.id
    announce(session, shipped)
    assert returns.return_order_statuses(session) == [(100, "Notified"), (400, "Partially returned"),
                                                      (500, "Returned")]
    returns.set_return_status_text(session, warehouse_id=warehouse.id, number=100, text=" Aviserad ")
    assert returns.return_order_statuses(session, warehouse.id)[0] == (100, "Aviserad")
    assert returns.return_order_statuses(session)[0] == (100, "Notified")
    [view] = returns.query_return_orders(session, ReturnOrderQuery(), goods_owner_id=owner.id)
    assert view.status_text == "Aviserad"
    with pytest.raises(ValidationFailed, match="Unknown return order status 300"):
        returns.set_return_status_text(session, warehouse_id=warehouse.id, number=300, text="Odd")
    with pytest.raises(ValidationFailed, match="empty"):
        returns.set_return_status_text(session, warehouse_id=warehouse.id, number=100, text="  ")
