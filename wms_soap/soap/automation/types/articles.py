"""Articles: GetArticlesByQuery, GetArticlesPackageTypes, UpdateArticle."""

from spyne import Array, ComplexModel

from wms_soap.soap.automation.types.common import NS, ArrayOfInt, opt, req, req_nil
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, Decimal, Integer32, String


class GetArticlesBarcodeFilters(ComplexModel):
    __namespace__ = NS
    _type_info = [("Barcode", opt(String)), ("AlternativeBarcode", opt(String)), ("BarcodePallet", opt(String)),
                  ("BarcodePackage", opt(String))]


class GetArticlesQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("ArticleDefIds", opt(ArrayOfInt)),
        ("GoodsOwnerId", opt(Integer32)),
        ("DefaultPickingLocation", opt(String)),
        ("MaxArticlesToGet", opt(Integer32)),
        ("ArticleDefIdFrom", opt(Integer32)),
        ("OnlyLiveGoodsOwners", opt(Boolean)),
        ("ArticleNumber", opt(String)),
        ("Barcodes", opt(GetArticlesBarcodeFilters)),
    ]


class GetArticlesGoodsOwner(ComplexModel):
    __namespace__ = NS
    _type_info = [("GoodsOwnerId", req(Integer32)), ("GoodsOwnerCode", opt(String)), ("GoodsOwnerName", opt(String))]


class GetArticlesArticleInfo(ComplexModel):
    """Ours: the article's identity, names, codes and measures (the Tags name further blocks not built yet)."""

    __namespace__ = NS
    _type_info = [
        ("ArticleDefId", req(Integer32)),
        ("GoodsOwner", opt(GetArticlesGoodsOwner)),
        ("ArticleNumber", opt(String)),
        ("ArticleName", opt(String)),
        ("ProductCode", opt(String)),
        ("Barcode", opt(String)),
        ("BarcodePackage", opt(String)),
        ("BarcodePallet", opt(String)),
        ("DefaultPickingLocation", opt(String)),
        ("Weight", req_nil(Decimal)),
        ("Volume", req_nil(Decimal)),
        ("Length", req_nil(Decimal)),
        ("Width", req_nil(Decimal)),
        ("Height", req_nil(Decimal)),
        ("IsStockArticle", req(Boolean)),
        ("IsActive", req(Boolean)),
    ]


ArrayOfGetArticlesArticleInfo = Array(GetArticlesArticleInfo.customize(nillable=True), member_name="Article",
                                      type_name="ArrayOfGetArticlesArticleInfo")
GetArticlesResult = result("GetArticlesByQuery", [("Articles", opt(ArrayOfGetArticlesArticleInfo))],
                           type_name="GetArticlesResult")


class GetArticlesPackageTypesQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleDefIds", opt(ArrayOfInt))]


GetArticlesPackageTypesResult = result("GetArticlesPackageTypes")


class UpdateArticleName(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleName", opt(String))]


class UpdateArticleOperation(ComplexModel):
    """The payload element is ``UpdateArticle`` (S5); the type has another name, so the wrapper can keep its own."""

    __namespace__ = NS
    _type_info = [("ArticleDefId", opt(Integer32)), ("UpdateArticleName", opt(UpdateArticleName))]


UpdateArticleResult = result("UpdateArticle", [("ArticleDefId", req_nil(Integer32))], writes=True)
