"""Warehouse locations for the warehouse side (the Automation API's GetLocationsByQuery): each with whether it holds
stock and which automated system uses it in which role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import ValidationFailed
from wms_soap.services.warehouse.automated_systems import Role
from wms_soap.store.automated_storage import AutomatedSystem
from wms_soap.store.inventory import ArticleItem, Location

MAX_LOCATIONS = 10_000


@dataclass(frozen=True)
class LocationsQuery:
    location_ids: Sequence[int] = ()
    location_id: int | None = None
    name: str | None = None
    warehouse_id: int | None = None
    location_id_from: int | None = None
    only_free: bool = False
    max_locations: int | None = None
    unsupported: tuple[str, ...] = ()
    """Filters given that this server cannot apply (aisles, zones, location types are not modelled): refused."""


@dataclass(frozen=True)
class LocationView:
    location: Location
    is_free: bool
    system: AutomatedSystem | None
    role: Role | None


def query_locations(session: Session, query: LocationsQuery) -> list[LocationView]:
    """Locations matching ``query``, in id order."""
    if query.max_locations is not None and query.max_locations < 0:
        raise ValidationFailed("MaxLocationsToGet cannot be negative")
    if query.unsupported:
        raise ValidationFailed(f"This server cannot filter by {', '.join(query.unsupported)}")
    statement = select(Location)
    ids = [*query.location_ids, *([query.location_id] if query.location_id is not None else [])]
    if ids:
        statement = statement.where(Location.id.in_(ids))
    for column, value in ((Location.code, query.name), (Location.warehouse_id, query.warehouse_id)):
        if value is not None:
            statement = statement.where(column == value)
    if query.location_id_from is not None:
        statement = statement.where(Location.id >= query.location_id_from)
    stocked = select(ArticleItem.location_id).where(ArticleItem.number_of_items > 0)
    if query.only_free:
        statement = statement.where(Location.id.not_in(stocked))
    found = list(session.scalars(statement.order_by(Location.id).limit(query.max_locations or MAX_LOCATIONS)))
    full = set(session.scalars(stocked.where(ArticleItem.location_id.in_([f.id for f in found])).distinct()))
    roles = _roles(session)
    return [LocationView(f, f.id not in full, *roles.get(f.id, (None, None))) for f in found]


def _roles(session: Session) -> dict[int, tuple[AutomatedSystem, Role]]:
    roles: dict[int, tuple[AutomatedSystem, Role]] = {}
    for system in session.scalars(select(AutomatedSystem)):
        roles[system.in_location_id] = (system, "in")
        roles[system.store_location_id] = (system, "store")
        roles[system.out_location_id] = (system, "out")
    return roles
