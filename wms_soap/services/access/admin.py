"""The administration use cases: goods owners' API access, API users, automation and admin users, the audit log.

The rules themselves (WSI prefix, unique usernames, API access first, password policy, e-mail, Other needs a name,
no moving between goods owners) live in ``services.access``; this module adds what only the admin face does and
writes every change to the audit log, in the same transaction as the change, with the admin who made it.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from wms_soap.config import Settings
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.security.passwords import check_password_policy, generate_password, verify_password
from wms_soap.security.principal import Principal
from wms_soap.security.secretbox import SecretBox
from wms_soap.services.access import rules
from wms_soap.services.access.mail import IntegrationDetails, service_urls
from wms_soap.services.warehouse import automated_systems
from wms_soap.store.access import (
    AdminUser,
    ApiUser,
    AuditEntry,
    AutomationUser,
    GoodsOwner,
    IntegrationType,
    Warehouse,
)

ACCOUNT_MODELS = rules.ACCOUNT_MODELS
AccountKind = rules.AccountKind
ACCOUNT_LABELS: dict[AccountKind, str] = {"automation": "automation user", "admin": "admin user"}
CHANGED = "changed"
"""The audit outcome of a change row: it carries a description of what changed, written by this module."""
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
GENERATED_PASSWORD_LENGTH = 20
INTEGRATION_NAME_LENGTH = 100


# -- audit ------------------------------------------------------------------------------------------------------

def record_change(session: Session, actor: Principal, operation: str, detail: str,
                  goods_owner_id: int | None = None) -> None:
    """One audit row for a change, in the change's own transaction: both are kept, or neither.

    The calling face may put ``request_id`` and ``client_address`` in ``session.info``; they tie the change to the
    per-call audit row of the same request.
    """
    session.add(AuditEntry(
        at=datetime.now(UTC), face="admin", username=actor.username, goods_owner_id=goods_owner_id,
        operation=operation, outcome=CHANGED, duration_ms=0, client_address=session.info.get("client_address"),
        request_id=session.info.get("request_id", ""), detail=detail[:2000],
    ))


# -- automated systems ------------------------------------------------------------------------------------------

def define_automated_system(session: Session, actor: Principal,
                            data: automated_systems.SystemInput) -> automated_systems.SystemView:
    view = automated_systems.define_system(session, data)
    record_change(session, actor, "DefineAutomatedSystem",
                  f"{view.system.code}: in {view.in_location}, store {view.store_location}, out {view.out_location}, "
                  f"controller {view.controller or '(any automation user)'}")
    return view


# -- goods owners -----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GoodsOwnerRow:
    owner: GoodsOwner
    api_user_count: int


def _user_counts(session: Session) -> dict[int, int]:
    rows = session.execute(select(ApiUser.goods_owner_id, func.count()).group_by(ApiUser.goods_owner_id))
    return {owner_id: count for owner_id, count in rows}


def list_goods_owners(session: Session) -> list[GoodsOwnerRow]:
    counts = _user_counts(session)
    owners = session.scalars(select(GoodsOwner).order_by(GoodsOwner.code))
    return [GoodsOwnerRow(owner, counts.get(owner.id, 0)) for owner in owners]


def _row(session: Session, owner: GoodsOwner) -> GoodsOwnerRow:
    count = session.scalar(select(func.count()).select_from(ApiUser).where(ApiUser.goods_owner_id == owner.id))
    return GoodsOwnerRow(owner, count or 0)


def get_goods_owner(session: Session, goods_owner_id: int | None) -> GoodsOwner:
    owner = session.get(GoodsOwner, _required_id(goods_owner_id, "GoodsOwnerId"))
    if owner is None:
        raise NotFound(f"There is no goods owner with id {goods_owner_id}: ListGoodsOwners shows the ids")
    return owner


def create_goods_owner(session: Session, actor: Principal, *, code: str | None, name: str | None) -> GoodsOwnerRow:
    owner = rules.create_goods_owner(session, code=_required(code, "Code"), name=name)
    session.flush()
    record_change(session, actor, "CreateGoodsOwner", f"goods owner {owner.code} created (id {owner.id})", owner.id)
    return _row(session, owner)


def update_goods_owner(session: Session, actor: Principal, goods_owner_id: int, *, code: str | None,
                       name: str | None) -> GoodsOwnerRow:
    owner = get_goods_owner(session, goods_owner_id)
    changes = rules.update_goods_owner(session, owner, code=code, name=name)
    if changes:
        record_change(session, actor, "UpdateGoodsOwner", f"goods owner {owner.id}: {changes}", owner.id)
    return _row(session, owner)


def set_api_access(session: Session, actor: Principal, goods_owner_id: int, *, allowed: bool) -> GoodsOwnerRow:
    owner = get_goods_owner(session, goods_owner_id)
    rules.set_api_access(owner, allowed)
    operation = "AllowApiAccess" if allowed else "RevokeApiAccess"
    state = "allowed" if allowed else "revoked"
    record_change(session, actor, operation, f"API access {state} for goods owner {owner.code}", owner.id)
    return _row(session, owner)


# -- warehouses -------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class WarehouseRow:
    warehouse: Warehouse
    goods_owner_count: int


def list_warehouses(session: Session) -> list[WarehouseRow]:
    return [WarehouseRow(warehouse, count) for warehouse, count in rules.list_warehouses(session)]


def _warehouse_row(session: Session, warehouse: Warehouse) -> WarehouseRow:
    count = session.scalar(select(func.count()).select_from(GoodsOwner).where(GoodsOwner.warehouse_id == warehouse.id))
    return WarehouseRow(warehouse, count or 0)


def get_warehouse(session: Session, warehouse_id: int | None) -> Warehouse:
    warehouse = session.get(Warehouse, _required_id(warehouse_id, "WarehouseId"))
    if warehouse is None:
        raise NotFound(f"There is no warehouse with id {warehouse_id}: ListWarehouses shows the ids")
    return warehouse


def create_warehouse(session: Session, actor: Principal, *, code: str | None, name: str | None) -> WarehouseRow:
    warehouse = rules.create_warehouse(session, code=_required(code, "Code"), name=name)
    record_change(session, actor, "CreateWarehouse", f"warehouse {warehouse.code} created (id {warehouse.id})")
    return _warehouse_row(session, warehouse)


def rename_warehouse(session: Session, actor: Principal, warehouse_id: int | None, name: str | None) -> WarehouseRow:
    warehouse = get_warehouse(session, warehouse_id)
    change = rules.rename_warehouse(session, warehouse, name)
    if change:
        record_change(session, actor, "RenameWarehouse", change)
    return _warehouse_row(session, warehouse)


def set_goods_owner_warehouse(session: Session, actor: Principal, goods_owner_id: int | None,
                              warehouse_id: int | None) -> GoodsOwnerRow:
    owner = get_goods_owner(session, goods_owner_id)
    change = rules.set_goods_owner_warehouse(owner, get_warehouse(session, warehouse_id))
    if change:
        record_change(session, actor, "SetGoodsOwnerWarehouse", change, owner.id)
    return _row(session, owner)


# -- integration types ------------------------------------------------------------------------------------------

def is_other(item: IntegrationType) -> bool:
    return rules.is_other_integration(item)


def list_integration_types(session: Session) -> list[IntegrationType]:
    return rules.list_integration_types(session)


def add_integration_type(session: Session, actor: Principal, name: str | None) -> IntegrationType:
    clean = _required(name, "Name")
    if len(clean) > INTEGRATION_NAME_LENGTH:
        raise ValidationFailed(f"The integration type name is longer than {INTEGRATION_NAME_LENGTH} characters")
    existing = session.scalar(select(IntegrationType).where(func.lower(IntegrationType.name) == clean.lower()))
    if existing is not None:
        raise Conflict(f"The integration type {existing.name} exists already: use it, or choose another name")
    item = IntegrationType(name=clean)
    session.add(item)
    session.flush()
    record_change(session, actor, "AddIntegrationType", f"integration type {clean} added")
    return item


# -- API users ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NewApiUser:
    goods_owner_id: int | None
    username: str | None
    email: str | None
    integration_type: str | None
    integration_name: str | None = None
    password: str | None = field(default=None, repr=False)
    generate_password: bool = False
    invoice_access: bool = False
    digest_secret: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class ApiUserChange:
    email: str | None = None
    integration_type: str | None = None
    integration_name: str | None = None
    goods_owner_id: int | None = None


@dataclass(frozen=True, slots=True)
class PasswordIssued:
    """A user whose password was just set; ``password`` is kept in memory only, for the credentials e-mail."""

    user: ApiUser
    password: str = field(repr=False)
    generated_password: str | None = field(default=None, repr=False)


def _choose_password(password: str | None, generate: bool, settings: Settings) -> tuple[str, str | None]:
    """The password to set, and the same value when it was generated (so it is shown once)."""
    if generate and password:
        raise ValidationFailed("Give either Password or GeneratePassword=true, not both")
    if generate:
        generated = generate_password(max(GENERATED_PASSWORD_LENGTH, settings.password_min_length))
        return generated, generated
    if not password:
        raise ValidationFailed("A password is required: give Password, or set GeneratePassword=true to get one")
    check_password_policy(password, settings.password_min_length)
    return password, None


def create_api_user(session: Session, actor: Principal, new: NewApiUser, *, settings: Settings) -> PasswordIssued:
    owner = get_goods_owner(session, _required_id(new.goods_owner_id, "GoodsOwnerId"))
    password, generated = _choose_password(new.password, new.generate_password, settings)
    user = rules.create_api_user(
        session, owner, username=_required(new.username, "Username"), password=password,
        email=_required(new.email, "Email"), integration_type=_required(new.integration_type, "IntegrationType"),
        integration_name=new.integration_name, invoice_access=new.invoice_access,
        digest_secret=_encrypted(new.digest_secret, settings), settings=settings,
    )
    session.flush()
    invoices = "on" if user.invoice_access else "off"
    record_change(session, actor, "CreateApiUser", f"API user {user.username} created for goods owner {owner.code} "
                  f"({_integration_label(user)}; invoice access {invoices})", owner.id)
    return PasswordIssued(user, password, generated)


def _encrypted(secret: str | None, settings: Settings) -> str | None:
    if not secret:
        return None
    check_password_policy(secret, settings.password_min_length)
    return SecretBox(settings.secret_key).encrypt(secret)


def _integration_label(user: ApiUser) -> str:
    if user.integration_name:
        return f"{user.integration_type.name}: {user.integration_name}"
    return user.integration_type.name


def list_api_users(session: Session, goods_owner_id: int) -> list[ApiUser]:
    return rules.list_api_users(session, get_goods_owner(session, goods_owner_id))


def get_api_user(session: Session, username: str | None) -> ApiUser:
    try:
        return rules.find_api_user(session, _required(username, "Username"))
    except NotFound as error:
        raise NotFound(f"{error}: ListApiUsers shows the API users of a goods owner") from error


def update_api_user(session: Session, actor: Principal, username: str | None, change: ApiUserChange) -> ApiUser:
    user = get_api_user(session, username)
    if change.goods_owner_id is not None and change.goods_owner_id != user.goods_owner_id:
        rules.refuse_goods_owner_move(user, change.goods_owner_id)
    described = rules.update_api_user(session, user, email=change.email, integration_type=change.integration_type,
                                      integration_name=change.integration_name)
    if described:
        record_change(session, actor, "UpdateApiUser", f"API user {user.username}: {described}", user.goods_owner_id)
    return user


def set_api_user_password(session: Session, actor: Principal, username: str | None, password: str | None, *,
                          settings: Settings) -> ApiUser:
    user = get_api_user(session, username)
    rules.set_password(user, password or "", settings)
    record_change(session, actor, "SetApiUserPassword", f"password of API user {user.username} set",
                  user.goods_owner_id)
    return user


def reset_api_user_password(session: Session, actor: Principal, username: str | None, *,
                            settings: Settings) -> PasswordIssued:
    user = get_api_user(session, username)
    password, generated = _choose_password(None, True, settings)
    rules.set_password(user, password, settings)
    record_change(session, actor, "ResetApiUserPassword", f"password of API user {user.username} reset",
                  user.goods_owner_id)
    return PasswordIssued(user, password, generated)


def set_api_user_enabled(session: Session, actor: Principal, username: str | None, *, enabled: bool) -> ApiUser:
    user = get_api_user(session, username)
    user.enabled = enabled
    operation, state = ("EnableApiUser", "enabled") if enabled else ("DisableApiUser", "disabled")
    record_change(session, actor, operation, f"API user {user.username} {state}", user.goods_owner_id)
    return user


def unlock_api_user(session: Session, actor: Principal, username: str | None) -> ApiUser:
    user = get_api_user(session, username)
    user.failed_logins = 0
    user.locked_until = None
    record_change(session, actor, "UnlockApiUser", f"API user {user.username} unlocked", user.goods_owner_id)
    return user


def set_invoice_access(session: Session, actor: Principal, username: str | None, *,
                       allowed: bool | None) -> ApiUser:
    if allowed is None:
        raise ValidationFailed("Allowed is required: true to allow invoice data, false to deny it")
    user = get_api_user(session, username)
    user.invoice_access = allowed
    state = "allowed" if allowed else "denied"
    record_change(session, actor, "SetInvoiceAccess", f"invoice access {state} for API user {user.username}",
                  user.goods_owner_id)
    return user


def delete_api_user(session: Session, actor: Principal, username: str | None) -> None:
    user = get_api_user(session, username)
    record_change(session, actor, "DeleteApiUser", f"API user {user.username} deleted", user.goods_owner_id)
    rules.delete_api_user(session, user)


def integration_details(session: Session, issued: PasswordIssued, *, settings: Settings,
                        include_password: bool) -> IntegrationDetails:
    """What the credentials e-mail tells the integrator (the password only when the admin asked for it)."""
    user = issued.user
    urls = service_urls(settings)
    return IntegrationDetails(
        recipient=user.email, username=user.username, goods_owner_id=user.goods_owner_id,
        goods_owner_code=user.goods_owner.code, integration=_integration_label(user),
        invoice_access=bool(user.invoice_access), soap_url=urls.soap_url, wsdl_url=urls.wsdl_url,
        rest_url=urls.rest_url, password=issued.password if include_password else None,
    )


# -- automation and admin users -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NewAccount:
    username: str | None
    password: str | None = field(default=None, repr=False)
    generate_password: bool = False
    email: str | None = None


@dataclass(frozen=True, slots=True)
class AccountIssued:
    user: AutomationUser | AdminUser
    generated_password: str | None = field(default=None, repr=False)


def _operation(verb: str, kind: AccountKind) -> str:
    return f"{verb}{'Automation' if kind == 'automation' else 'Admin'}User"


def create_account(session: Session, actor: Principal, kind: AccountKind, new: NewAccount, *,
                   settings: Settings) -> AccountIssued:
    username = _required(new.username, "Username")
    password, generated = _choose_password(new.password, new.generate_password, settings)
    user = rules.create_account(session, kind, username=username, password=password, email=new.email,
                                settings=settings)
    session.flush()
    record_change(session, actor, _operation("Create", kind), f"{ACCOUNT_LABELS[kind]} {user.username} created")
    return AccountIssued(user, generated)


def list_accounts(session: Session, kind: AccountKind) -> Sequence[AutomationUser | AdminUser]:
    return rules.list_accounts(session, kind)


def get_account(session: Session, kind: AccountKind, username: str | None) -> AutomationUser | AdminUser:
    name = _required(username, "Username")
    model = ACCOUNT_MODELS[kind]
    query = select(model).where(func.lower(model.username) == name.lower())
    user = cast(AutomationUser | AdminUser | None, session.scalar(query))
    if user is None:
        lister = "ListAutomationUsers" if kind == "automation" else "ListAdminUsers"
        raise NotFound(f"There is no {ACCOUNT_LABELS[kind]} {name}: {lister} shows them")
    return user


def set_account_enabled(session: Session, actor: Principal, kind: AccountKind, username: str | None, *,
                        enabled: bool) -> AutomationUser | AdminUser:
    user = get_account(session, kind, username)
    if kind == "admin" and not enabled and user.id == actor.user_id:
        raise Conflict("You cannot disable your own admin user: ask another admin to do it")
    user.enabled = enabled
    verb, state = ("Enable", "enabled") if enabled else ("Disable", "disabled")
    record_change(session, actor, _operation(verb, kind), f"{ACCOUNT_LABELS[kind]} {user.username} {state}")
    return user


def reset_account_password(session: Session, actor: Principal, kind: AccountKind, username: str | None, *,
                           settings: Settings) -> AccountIssued:
    user = get_account(session, kind, username)
    password, generated = _choose_password(None, True, settings)
    rules.set_password(user, password, settings)
    record_change(session, actor, _operation("Reset", kind) + "Password",
                  f"password of {ACCOUNT_LABELS[kind]} {user.username} reset")
    return AccountIssued(user, generated)


def delete_account(session: Session, actor: Principal, kind: AccountKind, username: str | None) -> None:
    user = get_account(session, kind, username)
    if kind == "admin" and user.id == actor.user_id:
        raise Conflict("You cannot delete your own admin user")
    record_change(session, actor, _operation("Delete", kind), f"{ACCOUNT_LABELS[kind]} {user.username} deleted")
    session.delete(user)
    session.flush()


def change_own_password(session: Session, actor: Principal, current: str | None, new: str | None, *,
                        settings: Settings) -> None:
    user = session.get(AdminUser, actor.user_id)
    if user is None:
        raise NotFound("Your admin user no longer exists")
    if not verify_password(user.password_hash, current or ""):
        raise ValidationFailed("CurrentPassword is not your current password: give the password you logged on with")
    if not new:
        raise ValidationFailed("NewPassword is required")
    if new == current:
        raise ValidationFailed("NewPassword must differ from CurrentPassword")
    rules.set_password(user, new, settings)
    record_change(session, actor, "ChangeOwnPassword", f"admin user {user.username} changed their own password")


# -- audit queries --------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class AuditQuery:
    username: str | None = None
    goods_owner_id: int | None = None
    operation: str | None = None
    outcome: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE


@dataclass(frozen=True, slots=True)
class AuditPage:
    entries: list[AuditEntry]
    page: int
    page_size: int
    total: int


def _audit_filter(query: AuditQuery) -> Select[AuditEntry]:
    statement = select(AuditEntry)
    for column, value in ((AuditEntry.username, query.username), (AuditEntry.goods_owner_id, query.goods_owner_id),
                          (AuditEntry.operation, query.operation), (AuditEntry.outcome, query.outcome)):
        if value is not None and value != "":
            statement = statement.where(column == value)
    if query.since is not None:
        statement = statement.where(AuditEntry.at >= query.since)
    if query.until is not None:
        statement = statement.where(AuditEntry.at < query.until)
    return statement


def query_audit(session: Session, query: AuditQuery) -> AuditPage:
    """Audit entries matching ``query``, newest first, one page at a time."""
    if query.page < 1:
        raise ValidationFailed("Page starts at 1")
    if not 1 <= query.page_size <= MAX_PAGE_SIZE:
        raise ValidationFailed(f"PageSize must be between 1 and {MAX_PAGE_SIZE}")
    if query.since is not None and query.until is not None and query.since >= query.until:
        raise ValidationFailed("From must be before To")
    statement = _audit_filter(query)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rows = session.scalars(statement.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                           .offset((query.page - 1) * query.page_size).limit(query.page_size))
    return AuditPage(list(rows), query.page, query.page_size, total)


# -- helpers -------------------------------------------------------------------------------------------------------

def _required(value: str | None, name: str) -> str:
    if value is None or not value.strip():
        raise ValidationFailed(f"{name} is required")
    return value.strip()


def _required_id(value: int | None, name: str) -> int:
    if value is None:
        raise ValidationFailed(f"{name} is required: ListGoodsOwners shows the ids")
    return value
