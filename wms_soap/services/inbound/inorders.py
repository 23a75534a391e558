"""In-orders: what a goods owner announces that it will send to the warehouse, and what the warehouse received.

The goods owner writes in-orders (create, update, cancel) and reads them back with what has been received; the
warehouse side (``services/warehouse_inbound.py``) receives and puts away against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, utcnow
from wms_soap.services.inbound.inorder_details import (
    AdvisedItemInput,
    InOrderCustomerInput,
    LineTypeInput,
    WarehouseInput,
    check_fits,
    find_warehouse,
    resolve_in_order_customer,
    resolve_item_status,
    resolve_line_type,
    set_advised_items,
)
from wms_soap.services.inbound.inorder_queries import (
    InboundQuantities,
    InOrderQuery,
    advised_total,
    article_names,
    articles_by_id,
    creator_system_names,
    get_in_order,
    get_in_order_by_number,
    inbound_quantities,
    query_in_orders,
    received_total,
    status_reports,
)
from wms_soap.services.inbound.returns import ReturnCauseInput, resolve_cause
from wms_soap.services.inventory import articles
from wms_soap.services.orders.customers import RegisterRef, resolve_register
from wms_soap.services.suppliers import SupplierGroupInput, SupplierInput, resolve_supplier
from wms_soap.store.access import GoodsOwner
from wms_soap.store.inorders import (
    IN_ORDER_STATUS_TEXTS,
    STATUS_CANCELLED,
    STATUS_NOTIFIED,
    STATUS_RECEIVED,
    InOrder,
    InOrderLine,
    InOrderType,
)
from wms_soap.store.orders import TermsOfDeliveryType, WayOfDeliveryType

ZERO = Decimal(0)

__all__ = [  # the area's service API: the writes below, and the reads of inorder_queries and inorder_details
    "AdvisedItemInput", "ArticleRef", "Creator", "InOrderCustomerInput", "InOrderInput", "InOrderLineInput",
    "InOrderLineUpdate", "InOrderQuery", "InOrderTypeInput", "InOrderUpdate", "InboundQuantities", "LineTypeInput",
    "ProcessInOrderOutcome", "RegisterRef", "ReturnCauseInput", "SupplierGroupInput", "SupplierInput",
    "WarehouseInput", "advised_total", "article_names", "articles_by_id", "cancel_in_order", "creator_system_names",
    "find_article", "get_in_order", "get_in_order_by_number",
    "inbound_quantities", "process_in_order", "query_in_orders", "received_total", "resolve_supplier",
    "set_status", "status_reports", "update_in_order", "update_in_order_lines",
]


@dataclass(frozen=True)
class ArticleRef:
    """How a line names its article: ArticleIdentification and the values it may use."""

    identification: str = "ArticleNumber"  # SystemId | ArticleNumber | ProductCode | ArticleName
    system_id: int | None = None
    number: str | None = None
    product_code: str | None = None
    name: str | None = None

    @property
    def given(self) -> bool:
        return any(v for v in (self.system_id, self.number, self.product_code, self.name))


def find_article(session: Session, goods_owner_id: int, ref: ArticleRef) -> Any:
    """The goods owner's article named by ``ref`` (the articles area decides how); NotFound when there is none."""
    return articles.find_article(session, goods_owner_id, ref.identification, system_id=ref.system_id,
                                 article_number=ref.number, product_code=ref.product_code, name=ref.name)


# --- inputs -----------------------------------------------------------------------------------------------------

@dataclass
class InOrderTypeInput:
    operation: str = "Find"  # Find | CreateOrFind
    identification: str = "InOrderTypeCode"  # InOrderTypeCode | InOrderTypeName
    code: str | None = None
    name: str | None = None


@dataclass
class InOrderLineInput:
    identification: str  # ExternalOrderLineCode | ArticleNumber | ArticleName | ExternalOrderLineId | SystemId
    article: ArticleRef
    number_of_items: Decimal
    line_system_id: int | None = None
    external_order_line_code: str | None = None
    external_order_line_id: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # other InOrderLine columns, None = unchanged
    items: list[AdvisedItemInput] | None = None  # Items: None = unchanged, [] = none advised
    line_type: LineTypeInput | None = None
    return_cause: ReturnCauseInput | None = None
    article_definition: Any = None  # ArticleDef: an articles.ArticleInput, created or updated first


