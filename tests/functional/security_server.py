"""A goods-owner SOAP server on waitress (port 0) with small test handlers that echo the authenticated principal,
so the authentication tests do not depend on which operations the areas have implemented yet."""

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wms_soap.serving import BoundServer
from wms_soap.soap.auth import harden_wsgi
from wms_soap.soap.service.dispatch import Call, registered_handlers
from wms_soap.soap.service.types.common import FileResultClass
from wms_soap.soap.service.types.inventory import InventoryResult
from wms_soap.soap.service.types.invoices import GetInvoicesResult, GetInvoicesResultV2
from wms_soap.soap.service.types.orders import GetOrderStatusesResult
from wms_soap.soap.service.types.returns import ProcessReturnOrderResult
from wms_soap.soap.service.wsgi import GoodsOwnerSoapApp, service_url


def _who(call: Call) -> str:
    assert call.principal is not None
    return f"{call.principal.username}|{call.principal.goods_owner_code}"


def process_article(call: Call, *args: Any) -> FileResultClass:
    return FileResultClass(Success=True, Message=_who(call))


def get_inventory(call: Call, *args: Any) -> InventoryResult:
    assert call.principal is not None
    return InventoryResult(GoodsOwnerId=call.principal.goods_owner_id)


def get_order_statuses(call: Call, *args: Any) -> GetOrderStatusesResult:
    return GetOrderStatusesResult(OrderStatuses=[])


def get_invoices(call: Call, *args: Any) -> GetInvoicesResult:
    return GetInvoicesResult(Invoices=[])


def get_invoices_by_query(call: Call, *args: Any) -> GetInvoicesResultV2:
    return GetInvoicesResultV2(Success=True, Message=_who(call))


def process_return_order(call: Call, *args: Any) -> ProcessReturnOrderResult:
    return ProcessReturnOrderResult(Success=True)


TEST_HANDLERS = {
    "ProcessArticle": process_article,
    "GetInventory": get_inventory,
    "GetOrderStatuses": get_order_statuses,
    "GetInvoices": get_invoices,
    "GetInvoicesByQuery": get_invoices_by_query,
    "ProcessReturnOrder": process_return_order,
}


def make_test_app(settings: Any, session_factory: Any) -> Any:
    handlers = {**registered_handlers(), **TEST_HANDLERS}
    return harden_wsgi(GoodsOwnerSoapApp(settings, session_factory, handler_map=handlers), settings)


@contextmanager
def serving(settings: Any, session_factory: Any) -> Iterator[str]:
    """Serve the test app on 127.0.0.1:<free port> until the block ends; yields the service URL (also in the WSDL)."""
    bound = BoundServer(settings, host="127.0.0.1", port=0, threads=4)
    try:
        live = dataclasses.replace(settings, port=bound.port, public_url=bound.url)
        bound.mount(make_test_app(live, session_factory))
        bound.start()
        yield service_url(live)
    finally:
        bound.stop()
