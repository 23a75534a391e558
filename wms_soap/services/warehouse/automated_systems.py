"""Automated storage systems: which locations are a lift's (or AutoStore's, a shuttle's) in-, store- and
out-location, and which automation user controls it.

Each location serves at most one system in one role. A system with a controller accepts handled flags only from
that automation user; without one, from any automation user (one integration for the whole warehouse).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from wms_soap.security.principal import Principal
from wms_soap.services.access.operators import Actor
from wms_soap.services.inventory.stock import location as location_named
from wms_soap.store.access import AutomationUser
from wms_soap.store.automated_storage import ArticleItemInLocation, AutomatedSystem, MovementArticleItem
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.inventory import Location

Role = Literal["in", "store", "out"]
ROLE_COLUMNS = {"in": AutomatedSystem.in_location_id, "store": AutomatedSystem.store_location_id,
                "out": AutomatedSystem.out_location_id}


@dataclass(frozen=True)
class SystemInput:
    """A system as an administrator defines it (location codes; a missing location is created)."""

    code: str
    in_location: str
    store_location: str
    out_location: str
    name: str | None = None
    controller: str | None = None
    """The automation user's username, or None for any automation user."""


@dataclass(frozen=True)
class SystemView:
    system: AutomatedSystem
    in_location: str
    store_location: str
    out_location: str
    controller: str | None


def define_system(session: Session, data: SystemInput) -> SystemView:
    """Create the system, or change the locations, name and controller of the one with this code."""
    code = _required(data.code, "An automated system code")
    codes = [_required(c, "Each of the in-, store- and out-location") for c in
             (data.in_location, data.store_location, data.out_location)]
    if len(set(codes)) != 3:
        raise ValidationFailed("The in-, store- and out-location of an automated system must be three locations")
    claim_sqlite_writer(session, AutomatedSystem.__tablename__)
    system = session.scalars(select(AutomatedSystem).where(AutomatedSystem.code == code)).first()
    places = [location_named(session, c) for c in codes]
    _check_free(session, places, system)
    if system is None:
        system = AutomatedSystem(code=code, created_at=datetime.now(UTC))
        session.add(system)
    system.in_location_id, system.store_location_id, system.out_location_id = (p.id for p in places)
    system.name = data.name if data.name is not None else system.name
    system.controller_user_id = _controller_id(session, data.controller)
    session.flush()
    return view(session, system)


def _required(value: str | None, label: str) -> str:
    clean = (value or "").strip()
    if not clean:
        raise ValidationFailed(f"{label} is required")
    return clean


def _check_free(session: Session, places: list[Location], system: AutomatedSystem | None) -> None:
    ids = [p.id for p in places]
    taken = session.scalars(select(AutomatedSystem).where(
        or_(*(column.in_(ids) for column in ROLE_COLUMNS.values())),
        AutomatedSystem.id != (system.id if system is not None else -1))).first()
    if taken is not None:
        role, place = next((role, p) for p in places for role, column in ROLE_COLUMNS.items()
                           if getattr(taken, column.key) == p.id)
        raise Conflict(f"Location {place.code} is already the {role}-location of automated system {taken.code}")


def _controller_id(session: Session, username: str | None) -> int | None:
    if not (username or "").strip():
        return None
    user = session.scalars(select(AutomationUser).where(AutomationUser.username == username)).first()
    if user is None:
        raise NotFound(f"Automation user {username} was not found")
    return user.id


def list_systems(session: Session) -> list[SystemView]:
    return [view(session, s) for s in session.scalars(select(AutomatedSystem).order_by(AutomatedSystem.code))]


def view(session: Session, system: AutomatedSystem) -> SystemView:
    codes = {row[0]: row[1] for row in session.execute(select(Location.id, Location.code).where(Location.id.in_(
        [system.in_location_id, system.store_location_id, system.out_location_id])))}
    controller = session.get(AutomationUser, system.controller_user_id) if system.controller_user_id else None
    return SystemView(system, codes[system.in_location_id], codes[system.store_location_id],
                      codes[system.out_location_id], controller.username if controller else None)


def systems_by_location(session: Session, role: Role,
                        location_ids: Collection[int] | None = None) -> dict[int, AutomatedSystem]:
    """The systems whose ``role`` location is one of ``location_ids`` (all when None), by that location's id."""
    column = ROLE_COLUMNS[role]
    statement = select(AutomatedSystem)
    if location_ids is not None:
        statement = statement.where(column.in_(list(location_ids)))
    return {getattr(s, column.key): s for s in session.scalars(statement)}


class AlreadyHandled(Conflict):
    """Another call (another controller) marked it handled first."""


def claim_handled(session: Session, model: type[ArticleItemInLocation] | type[MovementArticleItem], row_id: int,
                  by: Actor, label: str) -> None:
    """Set the row's handled flag, once: a conditional update of a row still unhandled (PostgreSQL re-checks it
    after a concurrent commit; SQLite's writer lock serializes), so of two controllers exactly one succeeds."""
    claimed = session.execute(
        update(model).where(model.id == row_id, model.handled_at.is_(None))
        .values(handled_at=by.at, handled_by=by.principal.username, handled_operator=by.operator)
        .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise AlreadyHandled(f"{label} {row_id} was already handled")


def check_controller(system: AutomatedSystem, principal: Principal) -> None:
    """Only a system's controller (when it has one) may set its handled flags."""
    if system.controller_user_id is not None and system.controller_user_id != principal.user_id:
        raise PermissionDenied(f"Automated system {system.code} is controlled by another automation user: its "
                               "handled flags are not yours to set")
