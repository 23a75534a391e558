"""Warehouse-wide registers a goods owner reads: the clock, order and in-order status texts, transporter contracts.

Status texts are seeded as defaults (``warehouse_id`` None); a warehouse may override any of them with its own row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.store.access import GoodsOwner
from wms_soap.store.inventory import InOrderStatusText, OrderStatusText, Transporter, TransporterContract

DEFAULT_ORDER_STATUSES = {100: "Notified", 150: "Error", 200: "Open", 300: "Released", 320: "Allocated",
                          400: "Picked", 450: "Sent", 500: "Collected", 1000: "Cancelled"}
DEFAULT_IN_ORDER_STATUSES = {100: "Notified", 200: "Open", 300: "Arrived", 400: "Receiving", 500: "Received",
                             900: "Cancelled"}

StatusModel = type[OrderStatusText] | type[InOrderStatusText]


def system_time() -> datetime:
    """The server's clock, as GetSystemInfo reports it (UTC, without an offset like Ongoing's local times)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _statuses(session: Session, model: StatusModel, defaults: dict[int, str],
              warehouse_id: int | None) -> list[tuple[int, str]]:
    texts = dict(defaults)
    rows = session.execute(select(model.warehouse_id, model.number, model.text)
                           .where((model.warehouse_id.is_(None)) | (model.warehouse_id == warehouse_id))
                           .order_by(model.warehouse_id.is_not(None), model.number))
    for _, number, text in rows:
        texts[number] = text
    return sorted(texts.items())


def order_statuses(session: Session, warehouse_id: int | None = None) -> list[tuple[int, str]]:
    """(number, text) of every order status, with the warehouse's own texts where it has them."""
    return _statuses(session, OrderStatusText, DEFAULT_ORDER_STATUSES, warehouse_id)


def in_order_statuses(session: Session, warehouse_id: int | None = None) -> list[tuple[int, str]]:
    return _statuses(session, InOrderStatusText, DEFAULT_IN_ORDER_STATUSES, warehouse_id)


def order_status_text(session: Session, warehouse_id: int | None, number: int) -> str:
    return dict(order_statuses(session, warehouse_id)).get(number, str(number))


def in_order_status_text(session: Session, warehouse_id: int | None, number: int) -> str:
    return dict(in_order_statuses(session, warehouse_id)).get(number, str(number))


def set_status_text(session: Session, *, warehouse_id: int, number: int, text: str, in_orders: bool = False) -> None:
    """Give one status its own text in one warehouse."""
    model: StatusModel = InOrderStatusText if in_orders else OrderStatusText
    defaults = DEFAULT_IN_ORDER_STATUSES if in_orders else DEFAULT_ORDER_STATUSES
    if number not in defaults:
        raise ValidationFailed(f"Unknown status {number}")
    row = cast(OrderStatusText | InOrderStatusText | None, session.scalars(
        select(model).where(model.warehouse_id == warehouse_id, model.number == number)).first())
    if row is None:
        session.add(model(warehouse_id=warehouse_id, number=number, text=text))
    else:
        row.text = text


# --- transporters ---

def transporter_contracts(session: Session, goods_owner_id: int) -> list[TransporterContract]:
    """The goods owner's active contracts, by transporter code and service code."""
    return list(session.scalars(
        select(TransporterContract).join(Transporter)
        .where(TransporterContract.goods_owner_id == goods_owner_id, TransporterContract.is_active.is_(True))
        .order_by(Transporter.code, TransporterContract.customer_number, TransporterContract.service_code,
                  TransporterContract.id)))


def find_transporter_contract(session: Session, goods_owner_id: int, *, transporter_code: str | None = None,
                              service_code: str | None = None,
                              customer_number: str | None = None) -> TransporterContract | None:
    """The first of the goods owner's contracts matching every value given (None = any)."""
    query = select(TransporterContract).join(Transporter).where(TransporterContract.goods_owner_id == goods_owner_id)
    if transporter_code is not None:
        query = query.where(Transporter.code == transporter_code)
    if service_code is not None:
        query = query.where(TransporterContract.service_code == service_code)
    if customer_number is not None:
        query = query.where(TransporterContract.customer_number == customer_number)
    return session.scalars(query.order_by(TransporterContract.id).limit(1)).first()


def transporter(session: Session, code: str, *, name: str | None = None) -> Transporter:
    """The transporter with this code, created when unknown."""
    if not (code or "").strip():
        raise ValidationFailed("A transporter code is required")
    found = session.scalars(select(Transporter).where(Transporter.code == code)).first()
    if found is None:
        found = Transporter(code=code, name=name or code)
        session.add(found)
    return found


def create_transporter_contract(session: Session, goods_owner_id: int, *, transporter_code: str,
                                transporter_name: str | None = None, service_code: str | None = None,
                                service_name: str | None = None, customer_number: str | None = None,
                                edi_customer_code: str | None = None) -> TransporterContract:
    contract = TransporterContract(goods_owner_id=goods_owner_id,
                                   transporter=transporter(session, transporter_code, name=transporter_name),
                                   service_code=service_code, service_name=service_name,
                                   customer_number=customer_number, edi_customer_code=edi_customer_code,
                                   is_active=True)
    session.add(contract)
    session.flush()
    return contract


@dataclass(frozen=True)
class ContractRef:
    """A TransporterContractClass: identification and operation are the wire enum values."""

    identification: str = "CodeAndServiceCode"
    operation: str = "Find"
    payment: str | None = None
    transporter_code: str | None = None
    service_code: str | None = None
    customer_number: str | None = None


_CONTRACT_KEYS = {
    "CodeAndServiceCodeAndCustomerNumber": ("transporter_code", "service_code", "customer_number"),
    "CodeAndServiceCode": ("transporter_code", "service_code"),
    "Code": ("transporter_code",),
    "ServiceCode": ("service_code",),
    "FiltersSpecified": ("transporter_code", "service_code", "customer_number"),
}


def resolve_contract(session: Session, goods_owner_id: int, ref: ContractRef) -> int:
    """The id of the goods owner's transporter contract the reference names; CreateOrUpdate creates it."""
    keys = _CONTRACT_KEYS.get(ref.identification)
    if keys is None:
        raise ValidationFailed(f"Unknown TransporterContractIdentification {ref.identification!r}")
    wanted = {name: getattr(ref, name) for name in keys if getattr(ref, name) or ref.identification !=
              "FiltersSpecified"}
    if not any(wanted.values()):
        raise ValidationFailed("The transporter contract has no code to find it by")
    contract = find_transporter_contract(session, goods_owner_id, **wanted)
    if contract is None:
        if ref.operation != "CreateOrUpdate" or not ref.transporter_code:
            raise NotFound("Transporter contract " + " / ".join(str(v) for v in wanted.values() if v)
                           + " was not found")
        contract = create_transporter_contract(
            session, goods_owner_id, transporter_code=ref.transporter_code, service_code=ref.service_code,
            customer_number=ref.customer_number)
    return int(contract.id)


def warehouse_of(session: Session, goods_owner_id: int) -> int | None:
    """The warehouse the goods owner is stored in (whose status texts it sees), None when unknown."""
    column = getattr(GoodsOwner, "warehouse_id", None)
    if column is None:
        return None
    warehouse_id: int | None = session.scalar(select(column).where(GoodsOwner.id == goods_owner_id))
    return warehouse_id
