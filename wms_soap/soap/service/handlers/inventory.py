"""GetInventoryByQuery and GetInventory: stock per article."""

from __future__ import annotations

from typing import Any

from wms_soap.services.inventory import inventory
from wms_soap.soap.service.convert import inventory as convert
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.inventory import InventoryResult


@handler("GetInventoryByQuery")
def get_inventory_by_query(call: Call, query: Any) -> InventoryResult:
    """Every filter of the query; ArticleSystemIdFrom + MaxArticlesToGet page through by ascending SystemId."""
    owner = call.goods_owner_id
    rows = inventory.inventory(call.session, owner, convert.inventory_query(query))
    return convert.inventory_result(owner, rows)


@handler("GetInventory")
def get_inventory(call: Call) -> InventoryResult:
    """The whole inventory of the caller's goods owner (the GoodsOwnerId argument is checked by the logon)."""
    owner = call.goods_owner_id
    return convert.inventory_result(owner, inventory.inventory(call.session, owner))
