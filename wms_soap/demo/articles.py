"""Demo data of the articles area: a handful of articles of every kind, stock at a few locations, transporters.

Safe to run twice: articles are upserted, and stock is only put in for articles that have none.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.services import registers
from wms_soap.services.inventory import article_items, stock
from wms_soap.services.inventory.articles import (
    ArticleInput,
    BarcodeInput,
    DangerousGoodsInput,
    RegisterRef,
    StructureInput,
    VatRef,
    process_article,
)
from wms_soap.services.suppliers import SupplierInput
from wms_soap.store.articles import Article
from wms_soap.store.inventory import ArticleItem

_VAT = VatRef("CreateNotUpdate", "VatTypeCode", "25", Decimal(25))
_SUPPLIER = SupplierInput(number="SUP-100", name="Nordic Goods AB", city="Gothenburg", country_code="SE")

DEMO_ARTICLES = [
    ("MUG-BLUE", "Blue mug", "7310000000011", "KITCHEN", Decimal("79.00"), 20),
    ("MUG-RED", "Red mug", "7310000000028", "KITCHEN", Decimal("79.00"), 20),
    ("TSHIRT-M", "T-shirt, medium", "7310000000035", "CLOTHES", Decimal("149.00"), 10),
    ("LAMP-OIL", "Lamp oil 1 l", "7310000000042", "OUTDOOR", Decimal("59.00"), 5),
]
"""(article number, name, barcode, group, price, stock limit)."""

DEMO_STOCK = [
    ("MUG-BLUE", "A-01-01", 120, None, None),
    ("MUG-RED", "A-01-02", 80, None, None),
    ("TSHIRT-M", "B-02-01", 45, "BATCH-2026-01", None),
    ("LAMP-OIL", "C-03-01", 30, "LO-7", 365),
]
"""(article number, location, quantity, batch, days to expiry)."""
DEMO_ITEM_STATUSES = [("OK", "OK"), ("DAMAGED", "Damaged")]
DEMO_ITEM_CATEGORIES = [("A", "First quality"), ("B", "Second quality")]
"""Registers UpdateArticleItems can set on article items."""


def seed_demo_articles(session: Session, goods_owner_id: int, *, now: datetime | None = None) -> list[int]:
    """Create the demo articles and their stock for one goods owner; returns the article ids."""
    now = now or datetime.now(UTC)
    ids = [process_article(session, goods_owner_id, _definition(*row), now=now).article.id for row in DEMO_ARTICLES]
    kit = ArticleInput(article_number="MUG-GIFTSET", name="Gift set: two mugs", vat_code=_VAT,
                       structure=StructureInput("StructureArticle", [
                           (Decimal(1), ArticleInput(article_number="MUG-BLUE")),
                           (Decimal(1), ArticleInput(article_number="MUG-RED"))]))
    ids.append(process_article(session, goods_owner_id, kit, now=now).article.id)
    _seed_stock(session, goods_owner_id, now)
    for code, name in DEMO_ITEM_STATUSES:
        article_items.register_status(session, code, name)
    for code, name in DEMO_ITEM_CATEGORIES:
        article_items.register_category(session, code, name)
    if registers.find_transporter_contract(session, goods_owner_id) is None:
        for code, name in (("PARCEL", "Parcel"), ("PALLET", "Pallet")):
            registers.create_transporter_contract(session, goods_owner_id, transporter_code="DEMOPOST",
                                                  transporter_name="Demo Post", service_code=code, service_name=name,
                                                  customer_number="DEMO-1")
    return ids


def _definition(number: str, name: str, barcode: str, group: str, price: Decimal, limit: int) -> ArticleInput:
    dangerous = [DangerousGoodsInput({"un_number": "1223", "is_dangerous_goods": True, "package_type": "III",
                                      "class_number": "3"}, ["D"], [("en", "Kerosene")])] if number == "LAMP-OIL" \
        else []
    return ArticleInput(
        article_number=number, name=name, product_code=f"P-{number}",
        values={"bar_code": barcode, "price": price, "purchase_price": price / 2, "order_point": limit,
                "weight": Decimal("0.4"), "unit_code": "PCS", "country_of_origin_code": "SE"},
        group=RegisterRef("FindOrCreate", "code", group, group.title()), vat_code=_VAT, main_supplier=_SUPPLIER,
        names=[("en", name)], barcodes=[BarcodeInput(f"{barcode}9", "PKG", "Package of 6", Decimal(6))],
        dangerous_goods=dangerous,
    )


def _seed_stock(session: Session, goods_owner_id: int, now: datetime) -> None:
    for number, location, quantity, batch, expiry_days in DEMO_STOCK:
        article_id = session.scalar(select(Article.id).where(Article.goods_owner_id == goods_owner_id,
                                                             Article.article_number == number))
        if article_id is None or session.scalar(select(ArticleItem.id).where(ArticleItem.article_id == article_id)):
            continue
        expiry = now + timedelta(days=expiry_days) if expiry_days else None
        stock.add_stock(session, goods_owner_id=goods_owner_id, article_id=article_id, location_code=location,
                            quantity=Decimal(quantity), batch=batch, expiry_date=expiry, comment="demo stock",
                            cause="adjusted", at=now)
