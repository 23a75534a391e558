"""Wire types of the admin SOAP service: one clean schema in its own namespace.

Every field states its occurrence explicitly (Spyne's default is ``minOccurs=0 nillable=true``): value types that
are always present are ``minOccurs=1``, optional strings and objects ``minOccurs=0``, and only genuinely nullable
values (times that may be unknown) are nillable. The result: zeep, .NET and PHP generate small, tidy proxies.
"""

from typing import Any

from spyne import Array, Boolean, ComplexModel, DateTime, Integer32, Unicode

TNS = "urn:wms-soap:admin:1"


def required(model: Any) -> Any:
    """A field that is always present and never nil."""
    return model.customize(min_occurs=1, nillable=False)


def optional(model: Any) -> Any:
    """A field that may be left out, but is never nil when present."""
    return model.customize(min_occurs=0, nillable=False)


def nullable(model: Any) -> Any:
    """A field that is always present and may be nil (an unknown time)."""
    return model.customize(min_occurs=1, nillable=True)


class AdminModel(ComplexModel):
    __namespace__ = TNS


class GoodsOwner(AdminModel):
    """A goods owner as the administration page lists it."""

    _type_info = [
        ("Id", required(Integer32)),
        ("Code", required(Unicode)),
        ("Name", optional(Unicode)),
        ("ApiAccess", required(Boolean)),
        ("ApiUserCount", required(Integer32)),
        ("WarehouseCode", optional(Unicode)),
    ]


class Warehouse(AdminModel):
    """A warehouse (site): its code is the system name in URLs and requests; goods owners are stored in one."""

    _type_info = [
        ("Id", required(Integer32)),
        ("Code", required(Unicode)),
        ("Name", required(Unicode)),
        ("GoodsOwnerCount", required(Integer32)),
    ]


class IntegrationType(AdminModel):
    """A system an API user integrates (a web shop or an ERP); ``IsOther`` marks the free-name entry."""

    _type_info = [
        ("Id", required(Integer32)),
        ("Name", required(Unicode)),
        ("IsOther", required(Boolean)),
    ]


class ApiUser(AdminModel):
    """An API user of one goods owner (never its password nor its digest secret)."""

    _type_info = [
        ("Id", required(Integer32)),
        ("Username", required(Unicode)),
        ("GoodsOwnerId", required(Integer32)),
        ("GoodsOwnerCode", required(Unicode)),
        ("Email", required(Unicode)),
        ("IntegrationType", required(Unicode)),
        ("IntegrationName", optional(Unicode)),
        ("InvoiceAccess", required(Boolean)),
        ("Enabled", required(Boolean)),
        ("Locked", required(Boolean)),
        ("LockedUntil", nullable(DateTime)),
        ("HasDigestSecret", required(Boolean)),
        ("CreatedAt", nullable(DateTime)),
    ]


class AutomationUser(AdminModel):
    """An automation user: sees every goods owner on the Automation API."""

    _type_info = [
        ("Id", required(Integer32)),
        ("Username", required(Unicode)),
        ("Email", optional(Unicode)),
        ("Enabled", required(Boolean)),
        ("Locked", required(Boolean)),
        ("LockedUntil", nullable(DateTime)),
        ("CreatedAt", nullable(DateTime)),
    ]


class AdminUser(AdminModel):
    """A user of this admin service."""

    _type_info = [
        ("Id", required(Integer32)),
        ("Username", required(Unicode)),
        ("Email", optional(Unicode)),
        ("Enabled", required(Boolean)),
        ("Locked", required(Boolean)),
        ("LockedUntil", nullable(DateTime)),
        ("CreatedAt", nullable(DateTime)),
    ]


class CredentialsEmail(AdminModel):
    """What happened to the credentials e-mail: not requested, sent, or not sent and why."""

    _type_info = [
        ("Requested", required(Boolean)),
        ("Sent", required(Boolean)),
        ("PasswordIncluded", required(Boolean)),
        ("Recipient", optional(Unicode)),
        ("Error", optional(Unicode)),
    ]


class CreateApiUserResult(AdminModel):
    """The new user; the generated password (shown once) when one was asked for; the e-mail outcome."""

    _type_info = [
        ("User", required(ApiUser)),
        ("GeneratedPassword", optional(Unicode)),
        ("CredentialsEmail", required(CredentialsEmail)),
    ]


class ResetApiUserPasswordResult(AdminModel):
    _type_info = [
        ("User", required(ApiUser)),
        ("GeneratedPassword", required(Unicode)),
        ("CredentialsEmail", required(CredentialsEmail)),
    ]


class CreateAutomationUserResult(AdminModel):
    _type_info = [
        ("User", required(AutomationUser)),
        ("GeneratedPassword", optional(Unicode)),
    ]


class ResetAutomationUserPasswordResult(AdminModel):
    _type_info = [
        ("User", required(AutomationUser)),
        ("GeneratedPassword", required(Unicode)),
    ]


class CreateAdminUserResult(AdminModel):
    _type_info = [
        ("User", required(AdminUser)),
        ("GeneratedPassword", optional(Unicode)),
    ]


class AuditEntry(AdminModel):
    """One audited call or change; ``Username`` is who made it."""

    _type_info = [
        ("Id", required(Integer32)),
        ("At", required(DateTime)),
        ("Face", required(Unicode)),
        ("Username", optional(Unicode)),
        ("GoodsOwnerId", nullable(Integer32)),
        ("Operation", required(Unicode)),
        ("Outcome", required(Unicode)),
        ("Detail", optional(Unicode)),
        ("ClientAddress", optional(Unicode)),
        ("RequestId", optional(Unicode)),
        ("Operator", optional(Unicode)),
    ]


class AutomatedSystem(AdminModel):
    """A storage lift or other automated storage system: its in-, store- and out-location and, when set, the one
    automation user that controls it."""

    _type_info = [
        ("Code", required(Unicode)),
        ("Name", optional(Unicode)),
        ("InLocation", required(Unicode)),
        ("StoreLocation", required(Unicode)),
        ("OutLocation", required(Unicode)),
        ("Controller", optional(Unicode)),
    ]


ArrayOfAutomatedSystem = Array(AutomatedSystem.customize(nillable=False), type_name="ArrayOfAutomatedSystem")
ArrayOfGoodsOwner = Array(GoodsOwner.customize(nillable=False), type_name="ArrayOfGoodsOwner")
ArrayOfWarehouse = Array(Warehouse.customize(nillable=False), type_name="ArrayOfWarehouse")
ArrayOfIntegrationType = Array(IntegrationType.customize(nillable=False), type_name="ArrayOfIntegrationType")
ArrayOfApiUser = Array(ApiUser.customize(nillable=False), type_name="ArrayOfApiUser")
ArrayOfAutomationUser = Array(AutomationUser.customize(nillable=False), type_name="ArrayOfAutomationUser")
ArrayOfAdminUser = Array(AdminUser.customize(nillable=False), type_name="ArrayOfAdminUser")
ArrayOfAuditEntry = Array(AuditEntry.customize(nillable=False), type_name="ArrayOfAuditEntry")


class AuditPage(AdminModel):
    """One page of audit entries, newest first, and the number of entries that match in all."""

    _type_info = [
        ("Entries", required(ArrayOfAuditEntry)),
        ("Page", required(Integer32)),
        ("PageSize", required(Integer32)),
        ("TotalCount", required(Integer32)),
    ]
