"""Invoices, inventory changes and work order events: GetInvoicesByQuery, GetInventoryChangesByQuery,
HandleWorkOrderEvent."""

from spyne import ComplexModel

from wms_soap.soap.automation.types.common import NS, ArrayOfInt, opt
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, DateTime, Integer32, String


class AutomationGetInvoicesQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [("GetInvoiceRows", opt(Boolean)), ("OnlyLiveGoodsOwners", opt(Boolean)),
                  ("InvoiceIds", opt(ArrayOfInt))]


AutomationGetInvoicesResult = result("GetInvoicesByQuery", type_name="AutomationGetInvoicesResult")


class GetInventoryChangesQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [("From", opt(DateTime)), ("To", opt(DateTime)), ("InventoryIdFrom", opt(Integer32)),
                  ("OnlyUnReported", opt(Boolean)), ("WarehouseId", opt(Integer32)),
                  ("OnlyLiveGoodsOwners", opt(Boolean)), ("GoodsOwnerId", opt(Integer32)),
                  ("ExportTimeFrom", opt(DateTime)), ("ArticleDefIdFrom", opt(Integer32)),
                  ("MaxArticlesToGet", opt(Integer32))]


GetInventoryChangesResult = result("GetInventoryChangesByQuery", type_name="GetInventoryChangesResult")


class HandleWorkOrderEventOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("WorkOrderId", opt(Integer32)), ("OperationType", opt(String)), ("ComputerName", opt(String))]


HandleWorkOrderEventResult = result("HandleWorkOrderEvent", writes=True)
