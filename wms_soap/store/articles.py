"""Articles and the registers an ArticleDefinition names: groups, categories, VAT codes, colours, sizes, classes and
goods categories (suppliers are ``store.suppliers``, shared with in-orders); plus names per language, alternative
barcodes, TARIC numbers, structures and dangerous goods.

Every register belongs to one goods owner, so one goods owner never finds another's rows. Tables of other areas are
referenced by table name ("goods_owners.id").
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base
from wms_soap.store.suppliers import Supplier

Quantity = Numeric(18, 4)
Measure = Numeric(18, 4)


class _Register:
    """Columns of the small per-goods-owner code/name registers."""

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    code: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))


class ArticleGroup(_Register, Base):
    __tablename__ = "article_groups"


class ArticleCategory(_Register, Base):
    __tablename__ = "article_categories"


class ArticleColor(_Register, Base):
    __tablename__ = "article_colors"


class ArticleSize(_Register, Base):
    __tablename__ = "article_sizes"


class GoodsCategory(_Register, Base):
    """Goods categories are set up by the warehouse; ArticleDefinition can only find them."""

    __tablename__ = "goods_categories"


class ArticleClass(_Register, Base):
    """An article class (ArticleDefinitionClasses); GetArticleClasses lists them."""

    __tablename__ = "article_classes"

    comment: Mapped[str | None] = mapped_column(Text)


class VatCode(Base):
    __tablename__ = "vat_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    code: Mapped[str | None] = mapped_column(String(100))
    percent: Mapped[Decimal | None] = mapped_column(Numeric(9, 4))


class Article(Base):
    """An article of one goods owner, with every field a client can send in ArticleDefinition."""

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("goods_owner_id", "article_number"),
        Index("ix_articles_goods_owner_id_product_code", "goods_owner_id", "product_code"),
        Index("ix_articles_goods_owner_id_name", "goods_owner_id", "name"),
        Index("ix_articles_goods_owner_id_bar_code", "goods_owner_id", "bar_code"),
        Index("ix_articles_goods_owner_id_bar_code_package", "goods_owner_id", "bar_code_package"),
        Index("ix_articles_goods_owner_id_bar_code_pallet", "goods_owner_id", "bar_code_pallet"),
        Index("ix_articles_goods_owner_id_created_at", "goods_owner_id", "created_at"),
        Index("ix_articles_goods_owner_id_stock_changed_at", "goods_owner_id", "stock_changed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    article_number: Mapped[str] = mapped_column(String(200))
    name: Mapped[str | None] = mapped_column(String(300))
    product_code: Mapped[str | None] = mapped_column(String(200))
    bar_code: Mapped[str | None] = mapped_column(String(200))
    bar_code_package: Mapped[str | None] = mapped_column(String(200))
    bar_code_pallet: Mapped[str | None] = mapped_column(String(200))
    supplier_article_number: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    unit_code: Mapped[str | None] = mapped_column(String(50))
    country_of_origin_code: Mapped[str | None] = mapped_column(String(10))
    statistics_number: Mapped[str | None] = mapped_column(String(100))
    additional_statistics_number: Mapped[str | None] = mapped_column(String(100))
    purchase_currency_code: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20), default="Stock")
    structure_type: Mapped[str | None] = mapped_column(String(30))
    is_stock_article: Mapped[bool] = mapped_column(Boolean, default=True)
    weight: Mapped[Decimal | None] = mapped_column(Measure)
    net_weight: Mapped[Decimal | None] = mapped_column(Measure)
    volume: Mapped[Decimal | None] = mapped_column(Measure)
    length: Mapped[Decimal | None] = mapped_column(Measure)
    width: Mapped[Decimal | None] = mapped_column(Measure)
    height: Mapped[Decimal | None] = mapped_column(Measure)
    pallet_height: Mapped[Decimal | None] = mapped_column(Measure)
    quantity_per_pallet: Mapped[int | None] = mapped_column(Integer)
    quantity_per_package: Mapped[int | None] = mapped_column(Integer)
    quantity_per_layer: Mapped[int | None] = mapped_column(Integer)
    order_point: Mapped[int | None] = mapped_column(Integer)
    price: Mapped[Decimal | None] = mapped_column(Measure)
    customer_price: Mapped[Decimal | None] = mapped_column(Measure)
    purchase_price: Mapped[Decimal | None] = mapped_column(Measure)
    is_gsp_certified: Mapped[bool | None] = mapped_column(Boolean)
    max_stock_days: Mapped[int | None] = mapped_column(Integer)
    link_to_picture: Mapped[str | None] = mapped_column(String(1000))
    is_obsolete: Mapped[bool | None] = mapped_column(Boolean)
    min_days_to_expiry_date: Mapped[int | None] = mapped_column(Integer)
    customs_export_conditions: Mapped[str | None] = mapped_column(String(300))
    customs_description: Mapped[str | None] = mapped_column(Text)
    is_serial_number_article: Mapped[bool | None] = mapped_column(Boolean)
    is_batch_article: Mapped[bool | None] = mapped_column(Boolean)
    is_expiry_date_article: Mapped[bool | None] = mapped_column(Boolean)
    free_decimal1: Mapped[Decimal | None] = mapped_column(Measure)
    free_decimal2: Mapped[Decimal | None] = mapped_column(Measure)
    free_decimal3: Mapped[Decimal | None] = mapped_column(Measure)
    free_boolean1: Mapped[bool | None] = mapped_column(Boolean)
    free_boolean2: Mapped[bool | None] = mapped_column(Boolean)
    free_boolean3: Mapped[bool | None] = mapped_column(Boolean)
    free_text1: Mapped[str | None] = mapped_column(Text)
    storage_priority: Mapped[int | None] = mapped_column(Integer)
    sub_quantity_per_item: Mapped[Decimal | None] = mapped_column(Measure)
    storage_class_name: Mapped[str | None] = mapped_column(String(200))
    max_stack_number_of_levels: Mapped[Decimal | None] = mapped_column(Measure)
    return_handling_comment: Mapped[str | None] = mapped_column(Text)
    picking_handling_comment: Mapped[str | None] = mapped_column(Text)
    inbound_handling_comment: Mapped[str | None] = mapped_column(Text)
    default_location_name: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("article_groups.id"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("article_categories.id"))
    vat_code_id: Mapped[int | None] = mapped_column(ForeignKey("vat_codes.id"))
    color_id: Mapped[int | None] = mapped_column(ForeignKey("article_colors.id"))
    size_id: Mapped[int | None] = mapped_column(ForeignKey("article_sizes.id"))
    goods_category_id: Mapped[int | None] = mapped_column(ForeignKey("goods_categories.id"))
    main_supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    stock_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    group: Mapped[ArticleGroup | None] = relationship()
    category: Mapped[ArticleCategory | None] = relationship()
    vat_code: Mapped[VatCode | None] = relationship()
    color: Mapped[ArticleColor | None] = relationship()
    size: Mapped[ArticleSize | None] = relationship()
    goods_category: Mapped[GoodsCategory | None] = relationship()
    main_supplier: Mapped[Supplier | None] = relationship()
    names: Mapped[list[ArticleName]] = relationship(cascade="all, delete-orphan", order_by="ArticleName.id")
    barcodes: Mapped[list[ArticleBarcode]] = relationship(
        cascade="all, delete-orphan", order_by="ArticleBarcode.id")
    taric_numbers: Mapped[list[ArticleTaricNumber]] = relationship(
        cascade="all, delete-orphan", order_by="ArticleTaricNumber.id")
    dangerous_goods: Mapped[list[ArticleDangerousGoods]] = relationship(
        cascade="all, delete-orphan", order_by="ArticleDangerousGoods.id")
    alternative_suppliers: Mapped[list[ArticleAlternativeSupplier]] = relationship(
        cascade="all, delete-orphan", order_by="ArticleAlternativeSupplier.id")
    components: Mapped[list[ArticleStructureComponent]] = relationship(
        cascade="all, delete-orphan", foreign_keys="ArticleStructureComponent.parent_article_id",
        order_by="ArticleStructureComponent.id")
    class_links: Mapped[list[ArticleClassLink]] = relationship(cascade="all, delete-orphan")


class ArticleName(Base):
    """The article's name in one language."""

    __tablename__ = "article_names"
    __table_args__ = (UniqueConstraint("article_id", "language_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    language_code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(String(300))


class ArticleBarcode(Base):
    """An alternative barcode, e.g. of a package holding ``quantity_per_barcode`` items."""

    __tablename__ = "article_barcodes"
    __table_args__ = (Index("ix_article_barcodes_barcode", "barcode"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    barcode: Mapped[str] = mapped_column(String(200))
    type_code: Mapped[str | None] = mapped_column(String(100))
    type_name: Mapped[str | None] = mapped_column(String(200))
    quantity_per_barcode: Mapped[Decimal | None] = mapped_column(Quantity)


class ArticleTaricNumber(Base):
    __tablename__ = "article_taric_numbers"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    country_code: Mapped[str | None] = mapped_column(String(10))
    taric_number: Mapped[str | None] = mapped_column(String(50))


class ArticleAlternativeSupplier(Base):
    __tablename__ = "article_alternative_suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    lead_time: Mapped[int | None] = mapped_column(Integer)
    supplier_article_number: Mapped[str | None] = mapped_column(String(200))

    supplier: Mapped[Supplier] = relationship()


class ArticleStructureComponent(Base):
    """One child of a structure or production article, ``number_of_items`` per parent."""

    __tablename__ = "article_structure_components"
    __table_args__ = (UniqueConstraint("parent_article_id", "child_article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    child_article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)

    child: Mapped[Article] = relationship(foreign_keys=[child_article_id])


class ArticleDangerousGoods(Base):
    __tablename__ = "article_dangerous_goods"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    un_number: Mapped[str | None] = mapped_column(String(20))
    is_marine_hazard: Mapped[bool | None] = mapped_column(Boolean)
    is_dangerous_goods: Mapped[bool | None] = mapped_column(Boolean)
    package_type: Mapped[str | None] = mapped_column(String(20))
    tunnel_codes: Mapped[str | None] = mapped_column(String(100))
    class_number: Mapped[str | None] = mapped_column(String(50))
    label_numbers: Mapped[str | None] = mapped_column(String(100))
    coefficient: Mapped[Decimal | None] = mapped_column(Measure)
    ems_code: Mapped[str | None] = mapped_column(String(50))
    flash_point: Mapped[Decimal | None] = mapped_column(Measure)

    shipping_names: Mapped[list[ArticleDangerousGoodsName]] = relationship(
        cascade="all, delete-orphan", order_by="ArticleDangerousGoodsName.id")


class ArticleDangerousGoodsName(Base):
    """A UN proper shipping name in one language."""

    __tablename__ = "article_dangerous_goods_names"

    id: Mapped[int] = mapped_column(primary_key=True)
    dangerous_goods_id: Mapped[int] = mapped_column(ForeignKey("article_dangerous_goods.id"), index=True)
    language_code: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(String(500))


class ArticleClassLink(Base):
    __tablename__ = "article_class_links"
    __table_args__ = (UniqueConstraint("article_id", "article_class_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    article_class_id: Mapped[int] = mapped_column(ForeignKey("article_classes.id"))

    article_class: Mapped[ArticleClass] = relationship()
