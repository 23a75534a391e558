"""Customers (consignees) and the small per-goods-owner registers orders refer to.

ProcessCustomer and the Customer block of ProcessOrder share ``resolve_customer``: the CustomerOperation decides
whether a customer may be created, updated or only found, the CustomerIdentification which columns find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, utcnow
from wms_soap.store.orders import (
    CONSIGNEE_FIELDS,
    Customer,
    Order,
    OrderClass,
    OrderType,
    TermsOfDeliveryType,
    WayOfDeliveryType,
)

CUSTOMER_OPERATIONS = ("Create", "CreateOrUpdate", "CreateNotUpdate", "Find")
CUSTOMER_IDENTIFICATIONS = ("ExternalCustomerCode", "SystemId", "CustomerNumber", "FullNameAndAddress")
_ADDRESS_KEY = ("name", "address", "post_code", "city", "country_code")


@dataclass
class CustomerInput:
    """A customer as a client sends it: how to find it, what to do, and the column values it carries."""

    operation: str = "CreateOrUpdate"
    identification: str = "ExternalCustomerCode"
    customer_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RegisterRef:
    """A reference to an order type, way of delivery type, terms of delivery type or order class.

    ``operation`` is one of ``find``, ``find_or_create``, ``create_or_update``; ``by`` is ``code`` or ``name``.
    """

    operation: str
    by: str
    code: str | None = None
    name: str | None = None
    comment: str | None = None


def _customer_by(column: str) -> Select[Customer]:
    return select(Customer).where(Customer.goods_owner_id == bindparam("owner"),
                                  getattr(Customer, column) == bindparam("key"))


# Built once: the lookups ProcessOrder makes on every call build no statement.
_CUSTOMER_BY = {column: _customer_by(column) for column in ("id", "external_customer_code", "customer_number")}


def _find_customer(session: Session, goods_owner_id: int, data: CustomerInput) -> Customer | None:
    values = data.values
    if data.identification == "SystemId":
        if data.customer_id is None:
            raise ValidationFailed("CustomerId is required when CustomerIdentification is SystemId")
        return session.scalars(_CUSTOMER_BY["id"], {"owner": goods_owner_id, "key": data.customer_id}).first()
    if data.identification == "FullNameAndAddress" or _numberless(data):
        return _customer_at_address(session, goods_owner_id, values)
    column = {"ExternalCustomerCode": "external_customer_code", "CustomerNumber": "customer_number"}.get(
        data.identification)
    if column is None:
        raise ValidationFailed(f"Unknown CustomerIdentification {data.identification!r}")
    key = values.get(column)
    if not key:
        raise ValidationFailed(f"{_wire_name(column)} is required when CustomerIdentification is "
                               f"{data.identification}" + (" (or a Name to find or create the customer by name "
                                                           "and address)" if column == "customer_number" else ""))
    return session.scalars(_CUSTOMER_BY[column], {"owner": goods_owner_id, "key": key}).first()


def _numberless(data: CustomerInput) -> bool:
    """CustomerIdentification CustomerNumber without a CustomerNumber but with a Name, as a widely used web-shop
    module sent it to Ongoing for years: the customer is found or created by name and address instead."""
    values = data.values
    return (data.identification == "CustomerNumber" and not values.get("customer_number")
            and bool((values.get("name") or "").strip()))


def _customer_at_address(session: Session, goods_owner_id: int, values: dict[str, Any]) -> Customer | None:
    query = select(Customer).where(Customer.goods_owner_id == goods_owner_id)
    for name in _ADDRESS_KEY:
        query = query.where(getattr(Customer, name).is_(None) if values.get(name) is None
                            else getattr(Customer, name) == values[name])
    return session.scalars(query.order_by(Customer.id)).first()


def _wire_name(column: str) -> str:
    return {"external_customer_code": "ExternalCustomerCode", "customer_number": "CustomerNumber"}[column]


def _describe(data: CustomerInput) -> str:
    values = data.values
    return str(values.get("customer_number") or values.get("external_customer_code") or data.customer_id
               or values.get("name") or "")


def resolve_customer(session: Session, goods_owner_id: int, data: CustomerInput) -> Customer:
    """Find, create or update a customer according to its CustomerOperation."""
    if data.operation not in CUSTOMER_OPERATIONS:
        raise ValidationFailed(f"Unknown CustomerOperation {data.operation!r}")
    customer = _find_customer(session, goods_owner_id, data)
    if customer is None:
        if data.operation == "Find":
            raise NotFound(f"Customer {_describe(data)} was not found")
        return _create_customer(session, goods_owner_id, data)
    if data.operation == "Create":
        raise Conflict(f"Customer {_describe(data)} already exists")
    if data.operation == "CreateOrUpdate" and _apply(customer, data.values):
        customer.updated_at = utcnow()
    return customer


def set_consignee(order: Order, customer: Customer) -> None:
    """Make the customer the order's consignee, copying its delivery address onto the order."""
    order.customer = customer
    for column, value in consignee_columns(customer).items():
        setattr(order, column, value)


def consignee_columns(customer: Customer) -> dict[str, Any]:
    """The order's ``consignee_*`` columns: the customer's delivery address as it is now."""
    return {f"consignee_{name}": getattr(customer, name) for name in CONSIGNEE_FIELDS}


def _create_customer(session: Session, goods_owner_id: int, data: CustomerInput) -> Customer:
    now = utcnow()
    customer = Customer(goods_owner_id=goods_owner_id, created_at=now, updated_at=now, is_visible=True,
                        notify_by_sms=False, notify_by_email=False, notify_by_telephone=False)
    _apply(customer, data.values)
    session.add(customer)
    return customer


def _apply(target: Any, values: dict[str, Any]) -> bool:
    """Set the non-None values that differ; True when anything changed (an unchanged row is not rewritten)."""
    changed = False
    for column, value in values.items():
        if value is not None and getattr(target, column) != value:
            setattr(target, column, value)
            changed = True
    return changed


_Register = TypeVar("_Register", OrderType, WayOfDeliveryType, TermsOfDeliveryType, OrderClass)

_LABELS = {OrderType: "Order type", WayOfDeliveryType: "Way of delivery type",
           TermsOfDeliveryType: "Terms of delivery type", OrderClass: "Order class"}


def resolve_register(session: Session, model: type[_Register], goods_owner_id: int, ref: RegisterRef) -> _Register:
    """Find (and per operation create or update) an entry of a code/name register of the goods owner."""
    if ref.by not in ("code", "name"):
        raise ValidationFailed(f"Unknown identification {ref.by!r}")
    key = ref.code if ref.by == "code" else ref.name
    label = _LABELS[model]
    if not key:
        raise ValidationFailed(f"{label}: the {ref.by} is required")
    column = model.code if ref.by == "code" else model.name
    entry = session.scalars(select(model).where(model.goods_owner_id == goods_owner_id, column == key)
                            .order_by(model.id)).first()
    if entry is None:
        if ref.operation == "find":
            raise NotFound(f"{label} {key} was not found")
        entry = model(goods_owner_id=goods_owner_id, code=ref.code, name=ref.name)
        if isinstance(entry, OrderClass):
            entry.comment = ref.comment
        session.add(entry)
        session.flush()
    elif ref.operation == "create_or_update":
        entry.code = ref.code if ref.code is not None else entry.code
        entry.name = ref.name if ref.name is not None else entry.name
    return entry


def process_customer(session: Session, goods_owner_id: int, data: CustomerInput) -> Customer:
    """ProcessCustomer: the customer register alone."""
    claim_write_lock(session)
    customer = resolve_customer(session, goods_owner_id, data)
    session.flush()
    return customer
