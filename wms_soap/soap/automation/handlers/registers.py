"""Goods owners and users: GetGoodsOwnersByQuery, GetUsers."""

from typing import Any

from wms_soap.services.access import rules, users
from wms_soap.soap.automation.convert import registers as convert
from wms_soap.soap.automation.dispatch import Call, handler


@handler("GetGoodsOwnersByQuery")
def get_goods_owners_by_query(call: Call, query: Any) -> Any:
    return convert.goods_owners_result(rules.list_goods_owners(call.session))


@handler("GetUsers")
def get_users(call: Call, query: Any) -> Any:
    return convert.users_result(users.every_user(call.session))
