"""Every table model, imported so that ``Base.metadata`` (and Alembic) sees the whole schema.

Add one line per area module; keep the list explicit.
"""

from wms_soap.store import (
    access,
    answer_stamps,
    articles,
    automated_storage,
    events,
    files,
    inbound_shipments,
    inorders,
    inventory,
    invoices,
    orders,
    production,
    returns,
    shipments,
    suppliers,
    sync,
    transfers,
)
from wms_soap.store.base import Base

__all__ = ["Base", "access", "answer_stamps", "articles", "automated_storage", "events", "files", "inbound_shipments",
           "inorders", "inventory", "invoices", "orders", "production", "returns", "shipments", "suppliers", "sync",
           "transfers"]
