"""The admin SOAP service: one thin method per operation (wire -> ``services.admin`` -> wire).

Authentication, the transaction and the translation of domain errors into SOAP Client faults happen once, in
``AdminServiceBase.call_wrapper`` (``edge.py``); a method only converts and calls.
"""

from typing import Any

from spyne import Boolean, DateTime, Integer32, Unicode, rpc

from wms_soap.security import audit
from wms_soap.services.access import admin
from wms_soap.services.warehouse.automated_systems import SystemInput, list_systems
from wms_soap.soap.admin import convert
from wms_soap.soap.admin.edge import AdminServiceBase, call_of
from wms_soap.soap.admin.types import AdminUser as AdminUserType
from wms_soap.soap.admin.types import (
    ApiUser,
    ArrayOfAdminUser,
    ArrayOfApiUser,
    ArrayOfAutomatedSystem,
    ArrayOfAutomationUser,
    ArrayOfGoodsOwner,
    ArrayOfIntegrationType,
    ArrayOfWarehouse,
    AuditPage,
    AutomatedSystem,
    AutomationUser,
    CreateAdminUserResult,
    CreateApiUserResult,
    CreateAutomationUserResult,
    GoodsOwner,
    IntegrationType,
    ResetApiUserPasswordResult,
    ResetAutomationUserPasswordResult,
    Warehouse,
    optional,
    required,
)

Text = required(Unicode)
MaybeText = optional(Unicode)
Id = required(Integer32)
MaybeId = optional(Integer32)
Flag = optional(Boolean)
MaybeTime = optional(DateTime)


