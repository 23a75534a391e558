"""Picking and packing: ProcessPickOrder, ProcessPickOrderWarehousePath, RemovePickOrder, PickAllocated, Pack."""

from spyne import Array, ComplexModel

from wms_soap.soap.automation.types.common import NS, ByUser, Enum, enum_field, opt, req
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, Decimal, Integer32, String

PickOrderOperation = Enum("PickOrderOperation_Automation", "Create")


class PickOrderType_Automation(ComplexModel):
    __namespace__ = NS
    _type_info = [("PickOrderTypeCode", opt(String)), ("PickOrderTypeName", opt(String))]


class AssignedPicker_Automation(ComplexModel):
    __namespace__ = NS
    _type_info = [("UserName", opt(String))]


class PickOrderHeader_Automation(ComplexModel):
    __namespace__ = NS
    _type_info = [("PickOrderType", opt(PickOrderType_Automation)), ("PickingPriority", opt(Integer32)),
                  ("Comment", opt(String)), ("AssignedPicker", opt(AssignedPicker_Automation))]


class OrderLineIdentificationPickOrder_Automation(ComplexModel):
    __namespace__ = NS
    _type_info = [("OrderLineId", opt(Integer32))]


class ArticleItemIdentificationPickOrder_Automation(ComplexModel):
    """The source's excerpt ends inside this block: ours from here."""

    __namespace__ = NS
    _type_info = [("ArticleItemId", opt(Integer32))]


class OrderLineArticleItemPickOrder_Automation(ComplexModel):
    __namespace__ = NS
    _type_info = [("Identification", opt(ArticleItemIdentificationPickOrder_Automation))]


ArrayOfOrderLineArticleItem = Array(OrderLineArticleItemPickOrder_Automation.customize(nillable=True),
                                    member_name="ArticleItem", type_name="ArrayOfOrderLineArticleItemPickOrder")


class PickOrderLine_Automation(ComplexModel):
    __namespace__ = NS
    _type_info = [("OrderLineIdentification", opt(OrderLineIdentificationPickOrder_Automation)),
                  ("ArticleItems", opt(ArrayOfOrderLineArticleItem))]


ArrayOfPickOrderLine = Array(PickOrderLine_Automation.customize(nillable=True), member_name="PickOrderLine",
                             type_name="ArrayOfPickOrderLine_Automation")


class OrderSpecificationPickOrder_Automation(ComplexModel):
    __namespace__ = NS
    _type_info = [("OrderId", opt(Integer32)), ("PickOrderLines", opt(ArrayOfPickOrderLine))]


ArrayOfOrderSpecification = Array(OrderSpecificationPickOrder_Automation.customize(nillable=True),
                                  member_name="OrderSpecification", type_name="ArrayOfOrderSpecificationPickOrder")


class PickOrder_Automation(ComplexModel):
    __namespace__ = NS
    _type_info = [("Operation", enum_field(PickOrderOperation)), ("Header", opt(PickOrderHeader_Automation)),
                  ("OrderSpecifications", opt(ArrayOfOrderSpecification))]


ProcessPickOrderResult = result("ProcessPickOrder", writes=True)

WarehousePathOperation = Enum("PickOrderWarehousePathOperation", "CreateOrUpdate")


class PickOrderIdentification(ComplexModel):
    __namespace__ = NS
    _type_info = [("PickOrderId", opt(Integer32))]


class WarehousePathLocation(ComplexModel):
    __namespace__ = NS
    _type_info = [("LocationId", opt(Integer32)), ("SortIndex", opt(Integer32))]


ArrayOfWarehousePathLocation = Array(WarehousePathLocation.customize(nillable=True), member_name="Location",
                                     type_name="ArrayOfWarehousePathLocation")


class WarehousePathSpecification(ComplexModel):
    __namespace__ = NS
    _type_info = [("Locations", opt(ArrayOfWarehousePathLocation))]


class PickOrderWarehousePath(ComplexModel):
    __namespace__ = NS
    _type_info = [("Operation", enum_field(WarehousePathOperation)),
                  ("PickOrderIdentification", opt(PickOrderIdentification)),
                  ("Specification", opt(WarehousePathSpecification))]


ProcessPickOrderWarehousePathResult = result("ProcessPickOrderWarehousePath", writes=True)


class RemovePickOrderOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("PickOrderId", opt(Integer32))]


RemovePickOrderError = type("RemovePickOrderError", (ComplexModel,), {
    "__namespace__": NS, "_type_info": [("Message", opt(String)), ("ErrorType", enum_field(Enum(
        "RemovePickOrderErrorType", "UnknownError", "LogonError", "GoodsOwnerIsDeleted", "PickOrderIdDoesNotExist"),
        1))]})


class RemovePickOrderResult(ComplexModel):
    """As D:/remove-pick-order shows it, complete: Errors, Success."""

    __namespace__ = NS
    _type_info = [("Errors", opt(Array(RemovePickOrderError.customize(nillable=True),  # type: ignore[attr-defined]
                                       member_name="RemovePickOrderError", type_name="ArrayOfRemovePickOrderError"))),
                  ("Success", req(Boolean))]


class SetSerial(ComplexModel):
    __namespace__ = NS
    _type_info = [("Serial", opt(String)), ("NumberOfItems", opt(Decimal))]


ArrayOfSetSerial = Array(SetSerial.customize(nillable=True), member_name="SetSerial", type_name="ArrayOfSetSerial")


class PickAllocatedOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("OrderId", opt(Integer32)), ("ArticleDefId", opt(Integer32)), ("NumberOfItemsToPick", opt(Decimal)),
                  ("PickedByUser", opt(ByUser)), ("PalletItemId", opt(Integer32)),
                  ("OriginalArticleItemId", opt(Integer32)), ("Location", opt(String)), ("OrderLineId", opt(Integer32)),
                  ("AllowPickingLessThanNumberOfItemsToPick", opt(Boolean)), ("Batch", opt(String)),
                  ("ComputerName", opt(String)), ("SetSerials", opt(ArrayOfSetSerial))]


PickAllocatedResult = result("PickAllocated", writes=True)


class PackOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("OrderId", opt(Integer32)), ("ArticleDefId", opt(Integer32)), ("NumberOfItemsToPack", opt(Decimal)),
                  ("PackedByUser", opt(ByUser)), ("PalletItemId", opt(Integer32)),
                  ("OriginalArticleItemId", opt(Integer32)), ("Location", opt(String)), ("OrderLineId", opt(Integer32)),
                  ("AllowPackingLessThanNumberOfItemsToPack", opt(Boolean)), ("Batch", opt(String)),
                  ("Comment", opt(String))]


PackResult = result("Pack", writes=True)
