"""What arrived on the goods owner's in-orders: GetInboundTransactionsByQuery and GetReceivedTagsByQuery."""

from __future__ import annotations

from typing import Any

from wms_soap.services.inbound import inbound_transactions
from wms_soap.soap.service.convert import inbound_transactions as convert
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.inorders import GetGoodsOwnerInboundTransactionsResult, GetReceivedTagsResult


@handler("GetInboundTransactionsByQuery")
def get_inbound_transactions_by_query(call: Call, query: Any) -> GetGoodsOwnerInboundTransactionsResult:
    found = inbound_transactions.inbound_transactions(call.session, convert.inbound_transaction_query(query),
                                                      goods_owner_id=call.goods_owner_id)
    return GetGoodsOwnerInboundTransactionsResult(
        Success=True, InboundTransactions=[convert.inbound_transaction(t) for t in found])


@handler("GetReceivedTagsByQuery")
def get_received_tags_by_query(call: Call, query: Any) -> GetReceivedTagsResult:
    tags = inbound_transactions.received_tags(call.session, query.InOrderId if query is not None else None,
                                              goods_owner_id=call.goods_owner_id)
    return GetReceivedTagsResult(Success=True, ReceivedTags=[convert.received_tag(t) for t in tags])
