"""One request or one command = one transaction: the unit of work of every face (SOAP, admin, REST, Automation, CLI,
demo).

    with UnitOfWork(session_factory, writes=True, caller=principal) as work:
        result = services.do_something(work.session, work.caller.goods_owner_id, ...)
        work.after_commit(lambda: send_mail(...))

A face that still reads from the session while it writes its answer (the SOAP faces: Spyne serializes after the
method returned) runs the work with ``work.run(func, *args)``, which commits or rolls back like leaving the block,
and closes the work itself when the answer is written (``work.close()``).

- the session is opened on first use of ``work.session``: work that needs no database costs no BEGIN and no COMMIT;
- work that may write (``writes=True``) begins as SQLite's writer (``store.db.begin_as_writer``), so that a
  read-then-write never meets another connection's commit in between ("database is locked");
- leaving the block commits; any exception rolls back and propagates; an ``IntegrityError`` (a race lost at a unique
  key after the rules said yes) propagates as ``Conflict``;
- after-commit hooks (a credentials e-mail) run only once the commit succeeded, never for rolled-back work;
- ``work.caller`` is who is calling, with the one rule for "the caller's goods owner".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.errors import AuthenticationFailed, Conflict
from wms_soap.security.principal import Principal
from wms_soap.store.db import begin_as_writer

RACE_LOST = ("Someone else made a conflicting change at the same time: look again and retry")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is calling: the authenticated principal (None for the CLI, the demo and anonymous operations)."""

    principal: Principal | None = None

    @property
    def goods_owner_id(self) -> int:
        """The goods owner an API user works for; anyone else has none here and is refused as a failed logon."""
        if self.principal is None or self.principal.goods_owner_id is None:
            raise AuthenticationFailed()
        return self.principal.goods_owner_id


NOBODY = Caller()
"""The caller of work nobody authenticated (yet): the CLI, the demo, a SOAP call before its logon."""


class UnitOfWork:
    """A lazily opened session, committed when the block succeeds and rolled back when it raises."""

    def __init__(self, session_factory: sessionmaker[Session], *, writes: bool = True,
                 caller: Principal | None = None, info: dict[str, Any] | None = None) -> None:
        self.session_factory = session_factory
        self.writes = writes
        self.caller = NOBODY if caller is None else Caller(caller)
        self.info = dict(info or {})
        """Kept in ``session.info`` (request id, client address) for whatever the session's events record."""
        self._session: Session | None = None
        self._after_commit: list[Callable[[], None]] = []

    @property
    def session(self) -> Session:
        if self._session is None:
            self._session = self.session_factory()
            self._session.info.update(self.info)
            if self.writes:
                begin_as_writer(self._session)
        return self._session

    def identify(self, principal: Principal | None) -> None:
        """Set the caller once it is authenticated (faces authenticate inside the unit of work)."""
        self.caller = NOBODY if principal is None else Caller(principal)

    def after_commit(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` once the work is committed (it must not need the database)."""
        self._after_commit.append(hook)

    def run(self, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)`` as this unit of work: committed when it returns, rolled back when it raises (a lost race as
        ``Conflict``), as when leaving the ``with`` block; the session stays open until ``close()``."""
        try:
            result = work(*args)
        except BaseException as error:
            self._fail(error)
            raise
        self.commit()
        return result

    def commit(self) -> None:
        """Commit the work done so far, then run the after-commit hooks; a lost race is a ``Conflict``."""
        if self._session is not None:
            try:
                self._session.commit()
            except IntegrityError as error:
                self.rollback()
                raise Conflict(RACE_LOST) from error
        hooks, self._after_commit = self._after_commit, []
        for hook in hooks:
            hook()

    def rollback(self) -> None:
        self._after_commit.clear()
        if self._session is not None:
            self._session.rollback()

    def _fail(self, error: BaseException) -> None:
        """Roll back after ``error``; a unique key lost to a concurrent transaction is raised as ``Conflict``."""
        self.rollback()
        if isinstance(error, IntegrityError):
            raise Conflict(RACE_LOST) from error

    def close(self) -> None:
        """End the work: whatever was not committed is rolled back."""
        self._after_commit.clear()
        if self._session is not None:
            session, self._session = self._session, None
            session.close()

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        try:
            if error is None:
                self.commit()
            else:
                self._fail(error)
        finally:
            self.close()