@dataclass
class InOrderInput:
    identification: str = "GoodsOwnerOrderNumber"  # ExternalOrderCode | GoodsOwnerOrderNumber | SystemId | ...Reference
    operation: str = "Create"  # Create | CreateOrUpdate | Remove
    in_order_id: int | None = None
    goods_owner_order_number: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # InOrder columns, None = unchanged
    status_created: int | None = None
    status_updated: int | None = None
    in_order_type: InOrderTypeInput | None = None
    supplier: SupplierInput | None = None
    seller: SupplierInput | None = None
    customer: InOrderCustomerInput | None = None
    warehouse: WarehouseInput | None = None
    way_of_delivery_type: RegisterRef | None = None
    terms_of_delivery_type: RegisterRef | None = None
    goods_owner: tuple[int | None, str | None] | None = None  # the in-order's GoodsOwner (id, code), if given
    lines: list[InOrderLineInput] = field(default_factory=list)


@dataclass(frozen=True)
class Creator:
    """Who sends a ProcessInOrder: the API user (Ongoing's WSI external system) and the request's id.

    The CLI and the demo create in-orders without one; GetInOrdersByQuery filters on both."""

    username: str | None = None
    api_user_id: int | None = None
    request_id: str | None = None


@dataclass(frozen=True)
class ProcessInOrderOutcome:
    in_order_id: int
    goods_owner_order_number: str
    message: str


# --- ProcessInOrder ---------------------------------------------------------------------------------------------

def process_in_order(session: Session, data: InOrderInput, *, goods_owner_id: int,
                     creator: Creator | None = None) -> ProcessInOrderOutcome:
    """Create, create-or-update or cancel (Remove) one in-order with its lines."""
    claim_write_lock(session)
    _check_goods_owner(session, data.goods_owner, goods_owner_id)
    existing = find_in_order_for_input(session, data, goods_owner_id)
    if data.operation == "Remove":
        if existing is None:
            raise NotFound("The in-order to remove was not found")
        cancel_in_order(existing)
        return ProcessInOrderOutcome(existing.id, existing.goods_owner_order_number, "In-order cancelled")
    if data.operation not in ("Create", "CreateOrUpdate"):
        raise ValidationFailed(f"Unknown InOrderOperation {data.operation!r}")
    if existing is not None and data.operation == "Create":
        raise Conflict(f"An in-order with number {existing.goods_owner_order_number} already exists")
    in_order = _insert_in_order(session, data, goods_owner_id, creator or Creator()) if existing is None else None
    message = "In-order created"
    if in_order is None:
        # Updating, or another request created the same number between our read and our insert.
        in_order = existing or find_in_order_for_input(session, data, goods_owner_id)
        if in_order is None or data.operation == "Create":
            raise Conflict(f"An in-order with number {data.goods_owner_order_number} already exists")
        _apply_header(session, in_order, data, goods_owner_id, status=data.status_updated)
        message = "In-order updated"
    _apply_lines(session, in_order, data.lines, goods_owner_id)
    session.flush()
    return ProcessInOrderOutcome(in_order.id, in_order.goods_owner_order_number, message)


def find_in_order_for_input(session: Session, data: InOrderInput, goods_owner_id: int) -> InOrder | None:
    query = select(InOrder).where(InOrder.goods_owner_id == goods_owner_id)
    if data.identification == "SystemId":
        if not data.in_order_id:
            return None
        return session.scalar(query.where(InOrder.id == data.in_order_id))
    if not data.goods_owner_order_number:
        raise ValidationFailed("GoodsOwnerOrderNumber is required")
    if data.identification == "GoodsOwnerReference" and data.fields.get("goods_owner_reference"):
        return session.scalar(query.where(InOrder.goods_owner_reference == data.fields["goods_owner_reference"]))
    return session.scalar(query.where(InOrder.goods_owner_order_number == data.goods_owner_order_number))


def _check_goods_owner(session: Session, given: tuple[int | None, str | None] | None, goods_owner_id: int) -> None:
    """An in-order's GoodsOwner, when given, must be the caller's own."""
    if given is None:
        return
    wanted_id, wanted_code = given
    owner = session.get(GoodsOwner, goods_owner_id)
    if (wanted_id and wanted_id != goods_owner_id) or (wanted_code and owner is not None
                                                       and wanted_code != owner.code):
        raise ValidationFailed(f"GoodsOwner {wanted_code or wanted_id} is not the goods owner of this user")


def _insert_in_order(session: Session, data: InOrderInput, goods_owner_id: int,
                     creator: Creator) -> InOrder | None:
    """The new in-order, or None when the unique number was taken concurrently."""
    if not data.goods_owner_order_number:
        raise ValidationFailed("GoodsOwnerOrderNumber is required")
    now = utcnow()
    in_order = InOrder(goods_owner_id=goods_owner_id, goods_owner_order_number=data.goods_owner_order_number,
                       status=STATUS_NOTIFIED, created_at=now, updated_at=now, status_changed_at=now,
                       created_by_username=creator.username, created_by_api_user_id=creator.api_user_id,
                       created_by_request_id=creator.request_id, is_return_type=False,
                       warehouse_id=_goods_owner_warehouse(session, goods_owner_id))
    _apply_header(session, in_order, data, goods_owner_id, status=data.status_created)
    try:
        with session.begin_nested():
            session.add(in_order)
    except IntegrityError:
        return None
    return in_order


