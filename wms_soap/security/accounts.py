"""Reading the account a username names, for one kind of user, in one indexed query."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeAlias

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from wms_soap.security.policy import AccountState
from wms_soap.security.principal import Principal, PrincipalKind
from wms_soap.store.access import AdminUser, ApiUser, AutomationUser, GoodsOwner

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


def load(session: Session | Connection, kind: PrincipalKind, username: str) -> Account | None:
    if kind == "api":
        return _load_api_user(session, username)
    model = MODEL_BY_KIND[kind]
    columns = (model.id, model.username, model.password_hash, model.enabled, model.locked_until, model.failed_logins)
    row = session.execute(select(*columns).where(model.username == username)).one_or_none()
    if row is None:
        return None
    state = AccountState(enabled=row.enabled, locked_until=as_utc(row.locked_until))
    return Account(kind, row.id, row.username, row.password_hash, None, row.failed_logins, state)


# Built once: the statement is compiled once and cached; plain columns avoid ORM object loading on every call.
_API_USER_QUERY = (
    select(
        ApiUser.id, ApiUser.username, ApiUser.password_hash, ApiUser.digest_secret_encrypted, ApiUser.enabled,
        ApiUser.locked_until, ApiUser.failed_logins, ApiUser.invoice_access,
        GoodsOwner.id.label("goods_owner_id"), GoodsOwner.code.label("goods_owner_code"), GoodsOwner.api_access,
    )
    .join(GoodsOwner, ApiUser.goods_owner_id == GoodsOwner.id)
    .where(ApiUser.username == bindparam("username"))
)


def _load_api_user(session: Session | Connection, username: str) -> Account | None:
    row = session.execute(_API_USER_QUERY, {"username": username}).one_or_none()
    if row is None:
        return None
    state = AccountState(
        enabled=row.enabled,
        locked_until=as_utc(row.locked_until),
        goods_owner_id=row.goods_owner_id,
        goods_owner_code=row.goods_owner_code,
        goods_owner_api_access=row.api_access,
    )
    return Account(
        "api", row.id, row.username, row.password_hash, row.digest_secret_encrypted,
        row.failed_logins, state, row.invoice_access,
    )
