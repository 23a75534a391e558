"""The ArticleDefinition wire mapping: every field a client can send reaches the domain input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wms_soap.errors import ValidationFailed
from wms_soap.soap.service.convert import articles as convert
from wms_soap.soap.service.types import common as t

IDENTITY_FIELDS = {"ArticleOperation", "ArticleIdentification", "ArticleSystemId", "ArticleNumber", "ArticleName",
                   "ProductCode"}
COMPLEX_FIELDS = {"ArticleGroup", "ArticleCategory", "VatCode", "DangerousGoods", "ArticleNames",
                  "ArticleStructureSpecification", "MainSupplier", "TaricNumbers", "ArticleColor", "ArticleSize",
                  "ArticleDefinitionClasses", "StorageClass", "AlternativeBarcodes", "DefaultLocation",
                  "GoodsCategory", "AlternativeSuppliers"}


def test_every_article_definition_field_is_mapped() -> None:
    fields = set(t.ArticleDefinition._type_info)
    assert fields == IDENTITY_FIELDS | COMPLEX_FIELDS | set(convert.SCALAR_FIELDS)
    assert not (COMPLEX_FIELDS & set(convert.SCALAR_FIELDS))


def test_scalar_values_left_out_keep_what_the_article_has() -> None:
    data = convert.article_input(t.ArticleDefinition(ArticleOperation="CreateOrUpdate",
                                                     ArticleIdentification="ArticleNumber", ArticleNumber="A-1",
                                                     Weight=Decimal("1.5"), IsStockArticle=None))
    assert data.values == {"weight": Decimal("1.5")}
    assert (data.identification, data.article_number, data.names, data.structure) == ("ArticleNumber", "A-1", None,
                                                                                      None)


def test_nested_registers_and_lists() -> None:
    art = t.ArticleDefinition(
        ArticleOperation="CreateOrUpdate", ArticleIdentification="ArticleNumber", ArticleNumber="A-1",
        ArticleGroup=t.ArticleGroup(ArticleGroupOperation="Clear", ArticleGroupIdentification="ArticleGroupName"),
        ArticleCategory=t.TypeClass(TypeOperation="Find", TypeIdentification="Name", Name="Cups"),
        ArticleColor=t.ArticleColor(ColorName="Red", ArticleColorOperation="Find"),
        StorageClass=t.ArticleStorageClass(Name="Cold"), DefaultLocation=t.DefaultLocation(LocationName="A-1"),
        ArticleNames=t.ArticleNames(ArticleName=[t.ArticleNameClass(Language=t.Language(LanguageCode="sv"),
                                                                    ArticleName="Kopp")]),
        DangerousGoods=[t.DangerousGoods(UNNumber="1203", UNTunnelCodes=["D"], UNProperShippingName=[
            t.ProperShippingName(Name="Petrol", LanguageCode="en")])],
        ArticleStructureSpecification=t.ArticleStructureSpecification(
            ArticleStructureType="ProductionArticle", StructureArticleDefinition=[t.StructureArticleDefinition(
                NumberOfItems=Decimal(2), SubArticleDefinition=t.ArticleDefinition(
                    ArticleIdentification="ArticleNumber", ArticleNumber="PART"))]),
    )
    data = convert.article_input(art)
    assert (data.group.operation, data.group.identification) == ("Clear", "name")  # type: ignore[union-attr]
    assert data.category is not None and (data.category.identification, data.category.name) == ("name", "Cups")
    assert data.color is not None and (data.color.identification, data.color.name) == ("name", "Red")
    assert data.values == {"storage_class_name": "Cold", "default_location_name": "A-1"}
    assert data.names == [("sv", "Kopp")]
    assert data.dangerous_goods is not None and data.dangerous_goods[0].tunnel_codes == ["D"]
    assert data.dangerous_goods[0].shipping_names == [("en", "Petrol")]
    assert data.structure is not None and data.structure.structure_type == "ProductionArticle"
    [(quantity, part)] = data.structure.components
    assert (quantity, part.article_number) == (Decimal(2), "PART")


@pytest.mark.parametrize("art", [
    None,
    t.ArticleDefinition(ArticleGroup=t.ArticleGroup(ArticleGroupIdentification="Colour")),
])
def test_unusable_definitions_are_refused(art: object) -> None:
    with pytest.raises(ValidationFailed):
        convert.article_input(art)


def test_a_structure_line_without_sub_article_is_skipped_and_counted() -> None:
    data = convert.article_input(t.ArticleDefinition(ArticleStructureSpecification=t.ArticleStructureSpecification(
        ArticleStructureType="StructureArticle", StructureArticleDefinition=[
            t.StructureArticleDefinition(NumberOfItems=Decimal(1)),
            t.StructureArticleDefinition(NumberOfItems=Decimal(2), SubArticleDefinition=t.ArticleDefinition(
                ArticleNumber="PART"))])))
    assert data.structure is not None and data.structure.skipped == 1
    [(quantity, part)] = data.structure.components
    assert (quantity, part.article_number) == (Decimal(2), "PART")