def _apply_header(session: Session, in_order: InOrder, data: InOrderInput, goods_owner_id: int,
                  *, status: int | None) -> None:
    if in_order.status == STATUS_CANCELLED:
        raise Conflict(f"In-order {in_order.goods_owner_order_number} is cancelled")
    for name, value in data.fields.items():
        if value is not None:
            setattr(in_order, name, value)
    check_fits(in_order)
    _apply_parties(session, in_order, data, goods_owner_id)
    if data.in_order_type is not None:
        in_order.in_order_type = _resolve_in_order_type(session, data.in_order_type, goods_owner_id)
    if status:
        set_status(in_order, status)
    in_order.updated_at = utcnow()


def _apply_parties(session: Session, in_order: InOrder, data: InOrderInput, goods_owner_id: int) -> None:
    if data.supplier is not None:
        in_order.supplier = resolve_supplier(session, data.supplier, goods_owner_id)
    if data.seller is not None:
        in_order.seller = resolve_supplier(session, data.seller, goods_owner_id)
    if data.customer is not None:
        in_order.customer = resolve_in_order_customer(session, data.customer, goods_owner_id)
    if data.warehouse is not None:
        in_order.warehouse = find_warehouse(session, data.warehouse)
    if data.way_of_delivery_type is not None:
        in_order.way_of_delivery_type = resolve_register(session, WayOfDeliveryType, goods_owner_id,
                                                         data.way_of_delivery_type)
    if data.terms_of_delivery_type is not None:
        in_order.terms_of_delivery_type = resolve_register(session, TermsOfDeliveryType, goods_owner_id,
                                                           data.terms_of_delivery_type)


def _goods_owner_warehouse(session: Session, goods_owner_id: int) -> int | None:
    """An in-order is for the goods owner's warehouse unless it names another."""
    owner = session.get(GoodsOwner, goods_owner_id)
    return owner.warehouse_id if owner is not None else None


def set_status(in_order: InOrder, status: int) -> None:
    if status not in IN_ORDER_STATUS_TEXTS:
        raise ValidationFailed(f"Unknown in-order status {status}")
    if status != in_order.status:
        in_order.status = status
        in_order.status_changed_at = in_order.updated_at = utcnow()


def cancel_in_order(in_order: InOrder) -> None:
    if any(line.received_number_of_items for line in in_order.lines):
        raise Conflict(f"In-order {in_order.goods_owner_order_number} cannot be cancelled: goods have been received")
    set_status(in_order, STATUS_CANCELLED)


def _resolve_in_order_type(session: Session, data: InOrderTypeInput, goods_owner_id: int) -> InOrderType:
    query = select(InOrderType).where(InOrderType.goods_owner_id == goods_owner_id)
    if data.identification == "InOrderTypeName":
        found = session.scalar(query.where(InOrderType.name == data.name).limit(1))
    else:
        found = session.scalar(query.where(InOrderType.code == data.code))
    if found is None:
        if data.operation != "CreateOrFind":
            raise NotFound(f"In-order type {data.code or data.name} was not found")
        found = InOrderType(goods_owner_id=goods_owner_id, code=data.code or data.name or "", name=data.name)
        session.add(found)
    return found


def _apply_lines(session: Session, in_order: InOrder, lines: Sequence[InOrderLineInput], goods_owner_id: int) -> None:
    if in_order.status >= STATUS_RECEIVED and lines:
        raise Conflict(f"In-order {in_order.goods_owner_order_number} is received and cannot be changed")
    kept: set[int] = set()
    for data in lines:
        defined = _define_article(session, data, goods_owner_id)
        line = _match_line(session, in_order, data, goods_owner_id)
        if line is None:
            article_id = defined or find_article(session, goods_owner_id, data.article).id
            line = InOrderLine(article_id=article_id, received_number_of_items=ZERO,
                               created_number_of_items=data.number_of_items)
            in_order.lines.append(line)
        elif data.article.given or defined:
            line.article_id = defined or find_article(session, goods_owner_id, data.article).id
        _fill_line(session, line, data, goods_owner_id)
        session.flush()
        kept.add(line.id)
    if lines:
        for line in list(in_order.lines):
            if line.id not in kept and not line.received_number_of_items:
                in_order.lines.remove(line)


def _define_article(session: Session, data: InOrderLineInput, goods_owner_id: int) -> int | None:
    """A line's ArticleDef creates or updates the article (as ProcessArticle would); its id, or None."""
    if data.article_definition is None:
        return None
    article_id: int = articles.process_article(session, goods_owner_id, data.article_definition).article.id
    return article_id


