"""The 45 operations of the Automation API: each one's payload element (the third child of the request, after
``UserName`` and ``Password``), its result type, whether it writes, and where its request names the operator.

Operations appear in the WSDL in this order (the order of ``ongoing-automation-operations.md`` §3). A write names
the person operating the equipment in a ``...ByUser/UserName`` element (``operator``); the dispatcher refuses a
write without one before its handler runs. A write whose request shows no such element yet has ``operator=None``
and cannot get a handler until its request gets one (``dispatch.handler`` says so).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wms_soap.soap.automation.types import (
    article_items,
    articles,
    invoices,
    locations,
    movements,
    orders,
    pallet_items,
    picking,
    printing,
    registers,
    shipments,
)
from wms_soap.soap.primitives import Integer32, occ


@dataclass(frozen=True, slots=True)
class Operation:
    name: str
    area: str
    payload_name: str
    payload_type: Any
    result_type: Any
    writes: bool = False
    operator: str | None = None
    """The payload's ``ByUser`` element naming the operator (writes only)."""


def _read(name: str, area: str, payload: str, payload_type: Any, result_type: Any) -> Operation:
    return Operation(name, area, payload, payload_type, result_type)


def _write(name: str, area: str, payload: str, payload_type: Any, result_type: Any,
           operator: str | None = None) -> Operation:
    return Operation(name, area, payload, payload_type, result_type, writes=True, operator=operator)


