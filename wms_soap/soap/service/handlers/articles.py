"""ProcessArticle and GetArticleClasses."""

from __future__ import annotations

from typing import Any

from wms_soap.services.inventory import articles
from wms_soap.soap.service.convert import articles as convert
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.articles import GetArticleClassesResult
from wms_soap.soap.service.types.common import FileResultClass


@handler("ProcessArticle")
def process_article(call: Call, art: Any) -> FileResultClass:
    """Create or update one article; a bad definition answers Success=false with the reason."""
    outcome = articles.process_article(call.session, call.goods_owner_id, convert.article_input(art))
    return convert.process_article_result(outcome)


@handler("GetArticleClasses")
def get_article_classes(call: Call) -> GetArticleClassesResult:
    classes = articles.article_classes(call.session, call.goods_owner_id)
    return GetArticleClassesResult(ArticleClasses=[convert.article_class_result(entry) for entry in classes])
