"""Outbound orders as a goods owner writes them: ProcessOrder, UpdateOrder, UpdateOrderLines.

An order is found by its OrderIdentification, created or updated per OrderOperation, and refused once picking
has started. Two concurrent creates of one goods-owner order number meet at the unique constraint on
``orders(goods_owner_id, goods_owner_order_number)``: the loser retries once and finds the winner's order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, utcnow
from wms_soap.services.inventory.articles import ArticleKey, check_article_key, find_article_ids
from wms_soap.services.orders import status as st
from wms_soap.services.orders.customers import (
    CustomerInput,
    RegisterRef,
    consignee_columns,
    resolve_customer,
    resolve_register,
    set_consignee,
)
from wms_soap.services.registers import ContractRef, resolve_contract
from wms_soap.store.orders import (
    Customer,
    Order,
    OrderClass,
    OrderClassLink,
    OrderLine,
    OrderStatusChange,
    OrderTextLine,
    OrderType,
    TermsOfDeliveryType,
    WayOfDeliveryType,
)

ORDER_OPERATIONS = ("Create", "CreateOrUpdate", "Update", "Remove")
ORDER_IDENTIFICATIONS = ("ExternalOrderCode", "GoodsOwnerOrderNumber", "ReferenceNumber", "SystemId",
                         "GoodsOwnerOrderId")
LINE_IDENTIFICATIONS = ("ExternalOrderLineCode", "ArticleNumber", "ArticleName", "ExternalOrderLineId", "SystemId")


@dataclass
class LineInput:
    """One CustomerOrderLine: how to match an existing line, which article, how many, and other column values."""

    identification: str
    article: ArticleKey
    number_of_items: Decimal
    line_system_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TextLineInput:
    """One CustomerOrderTextLine: a free-text row without an article."""

    external_order_line_code: str | None = None
    comment: str | None = None
    number_of_items: Decimal | None = None


@dataclass
class ClassesInput:
    operation: str = "FindOrCreate"
    classes: list[RegisterRef] = field(default_factory=list)


@dataclass
class OrderInput:
    """A CustomerOrder: identification, operation, order column values and the referenced registers."""

    identification: str = "GoodsOwnerOrderNumber"
    operation: str = "CreateOrUpdate"
    order_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    status_created: int | None = None
    status_updated: int | None = None
    customer: CustomerInput | None = None
    lines: list[LineInput] | None = None
    text_lines: list[TextLineInput] | None = None
    order_type: RegisterRef | None = None
    way_of_delivery_type: RegisterRef | None = None
    terms_of_delivery_type: RegisterRef | None = None
    transporter_contract: ContractRef | None = None
    classes: ClassesInput | None = None


@dataclass(frozen=True)
class ProcessOrderResult:
    order_id: int
    goods_owner_order_number: str | None
    message: str


# --- finding orders -----------------------------------------------------------------------------------------------

_KEY_COLUMNS = {"ExternalOrderCode": "goods_owner_order_number", "GoodsOwnerOrderNumber": "goods_owner_order_number",
                "ReferenceNumber": "reference_number", "GoodsOwnerOrderId": "goods_owner_order_id"}


def find_order(session: Session, goods_owner_id: int, identification: str, *, order_id: int | None = None,
               key: str | None = None) -> Order | None:
    """The goods owner's order by SystemId (``order_id``) or by the column the identification names (``key``).

    The id is looked up with a prebuilt Core statement; only an order that exists is loaded through the ORM.
    """
    if identification == "SystemId":
        if not order_id:
            raise ValidationFailed("OrderId is required when the identification is SystemId")
        found = session.execute(_ORDER_BY_ID, {"owner": goods_owner_id, "key": order_id}).scalar()
    else:
        column = _KEY_COLUMNS.get(identification)
        if column is None:
            raise ValidationFailed(f"Unknown order identification {identification!r}")
        if not key:
            raise ValidationFailed(f"{_wire(column)} is required when the identification is {identification}")
        found = session.execute(_ORDER_BY_KEY[column], {"owner": goods_owner_id, "key": key}).scalar()
    return session.get(Order, found) if found is not None else None


def _order_id_by(column: str) -> Select[int]:
    orders = cast(Table, Order.__table__)
    return (select(orders.c.id).where(orders.c.goods_owner_id == bindparam("owner"), orders.c[column] ==
                                      bindparam("key")).order_by(orders.c.id).limit(1))


_ORDER_BY_ID = _order_id_by("id")
_ORDER_BY_KEY = {column: _order_id_by(column) for column in set(_KEY_COLUMNS.values())}


def _wire(column: str) -> str:
    return "".join(part.capitalize() for part in column.split("_"))


def get_order_for(session: Session, goods_owner_id: int, identification: str, *, order_id: int | None = None,
                  key: str | None = None) -> Order:
    order = find_order(session, goods_owner_id, identification, order_id=order_id, key=key)
    if order is None:
        raise NotFound(f"Order {key or order_id} was not found")
    return order


def ensure_changeable(order: Order) -> None:
    """Refuse changes to an order whose picking has started, or that is cancelled."""
    if order.status == st.CANCELLED:
        raise Conflict(f"Order {order.goods_owner_order_number or order.id} is cancelled and cannot be changed")
    if order.status >= st.PICKED or any(line.picked_number_of_items > 0 for line in order.lines):
        raise Conflict(f"Order {order.goods_owner_order_number or order.id} cannot be changed: "
                       "picking has started")


# --- ProcessOrder -------------------------------------------------------------------------------------------------

def process_order(session: Session, goods_owner_id: int, data: OrderInput) -> ProcessOrderResult:
    """ProcessOrder: Create, CreateOrUpdate, Update or Remove (cancel) one order, in a savepoint.

    A unique-constraint race with a concurrent call for the same order number is retried once, and then finds the
    order the other call created.
    """
    _validate(data)
    claim_write_lock(session)
    try:
        with session.begin_nested():
            return _process(session, goods_owner_id, data)
    except IntegrityError:
        with session.begin_nested():
            return _process(session, goods_owner_id, data)


def _validate(data: OrderInput) -> None:
    if data.operation not in ORDER_OPERATIONS:
        raise ValidationFailed(f"Unknown OrderOperation {data.operation!r}")
    if data.identification not in ORDER_IDENTIFICATIONS:
        raise ValidationFailed(f"Unknown OrderIdentification {data.identification!r}")
    for line in data.lines if data.operation != "Remove" and data.lines else ():
        if line.identification not in LINE_IDENTIFICATIONS:
            raise ValidationFailed(f"Unknown OrderLineIdentification {line.identification!r}")
        if line.number_of_items < 0:
            raise ValidationFailed("NumberOfItems must not be negative")
        if line.identification in ("ExternalOrderLineCode", "ExternalOrderLineId") and \
                not line.values.get("external_order_line_code"):
            raise ValidationFailed(f"ExternalOrderLineCode is required when OrderLineIdentification is "
                                   f"{line.identification}")
        check_article_key(line.article)
    for text_line in data.text_lines if data.operation != "Remove" and data.text_lines else ():
        _check_text_line(text_line)


_CODE_LENGTH = 200  # order_text_lines.external_order_line_code


def _check_text_line(text_line: TextLineInput) -> None:
    if text_line.number_of_items is not None and text_line.number_of_items < 0:
        raise ValidationFailed("NumberOfItems of a CustomerOrderTextLine must not be negative")
    if len(text_line.external_order_line_code or "") > _CODE_LENGTH:
        raise ValidationFailed(f"ExternalOrderLineCode of a CustomerOrderTextLine is longer than {_CODE_LENGTH} "
                               "characters")


def _process(session: Session, goods_owner_id: int, data: OrderInput) -> ProcessOrderResult:
    key = data.values.get(_KEY_COLUMNS.get(data.identification, ""))
    order = None
    if data.identification != "SystemId" or data.order_id:
        order = find_order(session, goods_owner_id, data.identification, order_id=data.order_id, key=key)
    if data.operation == "Remove":
        return _remove(order, key or data.order_id)
    if order is None:
        if data.operation == "Update":
            raise NotFound(f"Order {key or data.order_id} was not found")
        order_id = _insert_order(session, goods_owner_id, data)
        return ProcessOrderResult(order_id, data.values.get("goods_owner_order_number"), "Order created")
    if data.operation == "Create":
        raise Conflict(f"Order {key or data.order_id} already exists (OrderId {order.id})")
    ensure_changeable(order)
    _fill(session, order, data)
    if data.status_updated is not None:
        set_status(order, data.status_updated, source="api")
    session.flush()
    return ProcessOrderResult(order.id, order.goods_owner_order_number, "Order updated")


def _remove(order: Order | None, key: object) -> ProcessOrderResult:
    if order is None:
        raise NotFound(f"Order {key} was not found")
    if order.status != st.CANCELLED:
        ensure_changeable(order)
        cancel(order, source="api")
    return ProcessOrderResult(order.id, order.goods_owner_order_number, "Order cancelled")


@dataclass
class _References:
    """What an order refers to, found (or created) in the registers before the order is written."""

    customer: Customer | None = None
    order_type: OrderType | None = None
    way_of_delivery_type: WayOfDeliveryType | None = None
    terms_of_delivery_type: TermsOfDeliveryType | None = None
    transporter_contract_id: int | None = None
    classes: list[OrderClass] | None = None
    article_ids: list[int] = field(default_factory=list)


def _references(session: Session, goods_owner_id: int, data: OrderInput) -> _References:
    refs = _References()
    if data.customer is not None:
        refs.customer = resolve_customer(session, goods_owner_id, data.customer)
    if data.order_type is not None:
        refs.order_type = resolve_register(session, OrderType, goods_owner_id, data.order_type)
    if data.way_of_delivery_type is not None:
        refs.way_of_delivery_type = resolve_register(session, WayOfDeliveryType, goods_owner_id,
                                                     data.way_of_delivery_type)
    if data.terms_of_delivery_type is not None:
        refs.terms_of_delivery_type = resolve_register(session, TermsOfDeliveryType, goods_owner_id,
                                                       data.terms_of_delivery_type)
    if data.transporter_contract is not None:
        refs.transporter_contract_id = resolve_contract(session, goods_owner_id, data.transporter_contract)
    if data.classes is not None:
        refs.classes = resolve_classes(session, goods_owner_id, data.classes)
    if data.lines:
        _check_duplicate_articles(data.lines)
        refs.article_ids = find_article_ids(session, goods_owner_id, [line.article for line in data.lines])
    return refs


def _fill(session: Session, order: Order, data: OrderInput) -> None:
    """Apply a CreateOrUpdate/Update to an existing order (through the ORM: lines are matched and merged)."""
    refs = _references(session, order.goods_owner_id, data)
    for column, value in data.values.items():
        if value is not None:
            setattr(order, column, value)
    if refs.customer is not None:
        set_consignee(order, refs.customer)
    for name in ("order_type", "way_of_delivery_type", "terms_of_delivery_type"):
        if getattr(refs, name) is not None:
            setattr(order, name, getattr(refs, name))
    if data.transporter_contract is not None:
        order.transporter_contract_id = refs.transporter_contract_id
        order.transport_payment = data.transporter_contract.payment
    if refs.classes is not None:
        order.classes = refs.classes
    if data.lines is not None:
        _merge_lines(order, data.lines, refs.article_ids)
    if data.text_lines is not None:
        order.text_lines = [OrderTextLine(**row) for row in _text_line_rows(data.text_lines)]
    order.updated_at = utcnow()


def _insert_order(session: Session, goods_owner_id: int, data: OrderInput) -> int:
    """Create the order with its lines and first history row: one INSERT per table, no ORM unit of work."""
    now = utcnow()
    status = data.status_created if data.status_created is not None else st.OPEN
    st.check_known(status)
    refs = _references(session, goods_owner_id, data)
    session.flush()  # a customer or register entry created above gets its id
    values = {column: value for column, value in data.values.items() if value is not None}
    values.update(_reference_columns(refs, data), goods_owner_id=goods_owner_id, status=status, created_at=now,
                  updated_at=now, status_changed_at=now)
    order_id: int = session.execute(_INSERT_ORDER, values).scalar_one()
    if data.lines:
        session.execute(_INSERT_LINES, _line_rows(order_id, data.lines, refs.article_ids))
    session.execute(_INSERT_HISTORY, {"order_id": order_id, "from_status": None, "to_status": status,
                                      "source": "api", "changed_at": now, "comment": None})
    if refs.classes:
        session.execute(_INSERT_CLASS_LINKS, [{"order_id": order_id, "order_class_id": c.id} for c in refs.classes])
    if data.text_lines:
        session.execute(_INSERT_TEXT_LINES, [row | {"order_id": order_id} for row in _text_line_rows(data.text_lines)])
    return order_id


def _text_line_rows(text_lines: list[TextLineInput]) -> list[dict[str, Any]]:
    return [{"row_number": number, "external_order_line_code": line.external_order_line_code,
             "comment": line.comment, "number_of_items": line.number_of_items}
            for number, line in enumerate(text_lines, start=1)]


# Built once: the values come as execute() parameters, so a call builds no statement (the compiled form is cached).
_INSERT_ORDER = insert(cast(Table, Order.__table__)).returning(cast(Table, Order.__table__).c.id)
_INSERT_LINES = insert(cast(Table, OrderLine.__table__))
_INSERT_HISTORY = insert(cast(Table, OrderStatusChange.__table__))
_INSERT_CLASS_LINKS = insert(cast(Table, OrderClassLink.__table__))
_INSERT_TEXT_LINES = insert(cast(Table, OrderTextLine.__table__))


def _reference_columns(refs: _References, data: OrderInput) -> dict[str, Any]:
    columns: dict[str, Any] = {}
    if refs.customer is not None:
        columns["customer_id"] = refs.customer.id
        columns.update(consignee_columns(refs.customer))
    for name in ("order_type", "way_of_delivery_type", "terms_of_delivery_type"):
        entry = getattr(refs, name)
        if entry is not None:
            columns[f"{name}_id"] = entry.id
    if data.transporter_contract is not None:
        columns["transporter_contract_id"] = refs.transporter_contract_id
        columns["transport_payment"] = data.transporter_contract.payment
    return columns


def _line_rows(order_id: int, lines: list[LineInput], article_ids: list[int]) -> list[dict[str, Any]]:
    """One row per line, all with the same keys (one executemany); columns a line leaves out are NULL."""
    optional = {column for line in lines for column, value in line.values.items() if value is not None}
    rows = []
    for data, article_id in zip(lines, article_ids, strict=True):
        row = dict.fromkeys(optional)
        row.update(do_pick=True)
        row.update((column, value) for column, value in data.values.items() if value is not None)
        row.update(order_id=order_id, article_id=article_id, ordered_number_of_items=data.number_of_items,
                   picked_number_of_items=_ZERO, packed_number_of_items=_ZERO, returned_number_of_items=_ZERO)
        rows.append(row)
    return rows


def resolve_classes(session: Session, goods_owner_id: int, data: ClassesInput) -> list[OrderClass]:
    operation = "find" if data.operation == "Find" else "find_or_create"
    return [resolve_register(session, OrderClass, goods_owner_id,
                             RegisterRef(operation, "code", ref.code, ref.name, ref.comment))
            for ref in data.classes]


# --- order lines --------------------------------------------------------------------------------------------------

def _merge_lines(order: Order, lines: list[LineInput], article_ids: list[int]) -> None:
    """Replace the order's lines by ``lines``: matching lines are updated, others added, the rest removed."""
    remaining = list(order.lines)
    kept: list[OrderLine] = []
    for data, article_id in zip(lines, article_ids, strict=True):
        line = _match_line(remaining, data, article_id)
        if line is None:
            line = OrderLine(article_id=article_id, picked_number_of_items=_ZERO, packed_number_of_items=_ZERO,
                             returned_number_of_items=_ZERO, do_pick=True)
        else:
            remaining.remove(line)
            _set_article(line, article_id)
        line.ordered_number_of_items = data.number_of_items
        for column, value in data.values.items():
            if value is not None:
                setattr(line, column, value)
        kept.append(line)
    if order.status == st.ALLOCATED:
        release_allocations(order, source="api", comment="order lines changed")
    order.lines = kept


