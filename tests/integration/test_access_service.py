"""The access rules of ``services.access`` that the admin service builds on (the CLI tests cover the rest)."""

import dataclasses

import pytest
from sqlalchemy.orm import Session

from tests import factories
from wms_soap.config import Settings
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.access import rules as access

PASSWORD = "a good long password"


def test_goods_owner_update_describes_the_change(session: Session) -> None:
    owner = access.create_goods_owner(session, code="SHOP", name="Shop")
    access.create_goods_owner(session, code="OTHER")
    assert access.update_goods_owner(session, owner, code="SHOP", name="Shop") == ""
    assert access.update_goods_owner(session, owner, code="SHOP2", name="New name") == (
        "code SHOP -> SHOP2; name 'Shop' -> 'New name'")
    with pytest.raises(Conflict, match="code other is taken already"):
        access.update_goods_owner(session, owner, code="other")
    assert access.find_goods_owner(session, owner.id) is owner
    assert access.find_goods_owner(session, "shop2") is owner


def test_api_user_update_and_no_move(session: Session, settings: Settings) -> None:
    owner = factories.make_goods_owner(session, code="SHOP")
    user = access.create_api_user(session, owner, username="WSIshop", password=PASSWORD, email="a@b.se",
                                  integration_type="Shopify", settings=settings)
    assert access.update_api_user(session, user) == ""
    described = access.update_api_user(session, user, email="new@b.se", integration_type="Other",
                                       integration_name="Own ERP")
    assert described == "e-mail new@b.se; integration Other: Own ERP"
    assert (user.email, user.integration_type.name, user.integration_name) == ("new@b.se", "Other", "Own ERP")
    access.update_api_user(session, user, integration_type="Fortnox")
    assert (user.integration_type.name, user.integration_name) == ("Fortnox", None)
    with pytest.raises(ValidationFailed, match="cannot move to goods owner 99"):
        access.refuse_goods_owner_move(user, 99)
    with pytest.raises(NotFound):
        access.find_api_user(session, "WSInobody")


def test_policy_follows_settings(session: Session, settings: Settings) -> None:
    owner = factories.make_goods_owner(session)
    strict = dataclasses.replace(settings, password_min_length=30)
    with pytest.raises(ValidationFailed, match="at least 30 characters"):
        access.create_api_user(session, owner, username="WSIstrict", password=PASSWORD, email="a@b.se",
                               integration_type="Odoo", settings=strict)


def test_set_password_also_unlocks(session: Session, settings: Settings) -> None:
    user = factories.make_api_user(session)
    user.failed_logins = 10
    access.set_password(user, "a brand new password", settings)
    assert (user.failed_logins, user.locked_until) == (0, None)


def test_integration_types_list_other_last(session: Session) -> None:
    names = [item.name for item in access.list_integration_types(session)]
    assert names[-1] == "Other" and "Shopify" in names
    assert access.is_other_integration(access.find_integration_type(session, "other"))
