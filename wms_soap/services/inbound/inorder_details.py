"""The details of an in-order that live in registers or in their own rows: supplier and seller, customer,
warehouse, and the advised article items of its lines (what the goods owner says will arrive, item by item).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.orders.customers import CustomerInput, resolve_customer
from wms_soap.store.access import Warehouse
from wms_soap.store.db import insert_once
from wms_soap.store.inorders import (
    InOrderAdvisedItem,
    InOrderAdvisedItemClass,
    InOrderLine,
    InOrderLineType,
)
from wms_soap.store.inventory import ArticleItemStatus
from wms_soap.store.orders import Customer

ZERO = Decimal(0)


def check_fits(row: Any) -> None:
    """Refuse a value its column cannot hold (PostgreSQL would fail the whole request, SQLite would keep it)."""
    for column in row.__table__.columns:
        value = getattr(row, column.key, None)
        length = getattr(column.type, "length", None)
        if length and isinstance(value, str) and len(value) > length:
            raise ValidationFailed(f"{column.key} is longer than {length} characters")
        precision, scale = getattr(column.type, "precision", None), getattr(column.type, "scale", None)
        if precision and scale is not None and isinstance(value, Decimal) and abs(value) >= 10 ** (precision - scale):
            raise ValidationFailed(f"{column.key} {value} is too large")


# --- customer and warehouse -------------------------------------------------------------------------------------

@dataclass
class InOrderCustomerInput:
    identification: str = "CustomerNumber"  # CustomerNumber | FullNameAndAdress
    operation: str = "Find"  # Find | CreateOrUpdate
    values: dict[str, Any] = field(default_factory=dict)  # customers columns: customer_number, name, address, ...


def resolve_in_order_customer(session: Session, data: InOrderCustomerInput, goods_owner_id: int) -> Customer:
    """The in-order's customer, from the goods owner's customer register (the one ProcessCustomer writes)."""
    if data.operation not in ("Find", "CreateOrUpdate"):
        raise ValidationFailed(f"Unknown InOrderCustomerOperation {data.operation!r}")
    identification = {"CustomerNumber": "CustomerNumber", "FullNameAndAdress": "FullNameAndAddress"}.get(
        data.identification)
    if identification is None:
        raise ValidationFailed(f"Unknown InOrderCustomerIdentification {data.identification!r}")
    return resolve_customer(session, goods_owner_id, CustomerInput(data.operation, identification,
                                                                   values=dict(data.values)))


@dataclass
class WarehouseInput:
    identification: str = "WarehouseName"  # WarehouseName | WarehouseCode | WarehouseId
    operation: str = "Find"
    name: str | None = None
    code: str | None = None
    warehouse_id: int | None = None


def find_warehouse(session: Session, data: WarehouseInput) -> Warehouse:
    if data.operation != "Find":
        raise ValidationFailed(f"Unknown InOrderWarehouseOperation {data.operation!r}; the only one is Find")
    column, key = {"WarehouseName": (Warehouse.name, data.name), "WarehouseCode": (Warehouse.code, data.code),
                   "WarehouseId": (Warehouse.id, data.warehouse_id)}.get(data.identification, (None, None))
    if column is None:
        raise ValidationFailed(f"Unknown InOrderWarehouseIdentification {data.identification!r}")
    if key is None or key == "":
        raise ValidationFailed(f"The warehouse's {data.identification} is required")
    found = session.scalars(select(Warehouse).where(column == key).order_by(Warehouse.id)).first()
    if found is None:
        raise NotFound(f"Warehouse {key} was not found")
    return found


# --- article item statuses ------------------------------------------------------------------------------------

def resolve_item_status(session: Session, status_id: int | None, code: str | None) -> tuple[int, str]:
    """An InOrderLineArticleItemStatus: an existing article item status of the warehouse, by id or by code."""
    if status_id:
        found = session.get(ArticleItemStatus, status_id)
    else:
        found = session.scalar(select(ArticleItemStatus).where(ArticleItemStatus.code == code)) if code else None
    if found is None:
        raise NotFound(f"Article item status {code or status_id} was not found")
    return found.id, found.code


# --- line types -------------------------------------------------------------------------------------------------

@dataclass
class LineTypeInput:
    identification: str = "InOrderLineTypeName"  # InOrderLineTypeName | InOrderLineTypeCode
    operation: str = "CreateOrUpdate"  # CreateOrUpdate | CreateOrFind | Find
    code: str | None = None
    name: str | None = None


def resolve_line_type(session: Session, data: LineTypeInput, goods_owner_id: int) -> InOrderLineType:
    """The goods owner's in-order line type: found by code or name, created or updated per the operation."""
    if data.operation not in ("CreateOrUpdate", "CreateOrFind", "Find"):
        raise ValidationFailed(f"Unknown InOrderLineTypeOperation {data.operation!r}")
    by_code = data.identification == "InOrderLineTypeCode"
    key = data.code if by_code else data.name
    if not key:
        raise ValidationFailed(f"The in-order line type's {'code' if by_code else 'name'} is required")
    column = InOrderLineType.code if by_code else InOrderLineType.name
    found = session.scalars(select(InOrderLineType).where(InOrderLineType.goods_owner_id == goods_owner_id,
                                                          column == key).order_by(InOrderLineType.id)).first()
    if found is None:
        if data.operation == "Find":
            raise NotFound(f"In-order line type {key} was not found")
        return _insert_line_type(session, InOrderLineType(goods_owner_id=goods_owner_id, code=data.code,
                                                          name=data.name))
    if data.operation == "CreateOrUpdate":
        found.code, found.name = data.code or found.code, data.name or found.name
        check_fits(found)
    return found


