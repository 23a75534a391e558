"""Articles: GetArticlesByQuery."""

from typing import Any

from wms_soap.services.inventory import article_queries
from wms_soap.soap.automation.convert import articles as convert
from wms_soap.soap.automation.dispatch import Call, handler


@handler("GetArticlesByQuery")
def get_articles_by_query(call: Call, query: Any) -> Any:
    return convert.articles_result(article_queries.query_articles(call.session, convert.articles_query(query)))
