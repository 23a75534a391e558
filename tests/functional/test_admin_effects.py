"""What the admin changes do to the goods-owner API, on the very next call: API access and invoice access."""

from typing import Any

import pytest

from tests.functional.admin_support import AdminWorld
from tests.functional.security_helpers import envelope, operation, post, security_header

WSI = "http://ongoingsystems.se/WSI"
STRONG = "Str0ng-Passw0rd-42"


@pytest.fixture
def world(live_server: Any) -> AdminWorld:
    return AdminWorld(live_server)


@pytest.fixture
def shop_user(world: AdminWorld) -> str:
    """An API user of goods owner SHOP (API access allowed, invoice access off)."""
    owner = world.client.CreateGoodsOwner(Code="SHOP", Name="Shop Ltd")
    world.client.AllowApiAccess(GoodsOwnerId=owner.Id)
    world.client.CreateApiUser(GoodsOwnerId=owner.Id, Username="WSIshop", Password=STRONG,
                               Email="dev@shop.example", IntegrationType="Magento")
    return "WSIshop"


def _get_invoices(world: AdminWorld, username: str) -> tuple[bool, str]:
    """GetInvoicesByQuery with body credentials: (Success, Message) of the in-band result."""
    body = operation("GetInvoicesByQuery", GoodsOwnerCode="SHOP", UserName=username, Password=STRONG,
                     query="<tns:MaxInvoicesToGet>10</tns:MaxInvoicesToGet>")
    response = post(world.server.url, envelope(body), action=f"{WSI}/GetInvoicesByQuery")
    assert response.status == 200, response.body
    result = response.xml.find(f".//{{{WSI}}}GetInvoicesByQueryResult")
    assert result is not None, response.body
    return result.findtext(f"{{{WSI}}}Success") == "true", result.findtext(f"{{{WSI}}}Message") or ""


def test_invoice_access_changes_the_very_next_call(world: AdminWorld, shop_user: str) -> None:
    allowed, message = _get_invoices(world, shop_user)
    assert not allowed and "not allowed to see invoicing information" in message

    world.client.SetInvoiceAccess(Username=shop_user, Allowed=True)
    assert _get_invoices(world, shop_user) == (True, "")

    world.client.SetInvoiceAccess(Username=shop_user, Allowed=False)
    allowed, message = _get_invoices(world, shop_user)
    assert not allowed and "not allowed to see invoicing information" in message


def test_revoking_api_access_refuses_the_goods_owners_users_at_once(world: AdminWorld, shop_user: str) -> None:
    world.client.SetInvoiceAccess(Username=shop_user, Allowed=True)
    owner_id = world.client.GetApiUser(Username=shop_user).GoodsOwnerId
    assert _get_invoices(world, shop_user) == (True, "")  # also warms the verification cache

    world.client.RevokeApiAccess(GoodsOwnerId=owner_id)
    allowed, message = _get_invoices(world, shop_user)
    assert not allowed and "Logon failed" in message

    world.client.AllowApiAccess(GoodsOwnerId=owner_id)
    assert _get_invoices(world, shop_user) == (True, "")


def test_disabling_an_api_user_refuses_it_at_once(world: AdminWorld, shop_user: str) -> None:
    world.client.SetInvoiceAccess(Username=shop_user, Allowed=True)
    assert _get_invoices(world, shop_user) == (True, "")

    world.client.DisableApiUser(Username=shop_user)
    allowed, message = _get_invoices(world, shop_user)
    assert not allowed and "Logon failed" in message

    world.client.EnableApiUser(Username=shop_user)
    assert _get_invoices(world, shop_user) == (True, "")




def test_a_digest_secret_set_by_the_admin_works_for_password_digest(world: AdminWorld) -> None:
    owner = world.client.CreateGoodsOwner(Code="DIGEST", Name="Digest Ltd")
    world.client.AllowApiAccess(GoodsOwnerId=owner.Id)
    world.client.CreateApiUser(GoodsOwnerId=owner.Id, Username="WSIdigest", Password=STRONG, InvoiceAccess=True,
                               DigestSecret="Digest-Secret-123", Email="dev@shop.example", IntegrationType="Magento")
    body = operation("GetInvoicesByQuery", query="<tns:MaxInvoicesToGet>1</tns:MaxInvoicesToGet>")

    right = post(world.server.url, envelope(body, security_header("WSIdigest", "Digest-Secret-123", digest=True)))
    wrong = post(world.server.url, envelope(body, security_header("WSIdigest", STRONG, digest=True)))

    assert right.status == 200, right.body
    assert right.xml.findtext(f".//{{{WSI}}}Success") == "true"
    assert wrong.status == 500 and "FailedAuthentication" in wrong.fault()[0]
