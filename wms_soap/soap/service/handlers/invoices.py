"""Invoice operations: GetInvoicesByQuery (V2), GetInvoices (legacy, deprecated) and ProcessInvoice.

Who may call them (the invoice permission) is decided by the access policy before a handler runs.
"""

from __future__ import annotations

from typing import Any

from wms_soap.services import invoices
from wms_soap.soap.service.convert import invoices as convert
from wms_soap.soap.service.convert.inorders import raise_missing
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.common import FileResultClass
from wms_soap.soap.service.types.invoices import GetInvoicesResult, GetInvoicesResultV2


def _code(call: Call, owner: int) -> str | None:
    code = call.principal.goods_owner_code if call.principal else None
    return code or invoices.goods_owner_code(call.session, owner)


@handler("GetInvoicesByQuery")
def get_invoices_by_query(call: Call, query: Any) -> GetInvoicesResultV2:
    owner = call.goods_owner_id
    wanted = convert.invoice_query(query)
    found = invoices.query_invoices(call.session, wanted, goods_owner_id=owner)
    context = invoices.charge_context(call.session, found) if wanted.with_rows else invoices.ChargeContext()
    code = _code(call, owner)
    return GetInvoicesResultV2(Success=True, Invoices=[convert.invoice_v2(i, code, context, wanted.with_rows)
                                                       for i in found])


@handler("GetInvoices")
def get_invoices(call: Call, query: Any) -> GetInvoicesResult:
    owner = call.goods_owner_id
    wanted = convert.legacy_invoice_query(query)
    found = invoices.query_invoices(call.session, wanted, goods_owner_id=owner)
    context = invoices.charge_context(call.session, found) if wanted.with_rows else invoices.ChargeContext()
    code = _code(call, owner)
    return GetInvoicesResult(Invoices=[convert.legacy_invoice(i, code, context, wanted.with_rows) for i in found])


@handler("ProcessInvoice")
def process_invoice(call: Call, goods_owner_invoice: Any) -> FileResultClass:
    if goods_owner_invoice is None:
        raise_missing("GoodsOwnerInvoice")
    invoice = invoices.update_invoice(call.session, convert.invoice_update(goods_owner_invoice),
                                      goods_owner_id=call.goods_owner_id)
    return FileResultClass(Success=True, OrderId=0, InOrderId=0, Message=f"Invoice {invoice.id} updated")
