"""Reading the account a username names, for one kind of user, in one indexed query."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeAlias

from sqlalchemy import Connection, Engine, Select, bindparam, select
from sqlalchemy.orm import Session

from wms_soap.security.policy import AccountState
from wms_soap.security.principal import Principal, PrincipalKind
from wms_soap.store.access import AdminUser, ApiUser, AutomationUser, GoodsOwner
from wms_soap.store.raw_select import RawSelect

AnySelect: TypeAlias = Select[*tuple[Any, ...]]
AccountModel: TypeAlias = type[ApiUser] | type[AutomationUser] | type[AdminUser]
MODEL_BY_KIND: dict[PrincipalKind, AccountModel] = {
    "api": ApiUser,
    "automation": AutomationUser,
    "admin": AdminUser,
}


@dataclass(frozen=True, slots=True)
class Account:
    """One account as the authenticator sees it (a snapshot; never handed to the faces)."""

    kind: PrincipalKind
    id: int
    username: str
    password_hash: str = field(repr=False)
    digest_secret_encrypted: str | None = field(repr=False)
    failed_logins: int
    state: AccountState
    invoice_access: bool = False

    def principal(self) -> Principal:
        return Principal(
            kind=self.kind,
            user_id=self.id,
            username=self.username,
            goods_owner_id=self.state.goods_owner_id,
            goods_owner_code=self.state.goods_owner_code,
            invoice_access=self.invoice_access,
        )


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back; every stored time is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def load(source: Session | Connection | Engine, kind: PrincipalKind, username: str) -> Account | None:
    """The account ``username`` names, read fresh. An Engine is read through a raw DBAPI connection (see
    ``store.raw_select``): about a tenth of the cost of a SQLAlchemy connection's transaction, for the one read every
    authenticated call makes."""
    if kind == "api":
        return _load_api_user(source, username)
    row = _read_one(source, _ACCOUNT_QUERIES[kind], username)
    if row is None:
        return None
    state = AccountState(enabled=bool(row["enabled"]), locked_until=as_utc(row["locked_until"]))
    return Account(kind, row["id"], row["username"], row["password_hash"], None, row["failed_logins"], state)


def _account_query(model: AccountModel) -> AnySelect:
    columns = (model.id, model.username, model.password_hash, model.enabled, model.locked_until, model.failed_logins)
    return select(*columns).where(model.username == bindparam("username"))


# Built once: the statement is compiled once and cached; plain columns avoid ORM object loading on every call.
_ACCOUNT_QUERIES: dict[PrincipalKind, AnySelect] = {
    kind: _account_query(model) for kind, model in MODEL_BY_KIND.items()
}
_API_USER_QUERY = (
    select(
        ApiUser.id, ApiUser.username, ApiUser.password_hash, ApiUser.digest_secret_encrypted, ApiUser.enabled,
        ApiUser.locked_until, ApiUser.failed_logins, ApiUser.invoice_access,
        GoodsOwner.id.label("goods_owner_id"), GoodsOwner.code.label("goods_owner_code"), GoodsOwner.api_access,
    )
    .join(GoodsOwner, ApiUser.goods_owner_id == GoodsOwner.id)
    .where(ApiUser.username == bindparam("username"))
)


def _load_api_user(source: Session | Connection | Engine, username: str) -> Account | None:
    row = _read_one(source, _API_USER_QUERY, username)
    if row is None:
        return None
    state = AccountState(
        enabled=bool(row["enabled"]),
        locked_until=as_utc(row["locked_until"]),
        goods_owner_id=row["goods_owner_id"],
        goods_owner_code=row["goods_owner_code"],
        goods_owner_api_access=bool(row["api_access"]),
    )
    return Account(
        "api", row["id"], row["username"], row["password_hash"], row["digest_secret_encrypted"],
        row["failed_logins"], state, bool(row["invoice_access"]),
    )


def _read_one(source: Session | Connection | Engine, statement: AnySelect, username: str) -> Mapping[str, Any] | None:
    if isinstance(source, Engine):
        return RawSelect.of(statement, source.dialect).one(source, {"username": username})
    row = source.execute(statement, {"username": username}).one_or_none()
    return dict(row._mapping) if row is not None else None
