"""Domain -> wire for the admin service: small named functions, one per wire type."""

from datetime import UTC, datetime
from typing import Any

from wms_soap.services.access import admin
from wms_soap.services.access.mail import IntegrationDetails, MailOutcome
from wms_soap.soap.admin import types as wire


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _locked_until(user: Any) -> datetime | None:
    until = _utc(user.locked_until)
    return until if until is not None and until > datetime.now(UTC) else None


def goods_owner(row: admin.GoodsOwnerRow) -> wire.GoodsOwner:
    owner = row.owner
    return wire.GoodsOwner(Id=owner.id, Code=owner.code, Name=owner.name or None, ApiAccess=bool(owner.api_access),
                           ApiUserCount=row.api_user_count,
                           WarehouseCode=owner.warehouse.code if owner.warehouse is not None else None)


def warehouse(row: admin.WarehouseRow) -> wire.Warehouse:
    return wire.Warehouse(Id=row.warehouse.id, Code=row.warehouse.code, Name=row.warehouse.name,
                          GoodsOwnerCount=row.goods_owner_count)


def integration_type(item: Any) -> wire.IntegrationType:
    return wire.IntegrationType(Id=item.id, Name=item.name, IsOther=admin.is_other(item))


def api_user(user: Any) -> wire.ApiUser:
    locked_until = _locked_until(user)
    return wire.ApiUser(
        Id=user.id, Username=user.username, GoodsOwnerId=user.goods_owner_id, GoodsOwnerCode=user.goods_owner.code,
        Email=user.email, IntegrationType=user.integration_type.name, IntegrationName=user.integration_name or None,
        InvoiceAccess=bool(user.invoice_access), Enabled=bool(user.enabled), Locked=locked_until is not None,
        LockedUntil=locked_until, HasDigestSecret=user.digest_secret_encrypted is not None,
        CreatedAt=_utc(user.created_at),
    )


def _account(cls: Any, user: Any) -> Any:
    locked_until = _locked_until(user)
    return cls(Id=user.id, Username=user.username, Email=getattr(user, "email", None) or None,
               Enabled=bool(user.enabled), Locked=locked_until is not None, LockedUntil=locked_until,
               CreatedAt=_utc(getattr(user, "created_at", None)))


def automation_user(user: Any) -> wire.AutomationUser:
    return _account(wire.AutomationUser, user)


def admin_user(user: Any) -> wire.AdminUser:
    return _account(wire.AdminUser, user)


def no_credentials_email() -> wire.CredentialsEmail:
    return wire.CredentialsEmail(Requested=False, Sent=False, PasswordIncluded=False)


def credentials_email(details: IntegrationDetails, outcome: MailOutcome) -> wire.CredentialsEmail:
    return wire.CredentialsEmail(Requested=True, Sent=outcome.sent, PasswordIncluded=details.password is not None,
                                 Recipient=details.recipient, Error=outcome.error)


def create_api_user_result(issued: admin.PasswordIssued) -> wire.CreateApiUserResult:
    return wire.CreateApiUserResult(User=api_user(issued.user), GeneratedPassword=issued.generated_password,
                                    CredentialsEmail=no_credentials_email())


def reset_api_user_password_result(issued: admin.PasswordIssued) -> wire.ResetApiUserPasswordResult:
    return wire.ResetApiUserPasswordResult(User=api_user(issued.user), GeneratedPassword=issued.generated_password,
                                           CredentialsEmail=no_credentials_email())


def automated_system(view: Any) -> wire.AutomatedSystem:
    return wire.AutomatedSystem(Code=view.system.code, Name=view.system.name, InLocation=view.in_location,
                                StoreLocation=view.store_location, OutLocation=view.out_location,
                                Controller=view.controller)


def audit_entry(entry: Any) -> wire.AuditEntry:
    return wire.AuditEntry(
        Id=entry.id, At=_utc(entry.at), Face=entry.face, Username=entry.username, GoodsOwnerId=entry.goods_owner_id,
        Operation=entry.operation, Outcome=entry.outcome, Detail=getattr(entry, "detail", None),
        ClientAddress=entry.client_address, RequestId=entry.request_id, Operator=getattr(entry, "operator", None),
    )


def audit_page(page: admin.AuditPage) -> wire.AuditPage:
    return wire.AuditPage(Entries=[audit_entry(e) for e in page.entries], Page=page.page, PageSize=page.page_size,
                          TotalCount=page.total)
