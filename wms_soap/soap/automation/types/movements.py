"""Movement article items: GetMovementArticleItemsByQuery, MovementArticleItemHandled."""

from spyne import Array, ComplexModel

from wms_soap.soap.automation.types.article_items import ArticleInfo
from wms_soap.soap.automation.types.common import NS, ArrayOfInt, ArrayOfString, ByUser, opt, req, req_nil
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, DateTime, Decimal, Integer32, String


class MovementArticleItemsSpecialFilters(ComplexModel):
    __namespace__ = NS
    _type_info = [("OnlyGetMovementArticleItemsToBeHandled", opt(Boolean)),
                  ("OnlyGetMovementArticleItemsWithType", opt(Boolean))]


class MovementArticleItemsPaging(ComplexModel):
    __namespace__ = NS
    _type_info = [("MaxRowsToGet", opt(Integer32)), ("MaxWorkOrdersToGet", opt(Integer32))]


class GetMovementArticleItemsQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("FromLocations", opt(ArrayOfString)),
        ("ToLocations", opt(ArrayOfString)),
        ("OrderId", opt(Integer32)),
        ("ArticleItemId", opt(Integer32)),
        ("ArticleDefId", opt(Integer32)),
        ("GoodsOwnerId", opt(Integer32)),
        ("SpecialFilters", opt(MovementArticleItemsSpecialFilters)),
        ("Paging", opt(MovementArticleItemsPaging)),
    ]


class OrderInfo(ComplexModel):
    """Ours: the order a movement serves."""

    __namespace__ = NS
    _type_info = [("OrderId", req(Integer32)), ("GoodsOwnerId", req(Integer32)),
                  ("GoodsOwnerOrderNumber", opt(String)), ("OrderStatus", req(Integer32))]


class MovementArticleItemInfo(ComplexModel):
    """Ours: one quantity of an article item to bring from the store-location to the out-location."""

    __namespace__ = NS
    _type_info = [
        ("MovementArticleItemId", req(Integer32)),
        ("ArticleItemId", req(Integer32)),
        ("FromLocation", opt(String)),
        ("ToLocation", opt(String)),
        ("NumberOfItems", req(Decimal)),
        ("OrderLineId", req(Integer32)),
        ("Article", opt(ArticleInfo)),
        ("Order", opt(OrderInfo)),
        ("CreatedTime", req(DateTime)),
        ("HandledTime", req_nil(DateTime)),
    ]


ArrayOfMovementArticleItemInfo = Array(MovementArticleItemInfo.customize(nillable=True),
                                       member_name="MovementArticleItemInfo",
                                       type_name="ArrayOfMovementArticleItemInfo")
GetMovementArticleItemsResult = result(
    "GetMovementArticleItemsByQuery", [("MovementArticleItems", opt(ArrayOfMovementArticleItemInfo))],
    type_name="GetMovementArticleItemsResult")


class MovementArticleItemHandledOperation(ComplexModel):
    """Ours: only the operation's name is public."""

    __namespace__ = NS
    _type_info = [("MovementArticleItemIds", opt(ArrayOfInt)), ("HandledByUser", opt(ByUser))]


class HandledMovementArticleItem(ComplexModel):
    __namespace__ = NS
    _type_info = [("MovementArticleItemId", req(Integer32)), ("HandledTime", req(DateTime))]


ArrayOfHandledMovementArticleItem = Array(HandledMovementArticleItem.customize(nillable=True),
                                          member_name="HandledMovementArticleItem",
                                          type_name="ArrayOfHandledMovementArticleItem")
MovementArticleItemHandledResult = result(
    "MovementArticleItemHandled", [("HandledMovementArticleItems", opt(ArrayOfHandledMovementArticleItem))],
    writes=True, error_types=("MovementArticleItemNotFound", "AlreadyHandled", "NotToBeHandled",
                              "NotControllerOfAutomatedSystem"))
