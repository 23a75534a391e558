"""Goods owners and users: GetGoodsOwnersByQuery, GetUsers."""

from spyne import Array, ComplexModel

from wms_soap.soap.automation.types.common import NS, opt, req
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, Integer32, String


class GetGoodsOwnersQuery(ComplexModel):
    """Sent empty (S5): every goods owner."""

    __namespace__ = NS
    _type_info: list[tuple[str, type]] = []


class GoodsOwnerInfo(ComplexModel):
    """Ours."""

    __namespace__ = NS
    _type_info = [("GoodsOwnerId", req(Integer32)), ("GoodsOwnerCode", opt(String)), ("GoodsOwnerName", opt(String)),
                  ("WarehouseCode", opt(String)), ("HasApiAccess", req(Boolean))]


ArrayOfGoodsOwnerInfo = Array(GoodsOwnerInfo.customize(nillable=True), member_name="GoodsOwner",
                              type_name="ArrayOfGoodsOwnerInfo")
GetGoodsOwnersResult = result("GetGoodsOwnersByQuery", [("GoodsOwners", opt(ArrayOfGoodsOwnerInfo))],
                              type_name="GetGoodsOwnersResult")


class GetUsersQuery(ComplexModel):
    """Sent empty (S5, D:/get-users): every user."""

    __namespace__ = NS
    _type_info: list[tuple[str, type]] = []


class User(ComplexModel):
    """As D:/get-users shows it."""

    __namespace__ = NS
    _type_info = [("UserId", req(Integer32)), ("UserName", opt(String)), ("UserType", opt(String)),
                  ("UserFreeText1", opt(String))]


ArrayOfUser = Array(User.customize(nillable=True), member_name="User", type_name="ArrayOfUser")


class GetUsersResult(ComplexModel):
    """The one Automation response that is public whole (D:/get-users): Message, Success, Users."""

    __namespace__ = NS
    _type_info = [("Message", opt(String)), ("Success", req(Boolean)), ("Users", opt(ArrayOfUser))]
