"""Production orders: the goods owner asks the warehouse to build N of a production article from its components.

ProcessProductionOrder creates, updates (lines by ProductionOrderLineNumber) or cancels (Remove) an order; a line's
specification (what it consumes) is sent with the line or, when left out, taken from the article's structure
(ArticleStructureType ProductionArticle). The warehouse reports production (``services.production_warehouse``).
UpdateProductionOrderLines sets the number of items the goods owner has reported to its own system.

A rejected request raises ``ProductionOrderRejected`` carrying the contract's ProcessProductionOrderErrorType.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, inclusive, utcnow
from wms_soap.services.inventory.articles import find_article, lookup_article
from wms_soap.store.articles import Article, ArticleStructureComponent
from wms_soap.store.db import insert_once
from wms_soap.store.production import (
    ProductionOrder,
    ProductionOrderComponent,
    ProductionOrderLine,
)

ZERO = Decimal(0)
OPEN, STARTED, FINISHED, CANCELLED = 100, 200, 300, 1000
STATUS_TEXTS = {OPEN: "Open", STARTED: "Production started", FINISHED: "Produced", CANCELLED: "Cancelled"}
PRODUCTION_ARTICLE = "ProductionArticle"


class ProductionOrderRejected(ValidationFailed):
    """The request breaks a rule the contract names (``error_type`` is a ProcessProductionOrderErrorType)."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type


# --- inputs ---

@dataclass
class ArticleRef:
    """Article_ProductionSpecificationArticleLine: ArticleNumber, ProductCode or ArticleSystemId."""

    identification: str = "ArticleNumber"
    article_number: str | None = None
    product_code: str | None = None
    system_id: int | None = None


@dataclass
class SpecificationLineInput:
    line_number: str | None
    article: ArticleRef | None
    to_consume: Decimal
    comment: str | None = None


@dataclass
class ProductionLineInput:
    line_number: str | None
    article_number: str | None
    to_produce: Decimal
    comment: str | None = None
    min_days_to_expiry_date: int | None = None
    specification: list[SpecificationLineInput] | None = None
    """None: consume what the article's structure says; a list (even empty) replaces it."""


@dataclass
class ProductionOrderInput:
    order_number: str | None
    operation: str = "CreateOrUpdate"
    comment: str | None = None
    production_date: datetime | None = None
    expiry_date: datetime | None = None
    lines: list[ProductionLineInput] = field(default_factory=list)


@dataclass
class ProductionOrderQuery:
    """ProductionOrderFilters in domain terms; empty lists and None mean "no filter"."""

    ids: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    status_from: int | None = None
    status_to: int | None = None
    last_production_from: datetime | None = None
    last_production_to: datetime | None = None
    last_produced_from: datetime | None = None
    last_produced_to: datetime | None = None
    only_with_lines_to_report: bool = False


@dataclass(frozen=True)
class ProductionOrdersView:
    orders: list[ProductionOrder]
    articles: dict[int, Article]


# --- ProcessProductionOrder ---

def process_production_order(session: Session, goods_owner_id: int, data: ProductionOrderInput, *,
                             now: datetime | None = None) -> ProductionOrder:
    """Create, update or (Remove) cancel the order with this number."""
    number = (data.order_number or "").strip()
    if not number:
        raise ProductionOrderRejected("ProductionOrderNumberNotSupplied", "ProductionOrderNumber is required")
    if data.operation not in ("CreateOrUpdate", "Remove"):
        raise ProductionOrderRejected("UnknownError", f"Unknown ProductionOrderOperation {data.operation!r}; use "
                                      "CreateOrUpdate or Remove")
    now = now or utcnow()
    claim_write_lock(session)
    order = _by_number(session, goods_owner_id, number)
    if data.operation == "Remove":
        return _cancel(order, number, now)
    if order is None:
        if not data.lines:
            raise ProductionOrderRejected("UnknownError", f"Production order {number}: ProductionOrderLines are "
                                          "required to create an order")
        order = _new_order(session, goods_owner_id, number, now)
    if order.status in (FINISHED, CANCELLED):
        raise ProductionOrderRejected("UnknownError", f"Production order {number} is "
                                      f"{STATUS_TEXTS[order.status].lower()} and cannot be changed")
    _apply_header(order, data, now)
    _apply_lines(session, order, data.lines)
    session.flush()
    return order


