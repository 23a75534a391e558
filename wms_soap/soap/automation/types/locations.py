"""Locations and stock set by an external system: GetLocationsByQuery, SetLocationBatches,
SetLocationOriginalArticleItemIds, SetLocationNumberOfItems, AdjustLocationNumberOfItems."""

from spyne import Array, ComplexModel

from wms_soap.soap.automation.types.common import NS, ArrayOfInt, ByUser, Enum, enum_field, opt, req, req_nil
from wms_soap.soap.automation.types.results import result
from wms_soap.soap.primitives import Boolean, DateTime, Decimal, Integer32, String

LocationSortType = Enum("LocationSortType", "Standard", "LocationPickingPriorityAscending")


class AdvancedGetLocationsAutomation(ComplexModel):
    __namespace__ = NS
    _type_info = [("SortType", enum_field(LocationSortType))]


class GetLocationsQuery(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("AisleName", opt(String)),
        ("AisleId", opt(Integer32)),
        ("LocationTypeId", opt(Integer32)),
        ("OnlyFreeLocations", opt(Boolean)),
        ("LocationId", opt(Integer32)),
        ("LocationName", opt(String)),
        ("LocationIds", opt(ArrayOfInt)),
        ("MaxLocationsToGet", opt(Integer32)),
        ("LocationIdFrom", opt(Integer32)),
        ("WarehouseId", opt(Integer32)),
        ("ZoneId", opt(Integer32)),
        ("ZoneName", opt(String)),
        ("Advanced", opt(AdvancedGetLocationsAutomation)),
    ]


class AutomatedSystem_GetLocations(ComplexModel):
    """Ours: the automated system a location belongs to and its role there (In, Store or Out)."""

    __namespace__ = NS
    _type_info = [("Code", opt(String)), ("Name", opt(String)), ("Role", opt(String))]


class Location_GetLocations(ComplexModel):
    """Ours: the columns the store has (aisles, zones and location types are not modelled yet)."""

    __namespace__ = NS
    _type_info = [
        ("LocationId", req(Integer32)),
        ("LocationName", opt(String)),
        ("WarehouseId", req_nil(Integer32)),
        ("IsQuarantine", req(Boolean)),
        ("IsFree", req(Boolean)),
        ("AutomatedSystem", opt(AutomatedSystem_GetLocations)),
    ]


ArrayOfLocation_GetLocations = Array(Location_GetLocations.customize(nillable=True), member_name="Location",
                                     type_name="ArrayOfLocation_GetLocations")
GetLocationsResult = result("GetLocationsByQuery", [("Locations", opt(ArrayOfLocation_GetLocations))],
                            type_name="GetLocationsResult")


class InventoryAdjustmentCauseClass(ComplexModel):
    __namespace__ = NS
    _type_info = [("Code", opt(String))]


class LocationBatch(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleDefId", opt(Integer32)), ("Batch", opt(String)), ("NumberOfItems", opt(Decimal))]


ArrayOfLocationBatch = Array(LocationBatch.customize(nillable=True), member_name="LocationBatch",
                             type_name="ArrayOfLocationBatch")


class SetLocationBatchesHandling(ComplexModel):
    __namespace__ = NS
    _type_info = [("RemoveByInventoryBatchesNotSpecified", opt(Boolean)), ("DryRun", opt(Boolean))]


class SetLocationBatchesOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("Location", opt(String)), ("InventoryNumber", opt(String)),
                  ("InventoryAdjustmentCause", opt(InventoryAdjustmentCauseClass)),
                  ("Batches", opt(ArrayOfLocationBatch)), ("Handling", opt(SetLocationBatchesHandling))]


SetLocationBatchesResult = result("SetLocationBatches", writes=True)


class InventoryAdjustmentCauseClass_OriginalArticleItemId(ComplexModel):
    __namespace__ = NS
    _type_info = [("Code", opt(String))]


class LocationOriginalArticleItemId(ComplexModel):
    __namespace__ = NS
    _type_info = [("ArticleDefId", opt(Integer32)), ("OriginalArticleItemId", opt(Integer32)),
                  ("NumberOfItems", opt(Decimal))]


ArrayOfLocationOriginalArticleItemId = Array(LocationOriginalArticleItemId.customize(nillable=True),
                                             member_name="LocationOriginalArticleItemId",
                                             type_name="ArrayOfLocationOriginalArticleItemId")


class SetLocationOriginalArticleItemIdsHandling(ComplexModel):
    __namespace__ = NS
    _type_info = [("RemoveByInventoryOriginalArticleItemIdsNotSpecified", opt(Boolean)), ("DryRun", opt(Boolean))]


class SetLocationOriginalArticleItemIdsOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("Location", opt(String)), ("InventoryNumber", opt(String)),
                  ("InventoryAdjustmentCause", opt(InventoryAdjustmentCauseClass_OriginalArticleItemId)),
                  ("OriginalArticleItemIds", opt(ArrayOfLocationOriginalArticleItemId)),
                  ("Handling", opt(SetLocationOriginalArticleItemIdsHandling))]


SetLocationOriginalArticleItemIdsResult = result("SetLocationOriginalArticleItemIds", writes=True)


class LocationNumberOfItemsHandling(ComplexModel):
    __namespace__ = NS
    _type_info = [("AllowDeAllocationOfOrders", opt(Boolean))]


class SetLocationNumberOfItemsOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [("InventoryNumber", opt(String)), ("AllowIncreasingNumberOfItems", opt(Boolean)),
                  ("Location", opt(String)), ("LocationNumberOfItems", opt(Decimal)), ("ArticleDefId", opt(Integer32)),
                  ("Batch", opt(String)), ("Handling", opt(LocationNumberOfItemsHandling))]


SetLocationNumberOfItemsResult = result("SetLocationNumberOfItems", writes=True)


class InventoryAdjustmentCause_AdjustLocation(ComplexModel):
    __namespace__ = NS
    _type_info = [("Code", opt(String))]


class AdjustLocationNumberOfItemsHandling(ComplexModel):
    __namespace__ = NS
    _type_info = [("AllowDeAllocationOfOrders", opt(Boolean))]


class AdjustLocationNumberOfItemsOperation(ComplexModel):
    __namespace__ = NS
    _type_info = [
        ("InventoryNumber", opt(String)),
        ("ArticleDefId", opt(Integer32)),
        ("Location", opt(String)),
        ("TransactionNumberOfItems", opt(Decimal)),
        ("Batch", opt(String)),
        ("ExpiryDate", opt(DateTime)),
        ("InventoryAdjustmentCause", opt(InventoryAdjustmentCause_AdjustLocation)),
        ("Comment", opt(String)),
        ("OriginalArticleItemId", opt(Integer32)),
        ("AdjustedByUser", opt(ByUser)),
        ("Handling", opt(AdjustLocationNumberOfItemsHandling)),
    ]


AdjustLocationNumberOfItemsResult = result("AdjustLocationNumberOfItems", writes=True)
