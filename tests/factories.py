"""Test data through the store models: short calls with sensible defaults, every name unique unless given.

Each factory adds to the session and flushes (ids are set), never commits.
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.security.passwords import hash_password
from wms_soap.store.access import AdminUser, ApiUser, AutomationUser, GoodsOwner, IntegrationType, Warehouse

DEFAULT_PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}{next(_numbers)}"


@cache
def _hash(password: str) -> str:
    """argon2 is slow on purpose; a test suite hashes each distinct password once."""
    return hash_password(password)


def _flushed(session: Session, item: Any) -> Any:
    session.add(item)
    session.flush()
    return item


def make_warehouse(session: Session, *, code: str | None = None, name: str | None = None) -> Warehouse:
    code = code or unique("WH")
    warehouse: Warehouse = _flushed(session, Warehouse(code=code, name=name or f"Warehouse {code}"))
    return warehouse


def make_goods_owner(session: Session, *, code: str | None = None, name: str | None = None,
                     warehouse: Warehouse | None = None, api_access: bool = True) -> GoodsOwner:
    """A goods owner, allowed API access unless ``api_access=False``."""
    code = code or unique("GO")
    owner: GoodsOwner = _flushed(session, GoodsOwner(
        code=code, name=name or f"Goods owner {code}", warehouse_id=warehouse.id if warehouse else None,
        api_access=api_access,
    ))
    return owner


def integration_type(session: Session, name: str = "Shopify") -> IntegrationType:
    """A seeded integration type by name."""
    return session.scalars(select(IntegrationType).where(IntegrationType.name == name)).one()


def make_api_user(session: Session, goods_owner: GoodsOwner | None = None, *, username: str | None = None,
                  password: str = DEFAULT_PASSWORD, password_hash: str | None = None, email: str | None = None,
                  integration: str = "Shopify", integration_name: str | None = None, invoice_access: bool = False,
                  enabled: bool = True) -> ApiUser:
    """An API user (of a new goods owner unless one is given); ``password_hash`` wins over ``password``."""
    goods_owner = goods_owner or make_goods_owner(session)
    username = username or unique("WSIuser")
    user: ApiUser = _flushed(session, ApiUser(
        username=username, goods_owner_id=goods_owner.id, email=email or f"{username.lower()}@example.com",
        integration_type_id=integration_type(session, integration).id, integration_name=integration_name,
        password_hash=password_hash or _hash(password), invoice_access=invoice_access, enabled=enabled,
    ))
    return user


def make_automation_user(session: Session, *, username: str | None = None, password: str = DEFAULT_PASSWORD,
                         password_hash: str | None = None, enabled: bool = True) -> AutomationUser:
    user: AutomationUser = _flushed(session, AutomationUser(
        username=username or unique("automation"), password_hash=password_hash or _hash(password), enabled=enabled,
    ))
    return user


def make_admin_user(session: Session, *, username: str | None = None, password: str = DEFAULT_PASSWORD,
                    password_hash: str | None = None, enabled: bool = True) -> AdminUser:
    user: AdminUser = _flushed(session, AdminUser(
        username=username or unique("admin"), password_hash=password_hash or _hash(password), enabled=enabled,
    ))
    return user