def _by_number(session: Session, goods_owner_id: int, number: str) -> ProductionOrder | None:
    """The order, locked for this transaction (PostgreSQL), so that concurrent changes of one order queue up."""
    return session.scalars(select(ProductionOrder).where(ProductionOrder.goods_owner_id == goods_owner_id,
                                                         ProductionOrder.order_number == number)
                           .with_for_update()).first()


def _new_order(session: Session, goods_owner_id: int, number: str, now: datetime) -> ProductionOrder:
    """A new order, or the one a concurrent request created with the same number meanwhile (then updated)."""
    order = ProductionOrder(goods_owner_id=goods_owner_id, order_number=number, status=OPEN, created_at=now,
                            updated_at=now)
    return insert_once(session, order, lambda: _by_number(session, goods_owner_id, number))


def _cancel(order: ProductionOrder | None, number: str, now: datetime) -> ProductionOrder:
    if order is None:
        raise ProductionOrderRejected("UnknownError", f"Production order {number} was not found")
    if any(line.produced > 0 or any(c.consumed > 0 for c in line.components) for line in order.lines):
        raise ProductionOrderRejected("ErrorUpdatingProductionOrderLine", f"Production order {number} has "
                                      "reported production and cannot be removed")
    if order.status == FINISHED:
        raise ProductionOrderRejected("UnknownError", f"Production order {number} is produced and cannot be removed")
    order.status, order.updated_at = CANCELLED, now
    return order


def _apply_header(order: ProductionOrder, data: ProductionOrderInput, now: datetime) -> None:
    for name in ("comment", "production_date", "expiry_date"):
        value = getattr(data, name)
        if value is not None:
            setattr(order, name, value)
    order.updated_at = now


def _apply_lines(session: Session, order: ProductionOrder, lines: list[ProductionLineInput]) -> None:
    existing = {line.line_number: line for line in order.lines}
    seen: set[str] = set()
    for data in lines:
        number = (data.line_number or "").strip()
        if not number:
            raise ProductionOrderRejected("ErrorUpdatingProductionOrderLine", "ProductionOrderLineNumber is required "
                                          "on every production order line")
        if number in seen:
            raise ProductionOrderRejected("ErrorUpdatingProductionOrderLine", f"ProductionOrderLineNumber {number} "
                                          "appears on more than one line")
        seen.add(number)
        line = existing.get(number) or ProductionOrderLine(line_number=number, produced=ZERO)
        _apply_line(session, order.goods_owner_id, line, data)
        if number not in existing:
            order.lines.append(line)  # only now: a half-filled line must not be autoflushed


def _apply_line(session: Session, goods_owner_id: int, line: ProductionOrderLine, data: ProductionLineInput) -> None:
    label = f"Production order line {line.line_number}"
    if data.to_produce is None or data.to_produce <= 0:
        raise ProductionOrderRejected("ToProduceNumberOfItemsNotAPositiveValue",
                                      f"{label}: ToProduceNumberOfItems must be greater than 0")
    article = _production_article(session, goods_owner_id, data.article_number, label)
    if line.produced > 0 and (article.id != line.article_id or data.to_produce < line.produced):
        raise ProductionOrderRejected("ErrorUpdatingProductionOrderLine",
                                      f"{label} has produced {amount(line.produced)}: its article cannot change and "
                                      "ToProduceNumberOfItems cannot go below that")
    line.article_id, line.to_produce = article.id, data.to_produce
    line.comment = data.comment if data.comment is not None else line.comment
    if data.min_days_to_expiry_date is not None:
        line.min_days_to_expiry_date = data.min_days_to_expiry_date
    if data.specification is None:
        _structure_components(session, line, article, label)
    else:
        _explicit_components(session, goods_owner_id, line, data.specification, label)


