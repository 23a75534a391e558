"""Data builders shared by the inbound, returns and invoicing tests (integration and functional)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from wms_soap.services.common import claim_write_lock
from wms_soap.services.inbound import inorders
from wms_soap.services.inbound.inorders import ArticleRef, InOrderInput, InOrderLineInput, SupplierInput
from wms_soap.store.articles import Article
from wms_soap.store.db import session_scope
from wms_soap.store.orders import Order, OrderLine, Parcel, PickedItem


@contextmanager
def warehouse_session(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A transaction for warehouse work beside a live server, writer first as the CLI's (SQLite cannot turn a reader
    into a writer once the server committed, e.g. its audit row, in between)."""
    with session_scope(factory) as session:
        claim_write_lock(session)
        yield session


def make_article(session: Session, goods_owner_id: int, number: str, name: str | None = None) -> Article:
    now = datetime.now(UTC)
    article = Article(goods_owner_id=goods_owner_id, article_number=number, name=name or f"Article {number}",
                      created_at=now, updated_at=now)
    session.add(article)
    session.flush()
    return article


def in_order_input(number: str, lines: dict[str, tuple[str, Decimal | int]], *, operation: str = "CreateOrUpdate",
                   supplier: str | None = "SUP-1", **fields: object) -> InOrderInput:
    """An in-order with lines keyed by external line code: {"10": ("ART-1", 5)}."""
    return InOrderInput(
        identification="GoodsOwnerOrderNumber", operation=operation, goods_owner_order_number=number,
        fields=dict(fields), supplier=SupplierInput(number=supplier, name=f"Supplier {supplier}") if supplier else None,
        lines=[InOrderLineInput("ExternalOrderLineCode", ArticleRef("ArticleNumber", number=article),
                                Decimal(count), external_order_line_code=code)
               for code, (article, count) in lines.items()])


def create_in_order(session: Session, goods_owner_id: int, number: str,
                    lines: dict[str, tuple[str, Decimal | int]], **fields: Any) -> int:
    outcome = inorders.process_in_order(session, in_order_input(number, lines, **fields),
                                        goods_owner_id=goods_owner_id)
    return outcome.in_order_id


def make_shipped_order(session: Session, goods_owner_id: int, number: str,
                       lines: dict[str, tuple[Article, int]], *, parcels: int = 1,
                       shipped_at: datetime | None = None) -> Order:
    """An order as the warehouse leaves it after shipping (450): lines fully picked, parcels with tracking numbers."""
    now = shipped_at or datetime.now(UTC)
    order = Order(goods_owner_id=goods_owner_id, goods_owner_order_number=number, status=450, created_at=now,
                  updated_at=now, status_changed_at=now, shipped_time=now, waybill=f"WB-{number}")
    for code, (article, count) in lines.items():
        line = OrderLine(article_id=article.id, external_order_line_code=code, ordered_number_of_items=Decimal(count),
                         picked_number_of_items=Decimal(count), returned_number_of_items=Decimal(0))
        order.lines.append(line)
    session.add(order)
    session.flush()
    for line in order.lines:
        order.picked_items.append(PickedItem(order_line_id=line.id, number_of_items=line.picked_number_of_items,
                                             picked_at=now, location_code="A-01-01", returned=False))
    order.parcels.extend(Parcel(label_id=f"TRK-{number}-{n}", created_at=now) for n in range(parcels))
    session.flush()
    return order
