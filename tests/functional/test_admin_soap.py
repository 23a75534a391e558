"""The admin SOAP service through zeep over HTTP: every operation, every rule, and who may call it.

These run against the admin service on its own address (``WMS_ADMIN_PORT``); the effect and e-mail tests use it at
``/admin/service.asmx`` of the main address.
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tests.functional.admin_support import (
    ADMIN_PASSWORD,
    AdminWorld,
    admin_client,
    fault,
    http_get,
    running_admin_only_server,
)
from tests.functional.security_helpers import envelope, post, security_header
from wms_soap.config import Settings
from wms_soap.services.access import rules as access

REPO = Path(__file__).resolve().parents[2]
TNS = "urn:wms-soap:admin:1"
XS = "http://www.w3.org/2001/XMLSchema"
STRONG = "Str0ng-Passw0rd-42"


@pytest.fixture
def world(settings: Settings, session_factory: Any) -> Iterator[AdminWorld]:
    with running_admin_only_server(settings, session_factory) as server:
        yield AdminWorld(server)


@pytest.fixture
def svc(world: AdminWorld) -> Any:
    return world.client


def _owner(svc: Any, code: str = "SHOP", *, allowed: bool = True) -> Any:
    owner = svc.CreateGoodsOwner(Code=code, Name=f"{code} Ltd")
    return svc.AllowApiAccess(GoodsOwnerId=owner.Id) if allowed else owner


def _api_user(svc: Any, owner_id: int, username: str = "WSIshop1", **extra: Any) -> Any:
    args: dict[str, Any] = {"GoodsOwnerId": owner_id, "Username": username, "Password": STRONG,
                            "Email": "dev@shop.example", "IntegrationType": "Magento"}
    args.update(extra)
    return svc.CreateApiUser(**args)


def _items(array: Any) -> list[Any]:
    """zeep answers an empty array result with None."""
    return list(array or [])


def _entries(page: Any) -> list[Any]:
    return list(page.Entries.AuditEntry) if page.Entries is not None else []


# -- the contract -------------------------------------------------------------------------------------------------

def test_the_wsdl_is_one_clean_schema_in_its_own_namespace(world: AdminWorld) -> None:
    status, document = http_get(f"{world.url}?wsdl")

    assert status == 200
    root = etree.fromstring(document)
    assert root.get("targetNamespace") == TNS
    (schema,) = root.iter(f"{{{XS}}}schema")
    elements = {e.get("name") for e in schema.findall(f"{{{XS}}}element")}
    assert "CreateApiUser" in elements and "CreateApiUserResponse" in elements
    assert "ApiUser" not in elements  # no global element per complex type
    named = {t.get("name") for t in schema.findall(f"{{{XS}}}complexType")}
    assert "CreateApiUser" not in named  # wrappers are inline
    assert {"ApiUser", "GoodsOwner", "AuditEntry"} <= named
    address = root.find(".//{http://schemas.xmlsoap.org/wsdl/soap/}address")
    assert address is not None and address.get("location") == world.url


def test_a_host_header_does_not_change_the_published_address(world: AdminWorld) -> None:
    _, document = http_get(f"{world.url}?wsdl", {"Host": "evil.example"})

    assert b"evil.example" not in document


# -- who may call ---------------------------------------------------------------------------------------------------

def test_a_call_without_credentials_is_refused(world: AdminWorld) -> None:
    response = post(world.url, envelope(f'<ListGoodsOwners xmlns="{TNS}"/>'))

    assert response.status == 500
    code, message = response.fault()
    assert code.endswith("AuthenticationFailed") and "Logon failed" in message


@pytest.mark.parametrize(("body", "expected"), [
    (f'<AllowApiAccess xmlns="{TNS}"/>', "GoodsOwnerId is required"),
    (f'<SetInvoiceAccess xmlns="{TNS}"><Username>WSIx</Username></SetInvoiceAccess>', "Allowed is required"),
    (f'<GetApiUser xmlns="{TNS}"><Username/></GetApiUser>', "Username is required"),
])
def test_missing_required_values_are_named(world: AdminWorld, body: str, expected: str) -> None:
    response = post(world.url, envelope(body, security_header(world.admin_username, ADMIN_PASSWORD)))

    assert response.status == 500
    code, message = response.fault()
    assert code.endswith("ValidationFailed") and expected in message


def test_a_wrong_password_is_refused(world: AdminWorld) -> None:
    with fault("authenticated"):
        admin_client(world.url, world.admin_username, "Wrong-Passw0rd-123").ListGoodsOwners()


def test_api_and_automation_users_are_refused(world: AdminWorld, svc: Any) -> None:
    owner = _owner(svc)
    _api_user(svc, owner.Id, "WSIapi1")
    svc.CreateAutomationUser(Username="lift1", Password=STRONG)

    for username in ("WSIapi1", "lift1"):
        with fault("authenticated"):
            admin_client(world.url, username, STRONG).ListGoodsOwners()


def test_a_disabled_admin_is_refused(world: AdminWorld, svc: Any) -> None:
    svc.CreateAdminUser(Username="second", Password=STRONG)
    admin_client(world.url, "second", STRONG).ListGoodsOwners()

    svc.DisableAdminUser(Username="second")

    with fault("authenticated"):
        admin_client(world.url, "second", STRONG).ListGoodsOwners()


# -- goods owners ------------------------------------------------------------------------------------------------------

def test_goods_owners_are_listed_with_access_state_and_user_count(svc: Any) -> None:
    shop = _owner(svc, "SHOP")
    svc.CreateGoodsOwner(Code="ERP", Name="Erp Ltd")
    _api_user(svc, shop.Id, "WSIa")
    _api_user(svc, shop.Id, "WSIb")

    listed = {o.Code: o for o in svc.ListGoodsOwners()}

    assert listed["SHOP"].ApiAccess is True and listed["SHOP"].ApiUserCount == 2
    assert listed["ERP"].ApiAccess is False and listed["ERP"].ApiUserCount == 0
    assert listed["ERP"].Name == "Erp Ltd"


def test_a_goods_owner_is_created_updated_allowed_and_revoked(svc: Any) -> None:
    created = svc.CreateGoodsOwner(Code="NEW", Name="New")
    assert created.ApiAccess is False and created.ApiUserCount == 0

    updated = svc.UpdateGoodsOwner(GoodsOwnerId=created.Id, Name="Renamed")
    assert updated.Name == "Renamed" and updated.Code == "NEW"
    svc.CreateGoodsOwner(Code="OLD")
    with fault("old", "taken", code="Conflict"):
        svc.UpdateGoodsOwner(GoodsOwnerId=created.Id, Code="old")
    assert svc.UpdateGoodsOwner(GoodsOwnerId=created.Id, Code="NEWER").Code == "NEWER"
    assert svc.AllowApiAccess(GoodsOwnerId=created.Id).ApiAccess is True
    assert svc.RevokeApiAccess(GoodsOwnerId=created.Id).ApiAccess is False


def test_goods_owner_codes_are_unique(svc: Any) -> None:
    svc.CreateGoodsOwner(Code="DUP")

    with fault("DUP", code="Conflict"):
        svc.CreateGoodsOwner(Code="DUP")


def test_an_unknown_goods_owner_is_named_in_the_fault(svc: Any) -> None:
    with fault("9999", "ListGoodsOwners", code="NotFound"):
        svc.AllowApiAccess(GoodsOwnerId=9999)


# -- integration types ----------------------------------------------------------------------------------------------

def test_integration_types_are_seeded_with_other_and_can_be_added(svc: Any) -> None:
    seeded = svc.ListIntegrationTypes()
    names = {t.Name for t in seeded}
    assert "Other" in names and len(names) > 3
    assert [t.IsOther for t in seeded if t.Name == "Other"] == [True]

    added = svc.AddIntegrationType(Name="Kobber ERP")

    assert added.Name == "Kobber ERP" and added.IsOther is False
    assert "Kobber ERP" in {t.Name for t in svc.ListIntegrationTypes()}
    with fault("Kobber ERP", code="Conflict"):
        svc.AddIntegrationType(Name="kobber erp")


# -- API users: rules -------------------------------------------------------------------------------------------------

def test_a_goods_owner_needs_api_access_before_users_are_created(svc: Any) -> None:
    owner = _owner(svc, "LOCKED", allowed=False)

    with fault("AllowApiAccess", code="Conflict"):
        _api_user(svc, owner.Id)


def test_api_usernames_start_with_wsi(svc: Any) -> None:
    owner = _owner(svc)

    with fault("WSI", code="ValidationFailed"):
        _api_user(svc, owner.Id, "shopuser")


def test_api_usernames_are_unique_whatever_the_case(svc: Any) -> None:
    owner = _owner(svc)
    _api_user(svc, owner.Id, "WSItaken")

    with fault("WSItaken", "taken", code="Conflict"):
        _api_user(svc, owner.Id, "WSItaken")
    with fault("wsiTAKEN", "taken", code="Conflict"):
        _api_user(svc, owner.Id, "wsiTAKEN")


def test_usernames_are_unique_across_automation_and_admin_users(world: AdminWorld, svc: Any) -> None:
    svc.CreateAutomationUser(Username="lift", Password=STRONG)

    with fault("lift", "taken", code="Conflict"):
        svc.CreateAdminUser(Username="lift", Password=STRONG)
    with fault(world.admin_username, "taken", code="Conflict"):
        svc.CreateAutomationUser(Username=world.admin_username, Password=STRONG)


def test_wsi_names_are_kept_for_api_users(svc: Any) -> None:
    with fault("WSI", "API users", code="ValidationFailed"):
        svc.CreateAutomationUser(Username="WSIlift", Password=STRONG)


def test_a_race_lost_at_the_database_is_a_conflict(svc: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    owner = _owner(svc)
    _api_user(svc, owner.Id, "WSIrace")
    monkeypatch.setattr(access, "username_taken", lambda session, username: False)  # as if both checked at once

    with fault("at the same time", "retry", code="Conflict"):
        _api_user(svc, owner.Id, "WSIrace")
    assert [u.Username for u in svc.ListApiUsers(GoodsOwnerId=owner.Id)] == ["WSIrace"]


def test_passwords_meet_the_policy(svc: Any) -> None:
    owner = _owner(svc)

    with fault("12", code="ValidationFailed"):
        _api_user(svc, owner.Id, Password="short")


def test_a_password_or_generate_password_is_needed(svc: Any) -> None:
    owner = _owner(svc)

    with fault("GeneratePassword", code="ValidationFailed"):
        _api_user(svc, owner.Id, Password=None)
    with fault("not both", code="ValidationFailed"):
        _api_user(svc, owner.Id, GeneratePassword=True)


@pytest.mark.parametrize("email", ["not-an-address", "a@b", "two@@shop.example", "sp ace@shop.example"])
def test_the_email_address_must_be_valid(svc: Any, email: str) -> None:
    owner = _owner(svc)

    with fault("e-mail", code="ValidationFailed"):
        _api_user(svc, owner.Id, Email=email)


def test_other_needs_a_name(svc: Any) -> None:
    owner = _owner(svc)

    with fault("Other", "needs a name", code="ValidationFailed"):
        _api_user(svc, owner.Id, IntegrationType="Other")


def test_an_unknown_integration_type_is_refused(svc: Any) -> None:
    owner = _owner(svc)

    with fault("NoSuchShop", "choose one of", "Magento", code="ValidationFailed"):
        _api_user(svc, owner.Id, IntegrationType="NoSuchShop")


def test_an_api_user_cannot_move_to_another_goods_owner(svc: Any) -> None:
    first, second = _owner(svc, "ONE"), _owner(svc, "TWO")
    _api_user(svc, first.Id, "WSImover")

    with fault("WSImover", "cannot move", "create a new API user", code="ValidationFailed"):
        svc.UpdateApiUser(Username="WSImover", GoodsOwnerId=second.Id)
    assert svc.GetApiUser(Username="WSImover").GoodsOwnerId == first.Id


# -- API users: operations --------------------------------------------------------------------------------------------

def test_create_api_user_with_other_and_defaults(svc: Any) -> None:
    owner = _owner(svc)

    result = _api_user(svc, owner.Id, "WSIother", IntegrationType="Other", IntegrationName="Your System")

    user = result.User
    assert user.Username == "WSIother" and user.GoodsOwnerId == owner.Id and user.GoodsOwnerCode == "SHOP"
    assert user.IntegrationType == "Other" and user.IntegrationName == "Your System"
    assert user.InvoiceAccess is False and user.Enabled is True and user.Locked is False
    assert user.HasDigestSecret is False
    assert result.GeneratedPassword is None
    assert result.CredentialsEmail.Requested is False and result.CredentialsEmail.Sent is False


def test_a_generated_password_is_returned_once_and_works(world: AdminWorld, svc: Any) -> None:
    owner = _owner(svc)

    result = _api_user(svc, owner.Id, "WSIgen", Password=None, GeneratePassword=True, DigestSecret="Digest-Secret-123")

    assert result.GeneratedPassword is not None and len(result.GeneratedPassword) >= 12
    assert result.User.HasDigestSecret is True
    assert world.api_user_can_log_on("WSIgen", result.GeneratedPassword)


def test_list_and_get_api_users(svc: Any) -> None:
    shop, erp = _owner(svc, "SHOP"), _owner(svc, "ERP")
    _api_user(svc, shop.Id, "WSIb")
    _api_user(svc, shop.Id, "WSIa")
    _api_user(svc, erp.Id, "WSIerp")

    assert [u.Username for u in svc.ListApiUsers(GoodsOwnerId=shop.Id)] == ["WSIa", "WSIb"]
    assert svc.GetApiUser(Username="WSIerp").GoodsOwnerCode == "ERP"
    with fault("WSInobody", code="NotFound"):
        svc.GetApiUser(Username="WSInobody")


def test_update_api_user_email_and_integration(svc: Any) -> None:
    owner = _owner(svc)
    _api_user(svc, owner.Id, "WSIupd")

    updated = svc.UpdateApiUser(Username="WSIupd", Email="new@shop.example", IntegrationType="Other",
                                IntegrationName="Home-made")

    assert updated.Email == "new@shop.example"
    assert updated.IntegrationType == "Other" and updated.IntegrationName == "Home-made"
    with fault("e-mail", code="ValidationFailed"):
        svc.UpdateApiUser(Username="WSIupd", Email="broken")


def test_set_and_reset_the_password(world: AdminWorld, svc: Any) -> None:
    owner = _owner(svc)
    _api_user(svc, owner.Id, "WSIpw")

    with fault("12", code="ValidationFailed"):
        svc.SetApiUserPassword(Username="WSIpw", Password="short")
    svc.SetApiUserPassword(Username="WSIpw", Password="An0ther-Passw0rd!")
    assert world.api_user_can_log_on("WSIpw", "An0ther-Passw0rd!")
    assert not world.api_user_can_log_on("WSIpw", STRONG)

    reset = svc.ResetApiUserPassword(Username="WSIpw")

    assert reset.GeneratedPassword and reset.User.Username == "WSIpw"
    assert world.api_user_can_log_on("WSIpw", reset.GeneratedPassword)
    assert not world.api_user_can_log_on("WSIpw", "An0ther-Passw0rd!")


def test_disable_enable_unlock_and_invoice_access(world: AdminWorld, svc: Any) -> None:
    owner = _owner(svc)
    _api_user(svc, owner.Id, "WSIstate")

    assert svc.DisableApiUser(Username="WSIstate").Enabled is False
    assert not world.api_user_can_log_on("WSIstate", STRONG)
    assert svc.EnableApiUser(Username="WSIstate").Enabled is True
    assert world.api_user_can_log_on("WSIstate", STRONG)

    world.lock_api_user("WSIstate")
    assert svc.GetApiUser(Username="WSIstate").Locked is True
    unlocked = svc.UnlockApiUser(Username="WSIstate")
    assert unlocked.Locked is False and unlocked.LockedUntil is None
    assert world.api_user_can_log_on("WSIstate", STRONG)

    assert svc.SetInvoiceAccess(Username="WSIstate", Allowed=True).InvoiceAccess is True
    assert svc.SetInvoiceAccess(Username="WSIstate", Allowed=False).InvoiceAccess is False


def test_delete_api_user(svc: Any) -> None:
    owner = _owner(svc)
    _api_user(svc, owner.Id, "WSIgone")

    assert svc.DeleteApiUser(Username="WSIgone") is None

    with fault("WSIgone", code="NotFound"):
        svc.GetApiUser(Username="WSIgone")
    with fault("WSIgone", code="NotFound"):
        svc.DeleteApiUser(Username="WSIgone")


# -- automation users ---------------------------------------------------------------------------------------------

def test_automation_user_lifecycle(world: AdminWorld, svc: Any) -> None:
    created = svc.CreateAutomationUser(Username="lift1", GeneratePassword=True, Email="ops@wh.example")
    assert created.User.Username == "lift1" and created.User.Email == "ops@wh.example"
    assert created.GeneratedPassword and world.automation_user_can_log_on("lift1", created.GeneratedPassword)
    svc.CreateAutomationUser(Username="lift2", Password=STRONG)
    assert [u.Username for u in svc.ListAutomationUsers()] == ["lift1", "lift2"]

    assert svc.DisableAutomationUser(Username="lift2").Enabled is False
    assert not world.automation_user_can_log_on("lift2", STRONG)
    assert svc.EnableAutomationUser(Username="lift2").Enabled is True
    reset = svc.ResetAutomationUserPassword(Username="lift2")
    assert world.automation_user_can_log_on("lift2", reset.GeneratedPassword)

    svc.DeleteAutomationUser(Username="lift2")
    assert [u.Username for u in svc.ListAutomationUsers()] == ["lift1"]
    with fault("lift2", "ListAutomationUsers", code="NotFound"):
        svc.EnableAutomationUser(Username="lift2")
    with fault("12", code="ValidationFailed"):
        svc.CreateAutomationUser(Username="lift3", Password="short")


# -- admin users ----------------------------------------------------------------------------------------------------

def test_admin_users_create_list_disable(world: AdminWorld, svc: Any) -> None:
    created = svc.CreateAdminUser(Username="second", Password=STRONG, Email="boss@wh.example")
    assert created.User.Enabled is True and created.GeneratedPassword is None

    assert [u.Username for u in svc.ListAdminUsers()] == sorted([world.admin_username, "second"])
    assert svc.DisableAdminUser(Username="second").Enabled is False
    with fault("your own", code="Conflict"):
        svc.DisableAdminUser(Username=world.admin_username)


def test_change_own_password(world: AdminWorld, svc: Any) -> None:
    with fault("CurrentPassword", code="ValidationFailed"):
        svc.ChangeOwnPassword(CurrentPassword="Not-The-Passw0rd", NewPassword="Brand-New-Passw0rd")
    with fault("12", code="ValidationFailed"):
        svc.ChangeOwnPassword(CurrentPassword=ADMIN_PASSWORD, NewPassword="short")

    svc.ChangeOwnPassword(CurrentPassword=ADMIN_PASSWORD, NewPassword="Brand-New-Passw0rd")

    admin_client(world.url, world.admin_username, "Brand-New-Passw0rd").ListAdminUsers()
    with fault("authenticated"):
        admin_client(world.url, world.admin_username, ADMIN_PASSWORD).ListAdminUsers()


# -- audit -----------------------------------------------------------------------------------------------------------

def test_every_change_is_audited_with_the_admin_who_made_it(world: AdminWorld, svc: Any) -> None:
    owner = _owner(svc)
    _api_user(svc, owner.Id, "WSIaudit")
    svc.SetInvoiceAccess(Username="WSIaudit", Allowed=True)

    page = svc.QueryAudit(Outcome="changed")

    operations = [e.Operation for e in _entries(page)]
    assert operations == ["SetInvoiceAccess", "CreateApiUser", "AllowApiAccess", "CreateGoodsOwner"]
    assert {e.Username for e in _entries(page)} == {world.admin_username}
    assert all(e.Face == "admin" for e in _entries(page))
    assert "WSIaudit" in _entries(page)[1].Detail and "SHOP" in _entries(page)[1].Detail
    assert _entries(page)[1].GoodsOwnerId == owner.Id
    assert _entries(page)[1].ClientAddress == "127.0.0.1"
    call_rows = _entries(svc.QueryAudit(Operation="CreateApiUser", Outcome="ok"))
    assert [row.RequestId for row in call_rows] == [_entries(page)[1].RequestId]
    assert STRONG not in "".join(e.Detail or "" for e in _entries(page))


def test_audit_filters_and_pages(world: AdminWorld, svc: Any) -> None:
    shop, erp = _owner(svc, "SHOP"), _owner(svc, "ERP")
    for n in range(3):
        _api_user(svc, shop.Id, f"WSIshop{n}")
    _api_user(svc, erp.Id, "WSIerp")
    with fault():
        admin_client(world.url, world.admin_username, "Wrong-Passw0rd-123").ListGoodsOwners()

    by_owner = svc.QueryAudit(GoodsOwnerId=shop.Id, Operation="CreateApiUser", Outcome="changed")
    assert by_owner.TotalCount == 3 and len(_entries(by_owner)) == 3
    first = svc.QueryAudit(Operation="CreateApiUser", Outcome="changed", Page=1, PageSize=2)
    second = svc.QueryAudit(Operation="CreateApiUser", Outcome="changed", Page=2, PageSize=2)
    assert first.TotalCount == second.TotalCount == 4
    assert len(_entries(first)) == 2 and len(_entries(second)) == 2
    assert {e.Id for e in _entries(first)}.isdisjoint({e.Id for e in _entries(second)})
    failed = svc.QueryAudit(Username=world.admin_username, Outcome="logon_failed")
    assert failed.TotalCount >= 1
    now = datetime.now(UTC)
    assert svc.QueryAudit(From=now + timedelta(hours=1)).TotalCount == 0
    assert svc.QueryAudit(From=now - timedelta(hours=1), To=now + timedelta(hours=1)).TotalCount >= 8
    with fault("PageSize", code="ValidationFailed"):
        svc.QueryAudit(PageSize=100000)


def test_a_refused_change_leaves_nothing_behind(svc: Any, world: AdminWorld) -> None:
    owner = _owner(svc)
    before = svc.QueryAudit(Outcome="changed").TotalCount

    with fault(code="ValidationFailed"):
        _api_user(svc, owner.Id, "WSIbad", Email="broken")

    assert _items(svc.ListApiUsers(GoodsOwnerId=owner.Id)) == []
    assert svc.QueryAudit(Outcome="changed").TotalCount == before
    assert svc.QueryAudit(Operation="CreateApiUser", Outcome="fault").TotalCount == 1



def test_the_committed_admin_wsdl_is_current(world: AdminWorld) -> None:
    _, served = http_get(f"{world.url}?wsdl")
    committed = (REPO / "wsdl" / "admin.wsdl").read_bytes()

    assert _without_address(committed) == _without_address(served), "wsdl/admin.wsdl is stale: run `wms-soap wsdl`"


def _without_address(document: bytes) -> bytes:
    root = etree.fromstring(document)
    for address in root.iter("{http://schemas.xmlsoap.org/wsdl/soap/}address"):
        address.set("location", "http://address.invalid/admin/service.asmx")
    return etree.tostring(root)
