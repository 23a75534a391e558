"""Failed-logon counters and the temporary lock, kept in the database so that every server process agrees.

Each change is one UPDATE statement in its own short transaction: it survives the request's rollback, and two
processes counting at once cannot lose an increment.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, update
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.security.accounts import MODEL_BY_KIND
from wms_soap.security.principal import PrincipalKind
from wms_soap.store.db import session_scope


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    threshold: int
    duration: timedelta


def record_failure(
    session_factory: sessionmaker[Session], kind: PrincipalKind, username: str, now: datetime, policy: LockoutPolicy
) -> None:
    """Count one more failure for ``username`` (nothing happens for an unknown name, at the same cost).

    Attempts while the lock holds are not counted: the cool-down ends on time, whatever the client keeps sending.
    """
    model = MODEL_BY_KIND[kind]
    lock_expired = (model.locked_until.is_not(None)) & (model.locked_until <= now)
    failures = case((lock_expired, 1), else_=model.failed_logins + 1)
    locked_until = case(
        (failures >= policy.threshold, now + policy.duration),
        (lock_expired, None),
        else_=model.locked_until,
    )
    with session_scope(session_factory) as session:
        session.execute(
            update(model)
            .where(model.username == username, model.locked_until.is_(None) | (model.locked_until <= now))
            .values(failed_logins=failures, locked_until=locked_until)
        )


def record_success(session_factory: sessionmaker[Session], kind: PrincipalKind, user_id: int) -> None:
    """A successful logon ends the run of consecutive failures."""
    reset(session_factory, kind, user_id)


def reset(session_factory: sessionmaker[Session], kind: PrincipalKind, user_id: int) -> None:
    model = MODEL_BY_KIND[kind]
    with session_scope(session_factory) as session:
        session.execute(update(model).where(model.id == user_id).values(failed_logins=0, locked_until=None))


def unlock(session: Session, kind: PrincipalKind, username: str) -> bool:
    """Clear the lock and the counter of ``username`` (the caller commits); False when there is no such user."""
    model = MODEL_BY_KIND[kind]
    result = session.execute(
        update(model).where(model.username == username).values(failed_logins=0, locked_until=None)
    )
    return bool(getattr(result, "rowcount", 0))
