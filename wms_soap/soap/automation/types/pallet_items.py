"""Pallet items: GetPalletItemsByQuery, UpdatePalletItem, MovePalletItem, UploadPalletItemFile,
CreateShipmentPalletItem."""

from spyne import ComplexModel

from wms_soap.soap.automation.types.common import NS, ArrayOfInt, ArrayOfString, ByUser, Enum, enum_field, opt
from wms_soap.soap.automation.types.orders import AutomationUploadInOrderFile, FileIdentification, PalletTypeAutomation
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import DateTime, Decimal, Integer32, String


class SpecialFiltersGetPalletItems(ComplexModel):
    __namespace__ = NS
    _type_info = [("LoadStatusChangeTimeFrom", opt(DateTime)), ("LoadStatusCode", opt(String))]


class GetPalletItemsQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletItemIds", opt(ArrayOfInt)), ("SpecialFilters", opt(SpecialFiltersGetPalletItems)),
                  ("PalletItemLabelId", opt(String)), ("PalletTypeCode", opt(String)),
                  ("ParentPalletItemLabelId", opt(String)), ("ParentPalletTypeCode", opt(String)),
                  ("PalletItemSerials", opt(ArrayOfString))]


GetPalletItemsResult = result("GetPalletItemsByQuery", type_name="GetPalletItemsResult")

PalletItemIdentificationType = Enum("PalletItemIdentificationType", "PalletItemId", "PalletItemLabelId")
PalletItemStatusIdentificationType = Enum("PalletItemStatusIdentificationType", "PalletItemStatusCode")


class PalletItemUpdateIdentification(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletItemIdentificationType", enum_field(PalletItemIdentificationType)),
                  ("PalletItemId", opt(Integer32)), ("PalletItemLabelId", opt(String))]


class UpdatePalletItemStatus(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletItemStatusIdentificationType", enum_field(PalletItemStatusIdentificationType)),
                  ("PalletItemStatusCode", opt(String))]


def _one(name: str, field: str, spyne_type: type) -> type:
    made: type = type(name, (ComplexModel,), {"__namespace__": NS, "_type_info": [(field, opt(spyne_type))]})
    return made


class UpdatePalletItemOperation(ComplexModel):
    """The payload element is ``UpdatePalletItem``; the type has another name so the wrapper can keep its own."""

    __namespace__ = NS
    _type_info = [
        ("PalletItemUpdateIdentification", opt(PalletItemUpdateIdentification)),
        ("UpdatePalletItemStatus", opt(UpdatePalletItemStatus)),
        *((name, opt(_one(name, field, kind))) for name, field, kind in (
            ("UpdatePalletItemWeight", "Weight", Decimal), ("UpdatePalletItemVolume", "Volume", Decimal),
            ("UpdatePalletItemLength", "Length", Decimal), ("UpdatePalletItemWidth", "Width", Decimal),
            ("UpdatePalletItemHeight", "Height", Decimal), ("UpdatePalletItemSerial", "PalletItemSerial", String),
            ("UpdatePalletItemComment", "PalletItemComment", String),
            ("UpdatePalletItemLabelId", "PalletItemLabelId", String))),
    ]


UpdatePalletItemResult = result("UpdatePalletItem", writes=True)

MovePalletItemIdentification = Enum("MovePalletItemIdentification", "PalletItemId", "LabelId", "FiltersSpecified")


class MovePalletItemAdditionalFilters(ComplexModel):
    __namespace__ = NS
    _type_info = [("WorkOrderId", opt(Integer32)), ("FromLocation", opt(String)), ("GoodsOwnerId", opt(Integer32))]


class MovePalletItemOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletItemId", opt(Integer32)),
                  ("PalletItemIdentification", enum_field(MovePalletItemIdentification)), ("LabelId", opt(String)),
                  ("ToLocation", opt(String)), ("AdditionalFilters", opt(MovePalletItemAdditionalFilters)),
                  ("MovedByUser", opt(ByUser))]


MovePalletItemResult = result("MovePalletItem", writes=True)


class AutomationUploadPalletItemFilePalletItemIdentification(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletItemId", opt(Integer32))]


class AutomationUploadPalletItemFileOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("PalletItemIdentification", opt(AutomationUploadPalletItemFilePalletItemIdentification)),
                  ("FileIdentification", enum_field(FileIdentification)), ("File", opt(AutomationUploadInOrderFile))]


UploadPalletItemFileResult = result("UploadPalletItemFile", writes=True)

TransportAdministrationType = Enum("TransportAdministrationType", "None", "Return", "Delivery")


class CreateShipmentPalletItemOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("ShipmentId", opt(Integer32)), ("PalletType", opt(PalletTypeAutomation)), ("LabelId", opt(String)),
                  ("Serial", opt(String)), ("Comment", opt(String)), ("Weight", opt(Decimal)),
                  ("Volume", opt(Decimal)), ("Length", opt(Decimal)), ("Width", opt(Decimal)),
                  ("Height", opt(Decimal)), ("LoadMeters", opt(Decimal)), ("ParentPalletItemId", opt(Integer32)),
                  ("TransportAdministrationType", enum_field(TransportAdministrationType))]


CreateShipmentPalletItemResult = result("CreateShipmentPalletItem", writes=True)
