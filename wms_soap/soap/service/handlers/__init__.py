"""Operation handlers by area; importing this package registers every handler (each module's ``@handler``)."""

from wms_soap.soap.service.handlers import (  # noqa: F401  (imported for their registrations)
    article_items,
    articles,
    events,
    files,
    inbound_shipments,
    inbound_transactions,
    inorders,
    inventory,
    inventory_changes,
    invoices,
    orders,
    production,
    registers,
    returns,
    shipments,
    sync,
    transfers,
)
