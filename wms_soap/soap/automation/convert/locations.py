"""Locations on the wire: the query and Location_GetLocations with the automated system's role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wms_soap.services.warehouse.locations import LocationsQuery, LocationView
from wms_soap.soap.automation.types import locations

ROLE_NAMES = {"in": "In", "store": "Store", "out": "Out"}
UNMODELLED = ("AisleName", "AisleId", "LocationTypeId", "ZoneId", "ZoneName")


def locations_query(query: Any) -> LocationsQuery:
    return LocationsQuery(
        location_ids=[i for i in (getattr(query, "LocationIds", None) or []) if i is not None],
        location_id=getattr(query, "LocationId", None), name=getattr(query, "LocationName", None),
        warehouse_id=getattr(query, "WarehouseId", None), location_id_from=getattr(query, "LocationIdFrom", None),
        only_free=bool(getattr(query, "OnlyFreeLocations", False)),
        max_locations=getattr(query, "MaxLocationsToGet", None),
        unsupported=tuple(name for name in UNMODELLED if getattr(query, name, None) not in (None, ""))
        + _unsupported_sort(getattr(query, "Advanced", None)))


def _unsupported_sort(advanced: Any) -> tuple[str, ...]:
    """Locations have no picking priority here: only the Standard sort (by id)."""
    sort = getattr(advanced, "SortType", None)
    return (f"SortType {sort}",) if sort not in (None, "Standard") else ()


def location(view: LocationView) -> locations.Location_GetLocations:
    system = None if view.system is None or view.role is None else locations.AutomatedSystem_GetLocations(
        Code=view.system.code, Name=view.system.name, Role=ROLE_NAMES[view.role])
    return locations.Location_GetLocations(
        LocationId=view.location.id, LocationName=view.location.code, WarehouseId=view.location.warehouse_id,
        IsQuarantine=bool(view.location.is_quarantine), IsFree=view.is_free, AutomatedSystem=system)


def locations_result(views: Sequence[LocationView]) -> Any:
    return locations.GetLocationsResult(Success=True, Locations=[location(v) for v in views])