def _insert_line_type(session: Session, line_type: InOrderLineType) -> InOrderLineType:
    """The new line type, or the one a concurrent request created with the same code a moment ago."""
    check_fits(line_type)
    return insert_once(session, line_type, lambda: session.scalar(select(InOrderLineType).where(
        InOrderLineType.goods_owner_id == line_type.goods_owner_id, InOrderLineType.code == line_type.code)))


# --- advised article items --------------------------------------------------------------------------------------

@dataclass
class AdvisedItemInput:
    """One InOrderLineArticleItem: an article item announced on the line."""

    saved_id: int | None = None  # SavedArticleItemId: an advised item of this line to change
    order_line_id: int | None = None  # OrderLineId: when given, the id of the line the item is sent with
    number_of_items: Decimal | None = None
    batch: str | None = None
    serial: str | None = None
    expiry_date: datetime | None = None
    production_date: datetime | None = None
    container: str | None = None
    comment: str | None = None
    weight: Decimal | None = None
    volume: Decimal | None = None
    length: Decimal | None = None
    width: Decimal | None = None
    height: Decimal | None = None
    second_number_of_items: Decimal | None = None
    price: Decimal | None = None
    status_id: int | None = None
    status_code: str | None = None
    pallet_label_id: str | None = None
    pallet_type_code: str | None = None
    classes: list[tuple[str | None, str | None, int | None]] = field(default_factory=list)  # (code, name, id)


def advised_quantity(item: AdvisedItemInput) -> Decimal:
    """An item's NumberOfItems; a serial item without one counts as one."""
    if item.number_of_items is None:
        if item.serial:
            return Decimal(1)
        raise ValidationFailed("NumberOfItems is required on an advised article item without a serial")
    if item.number_of_items <= 0:
        raise ValidationFailed("NumberOfItems of an advised article item must be positive")
    if item.serial and item.number_of_items != 1:
        raise ValidationFailed(f"Advised article item with serial {item.serial} must have NumberOfItems 1")
    return item.number_of_items


def set_advised_items(session: Session, line: InOrderLine, items: Sequence[AdvisedItemInput],
                      advised_total: Decimal) -> None:
    """Make ``items`` the line's advised items: SavedArticleItemId changes one, the others are new, the rest go.

    An advised item that something was received against stays (its receipts point at it)."""
    quantities = [advised_quantity(item) for item in items]
    if sum(quantities, ZERO) > advised_total:
        raise ValidationFailed(f"The advised article items ({sum(quantities, ZERO)}) exceed the line's "
                               f"NumberOfItems ({advised_total})")
    serials = [item.serial for item in items if item.serial]
    if len(serials) != len(set(serials)):
        raise ValidationFailed("A serial number is advised twice on the same line")
    wrong_line = next((item.order_line_id for item in items if item.order_line_id and line.id is not None
                       and item.order_line_id != line.id), None)
    if wrong_line is not None:
        raise ValidationFailed(f"Advised article item names in-order line {wrong_line}, "
                               f"but is sent with line {line.id}")
    existing = {item.id: item for item in line.advised_items}
    kept: set[int] = set()
    for data, quantity in zip(items, quantities, strict=True):
        target = existing.get(data.saved_id) if data.saved_id else None
        if data.saved_id and target is None:
            raise NotFound(f"Advised article item {data.saved_id} is not on this in-order line")
        if target is None:
            target = InOrderAdvisedItem(received_number_of_items=ZERO)
            line.advised_items.append(target)
        _fill_advised_item(target, data, quantity)
        if data.status_id or data.status_code:
            target.status_id, target.status_code = resolve_item_status(session, data.status_id, data.status_code)
        if target.id is not None:
            kept.add(target.id)
    for item in list(line.advised_items):
        if item.id is not None and item.id not in kept:
            if item.received_number_of_items:
                raise Conflict(f"Advised article item {item.id} has been received against and cannot be removed")
            line.advised_items.remove(item)


def _fill_advised_item(target: InOrderAdvisedItem, data: AdvisedItemInput, quantity: Decimal) -> None:
    if quantity < target.received_number_of_items:
        raise Conflict(f"Advised article item {target.id}: NumberOfItems cannot be less than what was received")
    target.number_of_items = quantity
    for name in ("batch", "serial", "expiry_date", "production_date", "container", "comment", "weight", "volume",
                 "length", "width", "height", "second_number_of_items", "price", "status_id", "status_code",
                 "pallet_label_id", "pallet_type_code"):
        setattr(target, name, getattr(data, name))
    check_fits(target)
    if any(not code for code, _, _ in data.classes):
        raise ValidationFailed("An article item class is identified by its Code")
    target.classes = [InOrderAdvisedItemClass(code=code, name=name, class_id=class_id)
                      for code, name, class_id in data.classes]
    for item_class in target.classes:
        check_fits(item_class)
