"""Goods owners and users on the wire."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wms_soap.services.access.users import UserRow
from wms_soap.soap.automation.types import registers
from wms_soap.store.access import GoodsOwner


def goods_owners_result(owners: Sequence[GoodsOwner]) -> Any:
    return registers.GetGoodsOwnersResult(Success=True, GoodsOwners=[
        registers.GoodsOwnerInfo(GoodsOwnerId=o.id, GoodsOwnerCode=o.code, GoodsOwnerName=o.name,
                                 WarehouseCode=o.warehouse.code if o.warehouse else None,
                                 HasApiAccess=bool(o.api_access)) for o in owners])


def users_result(users: Sequence[UserRow]) -> Any:
    return registers.GetUsersResult(Success=True, Users=[
        registers.User(UserId=u.user_id, UserName=u.username, UserType=u.user_type) for u in users])
