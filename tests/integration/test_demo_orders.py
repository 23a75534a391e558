"""The demo seeding step for orders leaves one order in every status, moved there by the real services."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.orders_support import make_owner
from wms_soap.demo.orders import seed_orders
from wms_soap.services.orders import status as st
from wms_soap.store.orders import Order


def test_seed_orders_covers_every_status(session: Session) -> None:
    owner = make_owner(session, "DEMO")
    ids = seed_orders(session, owner)
    session.commit()
    found = session.scalars(select(Order).where(Order.id.in_(ids)).order_by(Order.id)).all()
    assert [(o.goods_owner_order_number, o.status) for o in found] == [
        (f"DEMO-{status}", status) for status in st.DEFAULT_TEXTS]
    sent = next(o for o in found if o.status == st.SENT)
    assert [p.label_id for p in sent.parcels] == [f"DEMO-TRACK-{sent.id}"] and sent.picked_items
    assert [h.to_status for h in sent.history] == [200, 300, 320, 400, 450]