def _fill_line(session: Session, line: InOrderLine, data: InOrderLineInput, goods_owner_id: int) -> None:
    if data.number_of_items < 0:
        raise ValidationFailed("NumberOfItems of an in-order line cannot be negative")
    if data.number_of_items < line.received_number_of_items:
        raise Conflict("NumberOfItems cannot be less than what has already been received on the line")
    line.advised_number_of_items = data.number_of_items
    line.external_order_line_code = data.external_order_line_code or line.external_order_line_code
    line.external_order_line_id = data.external_order_line_id or line.external_order_line_id
    for name, value in data.fields.items():
        if value is not None:
            setattr(line, name, value)
    check_fits(line)
    if data.fields.get("item_status_id") or data.fields.get("item_status_code"):
        line.item_status_id, line.item_status_code = resolve_item_status(
            session, data.fields.get("item_status_id"), data.fields.get("item_status_code"))
    if data.return_cause is not None:
        line.return_cause = resolve_cause(session, data.return_cause, goods_owner_id)
    if data.line_type is not None:
        line_type = resolve_line_type(session, data.line_type, goods_owner_id)
        line.line_type_code, line.line_type_name = line_type.code, line_type.name
    if data.items is not None:
        set_advised_items(session, line, data.items, data.number_of_items)


def _match_line(session: Session, in_order: InOrder, data: InOrderLineInput,
                goods_owner_id: int) -> InOrderLine | None:
    kind = data.identification
    if kind in ("ArticleNumber", "ArticleName"):
        article_id = find_article(session, goods_owner_id, data.article).id
        return next((line for line in in_order.lines if line.article_id == article_id), None)
    wanted: int | str | None
    if kind == "SystemId":
        key, wanted = "id", data.line_system_id
    elif kind == "ExternalOrderLineId":
        key, wanted = "external_order_line_id", data.external_order_line_id
    else:
        key, wanted = "external_order_line_code", data.external_order_line_code
    if not wanted:
        return None
    return next((line for line in in_order.lines if getattr(line, key) == wanted), None)


# --- UpdateInOrder / UpdateInOrderLines -------------------------------------------------------------------------

@dataclass
class InOrderUpdate:
    identification: str = "GoodsOwnerOrderNumber"  # GoodsOwnerOrderNumber | SystemId
    number: str | None = None
    in_order_id: int | None = None
    status: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # free_text1..3, free_bool1, in_date, advised_date


def update_in_order(session: Session, update: InOrderUpdate, *, goods_owner_id: int) -> InOrder:
    in_order = _identified(session, update.identification, update.number, update.in_order_id, goods_owner_id)
    for name, value in update.fields.items():
        setattr(in_order, name, value)
    check_fits(in_order)
    if update.status is not None:
        set_status(in_order, update.status)
    in_order.updated_at = utcnow()
    return in_order


@dataclass
class InOrderLineUpdate:
    identification: str = "ExternalOrderLineCode"  # ExternalOrderLineCode | InOrderLineId
    external_order_line_code: str | None = None
    line_id: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # reported/acknowledged/advised numbers, in_date, comment
    reported_item_ids: dict[int, bool] = field(default_factory=dict)  # received item id -> IsInReported


def update_in_order_lines(session: Session, identification: str, number: str | None, in_order_id: int | None,
                          updates: Sequence[InOrderLineUpdate], *, goods_owner_id: int) -> InOrder:
    in_order = _identified(session, identification, number, in_order_id, goods_owner_id)
    for update in updates:
        line = _identified_line(in_order, update)
        advised = update.fields.get("advised_number_of_items")
        if advised is not None and advised < line.received_number_of_items:
            raise Conflict("NumberOfItems cannot be less than what has already been received on the line")
        for name, value in update.fields.items():
            setattr(line, name, value)
        check_fits(line)
        for item in line.received_items:
            if item.id in update.reported_item_ids:
                item.is_in_reported = update.reported_item_ids[item.id]
    in_order.updated_at = utcnow()
    return in_order


def _identified(session: Session, identification: str, number: str | None, in_order_id: int | None,
                goods_owner_id: int) -> InOrder:
    if identification == "SystemId":
        return get_in_order(session, goods_owner_id=goods_owner_id, in_order_id=in_order_id or -1)
    return get_in_order(session, goods_owner_id=goods_owner_id, number=number)


def _identified_line(in_order: InOrder, update: InOrderLineUpdate) -> InOrderLine:
    for line in in_order.lines:
        if update.identification == "InOrderLineId" and line.id == update.line_id:
            return line
        if update.identification != "InOrderLineId" and update.external_order_line_code is not None \
                and line.external_order_line_code == update.external_order_line_code:
            return line
    raise NotFound(f"In-order line {update.external_order_line_code or update.line_id} was not found")
