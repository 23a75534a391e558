"""zeep against the live server for the articles, inventory and statuses tests: one goods owner per fixture."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import zeep

from tests.factories import make_api_user, make_goods_owner
from wms_soap.store.db import session_scope

PASSWORD = "correct horse battery staple"


@dataclass
class ArticlesClient:
    """Calls goods-owner operations with the body credentials (UserName, Password, GoodsOwnerCode/Id)."""

    client: zeep.Client
    service: Any
    goods_owner_code: str
    goods_owner_id: int
    username: str
    password: str = PASSWORD

    @property
    def types(self) -> Any:
        return self.client.type_factory("ns0")

    def call(self, operation: str, **payload: Any) -> Any:
        credentials: dict[str, Any] = {"UserName": self.username, "Password": self.password}
        if operation == "GetInventory":
            credentials["GoodsOwnerId"] = self.goods_owner_id
        else:
            credentials["GoodsOwnerCode"] = self.goods_owner_code
        return getattr(self.service, operation)(**credentials, **payload)

    def article(self, number: str, **fields: Any) -> Any:
        """ProcessArticle by ArticleNumber with the given ArticleDefinition fields."""
        fields.setdefault("ArticleIdentification", "ArticleNumber")
        return self.call("ProcessArticle", art=self.types.ArticleDefinition(
            ArticleOperation="CreateOrUpdate", ArticleNumber=number, **fields))


def make_client(live_server: Any, code: str) -> ArticlesClient:
    """A goods owner with an API user, and a strict zeep client built from the served WSDL."""
    username = f"WSI{code.lower()}"
    with session_scope(live_server.session_factory) as session:
        owner = make_goods_owner(session, code=code)
        make_api_user(session, owner, username=username, password=PASSWORD)
        owner_id = owner.id
    client = _parsed_wsdl() or _parse(f"{live_server.url}?WSDL")
    return ArticlesClient(client, client.create_service(BINDING, live_server.url), code, owner_id, username)


BINDING = "{http://ongoingsystems.se/WSI}ServiceSoap"


_PARSED: list[zeep.Client] = []


def _parsed_wsdl() -> zeep.Client | None:
    """Parsing the served WSDL takes seconds; every live server serves the same one (only the address differs), so
    the first one parsed serves all, each server reached through ``create_service`` with its own address."""
    return _PARSED[0] if _PARSED else None


def _parse(url: str) -> zeep.Client:
    _PARSED.append(zeep.Client(url, settings=zeep.Settings(strict=True)))
    return _PARSED[0]
