"""ProcessOrder's write path: text lines, the statements a create costs, article lookups in one query, and no
customer rewrite when nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from tests.orders_support import create_order, customer, line, make_article, make_owner, order_input
from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.inventory.articles import ArticleKey
from wms_soap.services.orders import orders
from wms_soap.services.orders.orders import LineInput, TextLineInput
from wms_soap.store.orders import Customer, Order, OrderLine, OrderStatusChange, OrderTextLine


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner_id = make_owner(session, "SHOP")
    for number in ("A-1", "A-2", "A-3", "A-4", "A-5", "A-6"):
        make_article(session, goods_owner_id, number)
    session.flush()
    return goods_owner_id


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def text_rows(session: Session, order_id: int) -> list[tuple[int, str | None, str | None, Decimal | None]]:
    session.expire_all()
    return [(t.row_number, t.external_order_line_code, t.comment, t.number_of_items)
            for t in session.scalars(select(OrderTextLine).where(OrderTextLine.order_id == order_id)
                                     .order_by(OrderTextLine.row_number))]


def with_text(number: str, text_lines: list[TextLineInput] | None, operation: str = "CreateOrUpdate",
              lines: list[LineInput] | None = None) -> orders.OrderInput:
    data = order_input(number, lines if lines is not None else [line("A-1", 1, "1")], operation=operation)
    data.text_lines = text_lines
    return data


# --- text lines ---------------------------------------------------------------------------------------------------

def test_text_lines_are_stored_in_the_order_sent(session: Session, owner: int) -> None:
    result = orders.process_order(session, owner, with_text("T-1", [
        TextLineInput("R1", "Gift wrap, please", Decimal(1)), TextLineInput(None, "Leave at the door", None)]))
    assert text_rows(session, result.order_id) == [(1, "R1", "Gift wrap, please", Decimal(1)),
                                                   (2, None, "Leave at the door", None)]
    order = session.get(Order, result.order_id)
    assert order is not None and [t.comment for t in order.text_lines] == ["Gift wrap, please", "Leave at the door"]


def test_create_or_update_and_update_replace_text_lines_and_leaving_them_out_keeps_them(
        session: Session, owner: int) -> None:
    order_id = orders.process_order(session, owner, with_text("T-2", [TextLineInput("R1", "first")])).order_id
    orders.process_order(session, owner, with_text("T-2", [TextLineInput("R2", "second"),
                                                           TextLineInput("R3", "third", Decimal("2.5"))]))
    assert text_rows(session, order_id) == [(1, "R2", "second", None), (2, "R3", "third", Decimal("2.5"))]
    orders.process_order(session, owner, with_text("T-2", None))
    assert [row[2] for row in text_rows(session, order_id)] == ["second", "third"]
    orders.process_order(session, owner, with_text("T-2", [TextLineInput(comment="only")], operation="Update"))
    assert text_rows(session, order_id) == [(1, None, "only", None)]
    orders.process_order(session, owner, with_text("T-2", []))
    assert text_rows(session, order_id) == []


@pytest.mark.parametrize(("text_line", "message"), [
    (TextLineInput("R1", "x", Decimal(-1)), "must not be negative"),
    (TextLineInput("R" * 201, "x"), "longer than 200"),
])
def test_a_bad_text_line_is_refused_and_writes_nothing(session: Session, owner: int, text_line: TextLineInput,
                                                       message: str) -> None:
    with pytest.raises(ValidationFailed, match=message):
        orders.process_order(session, owner, with_text("T-3", [TextLineInput("ok", "fine"), text_line]))
    assert session.scalar(select(func.count()).select_from(Order)) == 0
    assert session.scalar(select(func.count()).select_from(OrderTextLine)) == 0


def test_a_failing_update_keeps_the_text_lines(session: Session, owner: int) -> None:
    order_id = orders.process_order(session, owner, with_text("T-4", [TextLineInput("R1", "kept")])).order_id
    with pytest.raises(NotFound):
        orders.process_order(session, owner, with_text("T-4", [TextLineInput("R2", "lost")],
                                                       lines=[line("NOPE", 1, "1")]))
    assert text_rows(session, order_id) == [(1, "R1", "kept", None)]


# --- the create path ----------------------------------------------------------------------------------------------

def five_lines(*numbers: str) -> list[LineInput]:
    return [line(number, row, str(row)) for row, number in enumerate(numbers, start=1)]


def test_a_create_costs_the_same_statements_for_one_line_or_five(session: Session, owner: int,
                                                                  engine: Engine) -> None:
    create_order(session, owner, "WARM", five_lines("A-1"))  # the customer exists from here on
    with statements(engine) as one:
        create_order(session, owner, "S-1", five_lines("A-1"))
    with statements(engine) as five:
        create_order(session, owner, "S-5", five_lines("A-1", "A-2", "A-3", "A-4", "A-5"))
    assert len(one) == len(five)
    assert sum("FROM articles" in statement for statement in five) == 1
    assert not [statement for statement in five if statement.startswith("UPDATE customers")]
    order_id = session.scalars(select(Order.id).where(Order.goods_owner_order_number == "S-5")).one()
    session.expire_all()
    created = session.get(Order, order_id)
    assert created is not None and created.customer is not None
    assert [(ln.article.article_number, ln.ordered_number_of_items, ln.external_order_line_code, ln.do_pick,
             ln.picked_number_of_items) for ln in created.lines] == [
        (f"A-{row}", Decimal(row), str(row), True, Decimal(0)) for row in range(1, 6)]
    assert [(h.from_status, h.to_status) for h in created.history] == [(None, 200)]
    assert created.consignee_name == created.customer.name == "Customer C-1"


def test_line_columns_a_line_leaves_out_stay_empty_and_do_pick_defaults_to_true(session: Session,
                                                                                   owner: int) -> None:
    order_id = create_order(session, owner, "S-6", [line("A-1", 1, "1", comment="fragile", do_pick=False),
                                                    line("A-2", 2, "2", batch="B7")])
    session.expire_all()
    rows = session.execute(select(OrderLine.comment, OrderLine.do_pick, OrderLine.batch)
                           .where(OrderLine.order_id == order_id).order_by(OrderLine.id)).all()
    assert [tuple(row) for row in rows] == [("fragile", False, None), (None, True, "B7")]


def test_the_customer_is_rewritten_only_when_it_changed(session: Session, owner: int, engine: Engine) -> None:
    create_order(session, owner, "C-A", five_lines("A-1"))
    stamp = session.scalars(select(Customer.updated_at)).one()
    with statements(engine) as same:
        create_order(session, owner, "C-B", five_lines("A-1"))
    assert not [statement for statement in same if statement.startswith("UPDATE customers")]
    assert session.scalars(select(Customer.updated_at)).one() == stamp
    data = order_input("C-C", five_lines("A-1"))
    data.customer = customer(city="Lund")
    orders.process_order(session, owner, data)
    session.expire_all()
    changed = session.scalars(select(Customer)).one()
    assert changed.city == "Lund" and changed.updated_at != stamp


@pytest.mark.parametrize("identification", ["ArticleName", "SystemId", "ProductCode"])
def test_lines_find_articles_by_every_identification(session: Session, owner: int, identification: str) -> None:
    first = make_article(session, owner, "N-1", name="Same name")
    make_article(session, owner, "N-2", name="Same name")
    first.product_code = "PC-1"
    session.flush()
    key = {"ArticleName": ArticleKey("ArticleName", name="Same name"),
           "SystemId": ArticleKey("SystemId", system_id=first.id),
           "ProductCode": ArticleKey("ProductCode", product_code="PC-1")}[identification]
    mixed = [LineInput("ExternalOrderLineCode", key, Decimal(1), values={"external_order_line_code": "1"}),
             line("A-2", 2, "2")]
    order_id = create_order(session, owner, f"K-{identification}", mixed)
    session.expire_all()
    assert session.scalars(select(OrderLine.article_id).where(OrderLine.order_id == order_id)
                           .order_by(OrderLine.id)).all()[0] == first.id  # the first by id when names repeat


def test_a_line_without_its_article_key_is_refused_before_anything_is_written(session: Session,
                                                                                owner: int) -> None:
    blank = LineInput("ExternalOrderLineCode", ArticleKey("ArticleNumber", article_number="  "), Decimal(1),
                      values={"external_order_line_code": "1"})
    with pytest.raises(ValidationFailed, match="no ArticleNumber"):
        create_order(session, owner, "V-1", [blank])
    with pytest.raises(ValidationFailed, match="ExternalOrderLineCode is required"):
        create_order(session, owner, "V-2", [line("A-1", 1)])
    assert session.scalar(select(func.count()).select_from(Order)) == 0
    assert session.scalar(select(func.count()).select_from(OrderStatusChange)) == 0