OPERATIONS: tuple[Operation, ...] = (
    _read("GetArticlesByQuery", "articles", "Query", articles.GetArticlesQuery, articles.GetArticlesResult),
    _read("GetArticlesPackageTypes", "articles", "Query", articles.GetArticlesPackageTypesQuery,
          articles.GetArticlesPackageTypesResult),
    _write("UpdateArticle", "articles", "UpdateArticle", articles.UpdateArticleOperation, articles.UpdateArticleResult),
    _read("GetArticleItemsByQuery", "article_items", "Query", article_items.GetArticleItemsQuery,
          article_items.GetArticleItemsByQueryResult),
    _write("ArticleItemInLocationHandled", "article_items", "Operation",
           article_items.ArticleItemInLocationHandledOperation, article_items.ArticleItemInLocationHandledResult,
           operator="HandledByUser"),
    _read("GetMovementArticleItemsByQuery", "movements", "Query", movements.GetMovementArticleItemsQuery,
          movements.GetMovementArticleItemsResult),
    _write("MovementArticleItemHandled", "movements", "Operation", movements.MovementArticleItemHandledOperation,
           movements.MovementArticleItemHandledResult, operator="HandledByUser"),
    _write("MoveArticleItem", "article_items", "Operation", article_items.MoveArticleItemOperation,
           article_items.MoveArticleItemResult, operator="MovedByUser"),
    _read("GetOrderArticleItemsByQuery", "article_items", "Query", article_items.GetOrderArticleItemsQuery,
          article_items.GetOrderArticleItemsResult),
    _write("UpdateArticleItems", "article_items", "Operation", article_items.UpdateArticleItemsOperation,
           article_items.UpdateArticleItemsResultAutomation),
    _read("GetOrdersByQuery", "orders", "Query", orders.GetOrdersQuery, orders.GetOrdersResult),
    _write("UpdateOrder", "orders", "Order", orders.AutomationUpdateOrder, orders.AutomationUpdateOrderResult),
    _write("UploadOrderFile", "orders", "OrderFile", orders.AutomationOrderFile,
           orders.AutomationUploadOrderFileResult),
    _write("RemoveOrderFile", "orders", "Operation", orders.AutomationRemoveOrderFileOperation,
           orders.RemoveOrderFileResult),
    _read("GetInOrdersByQuery", "inorders", "Query", orders.GetInOrdersQuery, orders.GetInOrdersResult),
    _write("UploadInOrderFile", "inorders", "Operation", orders.AutomationUploadInOrderFileOperation,
           orders.AutomationUploadInOrderFileResult),
    _write("Receive", "inorders", "Operation", orders.ReceiveOperation, orders.ReceivingResult,
           operator="ReceivedByUser"),
    _read("GetGoodsOwnersByQuery", "registers", "Query", registers.GetGoodsOwnersQuery, registers.GetGoodsOwnersResult),
    _read("GetUsers", "registers", "Query", registers.GetUsersQuery, registers.GetUsersResult),
    _write("CreatePrintJob", "printing", "PrintJob", printing.AutomationPrintJob, printing.CreatePrintJobResult),
    _read("Print", "printing", "Operation", printing.PrintOperation, printing.PrintResult),
    _read("GetFileList", "printing", "FileSearchValues", printing.FileSearchValues, printing.GetFileListResult),
    _read("GetFile", "printing", "FileId", Integer32.customize(**occ(0)), printing.GetFileResult),
    _read("GetInvoicesByQuery", "invoices", "Query", invoices.AutomationGetInvoicesQuery,
          invoices.AutomationGetInvoicesResult),
    _read("GetInventoryChangesByQuery", "invoices", "Query", invoices.GetInventoryChangesQuery,
          invoices.GetInventoryChangesResult),
    _write("HandleWorkOrderEvent", "invoices", "Operation", invoices.HandleWorkOrderEventOperation,
           invoices.HandleWorkOrderEventResult),
    _read("GetPalletItemsByQuery", "pallet_items", "Query", pallet_items.GetPalletItemsQuery,
          pallet_items.GetPalletItemsResult),
    _write("UpdatePalletItem", "pallet_items", "UpdatePalletItem", pallet_items.UpdatePalletItemOperation,
           pallet_items.UpdatePalletItemResult),
    _write("MovePalletItem", "pallet_items", "Operation", pallet_items.MovePalletItemOperation,
           pallet_items.MovePalletItemResult, operator="MovedByUser"),
    _write("UploadPalletItemFile", "pallet_items", "Operation", pallet_items.AutomationUploadPalletItemFileOperation,
           pallet_items.UploadPalletItemFileResult),
    _write("ProcessPickOrder", "picking", "PickOrder", picking.PickOrder_Automation, picking.ProcessPickOrderResult),
    _write("ProcessPickOrderWarehousePath", "picking", "PickOrderWarehousePath", picking.PickOrderWarehousePath,
           picking.ProcessPickOrderWarehousePathResult),
    _write("RemovePickOrder", "picking", "Operation", picking.RemovePickOrderOperation, picking.RemovePickOrderResult),
    _write("PickAllocated", "picking", "Operation", picking.PickAllocatedOperation, picking.PickAllocatedResult,
           operator="PickedByUser"),
    _write("Pack", "picking", "Operation", picking.PackOperation, picking.PackResult, operator="PackedByUser"),
    _read("GetLocationsByQuery", "locations", "Query", locations.GetLocationsQuery, locations.GetLocationsResult),
    _write("SetLocationBatches", "locations", "Operation", locations.SetLocationBatchesOperation,
           locations.SetLocationBatchesResult),
    _write("SetLocationOriginalArticleItemIds", "locations", "Operation",
           locations.SetLocationOriginalArticleItemIdsOperation, locations.SetLocationOriginalArticleItemIdsResult),
    _write("SetLocationNumberOfItems", "locations", "Operation", locations.SetLocationNumberOfItemsOperation,
           locations.SetLocationNumberOfItemsResult),
    _write("AdjustLocationNumberOfItems", "locations", "Operation", locations.AdjustLocationNumberOfItemsOperation,
           locations.AdjustLocationNumberOfItemsResult, operator="AdjustedByUser"),
    _write("CreateShipmentPalletItem", "pallet_items", "Operation", pallet_items.CreateShipmentPalletItemOperation,
           pallet_items.CreateShipmentPalletItemResult),
    _read("GetShipmentsByQuery", "shipments", "query", shipments.AutomationGetShipmentsQuery,
          shipments.GetShipmentsResult),
    _write("UpdateShipment", "shipments", "updateShipment", shipments.AutomationUpdateShipment,
           shipments.AutomationUpdateShipmentResult),
    _write("UploadShipmentFile", "shipments", "ShipmentFile", shipments.AutomationShipmentFile,
           shipments.AutomationUploadShipmentFileResult),
    _write("ReportOrderTransportStatusEvent", "shipments", "Operation",
           shipments.ReportOrderTransportStatusEventOperation, shipments.ReportOrderTransportStatusEventResult),
)
BY_NAME: Mapping[str, Operation] = {op.name: op for op in OPERATIONS}
assert len(OPERATIONS) == len(BY_NAME) == 45