def _production_article(session: Session, goods_owner_id: int, number: str | None, label: str) -> Article:
    article = lookup_article(session, goods_owner_id, "ArticleNumber", article_number=number) if number else None
    if article is None:
        raise ProductionOrderRejected("NonExistingArticleSupplied", f"{label}: article {number!r} was not found")
    if article.structure_type != PRODUCTION_ARTICLE:
        raise ProductionOrderRejected("NoneProductionArticleSupplied", f"{label}: article {number} is not a "
                                      "production article (it has no ProductionArticle structure)")
    return article


def _structure_components(session: Session, line: ProductionOrderLine, article: Article, label: str) -> None:
    """Consume ``number_of_items`` per produced item of each structure component, numbered 1, 2, ..."""
    structure = list(session.scalars(select(ArticleStructureComponent)
                                     .where(ArticleStructureComponent.parent_article_id == article.id)
                                     .order_by(ArticleStructureComponent.id)))
    if not structure:
        raise ProductionOrderRejected("NoProductionOrderLineSpecificationLines",
                                      f"{label}: article {article.article_number} has no components to produce from")
    wanted = [SpecificationLineInput(str(i), None, component.number_of_items * line.to_produce)
              for i, component in enumerate(structure, start=1)]
    _replace_components(line, wanted, [c.child_article_id for c in structure], label)


def _explicit_components(session: Session, goods_owner_id: int, line: ProductionOrderLine,
                         specification: list[SpecificationLineInput], label: str) -> None:
    if not specification:
        raise ProductionOrderRejected("NoSpecificationLinesSpecified", f"{label}: Specification has no Lines")
    numbers = [(spec.line_number or "").strip() for spec in specification]
    if not all(numbers):
        raise ProductionOrderRejected("SpecificationLineIsMissingLineNumber",
                                      f"{label}: every specification line needs a LineNumber")
    if len(set(numbers)) != len(numbers):
        raise ProductionOrderRejected("SpecificationLineNumbersAreNotUnique",
                                      f"{label}: specification LineNumbers must be unique")
    article_ids = [_component_article(session, goods_owner_id, spec, label).id for spec in specification]
    numbered = [replace(spec, line_number=number) for spec, number in zip(specification, numbers, strict=True)]
    _replace_components(line, numbered, article_ids, label)


def _component_article(session: Session, goods_owner_id: int, spec: SpecificationLineInput, label: str) -> Article:
    ref = spec.article
    value = None if ref is None else {"ArticleNumber": ref.article_number, "ProductCode": ref.product_code,
                                      "ArticleSystemId": ref.system_id}.get(ref.identification)
    if ref is None or value is None or (isinstance(value, str) and not value.strip()):
        raise ProductionOrderRejected("SpecificationLineIsMissingArticleIdentificationField",
                                      f"{label}, specification line {spec.line_number}: the Article and the field "
                                      "its ArticleIdentification names are required")
    if spec.to_consume is None or spec.to_consume <= 0:
        raise ProductionOrderRejected("ErrorUpdatingProductionOrderLine", f"{label}, specification line "
                                      f"{spec.line_number}: ToConsumeNumberOfItems must be greater than 0")
    identification = "SystemId" if ref.identification == "ArticleSystemId" else ref.identification
    try:
        return find_article(session, goods_owner_id, identification, system_id=ref.system_id,
                            article_number=ref.article_number, product_code=ref.product_code)
    except (NotFound, ValidationFailed) as error:
        raise ProductionOrderRejected("NonExistingArticleSupplied", f"{label}, specification line "
                                      f"{spec.line_number}: {error}") from None


