"""One goods-owner SOAP call: the shared request context plus this face's answer cache (``answer_cache``)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.soap.context import CachedBody, RequestContext
from wms_soap.soap.service.answer_cache import AnswerCache

if TYPE_CHECKING:
    from wms_soap.config import Settings
    from wms_soap.store.answer_stamps import Stamp


class ServiceRequest(RequestContext):
    """A goods-owner call; its answer may come from, or go to, the answer cache of its SOAP version."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session], *,
                 client_addr: str | None = None, answers: AnswerCache | None = None, soap12: bool = False) -> None:
        super().__init__(settings, session_factory, client_addr=client_addr)
        self._answers = answers
        self._soap12 = soap12
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
