"""The accounts the authentication tests use, created through the store models."""

from dataclasses import dataclass
from typing import Any

from tests import factories
from wms_soap.security.passwords import hash_password
from wms_soap.security.secretbox import SecretBox


@dataclass(frozen=True)
class Accounts:
    shop_id: int
    other_id: int


def make_accounts(session_factory: Any, secret_key: str, password: str, digest_secret: str) -> Accounts:
    """Goods owners SHOP and OTHER (both allowed API access) and one user of every kind and state."""
    password_hash = hash_password(password)
    with session_factory() as session, session.begin():
        warehouse = factories.make_warehouse(session)
        shop = factories.make_goods_owner(session, warehouse=warehouse, code="SHOP", api_access=True)
        other = factories.make_goods_owner(session, warehouse=warehouse, code="OTHER", api_access=True)
        for username in ("WSIshop", "WSIdisabled", "WSIlocked"):
            factories.make_api_user(session, goods_owner=shop, username=username, password_hash=password_hash)
        factories.make_api_user(
            session, goods_owner=shop, username="WSIinvoices", password_hash=password_hash, invoice_access=True
        )
        factories.make_api_user(session, goods_owner=other, username="WSIother", password_hash=password_hash)
        digest = factories.make_api_user(session, goods_owner=shop, username="WSIdigest", password_hash=password_hash)
        digest.digest_secret_encrypted = SecretBox(secret_key).encrypt(digest_secret)
        factories.make_automation_user(session, username="automation1", password_hash=password_hash)
        factories.make_admin_user(session, username="admin1", password_hash=password_hash)
        session.flush()
        return Accounts(shop.id, other.id)

