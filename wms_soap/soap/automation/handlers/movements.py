"""Movement article items: GetMovementArticleItemsByQuery, MovementArticleItemHandled."""

from typing import Any

from wms_soap.errors import Conflict, NotFound, PermissionDenied
from wms_soap.services.warehouse import movements
from wms_soap.services.warehouse.automated_systems import AlreadyHandled
from wms_soap.soap.automation.convert import movements as convert
from wms_soap.soap.automation.dispatch import Call, handler


@handler("GetMovementArticleItemsByQuery")
def get_movement_article_items_by_query(call: Call, query: Any) -> Any:
    return convert.movements_result(movements.query_movements(call.session, convert.movements_query(query)))


@handler("MovementArticleItemHandled", error_types={
    NotFound: "MovementArticleItemNotFound", AlreadyHandled: "AlreadyHandled", Conflict: "NotToBeHandled",
    PermissionDenied: "NotControllerOfAutomatedSystem"})
def movement_article_item_handled(call: Call, operation: Any) -> Any:
    return convert.handled_result(movements.mark_handled(call.session, convert.movement_ids(operation), call.actor))
