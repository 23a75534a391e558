"""Shipments and transport: GetShipmentsByQuery, UpdateShipment, UploadShipmentFile,
ReportOrderTransportStatusEvent."""

from spyne import ComplexModel

from wms_soap.soap.automation.types.common import NS, ArrayOfInt, Enum, enum_field, opt
from wms_soap.soap.automation.types.orders import AutomationFile
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, DateTime, Integer32, Integer64, String

CustomsStatus = Enum("CustomsStatus", "All", "NoStatus", "PendingForApproval", "Approved")


class AutomationGetShipmentsQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [("ShipmentStatusFrom", opt(Integer32)), ("ShipmentStatusTo", opt(Integer32)),
                  ("GetOrders", opt(Boolean)), ("ShipmentIdsToGet", opt(ArrayOfInt)),
                  ("CustomsStatus", enum_field(CustomsStatus))]


GetShipmentsResult = result("GetShipmentsByQuery", type_name="AutomationGetShipmentsResult")

ShipmentIdentificationType = Enum("ShipmentIdentificationType", "WayBill", "ShipmentOrderNumber", "ShipmentId")


class ShipmentUpdateIdentification(ComplexModel):
    __namespace__ = NS
    _type_info = [("ShipmentIdentificationType", enum_field(ShipmentIdentificationType)), ("WayBill", opt(Integer64)),
                  ("ShipmentOrderNumber", opt(String)), ("ShipmentId", opt(Integer32))]


def _one(name: str, field: str | None = None, spyne_type: type = String) -> type:
    fields = [(field, opt(spyne_type))] if field else []
    made: type = type(name, (ComplexModel,), {"__namespace__": NS, "_type_info": fields})
    return made


class AutomationUpdateShipment(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("ShipmentUpdateIdentification", opt(ShipmentUpdateIdentification)),
        ("UpdateShipmentComment", opt(_one("UpdateShipmentComment", "ShipmentComment"))),
        ("UpdateShipmentCustomsReferenceNumber", opt(_one("UpdateShipmentCustomsReferenceNumber",
                                                          "CustomsReferenceNumber"))),
        ("UnlockInboundArticleItemsOperation", opt(_one("UnlockInboundArticleItemsOperation", "Unlock", Boolean))),
        ("UpdateShipmentSetCustomsStatusApproved", opt(_one("UpdateShipmentSetCustomsStatusApproved"))),
        ("UpdateShipmentSetCustomsStatusFetchedByCustomsSystem",
         opt(_one("UpdateShipmentSetCustomsStatusFetchedByCustomsSystem"))),
        ("UpdateShipmentSetCustomsStatusRejectedByCustomsSystem",
         opt(_one("UpdateShipmentSetCustomsStatusRejectedByCustomsSystem"))),
    ]


AutomationUpdateShipmentResult = result("UpdateShipment", writes=True, type_name="AutomationUpdateShipmentResult")


class AutomationShipmentFile(ComplexModel):
    __namespace__ = NS
    _type_info = [("File", opt(AutomationFile)), ("ShipmentId", opt(Integer32))]


AutomationUploadShipmentFileResult = result("UploadShipmentFile", writes=True,
                                            type_name="AutomationUploadShipmentFileResult")

TransportEventType = Enum("OrderTransportEventType", "Delivery", "Return")
TransportStatus = Enum("OrderTransportStatus", "Printed", "PickedUpByCarrier", "OnWay", "AtPickUpPlace", "Delivered",
                       "Cancelled")


class ReportOrderTransportStatusEventOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("OrderId", opt(Integer32)), ("Comment", opt(String)), ("EventTime", opt(DateTime)),
                  ("EventType", enum_field(TransportEventType)), ("TransportStatus", enum_field(TransportStatus))]


ReportOrderTransportStatusEventResult = result("ReportOrderTransportStatusEvent", writes=True)
