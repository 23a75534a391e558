"""Article items: GetArticleItemsByQuery, ArticleItemInLocationHandled, MoveArticleItem, GetOrderArticleItemsByQuery,
UpdateArticleItems."""

from spyne import Array, ComplexModel, SelfReference

from wms_soap.soap.automation.types.common import (
    NS,
    ArrayOfInt,
    ArrayOfString,
    ByUser,
    Enum,
    enum_field,
    opt,
    req,
    req_nil,
)
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, DateTime, Decimal, Integer32, String

# --- GetArticleItemsByQuery ---


class GetArticleItemsSpecialFilters(ComplexModel):
    __namespace__ = NS
    _type_info = [("OnlyGetArticleItemsInLocationsToBeHandled", opt(Boolean)), ("IsLockedByItemLock", opt(Boolean))]


class GetArticleItemsPaging(ComplexModel):
    __namespace__ = NS
    _type_info = [("MaxArticleItemsToGet", opt(Integer32))]


class GetArticleItemsQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("Locations", opt(ArrayOfString)),
        ("GoodsOwnerId", opt(Integer32)),
        ("ArticleItemId", opt(Integer32)),
        ("ArticleDefId", opt(Integer32)),
        ("SpecialFilters", opt(GetArticleItemsSpecialFilters)),
        ("LocationTypeCode", opt(String)),
        ("Paging", opt(GetArticleItemsPaging)),
    ]


class ArticleInfo(ComplexModel):
    """Ours: the article an item or movement is of."""

    __namespace__ = NS
    _type_info = [("ArticleDefId", req(Integer32)), ("GoodsOwnerId", req(Integer32)), ("ArticleNumber", opt(String)),
                  ("ArticleName", opt(String)), ("ProductCode", opt(String)), ("Barcode", opt(String))]


class ArticleItemInfo(ComplexModel):
    """Ours: one article item where it lies, with its placement there (ArticleItemInLocationId) and whether the
    automated system has handled it."""

    __namespace__ = NS
    _type_info = [
        ("ArticleItemId", req(Integer32)),
        ("OriginalArticleItemId", req(Integer32)),
        ("ArticleItemInLocationId", req_nil(Integer32)),
        ("GoodsOwnerId", req(Integer32)),
        ("Article", opt(ArticleInfo)),
        ("Location", opt(String)),
        ("NumberOfItems", req(Decimal)),
        ("Batch", opt(String)),
        ("Serial", opt(String)),
        ("ExpiryDate", req_nil(DateTime)),
        ("IsLockedByItemLock", req(Boolean)),
        ("ArticleItemStatusCode", opt(String)),
        ("InDate", req_nil(DateTime)),
        ("PlacedInLocationTime", req_nil(DateTime)),
        ("HandledTime", req_nil(DateTime)),
    ]


ArrayOfArticleItemInfo = Array(ArticleItemInfo.customize(nillable=True), member_name="ArticleItemInfo",
                               type_name="ArrayOfArticleItemInfo")
GetArticleItemsByQueryResult = result("GetArticleItemsByQuery", [("ArticleItems", opt(ArrayOfArticleItemInfo))])

# --- ArticleItemInLocationHandled (request and response ours: only the name is public) ---


class ArticleItemInLocationHandledOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleItemInLocationIds", opt(ArrayOfInt)), ("HandledByUser", opt(ByUser))]


class HandledArticleItemInLocation(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleItemInLocationId", req(Integer32)), ("ArticleItemId", req(Integer32)),
                  ("Location", opt(String)), ("HandledTime", req(DateTime))]


ArrayOfHandledArticleItemInLocation = Array(HandledArticleItemInLocation.customize(nillable=True),
                                            member_name="HandledArticleItemInLocation",
                                            type_name="ArrayOfHandledArticleItemInLocation")
ArticleItemInLocationHandledResult = result(
    "ArticleItemInLocationHandled", [("HandledArticleItemsInLocations", opt(ArrayOfHandledArticleItemInLocation))],
    writes=True, error_types=("ArticleItemInLocationNotFound", "AlreadyHandled", "NotToBeHandled",
                              "NotControllerOfAutomatedSystem"))

# --- MoveArticleItem ---

ArticleItemIdentification = Enum("ArticleItemIdentification", "ArticleItemId", "Serial", "OriginalArticleItemId",
                                 "FiltersSpecified")
MovePalletItemOperationType = Enum("MoveToPalletItemOperation", "Clear", "Find", "FindOrCreate")
MovePalletItemIdentification = Enum("MoveToPalletItemIdentification", "LabelIdAndPalletType", "PalletItemId")


class MoveArticleItemAdditionalFilters(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("OrderId", opt(Integer32)),
        ("WorkOrderId", opt(Integer32)),
        ("FromLocation", opt(String)),
        ("ArticleItemPalletItemId", opt(Integer32)),
        ("ArticleItemPalletItemLabelId", opt(String)),
        ("ArticleItemParentPalletItemId", opt(Integer32)),
        ("ArticleItemParentPalletItemLabelId", opt(String)),
        ("ArticleDefId", opt(Integer32)),
    ]


