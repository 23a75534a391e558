"""Demo seeding: once into an empty database, never over other data; the printed text has what a caller needs."""

import dataclasses

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests import factories
from wms_soap.config import Settings
from wms_soap.demo import seed as demo
from wms_soap.security.passwords import verify_password
from wms_soap.soap.service.wsgi import service_url
from wms_soap.store.access import AdminUser, ApiUser, AutomationUser, GoodsOwner


def test_prepare_seeds_an_empty_database_once(settings: Settings, session: Session) -> None:
    assert demo.prepare(settings) == demo.DemoState(seeded_now=True, has_demo=True)
    assert demo.prepare(settings) == demo.DemoState(seeded_now=False, has_demo=True)
    owner = session.scalars(select(GoodsOwner)).one()
    assert (owner.code, owner.api_access) == ("DEMO", True)
    users = {user.username: user for user in session.scalars(select(ApiUser))}
    assert users["WSIDEMO"].invoice_access is True
    assert users["WSIDEMONOINV"].invoice_access is False
    assert verify_password(users["WSIDEMO"].password_hash, demo.DEMO_PASSWORD)
    assert session.scalar(select(func.count()).select_from(AutomationUser)) == 1
    assert session.scalar(select(func.count()).select_from(AdminUser)) == 1


def test_prepare_leaves_a_database_with_other_data_alone(settings: Settings, session: Session) -> None:
    factories.make_goods_owner(session, code="REAL")
    session.commit()
    state = demo.prepare(settings)
    assert state == demo.DemoState(seeded_now=False, has_demo=False)
    assert "no demo data was added" in demo.describe(settings, state, service_url(settings))
    assert [owner.code for owner in session.scalars(select(GoodsOwner))] == ["REAL"]


def test_describe_prints_urls_and_credentials(settings: Settings) -> None:
    live = dataclasses.replace(settings, public_url="http://127.0.0.1:9999")
    text = demo.describe(live, demo.DemoState(seeded_now=True, has_demo=True), service_url(live))
    assert "Service URL: http://127.0.0.1:9999/demo/service.asmx" in text
    assert "WSDL URL:    http://127.0.0.1:9999/demo/service.asmx?wsdl" in text
    for account in demo.DEMO_ACCOUNTS:
        assert f"{account.username} / {account.password}" in text