def _replace_components(line: ProductionOrderLine, wanted: list[SpecificationLineInput], article_ids: list[int],
                        label: str) -> None:
    """The line consumes ``wanted``; a consumed component keeps its article and stays even when not wanted."""
    existing = {component.line_number: component for component in line.components}
    kept: list[ProductionOrderComponent] = []
    for spec, article_id in zip(wanted, article_ids, strict=True):
        number = spec.line_number or ""
        component = existing.pop(number, None)
        if component is not None and component.consumed > 0 and component.article_id != article_id:
            raise ProductionOrderRejected("SpecificationLineNumberIsConsumedAndArticleCanNotBeChanged",
                                          f"{label}, specification line {number} is consumed: its article cannot "
                                          "change")
        component = component or ProductionOrderComponent(line_number=number, consumed=ZERO)
        component.article_id, component.to_consume = article_id, spec.to_consume
        if spec.comment is not None:
            component.comment = spec.comment
        kept.append(component)
    kept.extend(component for component in existing.values() if component.consumed > 0)
    line.components[:] = kept


# --- GetProductionOrdersByQuery ---

def query_production_orders(session: Session, goods_owner_id: int,
                            query: ProductionOrderQuery | None = None) -> ProductionOrdersView:
    """The goods owner's production orders that pass every filter, by ascending id, with their articles."""
    query = query or ProductionOrderQuery()
    statement = (select(ProductionOrder).where(ProductionOrder.goods_owner_id == goods_owner_id,
                                               *_conditions(query))
                 .order_by(ProductionOrder.id)
                 .options(selectinload(ProductionOrder.lines).selectinload(ProductionOrderLine.components),
                          selectinload(ProductionOrder.lines).selectinload(ProductionOrderLine.items)))
    orders = list(session.scalars(statement))
    article_ids = {line.article_id for order in orders for line in order.lines}
    article_ids |= {c.article_id for order in orders for line in order.lines for c in line.components}
    article_ids |= {item.article_id for order in orders for line in order.lines for item in line.items}
    return ProductionOrdersView(orders, articles_by_id(session, article_ids))


def _conditions(query: ProductionOrderQuery) -> list[ColumnElement[bool]]:
    order = ProductionOrder
    conditions: list[ColumnElement[bool]] = []
    if query.ids:
        conditions.append(order.id.in_(query.ids))
    if query.numbers:
        conditions.append(order.order_number.in_(query.numbers))
    ranges = ((order.status, query.status_from, query.status_to),
              (order.last_production_at, query.last_production_from, query.last_production_to),
              (order.last_produced_at, query.last_produced_from, query.last_produced_to))
    for column, low, high in ranges:
        conditions += inclusive(column, low, high)
    if query.only_with_lines_to_report:
        line = ProductionOrderLine
        to_report = select(line.id).where(line.production_order_id == order.id,
                                          line.produced != func.coalesce(line.reported, ZERO)).exists()
        conditions.append(to_report)
    return conditions


def amount(value: Decimal) -> str:
    """A quantity for a message: ``3``, not ``3.0000``."""
    return f"{Decimal(value).normalize():f}"


def articles_by_id(session: Session, article_ids: Collection[int]) -> dict[int, Article]:
    if not article_ids:
        return {}
    return {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(list(article_ids))))}


# --- UpdateProductionOrderLines ---

@dataclass
class ReportedUpdate:
    """One UpdateProductionOrderLine: the line (by number or id) and, when sent, its new reported number."""

    identification: str
    line_number: str | None = None
    line_id: int | None = None
    sent: bool = False
    reported: Decimal | None = None


@dataclass(frozen=True)
class ReportedOutcome:
    line_id: int | None
    line_number: str | None
    success: bool
    message: str | None = None


