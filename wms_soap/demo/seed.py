"""The demo: an embedded database seeded with a warehouse, a goods owner allowed API access, users of every kind
with fixed (printed) passwords, and then the articles, orders and inbound data of each area.

Areas add their data by appending a step to ``SEED_STEPS``: ``step(session, world) -> None``, run in order in the
same transaction after the accounts exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wms_soap.config import Settings
from wms_soap.demo.articles import seed_demo_articles
from wms_soap.demo.inbound import seed_inbound
from wms_soap.demo.orders import seed_orders
from wms_soap.demo.shipments import seed_shipments
from wms_soap.services.access import rules
from wms_soap.store.access import AdminUser, ApiUser, AutomationUser, GoodsOwner
from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import upgrade
from wms_soap.unit_of_work import UnitOfWork

WAREHOUSE_CODE = "DEMO-WH"
GOODS_OWNER_CODE = "DEMO"
DEMO_PASSWORD = "demo-password-1"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    kind: str
    username: str
    password: str
    note: str = ""


DEMO_ACCOUNTS = (
    DemoAccount("api", "WSIDEMO", DEMO_PASSWORD, "API user with invoice access"),
    DemoAccount("api", "WSIDEMONOINV", DEMO_PASSWORD, "API user without invoice access"),
    DemoAccount("automation", "demo-automation", DEMO_PASSWORD, "automation user (all goods owners)"),
    DemoAccount("admin", "demo-admin", DEMO_PASSWORD, "admin user (admin service)"),
)


@dataclass(frozen=True, slots=True)
class DemoWorld:
    """What the seeding steps build on."""

    warehouse_id: int
    goods_owner_id: int
    goods_owner_code: str


SeedStep = Callable[[Session, DemoWorld], object]


def _seed_articles(session: Session, world: DemoWorld) -> None:
    seed_demo_articles(session, world.goods_owner_id)


def _seed_orders(session: Session, world: DemoWorld) -> None:
    seed_orders(session, world.goods_owner_id)


def _seed_inbound(session: Session, world: DemoWorld) -> None:
    seed_inbound(session, world.goods_owner_id)


def _seed_shipments(session: Session, world: DemoWorld) -> None:
    seed_shipments(session, world.goods_owner_id, DEMO_ACCOUNTS[0].username)


SEED_STEPS: list[SeedStep] = [
    _seed_articles,   # articles, stock, transporter contracts
    _seed_orders,     # DEMO-<status> orders in every status
    _seed_inbound,    # an in-order, a return and an invoice (after the orders)
    _seed_shipments,  # E: a trip with a sent shipment, an order assigned to WSIDEMO (after the orders)
]


def seed_demo(session: Session, settings: Settings) -> DemoWorld:
    """Create the demo accounts and run every seeding step (the caller commits)."""
    warehouse = rules.create_warehouse(session, code=WAREHOUSE_CODE, name="Demo warehouse")
    owner = rules.create_goods_owner(session, code=GOODS_OWNER_CODE, name="Demo goods owner",
                                     warehouse_id=warehouse.id, api_access=True)
    for account in DEMO_ACCOUNTS:
        _create(session, owner, account)
    world = DemoWorld(warehouse.id, owner.id, owner.code)
    for step in SEED_STEPS:
        step(session, world)
    session.flush()
    return world


def _create(session: Session, owner: GoodsOwner, account: DemoAccount) -> None:
    # The demo passwords are fixed and public on purpose, so the policy (settings) is not applied to them.
    if account.kind == "api":
        rules.create_api_user(session, owner, username=account.username, password=account.password,
                              email=f"{account.username.lower()}@example.com", integration_type="Other",
                              integration_name="wms-soap demo", invoice_access="NOINV" not in account.username)
    else:
        kind: rules.AccountKind = "automation" if account.kind == "automation" else "admin"
        rules.create_account(session, kind, username=account.username, password=account.password)


def is_empty(session: Session) -> bool:
    """True when the database has no goods owner and no user of any kind."""
    return all(
        not session.scalar(select(func.count()).select_from(model))
        for model in (GoodsOwner, ApiUser, AutomationUser, AdminUser)
    )


def has_demo(session: Session) -> bool:
    return session.scalar(select(GoodsOwner.id).where(GoodsOwner.code == GOODS_OWNER_CODE)) is not None


@dataclass(frozen=True, slots=True)
class DemoState:
    seeded_now: bool
    has_demo: bool


def prepare(settings: Settings) -> DemoState:
    """Create or upgrade the database, and seed it (one unit of work) when it is empty."""
    engine = create_engine_for(settings.database_url)
    try:
        upgrade(engine)
        with UnitOfWork(make_session_factory(engine)) as work:
            if is_empty(work.session):
                seed_demo(work.session, settings)
                return DemoState(seeded_now=True, has_demo=True)
            return DemoState(seeded_now=False, has_demo=has_demo(work.session))
    finally:
        engine.dispose()


def describe(settings: Settings, state: DemoState, service: str) -> str:
    """What the operator needs to call the demo at ``service`` (the goods-owner service's URL): URLs and
    credentials."""
    lines = [
        "wms-soap demo" + (" (database created and seeded)" if state.seeded_now else ""),
        f"  Service URL: {service}",
        f"  WSDL URL:    {service}?wsdl",
        f"  Admin URL:   {settings.public_url}/admin/service.asmx",
        f"  Database:    {settings.database_url}",
    ]
    if not state.has_demo:
        lines.append("  The database has other data, so no demo data was added; use your own credentials.")
        return "\n".join(lines)
    lines.append(f"  GoodsOwnerCode: {GOODS_OWNER_CODE}")
    lines += [f"  {a.username} / {a.password}  ({a.note})" for a in DEMO_ACCOUNTS]
    return "\n".join(lines)
