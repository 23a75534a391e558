"""ProcessOrder, UpdateOrder, UpdateOrderLines, ProcessCustomer and the order queries against a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from tests.orders_support import add_stock, create_order, customer, line, make_article, make_owner, order_input
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services import registers as system
from wms_soap.services.inbound import returns
from wms_soap.services.orders import orders
from wms_soap.services.orders import updates as order_updates
from wms_soap.services.orders import views as order_views
from wms_soap.services.orders.customers import CustomerInput, RegisterRef, process_customer
from wms_soap.services.orders.orders import ClassesInput
from wms_soap.services.orders.queries import OrderQuery, SpecialFilters, outbound_quantities
from wms_soap.services.orders.updates import LineUpdate, OrderUpdate
from wms_soap.services.registers import ContractRef
from wms_soap.services.warehouse import outbound as warehouse
from wms_soap.soap.service.convert.orders_out import order_out
from wms_soap.store.orders import Customer, Order, OrderStatusChange


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner_id = make_owner(session, "SHOP")
    for number in ("A-1", "A-2", "A-3"):
        make_article(session, goods_owner_id, number)
    session.flush()
    return goods_owner_id


@pytest.fixture
def other_owner(session: Session) -> int:
    goods_owner_id = make_owner(session, "OTHER")
    make_article(session, goods_owner_id, "A-1")
    return goods_owner_id


def load(session: Session, order_id: int) -> Order:
    session.expire_all()
    found = session.get(Order, order_id)
    assert found is not None
    return found


def test_create_makes_an_open_order_with_lines_customer_and_history(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "SO-1", [line("A-1", 2, "1"), line("A-2", 3, "2")],
                            reference_number="REF-1", free_text1="gift wrap")
    order = load(session, order_id)
    assert (order.status, order.goods_owner_order_number, order.reference_number) == (200, "SO-1", "REF-1")
    assert [(ln.article.article_number, ln.ordered_number_of_items) for ln in order.lines] == [
        ("A-1", Decimal(2)), ("A-2", Decimal(3))]
    assert order.customer is not None and order.customer.customer_number == "C-1"
    assert [(h.from_status, h.to_status, h.source) for h in order.history] == [(None, 200, "api")]
    assert order.free_text1 == "gift wrap"


def test_create_or_update_updates_the_same_order_and_replaces_lines(session: Session, owner: int) -> None:
    first = create_order(session, owner, "SO-2", [line("A-1", 2, "1"), line("A-2", 3, "2")])
    kept_line_id = load(session, first).lines[0].id
    again = orders.process_order(session, owner, order_input("SO-2", [line("A-1", 5, "1"), line("A-3", 1, "3")]))
    assert again.order_id == first and again.message == "Order updated"
    order = load(session, first)
    assert [(ln.external_order_line_code, ln.ordered_number_of_items) for ln in order.lines] == [
        ("1", Decimal(5)), ("3", Decimal(1))]
    assert order.lines[0].id == kept_line_id


def test_create_refuses_an_existing_order_and_update_a_missing_one(session: Session, owner: int) -> None:
    create_order(session, owner, "SO-3", [line("A-1", 1, "1")])
    with pytest.raises(Conflict, match="already exists"):
        orders.process_order(session, owner, order_input("SO-3", [line("A-1", 1, "1")], operation="Create"))
    with pytest.raises(NotFound, match="SO-404"):
        orders.process_order(session, owner, order_input("SO-404", [line("A-1", 1, "1")], operation="Update"))


def test_remove_cancels_and_records_history(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "SO-4", [line("A-1", 1, "1")])
    result = orders.process_order(session, owner, order_input("SO-4", None, operation="Remove"))
    assert result.order_id == order_id
    order = load(session, order_id)
    assert order.status == 1000
    assert [h.to_status for h in order.history] == [200, 1000]


@pytest.mark.parametrize(("identification", "column", "key"), [
    ("ReferenceNumber", "reference_number", "REF-9"),
    ("GoodsOwnerOrderId", "goods_owner_order_id", "GOID-9"),
    ("ExternalOrderCode", "goods_owner_order_number", "SO-9"),
])
def test_every_order_identification_finds_the_order(session: Session, owner: int, identification: str,
                                                    column: str, key: str) -> None:
    order_id = create_order(session, owner, "SO-9", [line("A-1", 1, "1")], reference_number="REF-9",
                            goods_owner_order_id="GOID-9")
    data = order_input("SO-9", [line("A-1", 7, "1")], identification=identification)
    data.values = {column: key}
    assert orders.process_order(session, owner, data).order_id == order_id
    assert load(session, order_id).lines[0].ordered_number_of_items == 7


def test_system_id_identification_updates_by_order_id(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "SO-10", [line("A-1", 1, "1")])
    data = order_input("ignored", None, identification="SystemId", operation="Update")
    data.order_id, data.values = order_id, {"order_remark": "by id"}
    assert orders.process_order(session, owner, data).order_id == order_id
    assert load(session, order_id).order_remark == "by id"
    data.order_id = order_id + 1000
    with pytest.raises(NotFound):
        orders.process_order(session, owner, data)


def test_line_identifications_match_existing_lines(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "SO-11", [line("A-1", 1, identification="ArticleNumber"),
                                                      line("A-2", 1, identification="ArticleNumber")])
    ids = [ln.id for ln in load(session, order_id).lines]
    create_order(session, owner, "SO-11", [line("A-2", 4, identification="ArticleNumber"),
                                           line("A-1", 3, identification="ArticleNumber")])
    by_id = {ln.id: ln.ordered_number_of_items for ln in load(session, order_id).lines}
    assert by_id == {ids[0]: 3, ids[1]: 4}
    by_system_id = line("A-1", 9, identification="SystemId")
    by_system_id.line_system_id = ids[0]
    create_order(session, owner, "SO-11", [by_system_id])
    assert [(ln.id, ln.ordered_number_of_items) for ln in load(session, order_id).lines] == [(ids[0], 9)]


def test_the_same_article_twice_needs_external_line_codes(session: Session, owner: int) -> None:
    with pytest.raises(ValidationFailed, match="only one order line"):
        create_order(session, owner, "SO-12", [line("A-1", 1, identification="ArticleNumber"),
                                               line("A-1", 2, identification="ArticleNumber")])
    order_id = create_order(session, owner, "SO-12", [line("A-1", 1, "1"), line("A-1", 2, "2")])
    assert len(load(session, order_id).lines) == 2


def test_unknown_article_is_refused_and_leaves_nothing(session: Session, owner: int) -> None:
    with pytest.raises(NotFound, match="NOPE"):
        create_order(session, owner, "SO-13", [line("A-1", 1, "1"), line("NOPE", 1, "2")])
    assert session.scalars(select(Order).where(Order.goods_owner_order_number == "SO-13")).first() is None


def test_customer_operations(session: Session, owner: int) -> None:
    created = process_customer(session, owner, customer("C-7", city="Malmo"))
    assert created.city == "Malmo"
    kept = process_customer(session, owner, customer("C-7", operation="CreateNotUpdate", city="Lund"))
    assert kept.id == created.id and kept.city == "Malmo"
    updated = process_customer(session, owner, customer("C-7", city="Lund"))
    assert updated.id == created.id and updated.city == "Lund"
    with pytest.raises(Conflict):
        process_customer(session, owner, customer("C-7", operation="Create"))
    with pytest.raises(NotFound):
        process_customer(session, owner, customer("C-8", operation="Find"))
    by_address = CustomerInput("Find", "FullNameAndAddress", values={"name": "Customer C-7", "city": "Lund"})
    assert process_customer(session, owner, by_address).id == created.id
    by_id = CustomerInput("Find", "SystemId", customer_id=created.id)
    assert process_customer(session, owner, by_id).id == created.id
    assert session.scalars(select(Customer).where(Customer.goods_owner_id == owner)).all() == [created]


def test_registers_notifications_and_classes(session: Session, owner: int) -> None:
    data = order_input("SO-14", [line("A-1", 1, "1")], notify_email="a@example.com", notify_by_email=True)
    data.order_type = RegisterRef("find_or_create", "code", "B2C", "Consumer")
    data.way_of_delivery_type = RegisterRef("create_or_update", "code", "EXP", "Express")
    data.terms_of_delivery_type = RegisterRef("find_or_create", "name", None, "DAP")
    data.classes = ClassesInput("FindOrCreate", [RegisterRef("find_or_create", "code", "VIP", "Very important")])
    order = load(session, orders.process_order(session, owner, data).order_id)
    assert order.order_type is not None and order.order_type.name == "Consumer"
    assert order.way_of_delivery_type is not None and order.way_of_delivery_type.code == "EXP"
    assert order.terms_of_delivery_type is not None and order.terms_of_delivery_type.name == "DAP"
    assert [c.code for c in order.classes] == ["VIP"]
    assert (order.notify_email, order.notify_by_email) == ("a@example.com", True)
    missing = order_input("SO-15", [line("A-1", 1, "1")])
    missing.order_type = RegisterRef("find", "code", "NONE")
    with pytest.raises(NotFound, match="Order type NONE"):
        orders.process_order(session, owner, missing)


def test_changes_are_refused_once_picking_has_started(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "SO-16", [line("A-1", 2, "1")])
    a1 = load(session, order_id).lines[0].article
    add_stock(session, owner, a1, 5)
    warehouse.pick(session, order_id, [warehouse.PickRequest(Decimal(1), external_order_line_code="1")])
    for operation in ("CreateOrUpdate", "Update", "Remove"):
        with pytest.raises(Conflict, match="picking has started"):
            orders.process_order(session, owner, order_input("SO-16", [line("A-1", 3, "1")], operation=operation))


def test_another_goods_owner_sees_nothing(session: Session, owner: int, other_owner: int) -> None:
    order_id = create_order(session, owner, "SO-17", [line("A-1", 1, "1")])
    assert order_views.get_order(session, other_owner, order_id) is None
    assert order_views.get_order_by_number(session, other_owner, "SO-17") is None
    assert order_views.orders_by_numbers(session, other_owner, ["SO-17"]) == []
    assert order_views.query_orders(session, other_owner, OrderQuery()) == []
    found = order_views.get_order(session, owner, order_id)
    assert found is not None and found.order.goods_owner_order_number == "SO-17"


def test_update_order_changes_fields_status_and_classes(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "SO-18", [line("A-1", 1, "1")])
    update = OrderUpdate("GoodsOwnerOrderNumber", key="SO-18", status=300,
                         values={"waybill": "WB-1", "free_text2": "x", "picking_priority": 3},
                         add_classes=ClassesInput("FindOrCreate", [RegisterRef("find_or_create", "code", "RUSH")]))
    order_updates.update_order(session, owner, update)
    order = load(session, order_id)
    assert (order.status, order.waybill, order.free_text2, order.picking_priority) == (300, "WB-1", "x", 3)
    assert [c.code for c in order.classes] == ["RUSH"]
    assert [h.to_status for h in order.history] == [200, 300]
    with pytest.raises(ValidationFailed, match="Unknown order status"):
        order_updates.update_order(session, owner, OrderUpdate("SystemId", order_id=order_id, status=42))
    order_updates.update_order(session, owner, OrderUpdate("SystemId", order_id=order_id, status=1000))
    with pytest.raises(Conflict, match="cancelled"):
        order_updates.update_order(session, owner, OrderUpdate("SystemId", order_id=order_id, status=200))


def test_update_order_lines(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "SO-19", [line("A-1", 1, "1"), line("A-2", 1, "2")])
    second = load(session, order_id).lines[1].id
    order_updates.update_order_lines(session, owner, "GoodsOwnerOrderNumber", [
        LineUpdate("ExternalOrderLineCode", external_order_line_code="1",
                   values={"comment": "fragile", "reported_number_of_items": Decimal(1)}),
        LineUpdate("OrderLineId", order_line_id=second, number_of_items=Decimal(6),
                   values={"external_order_line_code": "20"}),
    ], key="SO-19")
    lines = load(session, order_id).lines
    assert (lines[0].comment, lines[0].reported_number_of_items) == ("fragile", 1)
    assert (lines[1].external_order_line_code, lines[1].ordered_number_of_items) == ("20", 6)
    with pytest.raises(NotFound, match="Order line 99"):
        order_updates.update_order_lines(session, owner, "SystemId",
                                         [LineUpdate("ExternalOrderLineCode", external_order_line_code="99")],
                                         order_id=order_id)


def test_query_filters_and_cursor(session: Session, owner: int) -> None:
    ids = [create_order(session, owner, f"Q-{i}", [line("A-1", 1, "1")], reference_number=f"R-{i % 2}",
                        goods_owner_order_id=f"G-{i}") for i in range(6)]
    orders.process_order(session, owner, order_input("Q-5", None, operation="Remove"))

    def numbers(**filters: Any) -> list[str | None]:
        return [v.order.goods_owner_order_number
                for v in order_views.query_orders(session, owner, OrderQuery(**filters))]

    assert numbers(order_id_from=ids[2], max_orders=2) == ["Q-2", "Q-3"]
    assert numbers(order_numbers=["Q-1", "Q-4"]) == ["Q-1", "Q-4"]
    assert numbers(order_ids=[ids[0]]) == ["Q-0"]
    assert numbers(goods_owner_order_ids=["G-3"]) == ["Q-3"]
    assert numbers(reference_number="R-1") == ["Q-1", "Q-3", "Q-5"]
    assert numbers(status_from=1000) == ["Q-5"]
    assert numbers(status_to=200) == ["Q-0", "Q-1", "Q-2", "Q-3", "Q-4"]
    assert numbers(pick_order_id_from=ids[4], pick_order_id_to=ids[4]) == ["Q-4"]
    assert numbers(current_trip_id=7) == []
    now = datetime.now(UTC)
    assert len(numbers(last_updated_from=now - timedelta(minutes=5), last_updated_to=now + timedelta(minutes=5))) == 6
    assert numbers(last_updated_from=now + timedelta(hours=1)) == []
    assert numbers(status_changed_from=now - timedelta(minutes=5), status_from=1000) == ["Q-5"]
    assert numbers(special=SpecialFilters(has_picked_article_item=True)) == []


def test_query_dates_and_special_filters_after_the_warehouse_moved_goods(session: Session, owner: int) -> None:
    order_ids = [create_order(session, owner, f"W-{i}", [line("A-1", 1, "1")],
                              delivery_date=datetime(2030, 1, 10 + i, tzinfo=UTC)) for i in range(3)]
    article = load(session, order_ids[0]).lines[0].article
    add_stock(session, owner, article, 10)
    warehouse.allocate_order(session, order_ids[1])
    warehouse.pick_remaining(session, order_ids[0])
    warehouse.pack(session, order_ids[0], [warehouse.ParcelRequest(label_id="TRACK-1")], waybill="WB-0")
    shipped_at = datetime(2030, 2, 1, 12, 0, tzinfo=UTC)
    warehouse.ship(session, order_ids[0], at=shipped_at)

    def numbers(**filters: Any) -> list[str | None]:
        return [v.order.goods_owner_order_number
                for v in order_views.query_orders(session, owner, OrderQuery(**filters))]

    assert numbers(delivery_date_from=datetime(2030, 1, 11), delivery_date_to=datetime(2030, 1, 12)) == ["W-1", "W-2"]
    assert numbers(shipped_time_from=datetime(2030, 2, 1), shipped_time_to=datetime(2030, 2, 1)) == ["W-0"]
    assert numbers(shipped_time_to_exact=datetime(2030, 2, 1, 11, 59)) == []
    assert numbers(last_picking_time_from=datetime.now(UTC) - timedelta(minutes=5)) == ["W-0"]
    assert numbers(special=SpecialFilters(is_allocated=True)) == ["W-1"]
    assert numbers(special=SpecialFilters(is_allocated=False)) == ["W-0", "W-2"]
    assert numbers(special=SpecialFilters(has_picked_article_item=True)) == ["W-0"]
    assert numbers(special=SpecialFilters(only_with_ta_pallet_items=True)) == ["W-0"]
    assert numbers(special=SpecialFilters(only_if_ta_printed=True)) == ["W-0"]
    assert numbers(special=SpecialFilters(only_lines_to_report=True)) == ["W-0"]
    assert numbers(special=SpecialFilters(pickable="NotPickable")) == ["W-2"]
    assert numbers(special=SpecialFilters(has_return_order=True)) == []
    assert numbers(special=SpecialFilters(has_return_order=False)) == ["W-0", "W-1", "W-2"]
    assert numbers(special=SpecialFilters(only_assigned_to_requesting_user=True)) == []
    order = load(session, order_ids[0])
    orders.record_return(session, order.lines[0], Decimal(1), cause_code="SIZE")
    assert numbers(last_returned_from=datetime.now(UTC) - timedelta(minutes=5)) == ["W-0"]
    assert numbers(special=SpecialFilters(only_lines_to_report_returned=True)) == ["W-0"]
    assert numbers(special=SpecialFilters(only_acknowledged_less_than_returned=True)) == ["W-0"]
    returned_line = returns.ReturnLineInput(to_be_returned=Decimal(1), external_order_line_code="1")
    returns.process_return_order(session, returns.ReturnOrderInput(order_id=order_ids[0], lines=[returned_line]),
                                 goods_owner_id=owner)
    assert numbers(special=SpecialFilters(has_return_order=True)) == ["W-0"]


def test_outbound_quantities(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "QT-1", [line("A-1", 4, "1")])
    article = load(session, order_id).lines[0].article
    add_stock(session, owner, article, 10)
    warehouse.allocate_order(session, order_id)
    warehouse.pick(session, order_id, [warehouse.PickRequest(Decimal(1), external_order_line_code="1")])
    quantities = outbound_quantities(session, owner, [article.id])[article.id]
    assert (quantities.booked, quantities.allocated, quantities.picked_to_be_collected) == (3, 3, 1)


def test_query_uses_a_constant_number_of_statements(session: Session, owner: int, engine: Any) -> None:
    def statements_for(count: int, prefix: str) -> int:
        for i in range(count):
            order_id = create_order(session, owner, f"{prefix}-{i}", [line("A-1", 1, "1"), line("A-2", 1, "2")])
            if i == 0:
                add_stock(session, owner, load(session, order_id).lines[0].article, 1000)
                add_stock(session, owner, load(session, order_id).lines[1].article, 1000)
            warehouse.pick_remaining(session, order_id)
            warehouse.pack(session, order_id, [warehouse.ParcelRequest(label_id=f"T-{prefix}-{i}")])
        session.commit()
        session.expire_all()
        seen: list[str] = []

        def count_statement(*args: Any) -> None:
            seen.append(args[2])

        event.listen(engine, "before_cursor_execute", count_statement)
        try:
            found = order_views.query_orders(session, owner, OrderQuery(order_numbers=None))
            assert len(found) >= count and all(len(view.lines) == 2 for view in found)
            _ = [order_out(view) for view in found]
        finally:
            event.remove(engine, "before_cursor_execute", count_statement)
        return len(seen)

    few = statements_for(3, "F")
    many = statements_for(30, "M")
    assert few == many


def test_history_is_ordered(session: Session, owner: int) -> None:
    order_id = create_order(session, owner, "H-1", [line("A-1", 1, "1")])
    order_updates.update_order(session, owner, OrderUpdate("SystemId", order_id=order_id, status=300))
    rows = session.scalars(select(OrderStatusChange).where(OrderStatusChange.order_id == order_id)
                           .order_by(OrderStatusChange.id)).all()
    assert [(r.from_status, r.to_status) for r in rows] == [(None, 200), (200, 300)]


def test_transporter_contract_is_found_or_created(session: Session, owner: int) -> None:
    contract = system.create_transporter_contract(session, owner, transporter_code="DHL", service_code="EXP")
    data = order_input("TC-1", [line("A-1", 1, "1")])
    data.transporter_contract = ContractRef("CodeAndServiceCode", "Find", "Prepaid", "DHL", "EXP")
    order = load(session, orders.process_order(session, owner, data).order_id)
    assert (order.transporter_contract_id, order.transport_payment) == (contract.id, "Prepaid")
    view = order_views.get_order(session, owner, order.id)
    assert view is not None and order_out(view).Transporter.Code == "DHL"
    missing = order_input("TC-2", [line("A-1", 1, "1")])
    missing.transporter_contract = ContractRef("Code", "Find", None, "UPS")
    with pytest.raises(NotFound, match="UPS"):
        orders.process_order(session, owner, missing)
    missing.transporter_contract = ContractRef("Code", "CreateOrUpdate", None, "UPS")
    created = load(session, orders.process_order(session, owner, missing).order_id)
    assert created.transporter_contract is not None and created.transporter_contract.transporter.code == "UPS"


def test_the_consignee_address_is_kept_when_the_customer_changes_later(session: Session, owner: int) -> None:
    data = order_input("CS-1", [line("A-1", 1, "1")])
    data.customer = customer("C-9", city="Uppsala", address="Old street 1")
    first = orders.process_order(session, owner, data).order_id
    process_customer(session, owner, customer("C-9", city="Lund", address="New street 2"))
    data = order_input("CS-2", [line("A-1", 1, "1")])
    data.customer = customer("C-9", operation="Find")
    second = orders.process_order(session, owner, data).order_id
    old, new = load(session, first), load(session, second)
    assert old.customer_id == new.customer_id
    assert (old.consignee_city, old.consignee_address) == ("Uppsala", "Old street 1")
    assert (new.consignee_city, new.consignee_address) == ("Lund", "New street 2")
    view = order_views.get_order(session, owner, old.id)
    assert view is not None
    wire = order_out(view).Consignee
    assert (wire.City, wire.Address, wire.CustomerNumber) == ("Uppsala", "Old street 1", "C-9")
