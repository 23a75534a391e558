"""Automated storage (storage lifts, AutoStore-style systems, shuttles) and the handled flags their controllers set.

- ``AutomatedSystem``: the three locations of one system: where goods are put in (``Lift_In``), where the system
  keeps them (``Lift``) and where it hands them out (``Lift_Out``); optionally the one automation user that controls
  it (then only that user may set its handled flags).
- ``ArticleItemInLocation``: an article item placed in a location (Ongoing's ArticleItemInLocationId). A row is made
  whenever stock lands in a location (``services.inventory.stock``); in a system's in-location it is "to be handled"
  until the controller marks it handled.
- ``MovementArticleItem``: stock the system must bring from its store-location to its out-location for an order
  (made when the order is allocated from the store-location); "to be handled" until the controller marks it
  handled, done when the goods reach the out-location, cancelled when the allocation goes.

Tables of other areas are referenced by table name.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Index, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base
from wms_soap.store.inventory import Location

Quantity = Numeric(18, 4)
OPERATOR_LENGTH = 200


class AutomatedSystem(Base):
    """One automated storage system and its in-, store- and out-location (each location serves one system)."""

    __tablename__ = "automated_systems"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    in_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), unique=True)
    store_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), unique=True)
    out_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), unique=True)
    controller_user_id: Mapped[int | None] = mapped_column(ForeignKey("automation_users.id"))
    """The automation user that alone may set this system's handled flags (None: any automation user)."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ArticleItemInLocation(Base):
    """An article item placed in a location; ``handled_at`` is set once (by ArticleItemInLocationHandled)."""

    __tablename__ = "article_items_in_locations"
    __table_args__ = (Index("ix_article_items_in_locations_location_id_handled_at", "location_id", "handled_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_item_id: Mapped[int] = mapped_column(ForeignKey("article_items.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    placed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    handled_by: Mapped[str | None] = mapped_column(String(100))
    """The automation user that marked it handled."""
    handled_operator: Mapped[str | None] = mapped_column(String(OPERATOR_LENGTH))
    """The person operating the equipment, as the call named them."""

    location: Mapped[Location] = relationship(lazy="joined")


class MovementArticleItem(Base):
    """A quantity of one article item the system must move from its store-location to its out-location for an
    order line. ``article_item_id`` follows the goods (the part split off by a move)."""

    __tablename__ = "movement_article_items"
    __table_args__ = (Index("ix_movement_article_items_from_location_id_state", "from_location_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    automated_system_id: Mapped[int] = mapped_column(ForeignKey("automated_systems.id"))
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    article_item_id: Mapped[int] = mapped_column(ForeignKey("article_items.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(Integer)
    from_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    state: Mapped[str] = mapped_column(String(20))
    """``open`` (to move), ``done`` (the goods reached the out-location) or ``cancelled`` (the allocation went)."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    handled_by: Mapped[str | None] = mapped_column(String(100))
    handled_operator: Mapped[str | None] = mapped_column(String(OPERATOR_LENGTH))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    moved_by: Mapped[str | None] = mapped_column(String(100))
    moved_operator: Mapped[str | None] = mapped_column(String(OPERATOR_LENGTH))
