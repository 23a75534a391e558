"""ProcessArticle and GetArticleClasses through zeep against the live server."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import requests
from lxml import etree

from tests.functional.articles_support import ArticlesClient, make_client


@pytest.fixture
def api(live_server: Any) -> ArticlesClient:
    return make_client(live_server, "SHOP")


def read_article(api: ArticlesClient, number: str) -> Any:
    result = api.call("GetInventoryByQuery", GetInventoryQuery=api.types.GetInventoryQuery(
        ArticleNumbersToGet=api.types.ArrayOfString([number])))
    [line] = result.InventoryLines.InventoryLine
    return line.Article


def test_create_then_update_answers_the_same_id(api: ArticlesClient) -> None:
    created = api.article("A-1", ArticleName="Mug")
    updated = api.article("A-1", ArticleName="Blue mug")
    assert created.Success is True and created.ArticleDefId > 0 and "created" in created.Message
    assert updated.Success is True and updated.ArticleDefId == created.ArticleDefId and "updated" in updated.Message
    assert read_article(api, "A-1").Name == "Blue mug"


@pytest.mark.parametrize(("identification", "field"), [
    ("ProductCode", "ProductCode"), ("ArticleName", "ArticleName"), ("SystemId", "ArticleSystemId")])
def test_every_identification_updates_the_article(api: ArticlesClient, identification: str, field: str) -> None:
    created = api.article("A-1", ArticleName="Mug", ProductCode="P-1")
    value = {"ProductCode": "P-1", "ArticleName": "Mug", "ArticleSystemId": created.ArticleDefId}[field]
    updated = api.call("ProcessArticle", art=api.types.ArticleDefinition(
        ArticleOperation="CreateOrUpdate", ArticleIdentification=identification, **{field: value},
        ArticleDescription=f"found by {identification}"))
    assert updated.Success is True and updated.ArticleDefId == created.ArticleDefId
    assert read_article(api, "A-1").Description == f"found by {identification}"


@pytest.mark.parametrize(("fields", "message"), [
    ({"ArticleIdentification": "ArticleNumber", "ArticleNumber": None}, "ArticleNumber is required"),
    ({"ArticleIdentification": "ProductCode"}, "ProductCode is required"),
    ({"ArticleIdentification": "ArticleName"}, "ArticleName is required"),
    ({"ArticleIdentification": "SystemId"}, "ArticleSystemId is required"),
    ({"ArticleIdentification": "SystemId", "ArticleSystemId": 987654}, "SystemId 987654 was not found"),
])
def test_wrong_or_missing_identification_answers_in_band(api: ArticlesClient, fields: dict[str, Any],
                                                         message: str) -> None:
    fields.setdefault("ArticleNumber", "A-1")
    result = api.call("ProcessArticle", art=api.types.ArticleDefinition(ArticleOperation="CreateOrUpdate", **fields))
    assert result.Success is False
    assert message in result.ErrorMessage


def full_definition(t: Any) -> dict[str, Any]:
    """Every kind of ArticleDefinition field a client can send, with values the read model shows back."""
    return {
        "ArticleName": "Camping stove", "ProductCode": "P-STOVE", "BarCode": "7300000000017",
        "SupplierArticleNumber": "SUP-STOVE", "ArticleDescription": "Two burners", "ArticleUnitCode": "PCS",
        "CountryOfOriginCode": "SE", "StatisticsNumber": "73211100", "PurchaseCurrencyCode": "SEK",
        "Weight": Decimal("2.5"), "NetWeight": Decimal("2.1"), "Volume": Decimal("0.012"), "Length": Decimal("40"),
        "Width": Decimal("30"), "Height": Decimal("10"), "QuantityPerPallet": 80, "QuantityPerPackage": 4,
        "OrderPoint": 12, "Price": Decimal("499"), "CustomerPrice": Decimal("599"), "PurchasePrice": Decimal("250"),
        "IsStockArticle": True,
        "ArticleGroup": t.ArticleGroup(ArticleGroupOperation="FindOrCreate",
                                       ArticleGroupIdentification="ArticleGroupCode", ArticleGroupCode="OUT",
                                       ArticleGroupName="Outdoor"),
        "ArticleCategory": t.TypeClass(TypeOperation="CreateOrUpdate", TypeIdentification="Code", Code="CAMP",
                                       Name="Camping"),
        "VatCode": t.VatCodeClass(VatCodeOperation="CreateNotUpdate", VatCodeIdentification="VatTypeCode",
                                  VatCode="25", VatPercent=Decimal(25)),
        "DangerousGoods": [t.DangerousGoods(UNNumber="1203", UNIsMarineHazard=False, UNIsDangerousGoods=True,
                                            UNPackageType="II", UNTunnelCodes=t.ArrayOfUNTunnelCode(["D", "E"]),
                                            UNClassNumber="3",
                                            UNProperShippingName=[t.ProperShippingName(Name="Petrol",
                                                                                       LanguageCode="en")],
                                            DangerousGoodsCoefficient=Decimal(1), FlashPoint=Decimal(-40))],
        "ArticleNames": t.ArticleNames(ArticleName=[
            t.ArticleNameClass(Language=t.Language(LanguageCode="sv"), ArticleName="Campingkök")]),
        "MainSupplier": t.Supplier(SupplierIdentificationType="SupplierNumber", SupplierOperation="CreateOrUpdate",
                                   SupplierNumber="S-1", SupplierName="Stoves AB",
                                   Address=t.AddressClass(City="Gothenburg", CountryCode="SE", IsVisible=True,
                                                          NotifyBySMS=False, NotifyByEmail=False,
                                                          NotifyByTelephone=False)),
        "BarCodePackage": "7300000000024", "LinkToPicture": "https://example.com/stove.png",
        "BarCodePallet": "7300000000031", "QuantityPerLayer": 20, "PalletHeight": Decimal("1.2"),
        "TaricNumbers": t.TaricNumbers(TaricNumber=[t.TaricNumberClass(Country=t.Country(CountryCode="SE"),
                                                                       TaricNumber="7321110000")]),
        "IsObsolete": False, "MinDaysToExpiryDate": 30, "CustomsExportConditions": "none",
        "ArticleColor": t.ArticleColor(ColorCode="GRN", ColorName="Green", ArticleColorOperation="FindOrCreate"),
        "ArticleSize": t.ArticleSize(SizeCode="L", SizeName="Large", ArticleSizeOperation="FindOrCreate"),
        "IsSerialNumberArticle": True, "IsBatchArticle": False,
        "ArticleDefinitionClasses": t.ArticleDefinitionClasses(
            ArticleDefinitionClassesOperation="FindOrCreate", HandlingModeSpecified=True, HandlingMode="Set",
            Classes=t.ArrayOfArticleDefinitionClass([t.ArticleDefinitionClass(Code="HAZ", Name="Hazardous",
                                                                               Comment="ADR")])),
        "ArticleFreeDecimal1": Decimal("1.5"), "ArticleFreeDecimal2": Decimal("2.5"), "ArticleStoragePriority": 2,
        "SubQuantityPerItem": Decimal(2), "StorageClass": t.ArticleStorageClass(Name="Flammable"),
        "AlternativeBarcodes": t.AlternativeBarcodes(AlternativeBarcode=[t.AlternativeBarcodeClass(
            AlternativeBarcodeType=t.AlternativeBarcodeType(Code="UPC", Name="UPC"), Barcode="012345678905",
            QuantityPerBarcode=Decimal(1))]),
        "MaxStackNumberOfLevels": Decimal(3), "IsExpiryDateArticle": False,
        "ArticleReturnHandlingComment": "Check the gas valve", "ArticleCustomsDescription": "Gas stove",
        "ArticleFreeDecimal3": Decimal("3.5"), "DefaultLocation": t.DefaultLocation(LocationName="A-01-01"),
        "IsActive": True, "ArticleFreeBoolean1": True, "ArticleFreeBoolean2": False, "ArticleFreeBoolean3": True,
        "ArticlePickingHandlingComment": "Upright", "ArticleInboundHandlingComment": "Count burners",
        "ArticleFreeText1": "free",
        "AlternativeSuppliers": t.AlternativeSuppliers(AlternativeSupplier=[t.AlternativeSupplier(
            Supplier=t.Supplier(SupplierIdentificationType="SupplierNumber", SupplierOperation="CreateOrFind",
                                SupplierNumber="S-2", SupplierName="Backup AB"),
            LeadTime=10, SupplierArticleNumber="B-STOVE")]),
    }


def test_every_field_is_stored_and_read_back(api: ArticlesClient) -> None:
    result = api.article("STOVE", **full_definition(api.types))
    assert result.Success is True, result.ErrorMessage
    article = read_article(api, "STOVE")
    assert (article.SystemId, article.Name, article.ProductCode, article.BarCode) == (
        result.ArticleDefId, "Camping stove", "P-STOVE", "7300000000017")
    assert (article.ArticleGroupCode, article.ArticleGroupName, article.ArticleCategoryCode) == ("OUT", "Outdoor",
                                                                                                 "CAMP")
    assert (article.MainSupplierNumber, article.MainSupplierName, article.VatCode, article.VatPercent) == (
        "S-1", "Stoves AB", "25", Decimal(25))
    assert (article.Weight, article.QuantityPerPallet, article.StockLimit, article.PurchasePrice) == (
        Decimal("2.5"), Decimal(80), 12, Decimal(250))
    assert (article.ColorCode, article.SizeName, article.ArticleStorageClassName) == ("GRN", "Large", "Flammable")
    assert (article.DefaultPickingLocation, article.FreeBoolean1, article.FreeBoolean2) == ("A-01-01", True, False)
    assert (article.ArticleKind, article.IsStockArticle, article.IsSerialNumberArticle) == ("Stock", True, True)
    [goods] = article.DangerousGoods
    assert (goods.UNNumber, goods.UNPackageType, goods.UNTunnelCodes.UNTunnelCode) == ("1203", "II", ["D", "E"])
    assert goods.UNProperShippingName[0].Name == "Petrol"
    assert article.TaricNumbers.TaricNumber[0].TaricNumber == "7321110000"
    assert article.ProcessArticleTime is not None
    by_alternative = api.call("GetInventoryByQuery", GetInventoryQuery=api.types.GetInventoryQuery(
        BarCodesToGet=api.types.ArrayOfString(["012345678905"])))
    assert [line.Article.ArticleNumber for line in by_alternative.InventoryLines.InventoryLine] == ["STOVE"]


def test_structure_article_creates_its_children(api: ArticlesClient) -> None:
    t = api.types
    structure = t.ArticleStructureSpecification(ArticleStructureType="StructureArticle", StructureArticleDefinition=[
        t.StructureArticleDefinition(NumberOfItems=Decimal(2), SubArticleDefinition=t.ArticleDefinition(
            ArticleOperation="CreateOrUpdate", ArticleIdentification="ArticleNumber", ArticleNumber="CUP",
            ArticleName="Cup"))])
    result = api.article("KIT", ArticleName="Kit", ArticleStructureSpecification=structure)
    assert result.Success is True, result.ErrorMessage
    assert read_article(api, "KIT").ArticleKind == "Structure"
    assert read_article(api, "CUP").Name == "Cup"


def test_a_structure_line_without_sub_article_is_skipped_and_said_so(api: ArticlesClient) -> None:
    t = api.types
    cup = t.ArticleDefinition(ArticleOperation="CreateOrUpdate", ArticleIdentification="ArticleNumber",
                              ArticleNumber="CUP", ArticleName="Cup")
    structure = t.ArticleStructureSpecification(ArticleStructureType="StructureArticle", StructureArticleDefinition=[
        t.StructureArticleDefinition(NumberOfItems=Decimal(2), SubArticleDefinition=cup),
        t.StructureArticleDefinition(NumberOfItems=Decimal(1))])
    result = api.article("KIT", ArticleName="Kit", ArticleStructureSpecification=structure)
    assert result.Success is True, result.ErrorMessage
    assert result.Message == "Article KIT created; 1 StructureArticleDefinition line without a SubArticleDefinition " \
                             "skipped"
    assert read_article(api, "KIT").ArticleKind == "Structure"
    only_empty = t.ArticleStructureSpecification(ArticleStructureType="StructureArticle", StructureArticleDefinition=[
        t.StructureArticleDefinition(NumberOfItems=Decimal(1)), t.StructureArticleDefinition(NumberOfItems=Decimal(3))])
    again = api.article("KIT", ArticleStructureSpecification=only_empty)
    assert (again.Success, again.Message) == (True, "Article KIT updated; 2 StructureArticleDefinition lines "
                                                    "without a SubArticleDefinition skipped")
    assert read_article(api, "KIT").ArticleKind == "Structure"  # the structure it had is kept


def test_structure_type_attribute_is_checked(api: ArticlesClient) -> None:
    t = api.types
    structure = t.ArticleStructureSpecification(ArticleStructureType="Kit", StructureArticleDefinition=[])
    result = api.article("KIT", ArticleStructureSpecification=structure)
    assert result.Success is False and "ArticleStructureType" in result.ErrorMessage


MISSING_STRUCTURE_TYPE = """<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:w="http://ongoingsystems.se/WSI">
  <soap:Body><w:ProcessArticle>
    <w:GoodsOwnerCode>{code}</w:GoodsOwnerCode><w:UserName>{user}</w:UserName><w:Password>{password}</w:Password>
    <w:art><w:ArticleOperation>CreateOrUpdate</w:ArticleOperation>
      <w:ArticleIdentification>ArticleNumber</w:ArticleIdentification><w:ArticleNumber>KIT</w:ArticleNumber>
      <w:ArticleStructureSpecification><w:StructureArticleDefinition><w:NumberOfItems>1</w:NumberOfItems>
        <w:SubArticleDefinition><w:ArticleIdentification>ArticleNumber</w:ArticleIdentification>
          <w:ArticleNumber>CUP</w:ArticleNumber></w:SubArticleDefinition>
      </w:StructureArticleDefinition></w:ArticleStructureSpecification>
    </w:art>
  </w:ProcessArticle></soap:Body>
