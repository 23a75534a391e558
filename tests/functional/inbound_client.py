"""zeep against the live server for the inbound, returns and invoice tests: one client, credentials per call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import zeep

PASSWORD = "correct horse battery staple"


@dataclass
class GoodsOwnerClient:
    """Calls goods-owner operations with the body credentials, as most integrations do."""

    client: zeep.Client
    goods_owner_code: str
    username: str
    password: str = PASSWORD

    @property
    def types(self) -> Any:
        return self.client.type_factory("ns0")

    def call(self, operation: str, **payload: Any) -> Any:
        credentials = {"GoodsOwnerCode": self.goods_owner_code, "UserName": self.username, "Password": self.password}
        if operation in ("GetInvoices", "ProcessInvoice"):
            credentials.pop("GoodsOwnerCode")
        return getattr(self.client.service, operation)(**credentials, **payload)


def goods_owner_client(url: str, goods_owner_code: str, username: str, password: str = PASSWORD) -> GoodsOwnerClient:
    client = zeep.Client(f"{url}?WSDL", settings=zeep.Settings(strict=True))
    return GoodsOwnerClient(client, goods_owner_code, username, password)
