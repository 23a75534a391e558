"""Every user set up in the warehouse system (the Automation API's GetUsers): API, automation and admin users."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.store.access import AdminUser, ApiUser, AutomationUser

USER_TYPES = ((ApiUser, "ApiUser"), (AutomationUser, "AutomationUser"), (AdminUser, "AdminUser"))


@dataclass(frozen=True)
class UserRow:
    user_id: int
    username: str
    user_type: str
    """``ApiUser``, ``AutomationUser`` or ``AdminUser``; ids are unique within one type only."""
    enabled: bool


def every_user(session: Session) -> list[UserRow]:
    """All users, by type and then username."""
    rows: list[UserRow] = []
    for model, user_type in USER_TYPES:
        found = session.execute(select(model.id, model.username, model.enabled).order_by(model.username))
        rows += [UserRow(user_id, username, user_type, enabled) for user_id, username, enabled in found]
    return rows