class PalletType_MoveArticleItem(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletTypeCode", opt(String))]


class MoveToPalletItem(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("Operation", enum_field(MovePalletItemOperationType)),
        ("PalletItemIdentification", enum_field(MovePalletItemIdentification)),
        ("LabelId", opt(String)),
        ("Serial", opt(String)),
        ("Comment", opt(String)),
        ("PalletItemId", opt(Integer32)),
        ("PalletType", opt(PalletType_MoveArticleItem)),
        ("Parent", opt(SelfReference)),
    ]


class MoveArticleItemOperation(ComplexModel):
    """The documented fields in their order; ``MovedByUser`` (type ByUser, named in the Tags) after them."""

    __namespace__ = NS
    _type_info = [
        ("ArticleItemId", opt(Integer32)),
        ("ArticleItemIdentification", enum_field(ArticleItemIdentification)),
        ("Serial", opt(String)),
        ("ToLocation", opt(String)),
        ("NumberOfItems", opt(Decimal)),
        ("OriginalArticleItemId", opt(Integer32)),
        ("AdditionalFilters", opt(MoveArticleItemAdditionalFilters)),
        ("PalletItem", opt(MoveToPalletItem)),
        ("MovedByUser", opt(ByUser)),
    ]


class MovedArticleItem(ComplexModel):
    """Ours: one part moved (a part split off keeps the original article item id)."""

    __namespace__ = NS
    _type_info = [("ArticleItemId", req(Integer32)), ("FromArticleItemId", req(Integer32)),
                  ("OriginalArticleItemId", req(Integer32)), ("NumberOfItems", req(Decimal)),
                  ("FromLocation", opt(String)), ("ToLocation", opt(String))]


ArrayOfMovedArticleItem = Array(MovedArticleItem.customize(nillable=True), member_name="MovedArticleItem",
                                type_name="ArrayOfMovedArticleItem")
MoveArticleItemResult = result(
    "MoveArticleItem", [("MovedArticleItems", opt(ArrayOfMovedArticleItem))], writes=True,
    error_types=("ArticleItemNotFound", "LocationNotFound", "NotEnoughItems", "AlreadyInLocation",
                 "InvalidIdentification"))

# --- GetOrderArticleItemsByQuery ---


class GetOrderArticleItemsQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("Locations", opt(ArrayOfString)),
        ("GoodsOwnerId", opt(Integer32)),
        ("ArticleItemId", opt(Integer32)),
        ("ArticleDefId", opt(Integer32)),
        ("OnlyLiveGoodsOwners", opt(Boolean)),
        ("OrderStatusFrom", opt(Integer32)),
        ("OrderStatusTo", opt(Integer32)),
        ("SerialNumber", opt(String)),
        ("OrderPalletItemLabelId", opt(String)),
        ("OrderId", opt(Integer32)),
        ("PickOrderId", opt(Integer32)),
        ("OrderPalletItemSerial", opt(String)),
    ]


GetOrderArticleItemsResult = result("GetOrderArticleItemsByQuery", type_name="GetOrderArticleItemsResult")

# --- UpdateArticleItems ---

StockStatus = Enum("StockStatusAutomation", "IsInStock", "IsInStockOrIsAdvised", "NoFilter")


class UpdateArticleItemsIdentification(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("GoodsOwnerId", opt(Integer32)),
        ("ArticleSystemId", opt(Integer32)),
        ("OriginalArticleItemId", opt(Integer32)),
        ("ArticleItemId", opt(Integer32)),
        ("ArticleItemStatusId", opt(Integer32)),
        ("Batch", opt(String)),
        ("Serial", opt(String)),
        ("StockStatus", enum_field(StockStatus)),
    ]


class UpdateArticleItemStatus(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleItemStatusCode", opt(String)), ("ArticleItemStatusId", opt(Integer32)),
                  ("ClearArticleItemStatus", opt(Boolean))]


class UpdateArticleItemCategory(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleItemCategoryCode", opt(String)), ("ArticleItemCategoryId", opt(Integer32))]


class UpdateArticleItemLock(ComplexModel):
    __namespace__ = NS
    _type_info = [("IsLockedByItemLock", opt(Boolean))]


class UpdateArticleItemPrice(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleItemPrice", opt(Decimal))]


class UpdateArticleItemBatch(ComplexModel):
    __namespace__ = NS
    _type_info = [("Batch", opt(String))]


class UpdateArticleItemSerial(ComplexModel):
    __namespace__ = NS
    _type_info = [("Serial", opt(String))]


class UpdateArticleItemsOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("Identification", opt(UpdateArticleItemsIdentification)),
        ("NumberOfItemsToUpdate", opt(Decimal)),
        ("UpdateArticleItemStatus", opt(UpdateArticleItemStatus)),
        ("UpdateArticleItemCategory", opt(UpdateArticleItemCategory)),
        ("UpdateArticleItemLock", opt(UpdateArticleItemLock)),
        ("UpdateArticleItemPrice", opt(UpdateArticleItemPrice)),
        ("UpdateArticleItemBatch", opt(UpdateArticleItemBatch)),
        ("UpdateArticleItemSerial", opt(UpdateArticleItemSerial)),
    ]


UpdateArticleItemsResultAutomation = result("UpdateArticleItems", writes=True,
                                            type_name="UpdateArticleItemsResultAutomation")