def find_production_order(session: Session, goods_owner_id: int, identification: str, *,
                          order_number: str | None = None, order_id: int | None = None) -> ProductionOrder:
    """The goods owner's order by ProductionOrderNumber or ProductionOrderId; NotFound otherwise."""
    if identification == "ProductionOrderNumber":
        if not (order_number or "").strip():
            raise ValidationFailed("ProductionOrderNumber is required when ProductionOrderIdentificationType is "
                                   "ProductionOrderNumber")
        found = _by_number(session, goods_owner_id, (order_number or "").strip())
    elif identification == "ProductionOrderId":
        order = session.get(ProductionOrder, order_id, with_for_update=True) if order_id else None
        found = order if order is not None and order.goods_owner_id == goods_owner_id else None
    else:
        raise ValidationFailed(f"Unknown ProductionOrderIdentificationType {identification!r}")
    if found is None:
        raise NotFound(f"Production order {order_number if identification == 'ProductionOrderNumber' else order_id} "
                       "was not found")
    return found


def update_production_order_lines(session: Session, goods_owner_id: int, identification: str,
                                  updates: Iterable[ReportedUpdate], *, order_number: str | None = None,
                                  order_id: int | None = None) -> tuple[ProductionOrder, list[ReportedOutcome]]:
    """UpdateProductionOrderLines: the order (NotFound for another goods owner's) and each line's outcome."""
    claim_write_lock(session)
    order = find_production_order(session, goods_owner_id, identification, order_number=order_number,
                                  order_id=order_id)
    return order, update_reported(session, order, updates)


def update_reported(session: Session, order: ProductionOrder, updates: Iterable[ReportedUpdate], *,
                    now: datetime | None = None) -> list[ReportedOutcome]:
    """Set the lines' reported numbers, all or nothing: when one line fails, nothing changes."""
    planned = [(update_, *_plan_reported(order, update_)) for update_ in updates]
    if all(outcome.success for _, outcome, _ in planned):
        for update_, _, line in planned:
            if line is not None and update_.sent:
                line.reported = update_.reported
        order.updated_at = now or utcnow()
        session.flush()
    return [outcome for _, outcome, _ in planned]


def _plan_reported(order: ProductionOrder,
                   update_: ReportedUpdate) -> tuple[ReportedOutcome, ProductionOrderLine | None]:
    line = _line_of(order, update_)
    if line is None:
        key = update_.line_number if update_.identification == "ProductionOrderLineNumber" else update_.line_id
        return ReportedOutcome(update_.line_id, update_.line_number, False,
                               f"Production order line {key} was not found on order {order.order_number}"), None
    if update_.sent and update_.reported is not None and update_.reported < 0:
        return ReportedOutcome(line.id, line.line_number, False,
                               "ReportedNumberOfItems cannot be negative"), None
    return ReportedOutcome(line.id, line.line_number, True), line


def _line_of(order: ProductionOrder, update_: ReportedUpdate) -> ProductionOrderLine | None:
    if update_.identification == "ProductionOrderLineId":
        return next((line for line in order.lines if line.id == update_.line_id), None)
    number = (update_.line_number or "").strip()
    return next((line for line in order.lines if line.line_number == number), None)


# --- GetProductionArticlesByQuery ---

def production_articles(session: Session, goods_owner_id: int, article_ids: Collection[int] = ()) -> list[Article]:
    """The goods owner's production articles (those with a ProductionArticle structure), with their components."""
    has_components = select(ArticleStructureComponent.id).where(
        ArticleStructureComponent.parent_article_id == Article.id).exists()
    statement = (select(Article).where(Article.goods_owner_id == goods_owner_id,
                                       Article.structure_type == PRODUCTION_ARTICLE, has_components)
                 .order_by(Article.id)
                 .options(selectinload(Article.components).selectinload(ArticleStructureComponent.child)))
    if article_ids:
        statement = statement.where(Article.id.in_(list(article_ids)))
    return list(session.scalars(statement))
