"""Demo seeding step for outbound orders: one order in every order status, moved there by the real services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.services.inventory import stock
from wms_soap.services.inventory.articles import ArticleKey
from wms_soap.services.orders import orders
from wms_soap.services.orders import status as st
from wms_soap.services.orders.customers import CustomerInput
from wms_soap.services.warehouse import outbound
from wms_soap.store.articles import Article

DEMO_ARTICLE = "DEMO-ORDER-ART"


def _article(session: Session, goods_owner_id: int) -> Article:
    article = session.scalars(select(Article).where(Article.goods_owner_id == goods_owner_id,
                                                    Article.article_number == DEMO_ARTICLE)).first()
    if article is None:
        now = datetime.now(UTC)
        article = Article(goods_owner_id=goods_owner_id, article_number=DEMO_ARTICLE, name="Demo order article",
                          created_at=now, updated_at=now)
        session.add(article)
        session.flush()
    return article


def _to_status(session: Session, order_id: int, status: int) -> None:
    steps: dict[int, list[Callable[[], object]]] = {
        st.NOTIFIED: [], st.OPEN: [],
        st.ERROR: [lambda: orders.set_status(outbound.load_order(session, order_id), st.ERROR, source="demo")],
        st.RELEASED: [lambda: outbound.release_order(session, order_id)],
        st.ALLOCATED: [lambda: outbound.allocate_order(session, order_id)],
        st.CANCELLED: [lambda: outbound.cancel_order(session, order_id)],
    }
    shipped: list[Callable[[], object]] = [lambda: outbound.allocate_order(session, order_id),
               lambda: outbound.pick_remaining(session, order_id),
               lambda: outbound.pack(session, order_id, [outbound.ParcelRequest(
                   label_id=f"DEMO-TRACK-{order_id}", tracking_url=f"https://tracking.example/{order_id}")],
                   waybill=f"DEMO-WB-{order_id}")]
    steps[st.PICKED] = shipped[:2]
    steps[st.SENT] = [*shipped, lambda: outbound.ship(session, order_id)]
    steps[st.COLLECTED] = [*steps[st.SENT], lambda: outbound.collect(session, order_id)]
    for step in steps[status]:
        step()


def seed_orders(session: Session, goods_owner_id: int) -> list[int]:
    """Create DEMO-<status> orders (with stock for them) for the goods owner; returns their ids."""
    article = _article(session, goods_owner_id)
    stock.add_stock(session, goods_owner_id=goods_owner_id, article_id=article.id, location_code="DEMO-01",
                        quantity=Decimal(100), comment="demo stock for orders")
    created = []
    for status in st.DEFAULT_TEXTS:
        data = orders.OrderInput(
            identification="GoodsOwnerOrderNumber", operation="CreateOrUpdate",
            values={"goods_owner_order_number": f"DEMO-{status}", "reference_number": f"Demo {status}"},
            status_created=st.NOTIFIED if status == st.NOTIFIED else None,
            customer=CustomerInput("CreateOrUpdate", "CustomerNumber",
                                   values={"customer_number": "DEMO-C1", "name": "Demo Customer",
                                           "address": "Demo Street 1", "post_code": "11122", "city": "Stockholm",
                                           "country_code": "SE"}),
            lines=[orders.LineInput("ExternalOrderLineCode", ArticleKey("SystemId", system_id=article.id),
                                    Decimal(2), values={"external_order_line_code": "1"})])
        order_id = orders.process_order(session, goods_owner_id, data).order_id
        _to_status(session, order_id, status)
        created.append(order_id)
    return created
