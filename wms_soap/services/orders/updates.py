"""UpdateOrder and UpdateOrderLines: targeted changes to one order, each sub-object one change."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, utcnow
from wms_soap.services.orders import status as st
from wms_soap.services.orders.customers import (
    CustomerInput,
    RegisterRef,
    resolve_customer,
    resolve_register,
    set_consignee,
)
from wms_soap.services.orders.orders import (
    ClassesInput,
    cancel,
    ensure_changeable,
    get_order_for,
    resolve_classes,
    set_status,
)
from wms_soap.services.registers import ContractRef, resolve_contract
from wms_soap.store.orders import Order, OrderLine, WayOfDeliveryType


@dataclass
class OrderUpdate:
    """The sub-objects of an UpdateOrder; ``values`` holds the plain column changes (a None value clears)."""

    identification: str
    order_id: int | None = None
    key: str | None = None
    status: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    way_of_delivery_type: RegisterRef | None = None
    transporter_contract: ContractRef | None = None
    set_classes: ClassesInput | None = None
    add_classes: ClassesInput | None = None
    customer: CustomerInput | None = None


@dataclass
class LineUpdate:
    identification: str
    external_order_line_code: str | None = None
    order_line_id: int | None = None
    number_of_items: Decimal | None = None
    values: dict[str, Any] = field(default_factory=dict)


def update_order(session: Session, goods_owner_id: int, update: OrderUpdate) -> Order:
    claim_write_lock(session)
    order = get_order_for(session, goods_owner_id, update.identification, order_id=update.order_id,
                          key=update.key)
    for column, value in update.values.items():
        setattr(order, column, value)
    if update.way_of_delivery_type is not None:
        order.way_of_delivery_type = resolve_register(session, WayOfDeliveryType, goods_owner_id,
                                                      update.way_of_delivery_type)
    if update.transporter_contract is not None:
        order.transporter_contract_id = resolve_contract(session, goods_owner_id, update.transporter_contract)
        order.transport_payment = update.transporter_contract.payment
    if update.set_classes is not None:
        order.classes = resolve_classes(session, goods_owner_id, update.set_classes)
    if update.add_classes is not None:
        order.classes = order.classes + [cls for cls in resolve_classes(session, goods_owner_id, update.add_classes)
                                         if cls not in order.classes]
    if update.customer is not None:
        ensure_changeable(order)
        set_consignee(order, resolve_customer(session, goods_owner_id, update.customer))
    if update.status is not None:
        _change_status(order, update.status)
    order.updated_at = utcnow()
    session.flush()
    return order


def _change_status(order: Order, status: int) -> None:
    st.check_known(status)
    if order.status == st.CANCELLED and status != st.CANCELLED:
        raise Conflict(f"Order {order.goods_owner_order_number or order.id} is cancelled; its status cannot change")
    if status == st.CANCELLED:
        cancel(order, source="api")
    else:
        set_status(order, status, source="api")


def update_order_lines(session: Session, goods_owner_id: int, identification: str, lines: list[LineUpdate], *,
                       order_id: int | None = None, key: str | None = None) -> Order:
    claim_write_lock(session)
    order = get_order_for(session, goods_owner_id, identification, order_id=order_id, key=key)
    for change in lines:
        line = _find_line(order, change)
        if change.number_of_items is not None:
            _change_quantity(order, line, change.number_of_items)
        for column, value in change.values.items():
            setattr(line, column, value)
    order.updated_at = utcnow()
    session.flush()
    return order


def _find_line(order: Order, change: LineUpdate) -> OrderLine:
    if change.identification == "OrderLineId":
        found = [line for line in order.lines if line.id == change.order_line_id]
        key: object = change.order_line_id
    elif change.identification == "ExternalOrderLineCode":
        if not change.external_order_line_code:
            raise ValidationFailed("ExternalOrderLineCode is required to identify the order line")
        found = [line for line in order.lines if line.external_order_line_code == change.external_order_line_code]
        key = change.external_order_line_code
    else:
        raise ValidationFailed(f"Unknown OrderLineIdentificationType {change.identification!r}")
    if not found:
        raise NotFound(f"Order line {key} was not found on order {order.goods_owner_order_number or order.id}")
    return found[0]


def _change_quantity(order: Order, line: OrderLine, number_of_items: Decimal) -> None:
    ensure_changeable(order)
    if number_of_items < 0:
        raise ValidationFailed("NumberOfItems must not be negative")
    line.ordered_number_of_items = number_of_items
    if line.allocations:
        line.allocations.clear()
        if order.status == st.ALLOCATED:
            set_status(order, st.RELEASED, source="api", comment="order line quantity changed")
