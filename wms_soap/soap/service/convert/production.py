"""Production and goods operation orders: wire requests to domain inputs, stored orders and articles to the wire."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wms_soap.services.production import goods_operations, production
from wms_soap.soap.service.convert.inorder_details import as_utc
from wms_soap.soap.service.types.production import (
    GoodsOperationArticleDefinition,
    GoodsOperationGoodsOwnerInfo,
    GoodsOperationOrderHeaderInfo,
    GoodsOperationOrderInfo,
    GoodsOperationOrderItemInfo,
    GoodsOperationOrderLineArticleItemStatusInfo,
    GoodsOperationOrderLineInfo,
    ProductionArticleInfo,
    ProductionArticleSpecificationLineInfo,
    ProductionOrderHeaderInfo,
    ProductionOrderInfo,
    ProductionOrderLineConsumedInfo,
    ProductionOrderLineInfo,
    ProductionOrderLineProducedInfo,
    ProductionSubArticleInfo,
)
from wms_soap.store.articles import Article
from wms_soap.store.inventory import ArticleItemStatus
from wms_soap.store.production import (
    GoodsOperationOrder,
    GoodsOperationOrderItem,
    GoodsOperationOrderLine,
    ProductionOrder,
    ProductionOrderItem,
    ProductionOrderLine,
)

ZERO = Decimal(0)


def _items(array: Any) -> list[Any]:
    """The non-nil members of a wire array (zeep/ASMX send ``xsi:nil`` members too)."""
    return [member for member in array or [] if member is not None]


# --- production orders: wire -> domain ---

def production_order_input(wire: Any) -> production.ProductionOrderInput:
    return production.ProductionOrderInput(
        order_number=wire.ProductionOrderNumber, operation=wire.ProductionOrderOperation or "CreateOrUpdate",
        comment=wire.ProductionOrderComment, production_date=as_utc(wire.ProductionDate),
        expiry_date=as_utc(wire.ExpiryDate), lines=[_line_input(line) for line in _items(wire.ProductionOrderLines)])


def _line_input(wire: Any) -> production.ProductionLineInput:
    specification = None
    if wire.Specification is not None:
        specification = [_specification_input(spec) for spec in _items(wire.Specification.Lines)]
    return production.ProductionLineInput(
        line_number=wire.ProductionOrderLineNumber, article_number=wire.ArticleNumber,
        to_produce=wire.ToProduceNumberOfItems, comment=wire.ProductionOrderLineComment,
        min_days_to_expiry_date=wire.MinDaysToExpiryDate, specification=specification)


def _specification_input(wire: Any) -> production.SpecificationLineInput:
    article = wire.Article
    ref = None if article is None else production.ArticleRef(
        identification=article.ArticleIdentification or "ArticleNumber", article_number=article.ArticleNumber,
        product_code=article.ProductCode, system_id=article.ArticleSystemId)
    return production.SpecificationLineInput(line_number=wire.LineNumber, article=ref,
                                              to_consume=wire.ToConsumeNumberOfItems, comment=wire.Comment)


def production_order_query(wire: Any) -> production.ProductionOrderQuery:
    if wire is None:
        return production.ProductionOrderQuery()
    special = wire.ProductionOrderSpecialFilters
    return production.ProductionOrderQuery(
        ids=_items(wire.ProductionOrderIdToGet),
        numbers=[n for n in _items(wire.ProductionOrderNumberToGet) if n],
        status_from=wire.ProductionOrderStatusFrom, status_to=wire.ProductionOrderStatusTo,
        last_production_from=as_utc(wire.LastProductionTimeFrom), last_production_to=as_utc(wire.LastProductionTimeTo),
        last_produced_from=as_utc(wire.LastProducedTimeFrom), last_produced_to=as_utc(wire.LastProducedTimeTo),
        only_with_lines_to_report=bool(special is not None and special.OnlyProductionOrdersWithLinesToReport))


def reported_updates(wire: Any) -> list[production.ReportedUpdate]:
    updates = []
    for line in _items(wire.ProductionOrderLines):
        ident = line.UpdateProductionOrderLineIdentification
        reported = line.UpdateReportedNumberOfItems
        updates.append(production.ReportedUpdate(
            identification=(ident.ProductionOrderLineIdentificationType if ident else None)
            or "ProductionOrderLineNumber",
            line_number=ident.ProductionOrderLineNumber if ident else None,
            line_id=ident.ProductionOrderLineId if ident else None,
            sent=reported is not None, reported=reported.ReportedNumberOfItems if reported is not None else None))
    return updates


# --- production orders: domain -> wire ---

def production_order_info(order: ProductionOrder, articles: dict[int, Article]) -> ProductionOrderInfo:
    return ProductionOrderInfo(
        ProductionOrderHeader=ProductionOrderHeaderInfo(
            GoodsOwnerId=order.goods_owner_id, Comment=order.comment, OrderNumber=order.order_number,
            ProductionDate=order.production_date,
            OrderedNumberOfItems=sum((line.to_produce for line in order.lines), ZERO),
            ProducedNumberOfItems=sum((line.produced for line in order.lines), ZERO),
            StartProductionTime=order.start_production_time,
            EndProductionTime=order.end_production_time, ProductionOrderId=order.id,
            ProductionOrderStatus=order.status),
        ProductionOrderLines=[_line_info(line, articles) for line in order.lines])


def _line_info(line: ProductionOrderLine, articles: dict[int, Article]) -> ProductionOrderLineInfo:
    article = articles[line.article_id]
    return ProductionOrderLineInfo(
        ArticleName=article.name, ArticleNumber=article.article_number, OrderLineComment=line.comment,
        ProductionOrderLineId=line.id, OrderedNumberOfItems=line.to_produce, ProducedNumberOfItems=line.produced,
        ArticleUnitCode=article.unit_code,
        Consumed=[_consumed(item, articles[item.article_id]) for item in line.items if item.kind == "consumed"],
        Produced=[_produced(item, article) for item in line.items if item.kind == "produced"],
        MinDaysToExpiryDate=line.min_days_to_expiry_date, ProductionOrderLineNumber=line.line_number,
        ReportedNumberOfItems=line.reported)


def _consumed(item: ProductionOrderItem, article: Article) -> ProductionOrderLineConsumedInfo:
    return ProductionOrderLineConsumedInfo(
        ArticleName=article.name, ArticleNumber=article.article_number, BatchNumber=item.batch,
        NumberOfItems=item.number_of_items, ArticleUnitCode=article.unit_code,
        ExpiryDate=item.expiry_date, Serial=item.serial,
        ProducedArticleItemId=item.produced_article_item_id, Weight=None)


def _produced(item: ProductionOrderItem, article: Article) -> ProductionOrderLineProducedInfo:
    return ProductionOrderLineProducedInfo(
        ArticleName=article.name, ArticleNumber=article.article_number, BatchNumber=item.batch,
        NumberOfItems=item.number_of_items, ArticleUnitCode=article.unit_code,
        ExpiryDate=item.expiry_date, Serial=item.serial, ArticleItemId=item.article_item_id, Weight=None)


def _measures(article: Article) -> dict[str, Any]:
    return {"ArticleName": article.name, "ArticleNumber": article.article_number, "ProductCode": article.product_code,
            "ArticleDefId": article.id, "Length": article.length, "Width": article.width, "Height": article.height,
            "Weight": article.weight, "Volume": article.volume}


def production_article_info(article: Article) -> ProductionArticleInfo:
    return ProductionArticleInfo(**_measures(article), Specification=[
        ProductionArticleSpecificationLineInfo(Article=ProductionSubArticleInfo(**_measures(component.child)),
                                               ProductionNumberOfItems=component.number_of_items)
        for component in article.components])


# --- goods operation orders ---

def goods_operation_order_input(wire: Any) -> goods_operations.GoodsOperationOrderInput:
    return goods_operations.GoodsOperationOrderInput(
        order_number=wire.GoodsOperationOrderNumber, comment=wire.GoodsOperationOrderComment,
        reference_number=wire.GoodsOperationOrderReferenceNumber,
        lines=[_goods_line_input(line) for line in _items(wire.GoodsOperationOrderLines)])


def _status_ref(wire: Any) -> goods_operations.StatusRef | None:
    return None if wire is None else goods_operations.StatusRef(wire.ArticleItemStatusCode, wire.Operation or "Find")


def _goods_line_input(wire: Any) -> goods_operations.GoodsOperationLineInput:
    return goods_operations.GoodsOperationLineInput(
        line_number=wire.GoodsOperationOrderLineNumber, article_number=wire.ArticleNumber,
        number_of_items=wire.NumberOfItems, article_operation=wire.GoodsOperationOrderLineArticleOperation or "Find",
        comment=wire.GoodsOperationOrderLineComment, batch_number=wire.GoodsOperationOrderLineBatchNumber,
        from_status=_status_ref(wire.FromArticleItemStatus), to_status=_status_ref(wire.ToArticleItemStatus))


def goods_operation_query(wire: Any) -> goods_operations.GoodsOperationQuery:
    if wire is None:
        return goods_operations.GoodsOperationQuery()
    return goods_operations.GoodsOperationQuery(ids=_items(wire.GoodsOperationOrderIdsToGet),
                                                numbers=[n for n in _items(wire.GoodsOperationOrderNumbersToGet) if n])


def goods_operation_order_info(order: GoodsOperationOrder,
                               view: goods_operations.GoodsOperationOrdersView) -> GoodsOperationOrderInfo:
    owner = view.goods_owner
    return GoodsOperationOrderInfo(
        GoodsOperationOrderHeader=GoodsOperationOrderHeaderInfo(
            GoodsOperationOrderId=order.id, GoodsOperationOrderNumber=order.order_number,
            GoodsOwner=GoodsOperationGoodsOwnerInfo(GoodsOwnerId=order.goods_owner_id,
                                                    GoodsOwnerName=owner.name if owner else None),
            GoodsOperationOrderComment=order.comment, GoodsOperationOrderReferenceNumber=order.reference_number,
            GoodsOperationOrderStatusId=order.status,
            GoodsOperationOrderStatusName=goods_operations.STATUS_TEXTS[order.status],
            NumberOfItems=sum((line.number_of_items for line in order.lines), ZERO),
            ExecutedNumberOfItems=sum((line.executed_number_of_items for line in order.lines), ZERO),
            GoodsOperationOrderExecutedTime=order.executed_at,
            GoodsOperationOrderNotifiedTime=order.notified_at),
        GoodsOperationOrderLines=[_goods_line_info(line, view) for line in order.lines])


def _status_info(status: ArticleItemStatus | None) -> GoodsOperationOrderLineArticleItemStatusInfo | None:
    if status is None:
        return None
    return GoodsOperationOrderLineArticleItemStatusInfo(ArticleItemStatusId=status.id,
                                                        ArticleItemStatusName=status.name,
                                                        ArticleItemStatusCode=status.code)


def _goods_line_info(line: GoodsOperationOrderLine,
                     view: goods_operations.GoodsOperationOrdersView) -> GoodsOperationOrderLineInfo:
    article = view.articles[line.article_id]
    return GoodsOperationOrderLineInfo(
        GoodsOperationOrderLineId=line.id, GoodsOperationOrderLineNumber=line.line_number,
        GoodsOperationOrderLineComment=line.comment, GoodsOperationOrderLineBatchNumber=line.batch_number,
        Article=GoodsOperationArticleDefinition(ArticleDefId=article.id, ArticleNumber=article.article_number,
                                                ArticleName=article.name),
        FromArticleItemStatus=_status_info(view.statuses.get(line.from_status_id or 0)),
        ToArticleItemStatus=_status_info(view.statuses.get(line.to_status_id or 0)),
        NumberOfItems=line.number_of_items, ExecutedNumberOfItems=line.executed_number_of_items,
        GoodsOperationOrderItems=[_goods_item_info(item) for item in line.items])


def _goods_item_info(item: GoodsOperationOrderItem) -> GoodsOperationOrderItemInfo:
    return GoodsOperationOrderItemInfo(
        GoodsOperationOrderItemId=item.id, ArticleItemId=item.article_item_id, NumberOfItems=item.number_of_items,
        Location=item.location_code, BatchNo=item.batch, Serial=item.serial, InDate=item.in_date)
