"""What orders refer to in other areas: articles, article items (stock) and transporter contracts.

Kept in one small module so that the orders area meets the articles/inventory models in one place.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, select
from sqlalchemy.orm import Session

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services import registers as system
from wms_soap.services.inventory import stock
from wms_soap.store.articles import Article
from wms_soap.store.inventory import ArticleItem

ARTICLE_IDENTIFICATIONS = ("SystemId", "ArticleNumber", "ProductCode", "ArticleName")


@dataclass(frozen=True)
class ArticleKey:
    """How a line names its article: ``identification`` picks which of the other fields is used."""

    identification: str
    system_id: int | None = None
    article_number: str | None = None
    product_code: str | None = None
    name: str | None = None

    def value(self) -> object:
        return {"SystemId": self.system_id, "ArticleNumber": self.article_number,
                "ProductCode": self.product_code, "ArticleName": self.name}.get(self.identification)


@dataclass(frozen=True)
class ContractRef:
    """A TransporterContractClass: identification and operation are the wire enum values."""

    identification: str = "CodeAndServiceCode"
    operation: str = "Find"
    payment: str | None = None
    transporter_code: str | None = None
    service_code: str | None = None
    customer_number: str | None = None


_ARTICLES = cast(Table, Article.__table__)
_KEY_COLUMNS = {"SystemId": "id", "ArticleNumber": "article_number", "ProductCode": "product_code",
                "ArticleName": "name"}


@functools.lru_cache(maxsize=256)
def _ids_by(identification: str, count: int) -> Select[int, Any]:
    """Built once per identification and number of values (Core, one parameter per value: an expanding IN would be
    re-rendered on every call). No ORDER BY: SQLite would walk the primary key instead of the index."""
    column = _ARTICLES.c[_KEY_COLUMNS[identification]]
    return select(_ARTICLES.c.id, column).where(_ARTICLES.c.goods_owner_id == bindparam("owner"),
                                                column.in_([bindparam(f"v{i}") for i in range(count)]))


def check_article_key(key: ArticleKey) -> None:
    """ValidationFailed unless the key names a known identification and carries its value."""
    if key.identification not in ARTICLE_IDENTIFICATIONS:
        raise ValidationFailed(f"Unknown ArticleIdentification {key.identification!r}")
    value = key.value()
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationFailed(f"The order line has no {key.identification} to identify its article")


def find_article_ids(session: Session, goods_owner_id: int, keys: Sequence[ArticleKey]) -> list[int]:
    """The article id of each key (the first by id when several match), one query per identification used."""
    found: dict[ArticleKey, int] = {}
    for identification in {key.identification for key in keys}:
        values = {key.value() for key in keys if key.identification == identification}
        parameters = {f"v{i}": value for i, value in enumerate(values)}
        by_value: dict[object, int] = {}
        for article_id, value in session.execute(_ids_by(identification, len(values)),
                                                 {"owner": goods_owner_id, **parameters}):
            by_value[value] = min(article_id, by_value.get(value, article_id))  # the first by id
        for key in keys:
            if key.identification == identification and key.value() in by_value:
                found[key] = by_value[key.value()]
    missing = next((key for key in keys if key not in found), None)
    if missing is not None:
        raise NotFound(f"Article with {missing.identification} {missing.value()} was not found")
    return [found[key] for key in keys]


_CONTRACT_KEYS = {
    "CodeAndServiceCodeAndCustomerNumber": ("transporter_code", "service_code", "customer_number"),
    "CodeAndServiceCode": ("transporter_code", "service_code"),
    "Code": ("transporter_code",),
    "ServiceCode": ("service_code",),
    "FiltersSpecified": ("transporter_code", "service_code", "customer_number"),
}


def resolve_contract(session: Session, goods_owner_id: int, ref: ContractRef) -> int:
    """The id of the goods owner's transporter contract the reference names; CreateOrUpdate creates it."""
    keys = _CONTRACT_KEYS.get(ref.identification)
    if keys is None:
        raise ValidationFailed(f"Unknown TransporterContractIdentification {ref.identification!r}")
    wanted = {name: getattr(ref, name) for name in keys if getattr(ref, name) or ref.identification !=
              "FiltersSpecified"}
    if not any(wanted.values()):
        raise ValidationFailed("The transporter contract has no code to find it by")
    contract = system.find_transporter_contract(session, goods_owner_id, **wanted)
    if contract is None:
        if ref.operation != "CreateOrUpdate" or not ref.transporter_code:
            raise NotFound("Transporter contract " + " / ".join(str(v) for v in wanted.values() if v)
                           + " was not found")
        contract = system.create_transporter_contract(
            session, goods_owner_id, transporter_code=ref.transporter_code, service_code=ref.service_code,
            customer_number=ref.customer_number)
    return int(contract.id)


def item_location_code(item: ArticleItem) -> str | None:
    location = getattr(item, "location", None)
    return getattr(location, "code", None)


def remove_stock(session: Session, item: ArticleItem, quantity: Decimal, *, comment: str) -> None:
    """Take ``quantity`` off an article item (one inventory transaction); stock never goes negative."""
    stock.remove_stock(session, article_item_id=item.id, quantity=quantity, comment=comment, cause="picked")
