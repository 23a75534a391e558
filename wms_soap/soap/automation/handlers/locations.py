"""Locations: GetLocationsByQuery."""

from typing import Any

from wms_soap.services.warehouse import locations
from wms_soap.soap.automation.convert import locations as convert
from wms_soap.soap.automation.dispatch import Call, handler


@handler("GetLocationsByQuery")
def get_locations_by_query(call: Call, query: Any) -> Any:
    return convert.locations_result(locations.query_locations(call.session, convert.locations_query(query)))
