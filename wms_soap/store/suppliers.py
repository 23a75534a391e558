"""The supplier register of a goods owner: one register for articles (MainSupplier, AlternativeSuppliers) and
in-orders (InOrderSupplier, Seller), as Ongoing keeps it. Tables of other areas are referenced by table name."""

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from wms_soap.store.base import Base


class Supplier(Base):
    """A goods owner's supplier; its number, when it has one, is unique for the goods owner."""

    __tablename__ = "suppliers"
    __table_args__ = (UniqueConstraint("goods_owner_id", "supplier_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    supplier_number: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    post_code: Mapped[str | None] = mapped_column(String(50))
    city: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(String(10))
    address2: Mapped[str | None] = mapped_column(String(300))
    address3: Mapped[str | None] = mapped_column(String(300))
    country_state_code: Mapped[str | None] = mapped_column(String(20))
    telephone: Mapped[str | None] = mapped_column(String(100))
    mobile_phone: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    remark: Mapped[str | None] = mapped_column(Text)
    delivery_instruction: Mapped[str | None] = mapped_column(Text)
    supplier_group_code: Mapped[str | None] = mapped_column(String(100))
    supplier_group_name: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    """The Supplier ``comment`` of an ArticleDefinition."""