</soap:Envelope>"""


def test_structure_type_attribute_is_required(api: ArticlesClient, live_server: Any) -> None:
    """zeep refuses to send it without the attribute, so the envelope is posted raw."""
    body = MISSING_STRUCTURE_TYPE.format(code=api.goods_owner_code, user=api.username, password=api.password)
    response = requests.post(live_server.url, data=body.encode(), timeout=30, headers={
        "Content-Type": "text/xml; charset=utf-8", "SOAPAction": '"http://ongoingsystems.se/WSI/ProcessArticle"'})
    assert response.status_code == 200
    result = etree.fromstring(response.content).find(".//{http://ongoingsystems.se/WSI}ProcessArticleResult")
    assert result is not None
    assert result.findtext("{http://ongoingsystems.se/WSI}Success") == "false"
    assert "ArticleStructureType attribute is required" in result.findtext("{http://ongoingsystems.se/WSI}ErrorMessage")
    assert api.call("GetInventoryByQuery", GetInventoryQuery=api.types.GetInventoryQuery()).InventoryLines is None


def test_a_goods_owner_sees_nothing_of_another(api: ArticlesClient, live_server: Any) -> None:
    other = make_client(live_server, "OTHER")
    mine = api.article("A-1", ArticleName="Mine")
    refused = other.call("ProcessArticle", art=other.types.ArticleDefinition(
        ArticleOperation="CreateOrUpdate", ArticleIdentification="SystemId", ArticleSystemId=mine.ArticleDefId,
        ArticleName="Stolen"))
    assert refused.Success is False and "was not found" in refused.ErrorMessage
    assert other.call("GetInventoryByQuery", GetInventoryQuery=other.types.GetInventoryQuery()).InventoryLines is None
    assert read_article(api, "A-1").Name == "Mine"


def test_article_classes_are_listed(api: ArticlesClient, live_server: Any) -> None:
    assert api.call("GetArticleClasses") is None  # zeep unwraps the one-element result
    api.article("STOVE", **full_definition(api.types))
    [entry] = api.call("GetArticleClasses").ArticleClassResult
    assert (entry.Code, entry.Name, entry.Comment) == ("HAZ", "Hazardous", "ADR") and entry.Id > 0
    assert make_client(live_server, "OTHER").call("GetArticleClasses") is None


def test_wrong_credentials_answer_in_band(api: ArticlesClient) -> None:
    result = api.service.ProcessArticle(
        GoodsOwnerCode=api.goods_owner_code, UserName=api.username, Password="wrong password",
        art=api.types.ArticleDefinition(ArticleOperation="CreateOrUpdate", ArticleIdentification="ArticleNumber",
                                        ArticleNumber="A-1"))
    assert result.Success is False and result.ErrorMessage
    assert api.call("GetInventoryByQuery", GetInventoryQuery=api.types.GetInventoryQuery()).InventoryLines is None


DOTNET_PROCESS_ARTICLE = """<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <soap:Body>
    <ProcessArticle xmlns="http://ongoingsystems.se/WSI">
      <GoodsOwnerCode>{code}</GoodsOwnerCode><UserName>{user}</UserName><Password>{password}</Password>
      <art>
        <ArticleOperation>CreateOrUpdate</ArticleOperation>
        <ArticleIdentification>ArticleNumber</ArticleIdentification>
        <ArticleSystemId xsi:nil="true" />
        <ArticleNumber>NET-1</ArticleNumber>
        <ArticleName>Sent like .NET</ArticleName>
        <IsStockArticle xsi:nil="true" />
        <ArticleGroup>
          <ArticleGroupOperation>FindOrCreate</ArticleGroupOperation>
          <ArticleGroupIdentification>ArticleGroupCode</ArticleGroupIdentification>
          <ArticleGroupCode>NET</ArticleGroupCode>
        </ArticleGroup>
        <VatCode>
          <VatCodeOperation>CreateNotUpdate</VatCodeOperation>
          <VatCodeIdentification>VatTypeCode</VatCodeIdentification>
          <VatCode>12</VatCode>
          <VatPercent xsi:nil="true" />
        </VatCode>
        <DangerousGoods>
          <UNNumber>1993</UNNumber><UNIsMarineHazard xsi:nil="true" /><UNIsDangerousGoods xsi:nil="true" />
          <UNPackageType>I</UNPackageType><DangerousGoodsCoefficient xsi:nil="true" />
          <FlashPoint xsi:nil="true" />
        </DangerousGoods>
      </art>
    </ProcessArticle>
  </soap:Body>
</soap:Envelope>"""


def test_a_dotnet_style_request_with_nil_values(api: ArticlesClient, live_server: Any) -> None:
    """.NET sends every minOccurs=1 element, unset nullable ones as xsi:nil: they mean "not given"."""
    body = DOTNET_PROCESS_ARTICLE.format(code=api.goods_owner_code, user=api.username, password=api.password)
    response = requests.post(live_server.url, data=body.encode(), timeout=30, headers={
        "Content-Type": "text/xml; charset=utf-8", "SOAPAction": '"http://ongoingsystems.se/WSI/ProcessArticle"'})
    result = etree.fromstring(response.content).find(".//{http://ongoingsystems.se/WSI}ProcessArticleResult")
    assert result is not None and result.findtext("{http://ongoingsystems.se/WSI}Success") == "true"
    article = read_article(api, "NET-1")
    assert (article.Name, article.ArticleGroupCode, article.VatCode, article.VatPercent) == (
        "Sent like .NET", "NET", "12", None)
    assert article.IsStockArticle is True and article.DangerousGoods[0].UNNumber == "1993"
