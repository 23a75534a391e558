"""The access-control core: warehouses, goods owners, the users of every kind, integration types, the audit log and
the WS-Security nonce table.

Usernames are unique per table here (a unique index); that they are unique across every kind of user is a rule of
``services.access``. Every time is stored in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

USERNAME_LENGTH = 100
EMAIL_LENGTH = 254
CODE_LENGTH = 50
NAME_LENGTH = 200
PASSWORD_HASH_LENGTH = 255
OTHER_INTEGRATION = "Other"


def utc_now() -> datetime:
    return datetime.now(UTC)


class Warehouse(Base):
    """A physical site; ``code`` is the system name used in URLs."""

    __tablename__ = "warehouses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH), unique=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class GoodsOwner(Base):
    """A customer of the warehouse whose goods are stored; API users act for exactly one."""

    __tablename__ = "goods_owners"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH), unique=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"), index=True)
    api_access: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, onupdate=utc_now)

    warehouse: Mapped[Warehouse | None] = relationship()
    api_users: Mapped[list[ApiUser]] = relationship(back_populates="goods_owner")


class IntegrationType(Base):
    """A system an API user integrates from (a web shop or an ERP); ``Other`` needs a free name on the user."""

    __tablename__ = "integration_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    is_other: Mapped[bool] = mapped_column(Boolean, default=False)


class _Account:
    """Columns every kind of user has: a unique username, a password hash, and the lockout state."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(USERNAME_LENGTH), unique=True)
    password_hash: Mapped[str] = mapped_column(String(PASSWORD_HASH_LENGTH))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, onupdate=utc_now)


class ApiUser(_Account, Base):
    """A user of the goods-owner APIs (SOAP and REST), bound to one goods owner; the username starts with WSI."""

    __tablename__ = "api_users"

    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    email: Mapped[str] = mapped_column(String(EMAIL_LENGTH))
    integration_type_id: Mapped[int] = mapped_column(ForeignKey("integration_types.id"))
    integration_name: Mapped[str | None] = mapped_column(String(100))
    invoice_access: Mapped[bool] = mapped_column(Boolean, default=False)
    digest_secret_encrypted: Mapped[str | None] = mapped_column(Text)
    """The PasswordDigest secret, encrypted with the server key (``security.secretbox``); None = no digest logon."""

    goods_owner: Mapped[GoodsOwner] = relationship(back_populates="api_users")
    integration_type: Mapped[IntegrationType] = relationship()


class AutomationUser(_Account, Base):
    """A user of the Automation API (lifts, scanners, the warehouse side): sees every goods owner."""

    __tablename__ = "automation_users"

    email: Mapped[str | None] = mapped_column(String(EMAIL_LENGTH))


class AdminUser(_Account, Base):
    """A warehouse administrator (the admin service)."""

    __tablename__ = "admin_users"

    email: Mapped[str | None] = mapped_column(String(EMAIL_LENGTH))


class AuditEntry(Base):
    """One API call or one administrative change. Never a secret; no foreign keys, so rows outlive what they name."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
    face: Mapped[str] = mapped_column(String(20))
    username: Mapped[str | None] = mapped_column(String(200), index=True)
    goods_owner_id: Mapped[int | None] = mapped_column(Integer, index=True)
    operation: Mapped[str] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(String(30))
    duration_ms: Mapped[float] = mapped_column(Float, default=0.0)
    client_address: Mapped[str | None] = mapped_column(String(100))
    request_id: Mapped[str] = mapped_column(String(32), default="")
    detail: Mapped[str | None] = mapped_column(Text)
    operator: Mapped[str | None] = mapped_column(String(200))
    """The person an Automation API write named as operating the equipment (``...ByUser/UserName``)."""


class UsedNonce(Base):
    """A WS-Security nonce seen for a user; the primary key refuses a replay in every server process."""

    __tablename__ = "used_nonces"

    username: Mapped[str] = mapped_column(String(200), primary_key=True)
    nonce_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