class AdminService(AdminServiceBase):
    """Goods owners' API access, API users, automation users, admin users and the audit log."""

    __service_name__ = "AdminService"

    # -- goods owners ------------------------------------------------------------------------------------------

    @rpc(_returns=required(ArrayOfGoodsOwner))
    def ListGoodsOwners(ctx: Any) -> Any:
        return [convert.goods_owner(row) for row in admin.list_goods_owners(call_of(ctx).session)]

    @rpc(Text, MaybeText, _args=("Code", "Name"), _returns=required(GoodsOwner))
    def CreateGoodsOwner(ctx: Any, code: str, name: str | None) -> Any:
        call = call_of(ctx)
        return convert.goods_owner(admin.create_goods_owner(call.session, call.actor, code=code, name=name))

    @rpc(Id, MaybeText, MaybeText, _args=("GoodsOwnerId", "Code", "Name"), _returns=required(GoodsOwner))
    def UpdateGoodsOwner(ctx: Any, goods_owner_id: int, code: str | None, name: str | None) -> Any:
        call = call_of(ctx)
        row = admin.update_goods_owner(call.session, call.actor, goods_owner_id, code=code, name=name)
        return convert.goods_owner(row)

    @rpc(Id, _args=("GoodsOwnerId",), _returns=required(GoodsOwner))
    def AllowApiAccess(ctx: Any, goods_owner_id: int) -> Any:
        call = call_of(ctx)
        return convert.goods_owner(admin.set_api_access(call.session, call.actor, goods_owner_id, allowed=True))

    @rpc(Id, _args=("GoodsOwnerId",), _returns=required(GoodsOwner))
    def RevokeApiAccess(ctx: Any, goods_owner_id: int) -> Any:
        call = call_of(ctx)
        return convert.goods_owner(admin.set_api_access(call.session, call.actor, goods_owner_id, allowed=False))

    @rpc(Id, Id, _args=("GoodsOwnerId", "WarehouseId"), _returns=required(GoodsOwner))
    def SetGoodsOwnerWarehouse(ctx: Any, goods_owner_id: int, warehouse_id: int) -> Any:
        call = call_of(ctx)
        return convert.goods_owner(admin.set_goods_owner_warehouse(call.session, call.actor, goods_owner_id,
                                                                   warehouse_id))

    # -- warehouses --------------------------------------------------------------------------------------------

    @rpc(_returns=required(ArrayOfWarehouse))
    def ListWarehouses(ctx: Any) -> Any:
        return [convert.warehouse(row) for row in admin.list_warehouses(call_of(ctx).session)]

    @rpc(Text, MaybeText, _args=("Code", "Name"), _returns=required(Warehouse))
    def CreateWarehouse(ctx: Any, code: str, name: str | None) -> Any:
        call = call_of(ctx)
        return convert.warehouse(admin.create_warehouse(call.session, call.actor, code=code, name=name))

    @rpc(Id, Text, _args=("WarehouseId", "Name"), _returns=required(Warehouse))
    def RenameWarehouse(ctx: Any, warehouse_id: int, name: str) -> Any:
        call = call_of(ctx)
        return convert.warehouse(admin.rename_warehouse(call.session, call.actor, warehouse_id, name))

    # -- integration types -------------------------------------------------------------------------------------

    @rpc(_returns=required(ArrayOfIntegrationType))
    def ListIntegrationTypes(ctx: Any) -> Any:
        return [convert.integration_type(t) for t in admin.list_integration_types(call_of(ctx).session)]

    @rpc(Text, _args=("Name",), _returns=required(IntegrationType))
    def AddIntegrationType(ctx: Any, name: str) -> Any:
        call = call_of(ctx)
        return convert.integration_type(admin.add_integration_type(call.session, call.actor, name))

    # -- API users ---------------------------------------------------------------------------------------------

    @rpc(Id, Text, MaybeText, Flag, Text, Text, MaybeText, Flag, MaybeText, Flag, Flag,
         _args=("GoodsOwnerId", "Username", "Password", "GeneratePassword", "Email", "IntegrationType",
                "IntegrationName", "InvoiceAccess", "DigestSecret", "SendCredentials", "IncludePasswordInEmail"),
         _returns=required(CreateApiUserResult))
    def CreateApiUser(ctx: Any, goods_owner_id: int, username: str, password: str | None, generate: bool | None,
                      email: str, integration_type: str, integration_name: str | None, invoice_access: bool | None,
                      digest_secret: str | None, send: bool | None, include_password: bool | None) -> Any:
        call = call_of(ctx)
        new_user = admin.NewApiUser(
            goods_owner_id=goods_owner_id, username=username, password=password, generate_password=bool(generate),
            email=email, integration_type=integration_type, integration_name=integration_name,
            invoice_access=bool(invoice_access), digest_secret=digest_secret,
        )
        created = admin.create_api_user(call.session, call.actor, new_user, settings=call.settings)
        result = convert.create_api_user_result(created)
        call.send_credentials_after_commit(result, created, send=bool(send), include_password=bool(include_password))
        return result

    @rpc(Id, _args=("GoodsOwnerId",), _returns=required(ArrayOfApiUser))
    def ListApiUsers(ctx: Any, goods_owner_id: int) -> Any:
        return [convert.api_user(u) for u in admin.list_api_users(call_of(ctx).session, goods_owner_id)]

    @rpc(Text, _args=("Username",), _returns=required(ApiUser))
    def GetApiUser(ctx: Any, username: str) -> Any:
        return convert.api_user(admin.get_api_user(call_of(ctx).session, username))

    @rpc(Text, MaybeText, MaybeText, MaybeText, MaybeId,
         _args=("Username", "Email", "IntegrationType", "IntegrationName", "GoodsOwnerId"), _returns=required(ApiUser))
    def UpdateApiUser(ctx: Any, username: str, email: str | None, integration_type: str | None,
                      integration_name: str | None, goods_owner_id: int | None) -> Any:
        call = call_of(ctx)
        change = admin.ApiUserChange(email=email, integration_type=integration_type,
                                     integration_name=integration_name, goods_owner_id=goods_owner_id)
        return convert.api_user(admin.update_api_user(call.session, call.actor, username, change))

    @rpc(Text, Text, _args=("Username", "Password"), _returns=required(ApiUser))
    def SetApiUserPassword(ctx: Any, username: str, password: str) -> Any:
        call = call_of(ctx)
        user = admin.set_api_user_password(call.session, call.actor, username, password, settings=call.settings)
        return convert.api_user(user)

    @rpc(Text, Flag, Flag, _args=("Username", "SendCredentials", "IncludePasswordInEmail"),
         _returns=required(ResetApiUserPasswordResult))
    def ResetApiUserPassword(ctx: Any, username: str, send: bool | None, include_password: bool | None) -> Any:
        call = call_of(ctx)
        created = admin.reset_api_user_password(call.session, call.actor, username, settings=call.settings)
        result = convert.reset_api_user_password_result(created)
        call.send_credentials_after_commit(result, created, send=bool(send), include_password=bool(include_password))
        return result

    @rpc(Text, _args=("Username",), _returns=required(ApiUser))
    def EnableApiUser(ctx: Any, username: str) -> Any:
        call = call_of(ctx)
        return convert.api_user(admin.set_api_user_enabled(call.session, call.actor, username, enabled=True))

    @rpc(Text, _args=("Username",), _returns=required(ApiUser))
    def DisableApiUser(ctx: Any, username: str) -> Any:
        call = call_of(ctx)
        return convert.api_user(admin.set_api_user_enabled(call.session, call.actor, username, enabled=False))

    @rpc(Text, _args=("Username",), _returns=required(ApiUser))
    def UnlockApiUser(ctx: Any, username: str) -> Any:
        call = call_of(ctx)
        return convert.api_user(admin.unlock_api_user(call.session, call.actor, username))

    @rpc(Text, required(Boolean), _args=("Username", "Allowed"), _returns=required(ApiUser))
    def SetInvoiceAccess(ctx: Any, username: str, allowed: bool | None) -> Any:
        call = call_of(ctx)
        return convert.api_user(admin.set_invoice_access(call.session, call.actor, username, allowed=allowed))

    @rpc(Text, _args=("Username",))
    def DeleteApiUser(ctx: Any, username: str) -> None:
        call = call_of(ctx)
        admin.delete_api_user(call.session, call.actor, username)

    # -- automation users --------------------------------------------------------------------------------------

    @rpc(Text, MaybeText, Flag, MaybeText, _args=("Username", "Password", "GeneratePassword", "Email"),
         _returns=required(CreateAutomationUserResult))
    def CreateAutomationUser(ctx: Any, username: str, password: str | None, generate: bool | None,
                             email: str | None) -> Any:
        call = call_of(ctx)
        new_account = admin.NewAccount(username=username, password=password, generate_password=bool(generate),
                                       email=email)
        created = admin.create_account(call.session, call.actor, "automation", new_account, settings=call.settings)
        return CreateAutomationUserResult(User=convert.automation_user(created.user),
                                          GeneratedPassword=created.generated_password)

    @rpc(_returns=required(ArrayOfAutomationUser))
    def ListAutomationUsers(ctx: Any) -> Any:
        return [convert.automation_user(u) for u in admin.list_accounts(call_of(ctx).session, "automation")]

    @rpc(Text, _args=("Username",), _returns=required(AutomationUser))
    def EnableAutomationUser(ctx: Any, username: str) -> Any:
        call = call_of(ctx)
        user = admin.set_account_enabled(call.session, call.actor, "automation", username, enabled=True)
        return convert.automation_user(user)

    @rpc(Text, _args=("Username",), _returns=required(AutomationUser))
    def DisableAutomationUser(ctx: Any, username: str) -> Any:
        call = call_of(ctx)
        user = admin.set_account_enabled(call.session, call.actor, "automation", username, enabled=False)
        return convert.automation_user(user)

    @rpc(Text, _args=("Username",), _returns=required(ResetAutomationUserPasswordResult))
    def ResetAutomationUserPassword(ctx: Any, username: str) -> Any:
        call = call_of(ctx)
        reset = admin.reset_account_password(call.session, call.actor, "automation", username,
                                             settings=call.settings)
        return ResetAutomationUserPasswordResult(User=convert.automation_user(reset.user),
                                                 GeneratedPassword=reset.generated_password)

    @rpc(Text, _args=("Username",))
    def DeleteAutomationUser(ctx: Any, username: str) -> None:
        call = call_of(ctx)
        admin.delete_account(call.session, call.actor, "automation", username)

    # -- automated systems (storage lifts) ---------------------------------------------------------------------

    @rpc(Text, Text, Text, Text, MaybeText, MaybeText,
         _args=("Code", "InLocation", "StoreLocation", "OutLocation", "Name", "Controller"),
         _returns=required(AutomatedSystem))
    def DefineAutomatedSystem(ctx: Any, code: str, in_location: str, store_location: str, out_location: str,
                              name: str | None, controller: str | None) -> Any:
        call = call_of(ctx)
        data = SystemInput(code, in_location, store_location, out_location, name=name, controller=controller)
        return convert.automated_system(admin.define_automated_system(call.session, call.actor, data))

    @rpc(_returns=required(ArrayOfAutomatedSystem))
    def ListAutomatedSystems(ctx: Any) -> Any:
        return [convert.automated_system(view) for view in list_systems(call_of(ctx).session)]

    # -- admin users -------------------------------------------------------------------------------------------

    @rpc(Text, MaybeText, Flag, MaybeText, _args=("Username", "Password", "GeneratePassword", "Email"),
         _returns=required(CreateAdminUserResult))
    def CreateAdminUser(ctx: Any, username: str, password: str | None, generate: bool | None,
                        email: str | None) -> Any:
        call = call_of(ctx)
        new_account = admin.NewAccount(username=username, password=password, generate_password=bool(generate),
                                       email=email)
        created = admin.create_account(call.session, call.actor, "admin", new_account, settings=call.settings)
        return CreateAdminUserResult(User=convert.admin_user(created.user),
                                     GeneratedPassword=created.generated_password)

    @rpc(_returns=required(ArrayOfAdminUser))
    def ListAdminUsers(ctx: Any) -> Any:
        return [convert.admin_user(u) for u in admin.list_accounts(call_of(ctx).session, "admin")]

    @rpc(Text, _args=("Username",), _returns=required(AdminUserType))
    def DisableAdminUser(ctx: Any, username: str) -> Any:
        call = call_of(ctx)
        return convert.admin_user(admin.set_account_enabled(call.session, call.actor, "admin", username,
                                                            enabled=False))

    @rpc(Text, Text, _args=("CurrentPassword", "NewPassword"))
    def ChangeOwnPassword(ctx: Any, current_password: str, new_password: str) -> None:
        call = call_of(ctx)
        admin.change_own_password(call.session, call.actor, current_password, new_password, settings=call.settings)

    # -- audit -------------------------------------------------------------------------------------------------

    @rpc(MaybeText, MaybeId, MaybeText, MaybeText, MaybeTime, MaybeTime, optional(Integer32), optional(Integer32),
         _args=("Username", "GoodsOwnerId", "Operation", "Outcome", "From", "To", "Page", "PageSize"),
         _returns=required(AuditPage))
    def QueryAudit(ctx: Any, username: str | None, goods_owner_id: int | None, operation: str | None,
                   outcome: str | None, since: Any, until: Any, page: int | None, page_size: int | None) -> Any:
        query = admin.AuditQuery(username=username, goods_owner_id=goods_owner_id, operation=operation,
                                 outcome=outcome, since=since, until=until, page=page or 1,
                                 page_size=page_size or admin.DEFAULT_PAGE_SIZE)
        audit.flush_all()  # the goods-owner face's rows still queued in this process (security.audit.AuditWriter)
        return convert.audit_page(admin.query_audit(call_of(ctx).session, query))
