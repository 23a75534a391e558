"""ProcessArticle semantics against a real database: identifications, upsert, registers, lists, structures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_goods_owner
from tests.races import race
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.inventory import articles
from wms_soap.services.inventory.articles import (
    AlternativeSupplierInput,
    ArticleInput,
    BarcodeInput,
    ClassesInput,
    DangerousGoodsInput,
    RegisterRef,
    StructureInput,
    VatRef,
)
from wms_soap.services.suppliers import SupplierInput
from wms_soap.store.articles import Article, ArticleGroup, GoodsCategory
from wms_soap.store.db import session_scope
from wms_soap.store.suppliers import Supplier


@pytest.fixture
def owner(session: Session) -> int:
    return make_goods_owner(session, code="ART").id


@pytest.fixture
def other_owner(session: Session) -> int:
    return make_goods_owner(session, code="OTHER").id


def upsert(session: Session, owner: int, **fields: object) -> articles.ArticleOutcome:
    fields.setdefault("identification", "ArticleNumber")
    return articles.process_article(session, owner, ArticleInput(**fields))  # type: ignore[arg-type]


def test_create_then_update_by_article_number(session: Session, owner: int) -> None:
    first = upsert(session, owner, article_number="A-1", name="Shirt", product_code="P-1",
                   values={"weight": Decimal("0.25"), "order_point": 5, "is_stock_article": True})
    again = upsert(session, owner, article_number="A-1", values={"price": Decimal("199.00")})

    assert first.created and not again.created
    assert first.article.id == again.article.id
    article = session.get(Article, first.article.id)
    assert article is not None
    assert (article.name, article.product_code, article.weight, article.order_point, article.price) == (
        "Shirt", "P-1", Decimal("0.25"), 5, Decimal("199.00"))
    assert article.kind == "Stock"


@pytest.mark.parametrize(("identification", "field", "value"), [
    ("ProductCode", "product_code", "P-9"),
    ("ArticleName", "name", "Blue mug"),
])
def test_identification_finds_the_existing_article(session: Session, owner: int, identification: str, field: str,
                                                    value: str) -> None:
    created = upsert(session, owner, article_number="A-9", name="Blue mug", product_code="P-9")
    updated = upsert(session, owner, identification=identification, **{field: value},
                     values={"description": "changed"})
    assert not updated.created and updated.article.id == created.article.id
    assert updated.article.description == "changed"


def test_system_id_updates_and_renumbers(session: Session, owner: int) -> None:
    created = upsert(session, owner, article_number="A-1")
    updated = upsert(session, owner, identification="SystemId", system_id=created.article.id, article_number="A-2")
    assert updated.article.id == created.article.id and updated.article.article_number == "A-2"


def test_system_id_never_creates(session: Session, owner: int) -> None:
    with pytest.raises(NotFound, match="SystemId 4711"):
        upsert(session, owner, identification="SystemId", system_id=4711, article_number="NEW")


@pytest.mark.parametrize(("identification", "message"), [
    ("SystemId", "ArticleSystemId is required"),
    ("ArticleNumber", "ArticleNumber is required"),
    ("ProductCode", "ProductCode is required"),
    ("ArticleName", "ArticleName is required"),
])
def test_missing_identification_value_is_refused(session: Session, owner: int, identification: str,
                                                 message: str) -> None:
    with pytest.raises(ValidationFailed, match=message):
        upsert(session, owner, identification=identification)


def test_unknown_identification_and_operation_are_refused(session: Session, owner: int) -> None:
    with pytest.raises(ValidationFailed, match="ArticleIdentification"):
        upsert(session, owner, identification="Barcode", article_number="A-1")
    with pytest.raises(ValidationFailed, match="CreateOrUpdate"):
        upsert(session, owner, operation="Delete", article_number="A-1")


def test_creating_by_product_code_needs_an_article_number(session: Session, owner: int) -> None:
    with pytest.raises(ValidationFailed, match="ArticleNumber is required to create"):
        upsert(session, owner, identification="ProductCode", product_code="P-NEW")
    created = upsert(session, owner, identification="ProductCode", product_code="P-NEW", article_number="A-NEW")
    assert created.created and created.article.product_code == "P-NEW"


def test_renumbering_onto_a_taken_number_conflicts(session: Session, owner: int) -> None:
    upsert(session, owner, article_number="A-1")
    second = upsert(session, owner, article_number="A-2")
    with pytest.raises(Conflict, match="A-1"):
        upsert(session, owner, identification="SystemId", system_id=second.article.id, article_number="A-1")


def test_goods_owners_never_see_each_other(session: Session, owner: int, other_owner: int) -> None:
    mine = upsert(session, owner, article_number="A-1", name="Mine")
    with pytest.raises(NotFound):
        upsert(session, other_owner, identification="SystemId", system_id=mine.article.id)
    theirs = upsert(session, other_owner, article_number="A-1", name="Theirs")
    assert theirs.created and theirs.article.id != mine.article.id
    assert session.get(Article, mine.article.id).name == "Mine"  # type: ignore[union-attr]


def test_group_operations(session: Session, owner: int) -> None:
    with pytest.raises(NotFound, match="Article group G1"):
        upsert(session, owner, article_number="A-1", group=RegisterRef("Find", "code", "G1"))
    one = RegisterRef("FindOrCreate", "code", "G1", "One")
    article = upsert(session, owner, article_number="A-1", group=one).article
    assert article.group is not None and (article.group.code, article.group.name) == ("G1", "One")
    upsert(session, owner, article_number="A-2", group=RegisterRef("CreateOrUpdate", "code", "G1", "Uno"))
    assert session.scalar(select(func.count()).select_from(ArticleGroup)) == 1
    assert article.group.name == "Uno"
    upsert(session, owner, article_number="A-1", group=RegisterRef("Find", "name", None, "Uno"))
    assert upsert(session, owner, article_number="A-1", group=RegisterRef("Clear", "code")).article.group is None
    with pytest.raises(ValidationFailed, match="unknown operation"):
        upsert(session, owner, article_number="A-1", group=RegisterRef("Delete", "code", "G1"))
    with pytest.raises(ValidationFailed, match="code is required"):
        upsert(session, owner, article_number="A-1", group=RegisterRef("FindOrCreate", "code"))


def test_category_color_size_vat_and_goods_category(session: Session, owner: int) -> None:
    session.add(GoodsCategory(goods_owner_id=owner, code="FOOD", name="Food"))
    article = upsert(session, owner, article_number="A-1",
                     category=RegisterRef("CreateOrUpdate", "code", "C1", "Cups"),
                     color=RegisterRef("FindOrCreate", "code", "RED", "Red"),
                     size=RegisterRef("CreateOrUpdate", "name", None, "XL"),
                     vat_code=VatRef("CreateNotUpdate", "VatPercent", "25", Decimal(25)),
                     goods_category=RegisterRef("Find", "code", "FOOD")).article
    assert article.category is not None and article.category.name == "Cups"
    assert article.color is not None and article.color.code == "RED"
    assert article.size is not None and article.size.name == "XL"
    assert article.vat_code is not None and article.vat_code.percent == Decimal(25)
    assert article.goods_category is not None and article.goods_category.name == "Food"
    found = upsert(session, owner, article_number="A-2", vat_code=VatRef("Find", "VatTypeCode", "25")).article
    assert found.vat_code is article.vat_code
    with pytest.raises(NotFound, match="VAT code 12"):
        upsert(session, owner, article_number="A-3", vat_code=VatRef("Find", "VatTypeCode", "12"))
    with pytest.raises(NotFound, match="Goods category"):
        upsert(session, owner, article_number="A-3", goods_category=RegisterRef("Find", "code", "NONE"))


def test_suppliers_main_and_alternative(session: Session, owner: int) -> None:
    main = SupplierInput(number="S-1", name="Main Ltd", city="Gothenburg")
    article = upsert(session, owner, article_number="A-1", main_supplier=main, alternative_suppliers=[
        AlternativeSupplierInput(SupplierInput(number="S-2", name="Alt AB"), 14, "ALT-1")]).article
    assert article.main_supplier is not None and article.main_supplier.city == "Gothenburg"
    assert [(a.supplier.supplier_number, a.lead_time, a.supplier_article_number)
            for a in article.alternative_suppliers] == [("S-2", 14, "ALT-1")]
    by_name = upsert(session, owner, article_number="A-2",
                     main_supplier=SupplierInput("SupplierName", "Find", name="Alt AB")).article
    assert by_name.main_supplier is not None and by_name.main_supplier.supplier_number == "S-2"
    full = SupplierInput("FullNameAndAdress", "CreateOrFind", name="Main Ltd", city="Gothenburg")
    third = upsert(session, owner, article_number="A-3", main_supplier=full).article
    assert third.main_supplier is article.main_supplier
    assert session.scalar(select(func.count()).select_from(Supplier)) == 2
    with pytest.raises(NotFound, match="Supplier S-9"):
        upsert(session, owner, article_number="A-4", main_supplier=SupplierInput("SupplierNumber", "Find", "S-9"))


def test_names_merge_per_language_and_lists_replace(session: Session, owner: int) -> None:
    upsert(session, owner, article_number="A-1", names=[("sv", "Kopp"), ("en", "Cup")],
           barcodes=[BarcodeInput("111"), BarcodeInput("222", "PKG", "Package", Decimal(6))],
           taric_numbers=[("SE", "6912")])
    article = upsert(session, owner, article_number="A-1", names=[("sv", "Mugg"), ("de", "Tasse")],
                     barcodes=[BarcodeInput("333")]).article
    assert sorted((n.language_code, n.name) for n in article.names) == [("de", "Tasse"), ("en", "Cup"),
                                                                       ("sv", "Mugg")]
    assert [b.barcode for b in article.barcodes] == ["333"]
    assert [(t.country_code, t.taric_number) for t in article.taric_numbers] == [("SE", "6912")]
    with pytest.raises(ValidationFailed, match="LanguageCode"):
        upsert(session, owner, article_number="A-1", names=[("", "Nameless")])


def test_dangerous_goods_replace_and_validate(session: Session, owner: int) -> None:
    petrol = DangerousGoodsInput({"un_number": "1203", "package_type": "II", "flash_point": Decimal(-40)}, ["D", "E"],
                                 [("en", "Petrol")])
    article = upsert(session, owner, article_number="A-1", dangerous_goods=[petrol]).article
    [entry] = article.dangerous_goods
    assert (entry.un_number, entry.package_type, entry.tunnel_codes) == ("1203", "II", "D,E")
    assert [(n.language_code, n.name) for n in entry.shipping_names] == [("en", "Petrol")]
    with pytest.raises(ValidationFailed, match="UNPackageType"):
        upsert(session, owner, article_number="A-1", dangerous_goods=[DangerousGoodsInput({"package_type": "IV"})])
    with pytest.raises(ValidationFailed, match="UNTunnelCode"):
        upsert(session, owner, article_number="A-1", dangerous_goods=[DangerousGoodsInput({}, ["Z"])])
    assert upsert(session, owner, article_number="A-1", dangerous_goods=[]).article.dangerous_goods == []


def test_structure_creates_children_and_replaces(session: Session, owner: int) -> None:
    kit = StructureInput("StructureArticle", [(Decimal(2), ArticleInput(article_number="CUP")),
                                              (Decimal(1), ArticleInput(article_number="BOX", name="Box"))])
    parent = upsert(session, owner, article_number="KIT", structure=kit).article
    assert parent.kind == "Structure" and parent.structure_type == "StructureArticle"
    assert [(c.child.article_number, c.number_of_items) for c in articles.structure_components(session, parent.id)] \
        == [("CUP", Decimal(2)), ("BOX", Decimal(1))]
    production = StructureInput("ProductionArticle", [(Decimal(3), ArticleInput(article_number="CUP"))])
    parent = upsert(session, owner, article_number="KIT", structure=production).article
    assert parent.kind == "Production"
    assert [c.child.article_number for c in articles.structure_components(session, parent.id)] == ["CUP"]


@pytest.mark.parametrize("structure_type", [None, "Kit"])
def test_structure_type_is_required_and_checked(session: Session, owner: int, structure_type: str | None) -> None:
    with pytest.raises(ValidationFailed, match="ArticleStructureType"):
        upsert(session, owner, article_number="KIT", structure=StructureInput(structure_type, []))
    assert session.scalar(select(func.count()).select_from(Article)) == 0


def test_structure_refuses_itself_and_empty_quantities(session: Session, owner: int) -> None:
    with pytest.raises(ValidationFailed, match="its own structure"):
        upsert(session, owner, article_number="KIT", structure=StructureInput(
            "StructureArticle", [(Decimal(1), ArticleInput(article_number="KIT"))]))
    with pytest.raises(ValidationFailed, match="greater than 0"):
        upsert(session, owner, article_number="KIT2", structure=StructureInput(
            "StructureArticle", [(Decimal(0), ArticleInput(article_number="CUP"))]))


def test_classes_add_and_set(session: Session, owner: int) -> None:
    upsert(session, owner, article_number="A-1", classes=ClassesInput([("FRAGILE", "Fragile", "Handle with care")]))
    article = upsert(session, owner, article_number="A-1", classes=ClassesInput([("COLD", "Cold", None)])).article
    assert sorted(link.article_class.code for link in article.class_links) == ["COLD", "FRAGILE"]
    article = upsert(session, owner, article_number="A-1",
                     classes=ClassesInput([("COLD", None, None)], mode="Set")).article
    assert [link.article_class.code for link in article.class_links] == ["COLD"]
    assert [c.code for c in articles.article_classes(session, owner)] == ["FRAGILE", "COLD"]
    with pytest.raises(ValidationFailed, match="HandlingMode"):
        upsert(session, owner, article_number="A-1", classes=ClassesInput([], mode="Merge"))


def test_find_article_by_every_identification(session: Session, owner: int) -> None:
    article = upsert(session, owner, article_number="A-1", name="Cup", product_code="P-1").article
    assert articles.find_article(session, owner, "SystemId", system_id=article.id) is article
    assert articles.find_article(session, owner, "ArticleNumber", article_number="A-1") is article
    assert articles.find_article(session, owner, "ProductCode", product_code="P-1") is article
    assert articles.find_article(session, owner, "ArticleName", name="Cup") is article
    with pytest.raises(NotFound, match="ArticleNumber A-2"):
        articles.find_article(session, owner, "ArticleNumber", article_number="A-2")


def _race(session_factory: sessionmaker[Session], owner_id: int, number: str) -> list[object]:
    return race(session_factory, lambda session: articles.process_article(session, owner_id, ArticleInput(
        identification="ArticleNumber", article_number=number)).article.id)


def test_two_concurrent_creates_yield_one_article(session_factory: sessionmaker[Session]) -> None:
    """Two requests creating one article number at the same moment, on two connections: one article."""
    with session_scope(session_factory) as session:
        owner_id = make_goods_owner(session, code="RACE").id
    for round_ in range(3):
        outcomes = _race(session_factory, owner_id, f"RACE-{round_}")
        assert len(outcomes) == 2 and all(isinstance(o, int) for o in outcomes), outcomes
        assert len(set(outcomes)) == 1
