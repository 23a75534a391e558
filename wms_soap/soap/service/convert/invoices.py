"""Invoices: the query types and GoodsOwnerInvoice to domain inputs; stored invoices to InvoiceV2 and legacy Invoice."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wms_soap.services.invoices import CHARGE_TITLES, ChargeContext, InvoiceQuery, InvoiceRowInput, InvoiceUpdate
from wms_soap.soap.service.convert.inorders import as_utc
from wms_soap.soap.service.types.invoices import (
    GetInvoicesArticleContextV2,
    GetInvoicesArticleItemContextV2,
    GetInvoicesArticleV2,
    GetInvoicesChargeV2,
    GetInvoicesGoodsOwnerInfoV2,
    GetInvoicesInOrderContextV2,
    GetInvoicesOrderConsigneeV2,
    GetInvoicesOrderContextV2,
    Invoice,
    InvoiceArticle,
    InvoiceGoodsOwnerInfo,
    InvoiceRow,
    InvoiceV2,
)
from wms_soap.store.invoices import Invoice as StoredInvoice
from wms_soap.store.invoices import InvoiceCharge

_ARTICLE_IDS = {code: number for number, code in enumerate(CHARGE_TITLES, start=1)}


def invoice_query(wire: Any) -> InvoiceQuery:
    if wire is None:
        return InvoiceQuery()
    return InvoiceQuery(
        with_rows=bool(wire.GetInvoiceRows), ids=[i for i in wire.InvoiceIds or [] if i is not None] or None,
        is_exported=wire.IsExported, exported_from=as_utc(wire.InvoiceExportedDateFrom),
        exported_to=as_utc(wire.InvoiceExportedDateTo), date_from=as_utc(wire.InvoiceDateFrom),
        date_to=as_utc(wire.InvoiceDateTo), max_count=wire.MaxInvoicesToGet, id_from=wire.InvoiceIdFrom)


def legacy_invoice_query(wire: Any) -> InvoiceQuery:
    if wire is None:
        return InvoiceQuery()
    return InvoiceQuery(
        with_rows=bool(wire.GetInvoiceRows), ids=[i for i in wire.GetInvoiceId or [] if i is not None] or None,
        is_exported=wire.IsExported, exported_from=as_utc(wire.InvoiceExportedDateFrom),
        exported_to=as_utc(wire.InvoiceExportedDateTo), date_from=as_utc(wire.InvoiceDateFrom),
        date_to=as_utc(wire.InvoiceDateTo))


def invoice_update(wire: Any) -> InvoiceUpdate:
    return InvoiceUpdate(
        invoice_id=wire.InvoiceId or 0,
        fields={"invoice_number": wire.InvoiceNumber, "title": wire.Title, "invoice_date": as_utc(wire.InvoiceDate),
                "period_start": as_utc(wire.InvoicePeriodStart), "period_end": as_utc(wire.InvoicePeriodEnd),
                "is_exported": wire.IsExported, "your_order_number": wire.InvoiceYourOrderNumber,
                "your_reference": wire.InvoiceYourReference},
        rows=[InvoiceRowInput(
            row_id=row.InvoiceRowId or 0, price=row.Price or Decimal(0),
            number_of_items=row.NumberOfItems or Decimal(0),
            container=row.ContainerBatch, comment=row.RowComment, action_date=as_utc(row.ActionDate),
            order_id=row.OrderId, article_code=row.InvoiceArticle.Code if row.InvoiceArticle else None,
            article_title=row.InvoiceArticle.Title if row.InvoiceArticle else None,
            account=row.InvoiceArticle.Account if row.InvoiceArticle else None)
            for row in wire.InvoiceRows or [] if row is not None])


def invoice_v2(invoice: StoredInvoice, code: str | None, context: ChargeContext, with_rows: bool) -> InvoiceV2:
    return InvoiceV2(
        GoodsOwner=GetInvoicesGoodsOwnerInfoV2(GoodsOwnerId=invoice.goods_owner_id, GoodsOwnerCode=code,
                                               GoodsOwnerInvoiceCurrencyCode=invoice.currency_code),
        InvoiceCharges=[charge_v2(c, context) for c in invoice.charges] if with_rows else None,
        InvoiceNumber=invoice.invoice_number, InvoiceId=invoice.id, Title=invoice.title,
        InvoiceDate=invoice.invoice_date, InvoicePeriodStart=invoice.period_start,
        InvoicePeriodEnd=invoice.period_end, InvoiceAmount=invoice.amount, IsExported=invoice.is_exported,
        InvoiceYourOrderNumber=invoice.your_order_number, InvoiceYourReference=invoice.your_reference)


def charge_v2(charge: InvoiceCharge, context: ChargeContext) -> GetInvoicesChargeV2:
    order = context.orders.get(charge.order_id) if charge.order_id else None
    in_order = context.in_orders.get(charge.in_order_id) if charge.in_order_id else None
    customer = order.customer if order is not None else None
    return GetInvoicesChargeV2(
        ChargeId=charge.id, Price=charge.price, NumberOfItems=charge.number_of_items,
        ActionDate=charge.action_date, Comment=charge.comment,
        InvoiceArticle=GetInvoicesArticleV2(Code=charge.article_code, Title=charge.article_title,
                                            Account=charge.account, Id=_ARTICLE_IDS.get(charge.article_code, 0)),
        OrderContext=None if order is None else GetInvoicesOrderContextV2(
            OrderId=order.id, OrderNumber=order.goods_owner_order_number,
            DeliveryDate=order.delivery_date, ReferenceNumber=order.reference_number,
            Remark=order.order_remark, Waybill=order.waybill,
            Consignee=None if customer is None else GetInvoicesOrderConsigneeV2(
                Id=customer.id, Name=customer.name, CountryCode=customer.country_code, PostCode=customer.post_code)),
        InOrderContext=None if in_order is None else GetInvoicesInOrderContextV2(
            InOrderId=in_order.id, InOrderNumber=in_order.goods_owner_order_number),
        ArticleItemContext=None if charge.article_item_id is None else GetInvoicesArticleItemContextV2(
            ArticleItemId=charge.article_item_id, ArticleDefId=charge.article_id or 0),
        ArticleContext=None if charge.article_id is None else GetInvoicesArticleContextV2(
            ArticleDefId=charge.article_id),
        Container=charge.container)


def legacy_invoice(invoice: StoredInvoice, code: str | None, context: ChargeContext, with_rows: bool) -> Invoice:
    return Invoice(
        GoodsOwner=InvoiceGoodsOwnerInfo(GoodsOwnerIdentification="SystemId", GoodsOwnerId=invoice.goods_owner_id,
                                         GoodsOwnerCode=code, GoodsOwnerInvoiceCurrencyCode=invoice.currency_code),
        InvoiceRows=[legacy_row(c, invoice, context) for c in invoice.charges] if with_rows else None,
        InvoiceNumber=invoice.invoice_number, InvoiceId=invoice.id, Title=invoice.title,
        InvoiceDate=invoice.invoice_date, InvoicePeriodStart=invoice.period_start,
        InvoicePeriodEnd=invoice.period_end, InvoiceAmount=invoice.amount, IsExported=invoice.is_exported,
        ShipmentId=None, InvoiceYourOrderNumber=invoice.your_order_number,
        InvoiceYourReference=invoice.your_reference, PayerOrganisationId=None)


def legacy_row(charge: InvoiceCharge, invoice: StoredInvoice, context: ChargeContext) -> InvoiceRow:
    order = context.orders.get(charge.order_id) if charge.order_id else None
    customer = order.customer if order is not None else None
    order_total = sum((c.price for c in invoice.charges if c.order_id and c.order_id == charge.order_id), Decimal(0))
    return InvoiceRow(
        InvoiceRowId=charge.id, Price=charge.price, UnitPrice=charge.unit_price, Currency=invoice.currency_code,
        IsTentative=False, IStatistics=False, IsFormula=False, NumberOfItems=charge.number_of_items,
        ContainerBatch=charge.container, ActionDate=charge.action_date, RowComment=charge.comment,
        OrderNumber=order.goods_owner_order_number if order else None,
        OrderConsigneeName=customer.name if customer else None, OrderId=charge.order_id,
        OrderConsigneeId=customer.id if customer else None,
        OrderDeliveryDate=order.delivery_date if order else None,
        OrderReferenceNumber=order.reference_number if order else None,
        OrderConsigneeCountryCode=customer.country_code if customer else None, TotalOrderCharges=order_total,
        OrderConsigneePostCode=customer.post_code if customer else None,
        OrderRemark=order.order_remark if order else None, OrderWaybill=order.waybill if order else None,
        InvoiceArticle=InvoiceArticle(Code=charge.article_code, Title=charge.article_title, Account=charge.account),
        IsCalculatedIncome=False, InOrderId=charge.in_order_id, ProductionOrderId=None, ArticleDefId=charge.article_id)