_ZERO = Decimal(0)


def _set_article(line: OrderLine, article_id: int) -> None:
    """Point a kept line at another article by id; its loaded ``article`` is expired, not left stale."""
    if line.article_id != article_id:
        line.article_id = article_id
        session = object_session(line)
        if session is not None:
            session.expire(line, ["article"])


def _check_duplicate_articles(lines: list[LineInput]) -> None:
    by_article = [line.article for line in lines if line.identification in ("ArticleNumber", "ArticleName")]
    if len(by_article) != len(set(by_article)):
        raise ValidationFailed("An article may appear on only one order line unless the lines are identified by "
                               "ExternalOrderLineCode")


def _match_line(lines: Iterable[OrderLine], data: LineInput, article_id: int) -> OrderLine | None:
    match: Callable[[OrderLine], bool]
    if data.identification in ("ExternalOrderLineCode", "ExternalOrderLineId"):
        code = data.values.get("external_order_line_code")
        match = lambda line: line.external_order_line_code == code  # noqa: E731
    elif data.identification == "SystemId":
        match = lambda line: data.line_system_id is not None and line.id == data.line_system_id  # noqa: E731
    else:
        match = lambda line: line.article_id == article_id  # noqa: E731
    return next((line for line in lines if match(line)), None)


# --- status changes (shared with the warehouse side) --------------------------------------------------------------

