"""Orders and in-orders with their files, and receiving: GetOrdersByQuery, UpdateOrder, UploadOrderFile,
RemoveOrderFile, GetInOrdersByQuery, UploadInOrderFile, Receive."""

from spyne import ComplexModel

from wms_soap.soap.automation.types.common import NS, ArrayOfInt, ByUser, Enum, enum_field, opt
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, ByteArray, DateTime, Decimal, Integer32, String


class GetOrdersQuery(ComplexModel):
    """``OrderIds`` (S5); ``GoodsOwnerId``, ``CreatedTimeFrom``, ``MaxOrdersToGet`` as a third party sends them."""

    __namespace__ = NS
    _type_info = [("OrderIds", opt(ArrayOfInt)), ("GoodsOwnerId", opt(Integer32)),
                  ("CreatedTimeFrom", opt(DateTime)), ("MaxOrdersToGet", opt(Integer32))]


GetOrdersResult = result("GetOrdersByQuery", type_name="GetOrdersResult")


def _one(name: str, field: str, spyne_type: type) -> type:
    made: type = type(name, (ComplexModel,), {"__namespace__": NS, "_type_info": [(field, opt(spyne_type))]})
    return made


UpdateOrderWaybill = _one("UpdateOrderWaybill", "Waybill", String)
UpdateOrderTransporterOrderNumber = _one("UpdateOrderTransporterOrderNumber", "TransporterOrderNumber", String)
UpdateOrderTransporterFreightWeight = _one("UpdateOrderTransporterFreightWeight", "TransporterFreightWeight", Decimal)
UpdateOrderFreightPrice = _one("UpdateOrderFreightPrice", "FreightPrice", Decimal)
UpdateOrderInvoiceUrl = _one("UpdateOrderInvoiceUrl", "InvoiceUrl", String)
UpdateOrderComment = _one("UpdateOrderComment", "Comment", String)


class AutomationUpdateOrder(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("OrderId", opt(Integer32)),
        ("UpdateOrderWaybill", opt(UpdateOrderWaybill)),
        ("UpdateOrderTransporterOrderNumber", opt(UpdateOrderTransporterOrderNumber)),
        ("UpdateOrderTransporterFreightWeight", opt(UpdateOrderTransporterFreightWeight)),
        ("UpdateOrderFreightPrice", opt(UpdateOrderFreightPrice)),
        ("UpdateOrderInvoiceUrl", opt(UpdateOrderInvoiceUrl)),
        ("UpdateOrderComment", opt(UpdateOrderComment)),
    ]


AutomationUpdateOrderResult = result("UpdateOrder", writes=True, type_name="AutomationUpdateOrderResult")


class AutomationFile(ComplexModel):
    __namespace__ = NS
    _type_info = [("FileName", opt(String)), ("FileBytes", opt(ByteArray)), ("MimeType", opt(String)),
                  ("FileId", opt(Integer32)), ("FileWillBeDeletedAt", opt(DateTime))]


OrderFileIdentificationType = Enum("OrderFileIdentificationType", "GoodsOwnerOrderNumber", "GoodsOwnerOrderId",
                                   "SystemId")


class AutomationOrderFile(ComplexModel):
    __namespace__ = NS
    _type_info = [("File", opt(AutomationFile)), ("GoodsOwnerId", opt(Integer32)),
                  ("OrderFileIdentificationType", enum_field(OrderFileIdentificationType)),
                  ("GoodsOwnerOrderNumber", opt(String)), ("GoodsOwnerOrderId", opt(String)),
                  ("OrderSystemId", opt(Integer32))]


AutomationUploadOrderFileResult = result("UploadOrderFile", writes=True, type_name="AutomationUploadOrderFileResult")


class AutomationRemoveOrderFileOperationFileInfo(ComplexModel):
    __namespace__ = NS
    _type_info = [("FileId", opt(Integer32)), ("FileName", opt(String))]


class AutomationRemoveOrderFileOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("OrderId", opt(Integer32)), ("File", opt(AutomationRemoveOrderFileOperationFileInfo))]


RemoveOrderFileResult = result("RemoveOrderFile", writes=True)


class GetInOrdersQuery(ComplexModel):
    """``InOrderIds`` (S5); the rest as a third party sends them."""

    __namespace__ = NS
    _type_info = [("InOrderIds", opt(ArrayOfInt)), ("GoodsOwnerId", opt(Integer32)),
                  ("CreatedTimeFrom", opt(DateTime)), ("MaxInOrdersToGet", opt(Integer32))]


GetInOrdersResult = result("GetInOrdersByQuery", type_name="GetInOrdersResult")


class AutomationUploadInOrderFileInOrderIdentification(ComplexModel):
    __namespace__ = NS
    _type_info = [("InOrderId", opt(Integer32))]


FileIdentification = Enum("AutomationFileIdentification", "FileName")


class AutomationUploadInOrderFile(ComplexModel):
    __namespace__ = NS
    _type_info = [("FileName", opt(String)), ("FileBytes", opt(ByteArray)), ("MimeType", opt(String))]


class AutomationUploadInOrderFileOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("InOrderIdentification", opt(AutomationUploadInOrderFileInOrderIdentification)),
                  ("FileIdentification", enum_field(FileIdentification)), ("File", opt(AutomationUploadInOrderFile))]


AutomationUploadInOrderFileResult = result("UploadInOrderFile", writes=True,
                                           type_name="AutomationUploadInOrderFileResult")

PalletTypeIdentification = Enum("PalletTypeIdentification", "PalletTypeId", "PalletTypeCode", "PalletTypeName")


class PalletTypeAutomation(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletTypeCode", opt(String)), ("PalletTypeName", opt(String)), ("PalletTypeId", opt(Integer32)),
                  ("Identification", enum_field(PalletTypeIdentification))]


class NewPalletItem(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletType", opt(PalletTypeAutomation)), ("LabelId", opt(String)), ("Serial", opt(String)),
                  ("Comment", opt(String)), ("Weight", opt(Decimal)), ("Volume", opt(Decimal)),
                  ("Length", opt(Decimal)), ("Width", opt(Decimal)), ("Height", opt(Decimal)),
                  ("LoadMeters", opt(Decimal)), ("ParentPalletItemId", opt(Integer32))]


class ReceiveInOrder(ComplexModel):
    __namespace__ = NS
    _type_info = [("InOrderLineId", opt(Integer32))]


class ReceiveArticleItemStatus(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleItemStatusId", opt(Integer32))]


class ReceiveOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("ArticleDefId", opt(Integer32)), ("ReceivedByUser", opt(ByUser)), ("PalletItemId", opt(Integer32)),
        ("NewPalletItem", opt(NewPalletItem)), ("NumberOfItems", opt(Decimal)), ("Serial", opt(String)),
        ("Batch", opt(String)), ("Comment", opt(String)), ("Container", opt(String)), ("FreeText1", opt(String)),
        ("Length", opt(Decimal)), ("Width", opt(Decimal)), ("Height", opt(Decimal)), ("Weight", opt(Decimal)),
        ("Volume", opt(Decimal)), ("IsLockedByItemLock", opt(Boolean)), ("ExpiryDate", opt(DateTime)),
        ("InOrder", opt(ReceiveInOrder)), ("ArticleItemStatus", opt(ReceiveArticleItemStatus)),
        ("Location", opt(String)),
    ]


ReceivingResult = result("Receive", writes=True, type_name="ReceivingResult")
