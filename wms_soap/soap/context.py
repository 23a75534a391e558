"""The per-request context of the goods-owner SOAP face, kept in Spyne's ``ctx.udc``.

One request is one transaction: the session is opened lazily on first use, committed by the dispatcher when
the handler succeeds, rolled back on any error, and always closed by the WSGI mount when the response is done.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.store.db import begin_as_writer

if TYPE_CHECKING:
    from wms_soap.config import Settings
    from wms_soap.security.principal import Principal
    from wms_soap.soap.service.answer_cache import AnswerCache, CachedBody
    from wms_soap.store.answer_stamps import Stamp


@dataclass(frozen=True, slots=True)
class Credentials:
    """The credential arguments of the call as they came on the wire (any of them may be missing)."""

    user_name: str | None = None
    password: str | None = None
    goods_owner_code: str | None = None
    goods_owner_id: int | None = None

    def __repr__(self) -> str:  # never let a password reach a log line through a repr
        return f"Credentials(user_name={self.user_name!r}, goods_owner_code={self.goods_owner_code!r}, " \
               f"goods_owner_id={self.goods_owner_id!r})"


def new_request_id() -> str:
    """32 random hex digits (as a uuid4's hex, without building a UUID object on every request)."""
    return secrets.token_hex(16)


class RequestContext:
    """What one SOAP request carries through Spyne: configuration, the transaction, and who is calling."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session], *,
                 request_id: str | None = None, client_addr: str | None = None,
                 answers: AnswerCache | None = None, soap12: bool = False) -> None:
        self.settings = settings
        self.session_factory = session_factory
        self.request_id = request_id or new_request_id()
        self.client_addr = client_addr
        self.principal: Principal | None = None
        self.logon_failed = False
        self.credentials = Credentials()
        self.writes = False
        """Set by the dispatcher for operations that change data: their transaction begins as SQLite's writer."""
        self._session: Session | None = None
        self._answers = answers
        self._soap12 = soap12
        self.cached_body: CachedBody | None = None
        """The current cached answer found by ``answered_from_cache``: the serializer writes it as it is."""
        self.answer_to_file: tuple[Hashable, Stamp] | None = None
        """(key, stamp) under which the serializer files the answer it writes, after a cache miss."""

    def answered_from_cache(self, key: Hashable, read_stamp: Callable[[Engine], Stamp | None]) -> bool:
        """Whether the answer filed under ``key`` is current (then ``cached_body`` holds it and the handler builds
        nothing). ``read_stamp`` reads the answer's stamp first, before any data (see ``store.answer_stamps``); on a
        miss the answer the handler builds is filed under it. ``key`` must name the goods owner."""
        engine = self.session_factory.kw.get("bind")
        if self._answers is None or not isinstance(engine, Engine):
            return False
        stamp = read_stamp(engine)
        if stamp is None:
            return False
        full_key = (self._soap12, key)
        self.cached_body = self._answers.get(full_key, stamp)
        if self.cached_body is None:
            self.answer_to_file = (full_key, stamp)
        return self.cached_body is not None

    def file_answer(self, body: CachedBody) -> None:
        """Keep the answer just written, if the handler asked for it (called by the serializer)."""
        if self.answer_to_file is not None and self._answers is not None:
            key, stamp = self.answer_to_file
            self._answers.put(key, stamp, body)

    @property
    def session(self) -> Session:
        """The request's session, opened on first use; a writing operation's begins as SQLite's writer, so that no
        read-then-write can meet another connection's commit in between ("database is locked")."""
        if self._session is None:
            self._session = self.session_factory()
            if self.writes:
                begin_as_writer(self._session)
        return self._session

    def commit(self) -> None:
        if self._session is not None:
            self._session.commit()

    def rollback(self) -> None:
        if self._session is not None:
            self._session.rollback()

    def close(self) -> None:
        """End the request: whatever was not committed is rolled back."""
        if self._session is not None:
            session, self._session = self._session, None
            session.close()
