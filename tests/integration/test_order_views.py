"""The read answers' Core loader (services.order_views) shows exactly what the ORM holds, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from tests.orders_support import add_stock, create_order, customer, line, make_article, make_owner, order_input
from wms_soap.services import registers as system
from wms_soap.services.orders import orders
from wms_soap.services.orders import views as order_views
from wms_soap.services.orders.customers import RegisterRef
from wms_soap.services.orders.orders import ClassesInput
from wms_soap.services.orders.queries import OrderQuery, with_details
from wms_soap.services.registers import ContractRef
from wms_soap.services.warehouse import outbound as warehouse
from wms_soap.soap.service.convert.orders_out import order_out
from wms_soap.store.access import GoodsOwner
from wms_soap.store.orders import Order


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner_id = make_owner(session, "SHOP")
    for number in ("A-1", "A-2"):
        add_stock(session, goods_owner_id, make_article(session, goods_owner_id, number), 100)
    return goods_owner_id


def _rich_order(session: Session, owner: int) -> int:
    system.create_transporter_contract(session, owner, transporter_code="DHL", transporter_name="DHL Freight",
                                       service_code="EXP")
    data = order_input("RICH", [line("A-1", 2, "1"), line("A-2", 3, "2")], notify_by_email=True,
                       notify_email="a@example.com")
    data.customer = customer("C-7", invoice_name="Invoices", invoice_city="Lund", remark="call first")
    data.order_type = RegisterRef("find_or_create", "code", "B2B", "Business")
    data.way_of_delivery_type = RegisterRef("find_or_create", "code", "WD")
    data.terms_of_delivery_type = RegisterRef("find_or_create", "code", "TD", "Terms")
    data.transporter_contract = ContractRef("CodeAndServiceCode", "Find", "Prepaid", "DHL", "EXP")
    data.classes = ClassesInput("FindOrCreate", [RegisterRef("find_or_create", "code", "RUSH", "Rush"),
                                                 RegisterRef("find_or_create", "code", "COLD")])
    return orders.process_order(session, owner, data).order_id


def orders_in_every_state(session: Session, owner: int) -> list[int]:
    rich = _rich_order(session, owner)
    plain = create_order(session, owner, "PLAIN", [line("A-1", 1, "1")])
    allocated = create_order(session, owner, "ALLOC", [line("A-1", 2, "1"), line("A-2", 1, "2")])
    warehouse.allocate_order(session, allocated)
    sent = create_order(session, owner, "SENT", [line("A-1", 1, "1"), line("A-2", 2, "2")])
    warehouse.pick_remaining(session, sent)
    warehouse.pack(session, sent, [warehouse.ParcelRequest(label_id="TRACK-1", tracking_url="https://t.example/1")],
                   waybill="WB-1")
    warehouse.ship(session, sent)
    session.commit()
    return [rich, plain, allocated, sent]


def _orm_orders(session: Session, owner: int) -> dict[int, Order]:
    session.expire_all()
    query = with_details(select(Order).where(Order.goods_owner_id == owner).order_by(Order.id))
    return {order.id: order for order in session.scalars(query)}


def _lines_seen(view: Any) -> list[tuple[Any, ...]]:
    return [(ln.id, ln.article_id, ln.article_number, ln.article_name, ln.ordered_number_of_items,
             ln.allocated_number_of_items or Decimal(0)) for ln in view.lines]


def _lines_held(order: Order) -> list[tuple[Any, ...]]:
    return [(ln.id, ln.article_id, ln.article.article_number, ln.article.name, ln.ordered_number_of_items,
             sum((a.number_of_items for a in ln.allocations), Decimal(0))) for ln in order.lines]


def test_each_view_holds_what_the_orm_loads(session: Session, owner: int) -> None:
    orders_in_every_state(session, owner)
    held = _orm_orders(session, owner)
    views = order_views.query_orders(session, owner, OrderQuery())
    assert [view.order.id for view in views] == list(held)
    for view in views:
        order = held[view.order.id]
        assert _lines_seen(view) == _lines_held(order)
        assert [i.id for i in view.picked_items] == [i.id for i in order.picked_items]
        assert [(p.id, p.label_id) for p in view.parcels] == [(p.id, p.label_id) for p in order.parcels]
        assert [(c.code, c.name) for c in view.classes] == [(c.code, c.name) for c in order.classes]
        assert view.order.customer_customer_number == (order.customer.customer_number if order.customer else None)
        assert view.order.order_type_code == (order.order_type.code if order.order_type else None)
        assert view.order.terms_of_delivery_type_name == (
            order.terms_of_delivery_type.name if order.terms_of_delivery_type else None)
        contract = order.transporter_contract
        assert view.order.transporter_code == (contract.transporter.code if contract else None)
        assert order_views.status_text(view) == system.order_status_text(session, _warehouse(session, owner),
                                                                          order.status)


def _warehouse(session: Session, owner: int) -> int | None:
    found = session.get(GoodsOwner, owner)
    return found.warehouse_id if found is not None else None


def test_the_wire_order_shows_registers_allocations_parcels_and_classes(session: Session, owner: int) -> None:
    rich, _, allocated, sent = orders_in_every_state(session, owner)
    views = {view.order.id: view for view in order_views.query_orders(session, owner, OrderQuery())}
    wire = order_out(views[rich])
    info = wire.OrderInfo
    assert (info.OrderTypeCode, info.OrderTypeName, info.WayOfDeliveryTypeCode) == ("B2B", "Business", "WD")
    assert (info.TermsOfDeliveryType.Code, info.TermsOfDeliveryType.Name) == ("TD", "Terms")
    assert [(c.Code, c.Name) for c in info.OrderClasses] == [("RUSH", "Rush"), ("COLD", None)]
    assert (wire.Transporter.Code, wire.Transporter.Name, wire.Transporter.ServiceCode) == ("DHL", "DHL Freight",
                                                                                            "EXP")
    assert (wire.Consignee.CustomerNumber, wire.Consignee.Remark) == ("C-7", "call first")
    assert (wire.Consignee.InvoiceAddress.Name, wire.Consignee.InvoiceAddress.City) == ("Invoices", "Lund")
    assert (info.EmailNotification.ToBeNotified, info.EmailNotification.Value) == (True, "a@example.com")
    assert [line.AllocatedNumberOfItems for line in order_out(views[allocated]).PickedOrderLines] == [2, 1]
    shipped = order_out(views[sent])
    assert [p.LabelId for p in shipped.OrderPalletItems] == ["TRACK-1"]
    assert {i.LabelId for i in shipped.PickedArticleItems} == {"TRACK-1"}
    assert [(t.Waybill, t.TrackingUrl) for t in shipped.Tracking] == [("WB-1", "https://t.example/1")]
    assert info.OrderStatusText == "Open" and shipped.OrderInfo.OrderStatusText == "Sent"


def test_the_warehouse_status_text_wins_over_the_default(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "TXT", [line("A-1", 1, "1")])
    warehouse_id = _warehouse(session, owner)
    assert warehouse_id is not None
    system.set_status_text(session, warehouse_id=warehouse_id, number=200, text="Öppen & klar")
    view = order_views.get_order(session, owner, order_id)
    assert view is not None and order_out(view).OrderInfo.OrderStatusText == "Öppen & klar"
    other = make_owner(session, "ELSEWHERE")
    session.get(GoodsOwner, other).warehouse_id = None  # type: ignore[union-attr]
    make_article(session, other, "A-1")
    other_order = create_order(session, other, "TXT", [line("A-1", 1, "1")])
    other_view = order_views.get_order(session, other, other_order)
    assert other_view is not None and order_views.status_text(other_view) == "Open"


def test_pages_larger_than_a_batch_load_every_child(session: Session, owner: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    orders_in_every_state(session, owner)
    whole = order_views.query_orders(session, owner, OrderQuery())
    monkeypatch.setattr(order_views, "_BATCH", 1)
    batched = order_views.query_orders(session, owner, OrderQuery())
    assert [(_lines_seen(v), len(v.picked_items), len(v.parcels), len(v.classes)) for v in batched] == [
        (_lines_seen(v), len(v.picked_items), len(v.parcels), len(v.classes)) for v in whole]


@pytest.mark.parametrize("count", [1, 3])
def test_one_order_or_a_page_is_read_with_two_statements(session: Session, owner: int, engine: Any,
                                                         count: int) -> None:
    orders_in_every_state(session, owner)
    numbers = [f"N-{i}" for i in range(count)]
    ids = [create_order(session, owner, number, [line("A-1", 1, "1")]) for number in numbers]
    session.commit()
    seen: list[str] = []

    def counted(*args: Any) -> None:
        seen.append(args[2])

    event.listen(engine, "before_cursor_execute", counted)
    try:
        found = order_views.orders_by_numbers(session, owner, numbers)
        everything = order_views.query_orders(session, owner, OrderQuery())
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    assert [view.order.id for view in found] == ids and len(everything) == 4 + count
    assert len([statement for statement in seen if statement.lstrip().upper().startswith("SELECT")]) == 4


def test_no_order_number_and_unknown_numbers_find_nothing(session: Session, owner: int) -> None:
    create_order(session, owner, "K-1", [line("A-1", 1, "1")])
    assert order_views.get_order_by_number(session, owner, None) is None
    assert order_views.get_order_by_number(session, owner, "") is None
    assert order_views.orders_by_numbers(session, owner, ["", "NOPE"]) == []
    assert order_views.get_order(session, owner, 0) is None
