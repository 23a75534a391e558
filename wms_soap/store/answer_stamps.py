"""Answer stamps: what proves that nothing a cached order answer shows has changed since it was built.

An order's stamp is (goods owner's epoch, goods owner's generation, order id, the order's ``answer_generation``).
Database triggers, not the application, count the two generations up (migration ``0012_answer_stamps`` lists
every table and why): any write of the order or of a row that belongs to it counts up the order's counter; a change
of a register many orders show (articles, order types, status texts, ...) or an order's deletion counts up the
goods owner's. The triggers run in the writer's own transaction, so a write by the CLI, by another server process
or by hand in ``psql`` counts as well. ``epoch`` is random per goods owner row, so a goods owner made again under
an old id does not meet old stamps.

Reading the stamp FIRST and the data after it is what makes a cached answer safe: the data is at least as new as
the stamp it is filed under, and a later read of the same stamp proves that nothing it shows has changed since.
"""

from __future__ import annotations

import functools

from sqlalchemy import BigInteger, Engine, ForeignKey, Select, bindparam, select
from sqlalchemy.orm import Mapped, mapped_column

from wms_soap.store.base import Base
from wms_soap.store.orders import Order
from wms_soap.store.raw_select import RawSelect

Stamp = tuple[int, int, int, int]
"""(epoch, goods owner's generation, order id, order's answer generation)."""


class AnswerStamp(Base):
    """The goods owner's part of its orders' stamps (rows made and counted up by triggers only)."""

    __tablename__ = "answer_stamps"

    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id", ondelete="CASCADE"),
                                                primary_key=True, autoincrement=False)
    epoch: Mapped[int] = mapped_column(BigInteger)
    generation: Mapped[int] = mapped_column(BigInteger)


@functools.cache
def _order_stamp_query(by_number: bool) -> Select[int, int, int, int]:
    """Built on first use (the models must all be mapped by then), once: ``RawSelect`` compiles it once."""
    key = Order.goods_owner_order_number if by_number else Order.id
    return (select(AnswerStamp.epoch, AnswerStamp.generation, Order.id, Order.answer_generation)
            .join(AnswerStamp, AnswerStamp.goods_owner_id == Order.goods_owner_id)
            .where(Order.goods_owner_id == bindparam("owner"), key == bindparam("key")))


def order_stamp(engine: Engine, goods_owner_id: int, *, order_id: int | None = None,
                order_number: str | None = None) -> Stamp | None:
    """The current stamp of the goods owner's order with this id or number (committed state, on a raw pooled
    connection); ``None`` when there is no such order."""
    statement = _order_stamp_query(order_id is None)
    key = order_id if order_id is not None else order_number
    row = RawSelect.of(statement, engine.dialect).one(engine, {"owner": goods_owner_id, "key": key})
    if row is None:
        return None
    return row["epoch"], row["generation"], row["id"], row["answer_generation"]
