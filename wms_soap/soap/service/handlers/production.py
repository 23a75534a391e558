"""Production and goods operation orders: ProcessProductionOrder, GetProductionOrdersByQuery,
UpdateProductionOrderLines, GetProductionArticlesByQuery, ProcessGoodsOperationOrder, GetGoodsOperationOrdersByQuery.

A rejected Process* request answers Success=false with the ErrorType the service's rejection carries (the
dispatcher's ``carried_error_type``); the dispatcher rolls the request back, so nothing is half-written.
"""

from __future__ import annotations

from typing import Any

from wms_soap.services.production import goods_operations, production
from wms_soap.soap.service.convert import production as convert
from wms_soap.soap.service.convert.inorders import raise_missing
from wms_soap.soap.service.dispatch import Call, carried_error_type, handler
from wms_soap.soap.service.types.production import (
    GetGoodsOperationOrdersResult,
    GetProductionArticlesResult,
    GetProductionOrdersResult,
    GoodsOperationOrderResult,
    ProcessProductionOrderResult,
    UpdateProductionOrderLineResult,
    UpdateProductionOrderLinesResult,
)


@handler("ProcessProductionOrder", error_types={production.ProductionOrderRejected: carried_error_type})
def process_production_order(call: Call, production_order: Any) -> ProcessProductionOrderResult:
    if production_order is None:
        raise_missing("ProductionOrder")
    order = production.process_production_order(call.session, call.goods_owner_id,
                                                 convert.production_order_input(production_order))
    return ProcessProductionOrderResult(Success=True, ProductionOrderId=order.id)


@handler("GetProductionOrdersByQuery")
def get_production_orders_by_query(call: Call, query: Any) -> GetProductionOrdersResult:
    view = production.query_production_orders(call.session, call.goods_owner_id, convert.production_order_query(query))
    return GetProductionOrdersResult(ProductionOrders=[convert.production_order_info(order, view.articles)
                                                       for order in view.orders])


@handler("UpdateProductionOrderLines")
def update_production_order_lines(call: Call, update: Any) -> UpdateProductionOrderLinesResult:
    if update is None:
        raise_missing("UpdateProductionOrderLines")
    ident = update.UpdateProductionOrderIdentification
    if ident is None:
        raise_missing("UpdateProductionOrderIdentification")
    order, outcomes = production.update_production_order_lines(
        call.session, call.goods_owner_id, ident.ProductionOrderIdentificationType or "ProductionOrderNumber",
        convert.reported_updates(update), order_number=ident.ProductionOrderNumber, order_id=ident.ProductionOrderId)
    failed = [o for o in outcomes if not o.success]
    return UpdateProductionOrderLinesResult(
        Success=not failed, ProductionOrderId=order.id,
        Message=f"{len(failed)} of {len(outcomes)} lines could not be updated; nothing was changed" if failed else None,
        UpdateProductionOrderLinesResults=[
            UpdateProductionOrderLineResult(Success=o.success, Message=o.message, ProductionOrderLineId=o.line_id,
                                            ProductionOrderLineNumber=o.line_number) for o in outcomes])


@handler("GetProductionArticlesByQuery")
def get_production_articles_by_query(call: Call, query: Any) -> GetProductionArticlesResult:
    ids = [i for i in (query.ArticleDefIds or []) if i is not None] if query is not None else []
    articles = production.production_articles(call.session, call.goods_owner_id, ids)
    return GetProductionArticlesResult(Success=True,
                                       Articles=[convert.production_article_info(article) for article in articles])


@handler("ProcessGoodsOperationOrder", error_types={goods_operations.GoodsOperationRejected: carried_error_type})
def process_goods_operation_order(call: Call, go: Any) -> GoodsOperationOrderResult:
    if go is None:
        raise_missing("go")
    order = goods_operations.process_goods_operation_order(call.session, call.goods_owner_id,
                                                           convert.goods_operation_order_input(go))
    return GoodsOperationOrderResult(Success=True, GoodsOperationOrderId=order.id)


@handler("GetGoodsOperationOrdersByQuery")
def get_goods_operation_orders_by_query(call: Call, query: Any) -> GetGoodsOperationOrdersResult:
    view = goods_operations.query_goods_operation_orders(call.session, call.goods_owner_id,
                                                         convert.goods_operation_query(query))
    return GetGoodsOperationOrdersResult(GoodsOperationOrders=[convert.goods_operation_order_info(order, view)
                                                               for order in view.orders])
