"""The access policy: which kind of user may log on to which face, and call which operation. The one place for it.

- API users work on the goods-owner faces (SOAP and REST) only, while enabled and while their goods owner is allowed
  API access; a GoodsOwnerCode/GoodsOwnerId in the request must name their own goods owner.
- Invoice operations need the API user's invoice access.
- Automation users work on the Automation face only; admin users on the admin face only.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from wms_soap.errors import PermissionDenied
from wms_soap.security.principal import Principal, PrincipalKind

Face = Literal["goods_owner", "rest", "automation", "admin"]

INVOICE_OPERATIONS = frozenset({"GetInvoicesByQuery", "GetInvoices", "ProcessInvoice"})
INVOICE_DENIED = "This API user is not allowed to see invoicing information"
# Operations of the goods-owner contract that carry no credentials at all.
ANONYMOUS_OPERATIONS = frozenset({"GetSystemStatus"})

_KIND_BY_FACE: dict[str, PrincipalKind] = {
    "goods_owner": "api",
    "rest": "api",
    "automation": "automation",
    "admin": "admin",
}


def kind_for_face(face: Face) -> PrincipalKind:
    """The only kind of user that may log on to ``face``."""
    return _KIND_BY_FACE[face]


@dataclass(frozen=True, slots=True)
class GoodsOwnerClaim:
    """The goods owner a request names (GoodsOwnerCode or GoodsOwnerId), if any."""

    code: str | None = None
    id: int | None = None

    @property
    def empty(self) -> bool:
        return self.code is None and self.id is None


@dataclass(frozen=True, slots=True)
class AccountState:
    """What the policy needs to know about an account, read fresh from the database on every call."""

    enabled: bool
    locked_until: datetime | None
    goods_owner_id: int | None = None
    goods_owner_code: str | None = None
    goods_owner_api_access: bool = True


def may_log_on(state: AccountState, now: datetime) -> bool:
    """Enabled, not locked, and (for API users) the goods owner is allowed API access."""
    locked = state.locked_until is not None and state.locked_until > now
    return state.enabled and not locked and state.goods_owner_api_access


def claim_matches(claim: GoodsOwnerClaim, state: AccountState) -> bool:
    """A named goods owner must be the account's own one (compared as ASMX's SQL Server would: case-insensitively)."""
    if claim.id is not None and claim.id != state.goods_owner_id:
        return False
    if claim.code is not None:
        return (state.goods_owner_code or "").strip().casefold() == claim.code.strip().casefold()
    return True


def check_operation(principal: Principal, operation: str) -> None:
    """Raise PermissionDenied when an authenticated principal may not call ``operation`` (an automation user sees the
    whole warehouse, invoices included)."""
    if principal.kind == "api" and operation in INVOICE_OPERATIONS and not principal.invoice_access:
        raise PermissionDenied(INVOICE_DENIED)
