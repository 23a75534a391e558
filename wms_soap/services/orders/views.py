"""Orders as the read answers show them (GetOrder, GetOrderByOrderNumber, GetOrdersByQuery, status reports), loaded
with Core selects of just the needed columns: no ORM objects, no identity map.

One statement reads the orders with their customer, registers, transporter and status text joined in; then one
more reads the lines (with article and allocated quantity), picked items, parcels and classes of the whole page.
Two statements for one order or for a page (ids go in batches of ``_BATCH``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Connection,
    Engine,
    Executable,
    Integer,
    Select,
    bindparam,
    cast,
    func,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from wms_soap.services.orders import queries
from wms_soap.services.orders.queries import OrderQuery
from wms_soap.services.registers import DEFAULT_ORDER_STATUSES
from wms_soap.store import answer_stamps
from wms_soap.store.access import GoodsOwner
from wms_soap.store.answer_stamps import Stamp
from wms_soap.store.articles import Article
from wms_soap.store.inventory import OrderStatusText, Transporter, TransporterContract
from wms_soap.store.orders import (
    Customer,
    Order,
    OrderAllocation,
    OrderClass,
    OrderClassLink,
    OrderLine,
    OrderType,
    Parcel,
    PickedItem,
    TermsOfDeliveryType,
    WayOfDeliveryType,
)
from wms_soap.store.shipments import Shipment, ShipmentOrder

_BATCH = 500
"""Order ids per child-table statement (well under SQLite's bound-parameter limit)."""

CUSTOMER_COLUMNS = ("remark", "delivery_instruction", "notify_by_email", "notify_by_sms", "notify_by_telephone",
                    "customer_number", "vat_number", "organisation_number", "invoice_name", "invoice_address",
                    "invoice_post_code", "invoice_city", "invoice_country_code")
"""Customer register columns an order answer shows, read as ``customer_<column>``."""


@dataclass(slots=True)
class OrderView:
    """One order: ``order`` is a ``Record`` of the order's columns plus ``customer_*``, ``order_type_*``,
    ``way_of_delivery_type_*``, ``terms_of_delivery_type_*``, ``contract_service_code``, ``transporter_*`` and
    ``status_text``; the lists hold the child tables' records in id order."""

    order: Any
    lines: list[Any] = field(default_factory=list)
    picked_items: list[Any] = field(default_factory=list)
    parcels: list[Any] = field(default_factory=list)
    classes: list[Any] = field(default_factory=list)


@cache
def _order_select() -> Select[Any]:
    """The orders with everything joined in; built once (statements are immutable and their cache keys memoized)."""
    customer, order_type, way, terms = Customer.__table__, OrderType.__table__, WayOfDeliveryType.__table__, \
        TermsOfDeliveryType.__table__
    contract, carrier, owner = TransporterContract.__table__, Transporter.__table__, GoodsOwner.__table__
    orders = Order.__table__
    own_text, default_text = aliased(OrderStatusText.__table__), aliased(OrderStatusText.__table__)
    on_shipment, shipment = ShipmentOrder.__table__, Shipment.__table__
    return (
        select(*orders.c,
               *(customer.c[name].label(f"customer_{name}") for name in CUSTOMER_COLUMNS),
               *_code_name("order_type", order_type), *_code_name("way_of_delivery_type", way),
               *_code_name("terms_of_delivery_type", terms),
               contract.c.service_code.label("contract_service_code"),
               *_code_name("transporter", carrier),
               func.coalesce(own_text.c.text, default_text.c.text).label("status_text"),
               shipment.c.id.label("current_shipment_id"), shipment.c.waybill.label("current_shipment_waybill"),
               shipment.c.status.label("current_shipment_status"),
)
        .select_from(orders)
        .join(owner, owner.c.id == orders.c.goods_owner_id)
        .outerjoin(customer, customer.c.id == orders.c.customer_id)
        .outerjoin(order_type, order_type.c.id == orders.c.order_type_id)
        .outerjoin(way, way.c.id == orders.c.way_of_delivery_type_id)
        .outerjoin(terms, terms.c.id == orders.c.terms_of_delivery_type_id)
        .outerjoin(contract, contract.c.id == orders.c.transporter_contract_id)
        .outerjoin(carrier, carrier.c.id == contract.c.transporter_id)
        .outerjoin(own_text, (own_text.c.warehouse_id == owner.c.warehouse_id) & (own_text.c.number == orders.c.status))
        .outerjoin(default_text, default_text.c.warehouse_id.is_(None) & (default_text.c.number == orders.c.status))
        .outerjoin(on_shipment, on_shipment.c.order_id == orders.c.id)
        .outerjoin(shipment, shipment.c.id == on_shipment.c.shipment_id)
    )


def _code_name(prefix: str, table: Any) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    return table.c.code.label(f"{prefix}_code"), table.c.name.label(f"{prefix}_name")


def status_text(view: OrderView) -> str:
    """The warehouse's text of the order's status, else the default row's, else the built-in one."""
    order = view.order
    return order.status_text or DEFAULT_ORDER_STATUSES.get(order.status, str(order.status))


def _lines_part(lines: Any) -> Select[Any]:
    allocations, articles = OrderAllocation.__table__, Article.__table__
    allocated = select(func.sum(allocations.c.number_of_items)).where(
        allocations.c.order_line_id == lines.c.id).scalar_subquery()
    return (select(*lines.c, articles.c.article_number, articles.c.name.label("article_name"),
                   articles.c.product_code, allocated.label("allocated_number_of_items"))
            .join(articles, articles.c.id == lines.c.article_id))


def _classes_part(links: Any) -> Select[Any]:
    classes = OrderClass.__table__
    return (select(classes.c.id, links.c.order_id, classes.c.code, classes.c.name)
            .join(classes, classes.c.id == links.c.order_class_id))


_CHILDREN = (("lines", OrderLine, _lines_part), ("picked_items", PickedItem, lambda t: select(*t.c)),
             ("parcels", Parcel, lambda t: select(*t.c)), ("classes", OrderClassLink, _classes_part))
"""(OrderView list, table model, its part of the children statement): every part has ``id`` and ``order_id``."""
_KIND = "child_kind"


@cache
def _children_select(one: bool) -> CompoundSelect:
    """Every child row of one order (``order_id = :id``) or of a batch (``order_id IN :ids``: an expanding IN is
    rendered anew on every execution, which costs more than the query itself for one order) in ONE statement: a
    UNION ALL of the four parts, each padded with typed NULLs to the union of their columns (a round trip saved
    per child table weighs most on PostgreSQL under load). Rows come by part (``child_kind``), then by id."""
    parts = []
    for _, model, part in _CHILDREN:
        order_id = model.__table__.c.order_id
        parts.append(part(model.__table__).where(
            order_id == bindparam("id") if one else order_id.in_(bindparam("ids", expanding=True))))
    columns: dict[str, Any] = {}
    for part_select in parts:
        for column in part_select.selected_columns:
            known = columns.setdefault(str(column.key), column.type)
            if repr(known) != repr(column.type):
                raise TypeError(f"child column {column.key} is {known!r} in one table, {column.type!r} in another")
    padded = [part_select.with_only_columns(
        literal_column(str(kind), Integer).label(_KIND),
        *(own[name].label(name) if name in own else cast(null(), type_).label(name)
          for name, type_ in columns.items()))
        for kind, part_select in enumerate(parts)
        for own in [{column.key: column for column in part_select.selected_columns}]]
    compound = union_all(*padded)
    return compound.order_by(compound.selected_columns[_KIND], compound.selected_columns["id"])


class Record:
    """One result row with plain attribute access. SQLAlchemy's ``Row`` resolves a name on every attribute access
    (about 0.6 µs here), and an order answer reads some 400 of them per order."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__ = values


def _records(connection: Connection, statement: Executable, params: dict[str, Any] | None) -> list[Any]:
    result = connection.execute(statement, params)
    keys = list(result.keys())
    return [Record(dict(zip(keys, row, strict=True))) for row in result]


def _views(session: Session, statement: Select[Any], params: dict[str, Any] | None = None) -> list[OrderView]:
    session.flush()  # the connection does not autoflush as session.execute would: pending changes must show
    connection = session.connection()
    views = {record.id: OrderView(record) for record in _records(connection, statement, params)}
    ids = list(views)
    for start in range(0, len(ids), _BATCH):
        batch = ids[start:start + _BATCH]
        one = len(batch) == 1
        for record in _records(connection, _children_select(one), {"id": batch[0]} if one else {"ids": batch}):
            getattr(views[record.order_id], _CHILDREN[record.child_kind][0]).append(record)
    return list(views.values())


@cache
def _by_id() -> Select[Any]:
    orders = Order.__table__
    return _order_select().where(orders.c.goods_owner_id == bindparam("owner"), orders.c.id == bindparam("id"))


@cache
def _by_number() -> Select[Any]:
    orders = Order.__table__
    return _order_select().where(orders.c.goods_owner_id == bindparam("owner"),
                                 orders.c.goods_owner_order_number == bindparam("number"))


@cache
def _by_numbers() -> Select[Any]:
    orders = Order.__table__
    return _order_select().where(orders.c.goods_owner_id == bindparam("owner"),
                                 orders.c.goods_owner_order_number.in_(bindparam("numbers", expanding=True))
                                 ).order_by(orders.c.id)


def answer_stamp(engine: Engine, goods_owner_id: int, *, order_id: int | None = None,
                 order_number: str | None = None) -> Stamp | None:
    """The stamp of the order an answer would show (read before the order itself: see ``store.answer_stamps``)."""
    return answer_stamps.order_stamp(engine, goods_owner_id, order_id=order_id, order_number=order_number)


def get_order(session: Session, goods_owner_id: int, order_id: int) -> OrderView | None:
    """GetOrder: an order of another goods owner is "not found"."""
    found = _views(session, _by_id(), {"owner": goods_owner_id, "id": order_id})
    return found[0] if found else None


def get_order_by_number(session: Session, goods_owner_id: int, order_number: str | None) -> OrderView | None:
    if not order_number:
        return None
    found = _views(session, _by_number(), {"owner": goods_owner_id, "number": order_number})
    return found[0] if found else None


def orders_by_numbers(session: Session, goods_owner_id: int, order_numbers: Iterable[str]) -> list[OrderView]:
    numbers = [number for number in order_numbers if number]
    if not numbers:
        return []
    return _views(session, _by_numbers(), {"owner": goods_owner_id, "numbers": numbers})


def query_orders(session: Session, goods_owner_id: int, query: OrderQuery) -> list[OrderView]:
    """GetOrdersByQuery: orders by ascending OrderId from ``order_id_from``, at most ``max_orders``."""
    conditions, limit = queries.query_conditions(goods_owner_id, query)
    return _views(session, _order_select().where(*conditions).order_by(Order.__table__.c.id).limit(limit))
