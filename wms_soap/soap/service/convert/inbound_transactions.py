"""Inbound transactions and received tags on the wire: the query in, the transactions and tags out."""

from __future__ import annotations

from typing import Any

from wms_soap.services.inbound.inbound_transactions import ALL, InboundTransaction, InboundTransactionQuery, ReceivedTag
from wms_soap.soap.service.convert.inorder_details import as_utc
from wms_soap.soap.service.types.inorders import (
    ArticleInfo_GetGoodsOwnerInboundTransactions,
    ArticleItemStatus_GetGoodsOwnerInboundTransactions,
    GoodsOwnerInboundTransaction,
    InOrder_GetGoodsOwnerInboundTransactions,
    InOrderLine_GetReceivedTags,
)
from wms_soap.soap.service.types.inorders import ReceivedTag as WireReceivedTag


def inbound_transaction_query(query: Any) -> InboundTransactionQuery:
    """Every GetGoodsOwnerInboundTransactionsQuery field; a missing query asks for everything."""
    if query is None:
        return InboundTransactionQuery()
    return InboundTransactionQuery(
        in_date_from=as_utc(query.InDateFrom), in_date_to=as_utc(query.InDateTo),
        max_count=query.MaxOriginalArticleItemIdsToGet,
        original_article_item_id_from=query.OriginalArticleItemIdFrom,
        types=query.InboundTransactionTypesToGet or ALL)


def inbound_transaction(found: InboundTransaction) -> GoodsOwnerInboundTransaction:
    status = (ArticleItemStatus_GetGoodsOwnerInboundTransactions(Code=found.status_code, Name=found.status_name)
              if found.status_code else None)
    return GoodsOwnerInboundTransaction(
        Article=ArticleInfo_GetGoodsOwnerInboundTransactions(ArticleDefId=found.article_id,
                                                             ArticleNumber=found.article_number),
        Batch=found.batch, Serial=found.serial, Container=found.container, InDate=found.in_date,
        ExpiryDate=found.expiry_date, NumberOfItems=found.number_of_items, Comment=found.comment,
        OriginalArticleItemId=found.original_article_item_id,
        InOrder=InOrder_GetGoodsOwnerInboundTransactions(InOrderId=found.in_order_id,
                                                         InOrderNumber=found.in_order_number),
        ArticleItemStatus=status, Weight=found.weight)


def received_tag(found: ReceivedTag) -> WireReceivedTag:
    return WireReceivedTag(
        InOrderLine=InOrderLine_GetReceivedTags(InOrderLineId=found.in_order_line_id,
                                                ExternalOrderLineCode=found.external_order_line_code),
        Serial=found.serial, NumberOfItems=found.number_of_items, TagInDate=found.received_at)
