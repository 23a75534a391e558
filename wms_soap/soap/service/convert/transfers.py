"""Warehouse transfer orders: WarehouseTransferOrderFilters to the domain query, stored orders to the wire."""

from __future__ import annotations

from typing import Any

from wms_soap.services.warehouse import transfers
from wms_soap.soap.service.convert.inorder_details import as_utc
from wms_soap.soap.service.types.production import (
    TransferArticleItemInfo,
    WarehouseTransferOrderInfo,
    WarehouseTransferOrderInfoHeader,
    WarehouseTransferOrderLineArticleInfo,
    WarehouseTransferOrderLineInfo,
)
from wms_soap.store.transfers import WarehouseTransferOrder, WarehouseTransferOrderItem, WarehouseTransferOrderLine


def _items(array: Any) -> list[Any]:
    """The non-nil members of a wire array (zeep/ASMX send ``xsi:nil`` members too)."""
    return [member for member in array or [] if member is not None]


def transfer_query(wire: Any) -> transfers.TransferQuery:
    if wire is None:
        return transfers.TransferQuery()
    return transfers.TransferQuery(
        ids=_items(wire.WarehouseTransferOrderIdsToGet),
        numbers=[n for n in _items(wire.WarehouseTransferOrderNumbersToGet) if n],
        reference_number=wire.ReferenceNumber or None, is_delivered=wire.IsDelivered,
        from_warehouse_id=wire.FromWarehouseId, to_warehouse_id=wire.ToWarehouseId,
        status_from=wire.OrderStatusFrom, status_to=wire.OrderStatusTo,
        last_updated_from=as_utc(wire.LastUpdatedFrom), last_updated_to=as_utc(wire.LastUpdatedTo))


def transfer_order_info(order: WarehouseTransferOrder,
                        view: transfers.TransferOrdersView) -> WarehouseTransferOrderInfo:
    def code(warehouse_id: int | None) -> str | None:
        return view.warehouses[warehouse_id].code if warehouse_id is not None else None

    header = WarehouseTransferOrderInfoHeader(
        FromWarehouseCode=code(order.from_warehouse_id), ToWarehouseCode=code(order.to_warehouse_id),
        TransitWarehouseCode=code(order.transit_warehouse_id), OrderComment=order.comment,
        OrderNumber=order.order_number, OrderId=order.id, OrderStatusId=order.status)
    return WarehouseTransferOrderInfo(Header=header, OrderLines=[_line_info(line, view) for line in order.lines])


def _line_info(line: WarehouseTransferOrderLine, view: transfers.TransferOrdersView) -> WarehouseTransferOrderLineInfo:
    article = view.articles[line.article_id]
    new_status = view.new_statuses.get(line.new_status_id) if line.new_status_id is not None else None
    return WarehouseTransferOrderLineInfo(
        Article=WarehouseTransferOrderLineArticleInfo(ArticleName=article.name, ArticleNumber=article.article_number),
        LineNumber=line.line_number, Comment=line.comment, NumberOfItems=line.number_of_items,
        NewArticleItemStatusCode=new_status.code if new_status else None,
        NewArticleItemStatusName=new_status.name if new_status else None,
        Items=[_item_info(item, view) for item in line.items] or None)


def _item_info(item: WarehouseTransferOrderItem, view: transfers.TransferOrdersView) -> TransferArticleItemInfo:
    status = view.item_statuses.get(item.status) if item.status else None
    delivered = item.delivered_at is not None
    return TransferArticleItemInfo(
        IsDelivered=delivered, IsPicked=True, IsTransfer=not delivered, NumberOfItems=item.number_of_items,
        Serial=item.serial, BatchNo=item.batch, ArticleItemStatusCode=item.status,
        ArticleItemStatusName=status.name if status else None)
