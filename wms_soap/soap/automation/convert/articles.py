"""Articles on the wire: the query and GetArticlesArticleInfo."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wms_soap.services.inventory.article_queries import ArticlesQuery
from wms_soap.soap.automation.types import articles
from wms_soap.soap.primitives import wire_quantity
from wms_soap.store.access import GoodsOwner
from wms_soap.store.articles import Article


def articles_query(query: Any) -> ArticlesQuery:
    barcodes = getattr(query, "Barcodes", None)
    return ArticlesQuery(
        article_ids=[i for i in (getattr(query, "ArticleDefIds", None) or []) if i is not None],
        goods_owner_id=getattr(query, "GoodsOwnerId", None), article_number=getattr(query, "ArticleNumber", None),
        article_id_from=getattr(query, "ArticleDefIdFrom", None),
        max_articles=getattr(query, "MaxArticlesToGet", None), barcode=getattr(barcodes, "Barcode", None),
        barcode_package=getattr(barcodes, "BarcodePackage", None),
        barcode_pallet=getattr(barcodes, "BarcodePallet", None),
        default_location=getattr(query, "DefaultPickingLocation", None),
        only_live_goods_owners=bool(getattr(query, "OnlyLiveGoodsOwners", False)))


def article_info(article: Article, owner: GoodsOwner) -> articles.GetArticlesArticleInfo:
    return articles.GetArticlesArticleInfo(
        ArticleDefId=article.id,
        GoodsOwner=articles.GetArticlesGoodsOwner(GoodsOwnerId=owner.id, GoodsOwnerCode=owner.code,
                                                  GoodsOwnerName=owner.name),
        ArticleNumber=article.article_number, ArticleName=article.name, ProductCode=article.product_code,
        Barcode=article.bar_code, BarcodePackage=article.bar_code_package, BarcodePallet=article.bar_code_pallet,
        DefaultPickingLocation=article.default_location_name, Weight=wire_quantity(article.weight),
        Volume=wire_quantity(article.volume), Length=wire_quantity(article.length),
        Width=wire_quantity(article.width), Height=wire_quantity(article.height),
        IsStockArticle=bool(article.is_stock_article), IsActive=bool(article.is_active))


def articles_result(rows: Sequence[tuple[Article, GoodsOwner]]) -> Any:
    return articles.GetArticlesResult(Success=True, Articles=[article_info(a, o) for a, o in rows])
