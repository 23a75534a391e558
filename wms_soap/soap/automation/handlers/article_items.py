"""Article items: GetArticleItemsByQuery, ArticleItemInLocationHandled, MoveArticleItem."""

from typing import Any

from wms_soap.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from wms_soap.services.inventory.stock import AlreadyInLocation, LocationNotFound
from wms_soap.services.warehouse import article_items_in_locations as placements
from wms_soap.services.warehouse import moves
from wms_soap.services.warehouse.automated_systems import AlreadyHandled
from wms_soap.soap.automation.convert import article_items as convert
from wms_soap.soap.automation.dispatch import Call, handler


@handler("GetArticleItemsByQuery")
def get_article_items_by_query(call: Call, query: Any) -> Any:
    return convert.items_result(placements.query_article_items(call.session, convert.items_query(query)))


@handler("ArticleItemInLocationHandled", error_types={
    NotFound: "ArticleItemInLocationNotFound", AlreadyHandled: "AlreadyHandled",
    Conflict: "NotToBeHandled", PermissionDenied: "NotControllerOfAutomatedSystem"})
def article_item_in_location_handled(call: Call, operation: Any) -> Any:
    handled = placements.mark_handled(call.session, convert.placement_ids(operation), call.actor)
    return convert.handled_result(handled)


@handler("MoveArticleItem", error_types={
    LocationNotFound: "LocationNotFound", NotFound: "ArticleItemNotFound", AlreadyInLocation: "AlreadyInLocation",
    Conflict: "NotEnoughItems",
    ValidationFailed: "InvalidIdentification"})
def move_article_item(call: Call, operation: Any) -> Any:
    parts = moves.move_article_items(call.session, convert.move_request(operation), call.actor)
    return convert.moved_result(parts)
