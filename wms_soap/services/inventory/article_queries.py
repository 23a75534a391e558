"""Articles of every goods owner for the warehouse side (the Automation API's GetArticlesByQuery), paged by id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import ValidationFailed
from wms_soap.store.access import GoodsOwner
from wms_soap.store.articles import Article

MAX_ARTICLES = 10_000


@dataclass(frozen=True)
class ArticlesQuery:
    article_ids: Sequence[int] = ()
    goods_owner_id: int | None = None
    article_number: str | None = None
    article_id_from: int | None = None
    max_articles: int | None = None
    barcode: str | None = None
    barcode_package: str | None = None
    barcode_pallet: str | None = None
    default_location: str | None = None
    only_live_goods_owners: bool = False


def query_articles(session: Session, query: ArticlesQuery) -> list[tuple[Article, GoodsOwner]]:
    """Articles matching ``query`` with their goods owner, in id order."""
    if query.max_articles is not None and query.max_articles < 0:
        raise ValidationFailed("MaxArticlesToGet cannot be negative")
    statement = select(Article, GoodsOwner).join(GoodsOwner, GoodsOwner.id == Article.goods_owner_id)
    if query.article_ids:
        statement = statement.where(Article.id.in_(list(query.article_ids)))
    for column, value in ((Article.goods_owner_id, query.goods_owner_id),
                          (Article.article_number, query.article_number), (Article.bar_code, query.barcode),
                          (Article.bar_code_package, query.barcode_package),
                          (Article.bar_code_pallet, query.barcode_pallet),
                          (Article.default_location_name, query.default_location)):
        if value is not None:
            statement = statement.where(column == value)
    if query.article_id_from is not None:
        statement = statement.where(Article.id >= query.article_id_from)
    if query.only_live_goods_owners:
        statement = statement.where(GoodsOwner.api_access.is_(True))
    rows = session.execute(statement.order_by(Article.id).limit(query.max_articles or MAX_ARTICLES))
    return [(row[0], row[1]) for row in rows]
