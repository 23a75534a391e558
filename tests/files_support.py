"""Objects files attach to, made straight through the store models (no service in between), for the files, sync
and events tests: two goods owners, each with an order, an in-order, an article and a shipment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from tests.factories import make_api_user, make_goods_owner
from wms_soap.store.articles import Article
from wms_soap.store.inorders import InOrder
from wms_soap.store.orders import Order
from wms_soap.store.shipments import Shipment

PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Owned:
    """One goods owner's ids, and its API user."""

    goods_owner_id: int
    code: str
    username: str
    order_id: int
    in_order_id: int
    article_id: int
    shipment_id: int


def make_owned(session: Session, code: str, *, order_number: str = "WEB-1", in_order_number: str = "PO-1",
               article_number: str = "SHOE") -> Owned:
    now = datetime.now(UTC)
    owner = make_goods_owner(session, code=code)
    username = f"WSI{code.lower()}"
    make_api_user(session, owner, username=username, password=PASSWORD)
    order = Order(goods_owner_id=owner.id, goods_owner_order_number=order_number, goods_owner_order_id=f"GO-{code}",
                  created_at=now, updated_at=now, status_changed_at=now)
    in_order = InOrder(goods_owner_id=owner.id, goods_owner_order_number=in_order_number, created_at=now,
                       updated_at=now, status_changed_at=now)
    article = Article(goods_owner_id=owner.id, article_number=article_number, name=f"Article {article_number}",
                      created_at=now, updated_at=now)
    shipment = Shipment(goods_owner_id=owner.id, created_at=now, updated_at=now)
    session.add_all([order, in_order, article, shipment])
    session.flush()
    return Owned(owner.id, code, username, order.id, in_order.id, article.id, shipment.id)


def make_two_owned(session: Session) -> tuple[Owned, Owned]:
    """SHOP and OTHER, whose order, in-order and article numbers all differ, for the goods-owner isolation tests."""
    return make_owned(session, "SHOP"), make_other_owned(session)


def make_other_owned(session: Session) -> Owned:
    return make_owned(session, "OTHER", order_number="WEB-9", in_order_number="PO-9", article_number="HAT")
