"""Reading the account a username names, for one kind of user, in one indexed query."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeAlias, cast

from sqlalchemy import select
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


def load(session: Session, kind: PrincipalKind, username: str) -> Account | None:
    if kind == "api":
        return _load_api_user(session, username)
    model = MODEL_BY_KIND[kind]
    found = session.scalars(select(model).where(model.username == username)).one_or_none()
    user = cast(ApiUser | AutomationUser | AdminUser | None, found)
    if user is None:
        return None
    state = AccountState(enabled=user.enabled, locked_until=as_utc(user.locked_until))
    return Account(kind, user.id, user.username, user.password_hash, None, user.failed_logins, state)


def _load_api_user(session: Session, username: str) -> Account | None:
    row = session.execute(
        select(ApiUser, GoodsOwner).join(GoodsOwner, ApiUser.goods_owner_id == GoodsOwner.id)
        .where(ApiUser.username == username)
    ).one_or_none()
    if row is None:
        return None
    user, owner = row
    state = AccountState(
        enabled=user.enabled,
        locked_until=as_utc(user.locked_until),
        goods_owner_id=owner.id,
        goods_owner_code=owner.code,
        goods_owner_api_access=owner.api_access,
    )
    return Account(
        "api", user.id, user.username, user.password_hash, user.digest_secret_encrypted,
        user.failed_logins, state, user.invoice_access,
    )