def set_status(order: Order, status: int, *, source: str, comment: str | None = None,
               at: datetime | None = None) -> None:
    """Move the order to ``status`` and record the change in its history (no-op when unchanged)."""
    st.check_known(status)
    if order.status == status:
        return
    at = at or utcnow()
    order.history.append(st.change(order.status, status, source=source, at=at, comment=comment))
    order.status = status
    order.status_changed_at = at
    order.updated_at = at


def release_allocations(order: Order, *, source: str, comment: str | None = None) -> None:
    """Give back every allocation of the order; an allocated order goes back to released (300)."""
    for line in order.lines:
        line.allocations.clear()
    if order.status == st.ALLOCATED:
        set_status(order, st.RELEASED, source=source, comment=comment)


def cancel(order: Order, *, source: str, comment: str | None = None) -> None:
    """Cancel (1000) an order whose picking has not started; its allocations are released."""
    ensure_changeable(order)
    for line in order.lines:
        line.allocations.clear()
    set_status(order, st.CANCELLED, source=source, comment=comment)


def record_return(session: Session, line: OrderLine, number_of_items: Decimal, *, cause_code: str | None = None,
                  cause_name: str | None = None, at: datetime | None = None) -> None:
    """A return received against a shipped order line (called by the returns side)."""
    if number_of_items <= 0 or line.returned_number_of_items + number_of_items > line.picked_number_of_items:
        raise ValidationFailed(f"Cannot return {number_of_items} of order line {line.id}: "
                               f"{line.picked_number_of_items - line.returned_number_of_items} may be returned")
    at = at or utcnow()
    line.returned_number_of_items += number_of_items
    left = number_of_items
    for item in line.order.picked_items:
        if item.order_line_id == line.id and not item.returned and left > 0:
            item.returned, item.returned_at = True, at
            item.return_cause_code, item.return_cause_name = cause_code, cause_name
            left -= item.number_of_items
    line.order.last_returned_at = at
    line.order.updated_at = at
    session.flush()
