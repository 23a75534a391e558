"""The access rules, in one place for every face (CLI, admin service):

- a goods owner has a unique code; it must be allowed API access before API users can be created for it;
- an API user's username starts with ``WSI``; it belongs to exactly one goods owner and never moves to another;
- usernames are unique across every kind of user (API, automation, admin), compared without regard to case;
- passwords follow the policy (``settings.password_min_length``); e-mail addresses look like addresses;
- the integration type is one from the list, or ``Other`` plus a free name.

Functions here never commit; they flush where a caller needs ids.
"""

from __future__ import annotations

import re
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wms_soap.config import Settings
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.security.passwords import check_password_policy, hash_password
from wms_soap.store.access import (
    CODE_LENGTH,
    EMAIL_LENGTH,
    NAME_LENGTH,
    USERNAME_LENGTH,
    AdminUser,
    ApiUser,
    AutomationUser,
    GoodsOwner,
    IntegrationType,
    Warehouse,
)

API_USER_PREFIX = "WSI"
AccountKind = Literal["automation", "admin"]
ACCOUNT_MODELS: dict[AccountKind, type[AutomationUser] | type[AdminUser]] = {
    "automation": AutomationUser,
    "admin": AdminUser,
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_USERNAME = re.compile(r"^[A-Za-z0-9._@+-]+$")
_CODE = re.compile(r"^[A-Za-z0-9._-]+$")


# -- warehouses and goods owners --------------------------------------------------------------------------------

def create_warehouse(session: Session, *, code: str, name: str | None = None) -> Warehouse:
    code = _checked_code(code, "warehouse code")
    if session.scalar(select(Warehouse.id).where(func.lower(Warehouse.code) == code.lower())) is not None:
        raise Conflict(f"The warehouse {code} exists already")
    warehouse = Warehouse(code=code, name=_name(name, code))
    session.add(warehouse)
    session.flush()
    return warehouse


def find_warehouse(session: Session, code_or_id: str | int) -> Warehouse:
    """A warehouse by code (any case) or id."""
    text = str(code_or_id).strip()
    warehouse = session.scalar(select(Warehouse).where(func.lower(Warehouse.code) == text.lower()))
    if warehouse is None and text.isdigit():
        warehouse = session.get(Warehouse, int(text))
    if warehouse is None:
        raise NotFound(f"There is no warehouse {text!r}: `wms-soap warehouse add CODE` (or the admin service's "
                       "CreateWarehouse) adds one, `wms-soap warehouse list` lists them")
    return warehouse


def list_warehouses(session: Session) -> list[tuple[Warehouse, int]]:
    """Every warehouse with the number of goods owners stored in it, by code."""
    counts: dict[int | None, int] = {
        warehouse_id: count for warehouse_id, count in
        session.execute(select(GoodsOwner.warehouse_id, func.count()).group_by(GoodsOwner.warehouse_id))}
    return [(warehouse, counts.get(warehouse.id, 0))
            for warehouse in session.scalars(select(Warehouse).order_by(Warehouse.code))]


def rename_warehouse(session: Session, warehouse: Warehouse, name: str | None) -> str:
    """Give the warehouse a new name (its code, in URLs and requests, stays); returns what changed, in words."""
    new_name = (name or "").strip()
    if not new_name:
        raise ValidationFailed("The warehouse name must not be empty")
    if len(new_name) > NAME_LENGTH:
        raise ValidationFailed(f"The warehouse name is longer than {NAME_LENGTH} characters")
    if new_name == warehouse.name:
        return ""
    change = f"warehouse {warehouse.code}: name {warehouse.name!r} -> {new_name!r}"
    warehouse.name = new_name
    return change


def set_goods_owner_warehouse(owner: GoodsOwner, warehouse: Warehouse) -> str:
    """Store the goods owner in ``warehouse``: its status texts and stock warehouse follow; returns the change."""
    if owner.warehouse_id == warehouse.id:
        return ""
    owner.warehouse_id = warehouse.id
    return f"goods owner {owner.code} stored in warehouse {warehouse.code}"


def create_goods_owner(session: Session, *, code: str, name: str | None = None,
                       warehouse_id: int | None = None, api_access: bool = False) -> GoodsOwner:
    """A new goods owner; API access stays off until it is allowed."""
    code = _checked_code(code, "goods owner code")
    _refuse_taken_code(session, code)
    owner = GoodsOwner(code=code, name=_name(name, code), warehouse_id=warehouse_id, api_access=api_access)
    session.add(owner)
    session.flush()
    return owner


def update_goods_owner(session: Session, owner: GoodsOwner, *, code: str | None = None,
                       name: str | None = None) -> str:
    """Change the code and/or name; returns what changed, in words ("" when nothing did)."""
    changes = []
    if code is not None and code.strip() != owner.code:
        new_code = _checked_code(code, "goods owner code")
        _refuse_taken_code(session, new_code, except_id=owner.id)
        changes.append(f"code {owner.code} -> {new_code}")
        owner.code = new_code
    if name is not None and name.strip() and name.strip() != owner.name:
        changes.append(f"name {owner.name!r} -> {name.strip()!r}")
        owner.name = _name(name, owner.code)
    return "; ".join(changes)


def find_goods_owner(session: Session, code_or_id: str | int) -> GoodsOwner:
    """A goods owner by code (any case) or id."""
    text = str(code_or_id).strip()
    owner = session.scalar(select(GoodsOwner).where(func.lower(GoodsOwner.code) == text.lower()))
    if owner is None and text.isdigit():
        owner = session.get(GoodsOwner, int(text))
    if owner is None:
        raise NotFound(f"There is no goods owner {text!r} (give its code or id)")
    return owner


def list_goods_owners(session: Session) -> list[GoodsOwner]:
    return list(session.scalars(select(GoodsOwner).order_by(GoodsOwner.code)))


def set_api_access(owner: GoodsOwner, allowed: bool) -> None:
    """Allow or revoke API access; revoking refuses every API user of the owner at the next call."""
    owner.api_access = allowed


def _refuse_taken_code(session: Session, code: str, except_id: int | None = None) -> None:
    found = session.scalar(select(GoodsOwner.id).where(func.lower(GoodsOwner.code) == code.lower()))
    if found is not None and found != except_id:
        raise Conflict(f"The goods owner code {code} is taken already")


# -- integration types ------------------------------------------------------------------------------------------

def is_other_integration(item: IntegrationType) -> bool:
    return bool(item.is_other)


def list_integration_types(session: Session) -> list[IntegrationType]:
    return list(session.scalars(select(IntegrationType).order_by(IntegrationType.is_other, IntegrationType.name)))


def find_integration_type(session: Session, name: str) -> IntegrationType:
    clean = name.strip()
    item = session.scalar(select(IntegrationType).where(func.lower(IntegrationType.name) == clean.lower()))
    if item is None:
        known = ", ".join(each.name for each in list_integration_types(session))
        raise ValidationFailed(f"Unknown integration type {clean!r}; choose one of: {known}")
    return item


def _integration(session: Session, type_name: str, free_name: str | None) -> tuple[IntegrationType, str | None]:
    item = find_integration_type(session, type_name)
    free = (free_name or "").strip() or None
    if item.is_other and free is None:
        raise ValidationFailed(f"The integration type {item.name} needs a name: say which system it is")
    if free is not None and len(free) > 100:
        raise ValidationFailed("The integration name is longer than 100 characters")
    return item, free if item.is_other else None


# -- usernames, e-mail, passwords ---------------------------------------------------------------------------------

def username_taken(session: Session, username: str) -> bool:
    """True when any kind of user has this name (compared without regard to case)."""
    name = username.lower()
    return any(
        session.scalar(select(model.id).where(func.lower(model.username) == name)) is not None
        for model in (ApiUser, AutomationUser, AdminUser)
    )


def _checked_username(session: Session, username: str, *, api_user: bool) -> str:
    name = username.strip()
    if not name:
        raise ValidationFailed("The username is empty")
    if len(name) > USERNAME_LENGTH or not _USERNAME.match(name):
        raise ValidationFailed(f"The username {name!r} may have at most {USERNAME_LENGTH} letters, digits and "
                               "'.', '_', '-', '@', '+'")
    if api_user and not name.upper().startswith(API_USER_PREFIX):
        raise ValidationFailed(f"The username of an API user must start with {API_USER_PREFIX}, e.g. "
                               f"{API_USER_PREFIX}{name}")
    if username_taken(session, name):
        raise Conflict(f"The username {name} is taken already (usernames are unique across every kind of user)")
    return name


def checked_email(email: str | None, *, required: bool) -> str | None:
    address = (email or "").strip()
    if not address:
        if required:
            raise ValidationFailed("An e-mail address is required")
        return None
    if len(address) > EMAIL_LENGTH or not _EMAIL.match(address):
        raise ValidationFailed(f"{address!r} is not a valid e-mail address")
    return address


def _password_hash(password: str, settings: Settings | None) -> str:
    if settings is not None:
        check_password_policy(password, settings.password_min_length)
    elif not password:
        raise ValidationFailed("The password is empty")
    return hash_password(password)


def set_password(user: ApiUser | AutomationUser | AdminUser, password: str, settings: Settings) -> None:
    """A new password; also clears a lockout, since an administrator chose to let the user in again."""
    user.password_hash = _password_hash(password, settings)
    user.failed_logins = 0
    user.locked_until = None


# -- API users ----------------------------------------------------------------------------------------------------

def create_api_user(session: Session, owner: GoodsOwner, *, username: str, password: str, email: str | None,
                    integration_type: str, integration_name: str | None = None, invoice_access: bool = False,
                    digest_secret: str | None = None, settings: Settings | None = None) -> ApiUser:
    """A new API user of ``owner``. ``digest_secret`` is the already encrypted PasswordDigest secret, if any."""
    if not owner.api_access:
        raise Conflict(f"The goods owner {owner.code} is not allowed API access: allow it first "
                       f"(AllowApiAccess on the admin service, or wms-soap goods-owner allow-api {owner.code})")
    name = _checked_username(session, username, api_user=True)
    item, free_name = _integration(session, integration_type, integration_name)
    user = ApiUser(
        username=name, goods_owner_id=owner.id, email=checked_email(email, required=True),
        integration_type_id=item.id, integration_name=free_name, password_hash=_password_hash(password, settings),
        invoice_access=invoice_access, digest_secret_encrypted=digest_secret, enabled=True, failed_logins=0,
    )
    session.add(user)
    session.flush()
    return user


def update_api_user(session: Session, user: ApiUser, *, email: str | None = None,
                    integration_type: str | None = None, integration_name: str | None = None) -> str:
    """Change e-mail and/or integration; returns what changed, in words ("" when nothing did)."""
    changes = []
    if email is not None and email.strip() != user.email:
        user.email = checked_email(email, required=True) or ""
        changes.append(f"e-mail {user.email}")
    if integration_type is not None or integration_name is not None:
        type_name = integration_type if integration_type is not None else user.integration_type.name
        item, free_name = _integration(session, type_name, integration_name or user.integration_name)
        if (item.id, free_name) != (user.integration_type_id, user.integration_name):
            user.integration_type_id, user.integration_name = item.id, free_name
            user.integration_type = item
            changes.append(f"integration {item.name}{': ' + free_name if free_name else ''}")
    return "; ".join(changes)


def refuse_goods_owner_move(user: ApiUser, goods_owner_id: int) -> None:
    """An API user belongs to one goods owner for life: create a new user for the other goods owner."""
    raise ValidationFailed(f"The API user {user.username} belongs to goods owner {user.goods_owner_id} and cannot "
                           f"move to goods owner {goods_owner_id}: create a new API user for that goods owner")


def find_api_user(session: Session, username: str) -> ApiUser:
    user = session.scalar(select(ApiUser).where(func.lower(ApiUser.username) == username.strip().lower()))
    if user is None:
        raise NotFound(f"There is no API user {username.strip()!r}")
    return user


def find_account(session: Session, kind: AccountKind, username: str) -> AutomationUser | AdminUser:
    """The automation or admin user with this username (compared without regard to case)."""
    model = ACCOUNT_MODELS[kind]
    user = session.scalar(select(model).where(func.lower(model.username) == username.strip().lower()))
    if not isinstance(user, model):
        raise NotFound(f"There is no {kind} user {username.strip()!r}")
    return user


def list_api_users(session: Session, owner: GoodsOwner | None = None) -> list[ApiUser]:
    statement = select(ApiUser).order_by(ApiUser.username)
    if owner is not None:
        statement = statement.where(ApiUser.goods_owner_id == owner.id)
    return list(session.scalars(statement))


def delete_api_user(session: Session, user: ApiUser) -> None:
    session.delete(user)
    session.flush()


# -- automation and admin users -------------------------------------------------------------------------------------

def create_account(session: Session, kind: AccountKind, *, username: str, password: str, email: str | None = None,
                   settings: Settings | None = None) -> AutomationUser | AdminUser:
    """A new automation or admin user (its username must not look like an API user's)."""
    name = _checked_username(session, username, api_user=False)
    if name.upper().startswith(API_USER_PREFIX):
        raise ValidationFailed(f"Usernames starting with {API_USER_PREFIX} are for API users; choose another name")
    model = ACCOUNT_MODELS[kind]
    user = model(username=name, password_hash=_password_hash(password, settings),
                 email=checked_email(email, required=False), enabled=True, failed_logins=0)
    session.add(user)
    session.flush()
    return user


def list_accounts(session: Session, kind: AccountKind) -> list[AutomationUser | AdminUser]:
    model = ACCOUNT_MODELS[kind]
    return list(session.scalars(select(model).order_by(model.username)))


# -- small checks -------------------------------------------------------------------------------------------------

def _checked_code(code: str, label: str) -> str:
    clean = (code or "").strip()
    if not clean or len(clean) > CODE_LENGTH or not _CODE.match(clean):
        raise ValidationFailed(f"The {label} {code!r} must be 1 to {CODE_LENGTH} letters, digits, '.', '_' or '-'")
    return clean


def _name(name: str | None, fallback: str) -> str:
    clean = (name or "").strip() or fallback
    if len(clean) > NAME_LENGTH:
        raise ValidationFailed(f"The name is longer than {NAME_LENGTH} characters")
    return clean
