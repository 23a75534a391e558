"""Data builders shared by the outbound order tests (integration and functional)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from tests import factories
from wms_soap.services.inventory import stock
from wms_soap.services.inventory.articles import ArticleKey
from wms_soap.services.orders import orders
from wms_soap.services.orders.customers import CustomerInput
from wms_soap.services.orders.orders import LineInput, OrderInput
from wms_soap.store.access import Warehouse
from wms_soap.store.articles import Article


def make_owner(session: Session, code: str) -> int:
    """A goods owner allowed API access, in the first warehouse (made if there is none); its id."""
    warehouse = session.scalars(select(Warehouse).order_by(Warehouse.id)).first() or factories.make_warehouse(session)
    owner = factories.make_goods_owner(session, warehouse=warehouse, code=code, api_access=True)
    session.flush()
    return int(owner.id)


def make_article(session: Session, goods_owner_id: int, number: str, name: str | None = None) -> Article:
    now = datetime.now(UTC)
    article = Article(goods_owner_id=goods_owner_id, article_number=number, name=name or f"Article {number}",
                      created_at=now, updated_at=now)
    session.add(article)
    session.flush()
    return article


def add_stock(session: Session, goods_owner_id: int, article: Article, quantity: int | Decimal, *,
              location: str = "A-01-01", batch: str | None = None, serial: str | None = None,
              expiry_date: datetime | None = None) -> int:
    return stock.add_stock(session, goods_owner_id=goods_owner_id, article_id=article.id, location_code=location,
                               quantity=Decimal(quantity), batch=batch, serial=serial, expiry_date=expiry_date,
                               comment="test stock")


def line(article_number: str, quantity: int | Decimal, code: str | None = None, *,
         identification: str = "ExternalOrderLineCode", **values: object) -> LineInput:
    if code is not None:
        values["external_order_line_code"] = code
    return LineInput(identification=identification, article=ArticleKey("ArticleNumber", article_number=article_number),
                     number_of_items=Decimal(quantity), values=dict(values))


def customer(number: str = "C-1", operation: str = "CreateOrUpdate", **values: object) -> CustomerInput:
    return CustomerInput(operation=operation, identification="CustomerNumber",
                         values={"customer_number": number, "name": f"Customer {number}", **values})


def order_input(number: str, lines: list[LineInput] | None, *, operation: str = "CreateOrUpdate",
                identification: str = "GoodsOwnerOrderNumber", with_customer: bool = True,
                **values: object) -> OrderInput:
    return OrderInput(identification=identification, operation=operation,
                      values={"goods_owner_order_number": number, **values}, lines=lines,
                      customer=customer() if with_customer else None)


def create_order(session: Session, goods_owner_id: int, number: str, lines: list[LineInput], **values: object) -> int:
    """CreateOrUpdate an order with a customer; ``values`` are order columns."""
    data = order_input(number, lines)
    data.values.update(values)
    return orders.process_order(session, goods_owner_id, data).order_id
