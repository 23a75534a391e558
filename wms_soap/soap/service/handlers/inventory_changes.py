"""GetInventoryChanges and SetInventoryChangesToReported: stock corrections the goods owner's ERP must book."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wms_soap.errors import NotFound
from wms_soap.services.inbound.inorders import article_names
from wms_soap.services.inventory import inventory_changes
from wms_soap.soap.service.convert.inorders import article_class, as_utc
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.inventory import (
    InventoryChangeLine,
    InventoryChangesResult,
    InventoryTransaction,
    SetInventoryChangesToReportedResult,
    SetInventoryChangesToReportedResultError,
    UpdatedInventoryArticleItem,
)
from wms_soap.store.inventory import InventoryTransaction as StoredChange


def _query(wire: Any) -> inventory_changes.InventoryChangesQuery:
    if wire is None:
        return inventory_changes.InventoryChangesQuery()
    return inventory_changes.InventoryChangesQuery(
        from_date=as_utc(wire.FromDate), to_date=as_utc(wire.ToDate), to_time=as_utc(wire.ToTime),
        inventory_id=wire.InventoryId, unreported=wire.UnReported, article_id_from=wire.ArticleDefIdFrom,
        max_articles=wire.MaxArticlesToGet)


def _transaction(change: StoredChange) -> InventoryTransaction:
    return InventoryTransaction(
        InventoryChangesNumberOfItems=change.quantity, InventoryTime=change.created_at,
        InventoryId=change.id, Comment=change.comment, Location=change.location_code, LocationIsLocked=False,
        InventoryAdjustmentCauseCode=change.cause, InventoryAdjustmentCauseName=change.cause, Batch=change.batch,
        Serial=change.serial, ExpiryDate=change.expiry_date, ByInventoryCountTask=change.cause == "counted",
        WarehouseId=0, LocationIsLockedForSale=False)


@handler("GetInventoryChanges")
def get_inventory_changes(call: Call, query: Any) -> InventoryChangesResult:
    owner = call.goods_owner_id
    grouped = inventory_changes.inventory_changes(call.session, _query(query), goods_owner_id=owner)
    articles = article_names(call.session, set(grouped))
    return InventoryChangesResult(GoodsOwnerId=owner, InventoryChangeLines=[
        InventoryChangeLine(Article=article_class(article_id, articles),
                            InventoryChangesNumberOfItems=sum((c.quantity for c in changes), Decimal(0)),
                            InventoryTransactions=[_transaction(c) for c in changes])
        for article_id, changes in grouped.items()])


@handler("SetInventoryChangesToReported")
def set_inventory_changes_to_reported(call: Call, operation: Any) -> SetInventoryChangesToReportedResult:
    article_id = operation.ArticleSystemId if operation is not None else None
    inventory_id = operation.InventoryId if operation is not None else None
    try:
        changes = inventory_changes.set_reported(call.session, article_id or 0, inventory_id,
                                                 goods_owner_id=call.goods_owner_id)
    except NotFound as error:
        kind = "InventoryNotFound" if inventory_id else "ArticleNotFound"
        return SetInventoryChangesToReportedResult(Success=False, Errors=[
            SetInventoryChangesToReportedResultError(Message=str(error), ErrorType=kind)])
    return SetInventoryChangesToReportedResult(Success=True, UpdatedInventoryArticleItems=[
        UpdatedInventoryArticleItem(InventoryArticleItemId=c.id, ArticleItemId=c.article_item_id or 0)
        for c in changes])
