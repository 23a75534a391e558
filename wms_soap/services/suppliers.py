"""The supplier register of a goods owner, shared by articles (MainSupplier, AlternativeSuppliers) and in-orders
(InOrderSupplier, Seller): a supplier ProcessArticle created is the one ProcessInOrder finds, and the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.inbound.inorder_details import check_fits
from wms_soap.store.db import insert_once
from wms_soap.store.suppliers import Supplier

SUPPLIER_ADDRESS_FIELDS = ("address", "address2", "address3", "post_code", "city", "country_code",
                           "country_state_code", "telephone", "mobile_phone", "email", "remark",
                           "delivery_instruction")
OPERATIONS = ("CreateOrUpdate", "CreateOrFind", "Find")
IDENTIFICATIONS = ("SupplierNumber", "SupplierName", "FullNameAndAdress")


@dataclass
class SupplierGroupInput:
    operation: str = "FindOrCreate"  # FindOrCreate | Clear
    code: str | None = None
    name: str | None = None


@dataclass
class SupplierInput:
    """A supplier as a request names it: an article's Supplier, an InOrderSupplier or an in-order's Seller."""

    identification: str = "SupplierNumber"  # SupplierNumber | FullNameAndAdress | SupplierName
    operation: str = "CreateOrUpdate"  # CreateOrUpdate | CreateOrFind | Find
    number: str | None = None
    name: str | None = None
    address: str | None = None
    post_code: str | None = None
    city: str | None = None
    country_code: str | None = None
    address2: str | None = None
    address3: str | None = None
    country_state_code: str | None = None
    telephone: str | None = None
    mobile_phone: str | None = None
    email: str | None = None
    remark: str | None = None
    delivery_instruction: str | None = None
    group: SupplierGroupInput | None = None
    comment: str | None = None


def resolve_supplier(session: Session, data: SupplierInput, goods_owner_id: int) -> Supplier:
    """Find the supplier; create it unless the operation is Find; update it only for CreateOrUpdate."""
    if data.operation not in OPERATIONS:
        raise ValidationFailed(f"Unknown supplier operation {data.operation!r} (one of {', '.join(OPERATIONS)})")
    supplier = _find_supplier(session, data, goods_owner_id)
    created = supplier is None
    if supplier is None:
        if data.operation == "Find":
            raise NotFound(f"Supplier {data.number or data.name} was not found")
        supplier = _insert_supplier(session, goods_owner_id, data.number)
    if created or data.operation == "CreateOrUpdate":
        _update_supplier(supplier, data)
        check_fits(supplier)
    return supplier


def _find_supplier(session: Session, data: SupplierInput, goods_owner_id: int) -> Supplier | None:
    query = select(Supplier).where(Supplier.goods_owner_id == goods_owner_id).order_by(Supplier.id)
    if data.identification == "SupplierName":
        if not data.name:
            raise ValidationFailed("SupplierName is required to identify the supplier by name")
        return session.scalars(query.where(Supplier.name == data.name)).first()
    if data.identification == "FullNameAndAdress":
        if not data.name:
            raise ValidationFailed("SupplierName is required to identify the supplier by name and address")
        same_place = [column.is_(None) if value is None else column == value for column, value in (
            (Supplier.name, data.name), (Supplier.address, data.address), (Supplier.post_code, data.post_code),
            (Supplier.city, data.city))]
        return session.scalars(query.where(*same_place)).first()
    if data.identification != "SupplierNumber":
        raise ValidationFailed(f"Unknown supplier identification {data.identification!r} "
                               f"(one of {', '.join(IDENTIFICATIONS)})")
    if not (data.number or "").strip():
        raise ValidationFailed("SupplierNumber is required to identify the supplier")
    return session.scalar(query.where(Supplier.supplier_number == data.number))


def _update_supplier(supplier: Supplier, data: SupplierInput) -> None:
    for name in ("name", *SUPPLIER_ADDRESS_FIELDS, "comment"):
        if getattr(data, name) is not None:
            setattr(supplier, name, getattr(data, name))
    if data.number is not None:
        supplier.supplier_number = data.number
    group = data.group
    if group is not None:
        if group.operation == "Clear":
            supplier.supplier_group_code = supplier.supplier_group_name = None
        elif group.operation == "FindOrCreate":
            supplier.supplier_group_code, supplier.supplier_group_name = group.code, group.name
        else:
            raise ValidationFailed(f"Unknown SupplierGroupOperation {group.operation!r}")


def _insert_supplier(session: Session, goods_owner_id: int, number: str | None) -> Supplier:
    """A new supplier, or the one another request created with the same number a moment ago."""
    supplier = Supplier(goods_owner_id=goods_owner_id, supplier_number=number)
    check_fits(supplier)
    if not number:
        session.add(supplier)
        return supplier
    return insert_once(session, supplier, lambda: session.scalar(select(Supplier).where(
        Supplier.goods_owner_id == goods_owner_id, Supplier.supplier_number == number)))
