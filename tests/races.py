"""Two (or more) units of work started at the same moment on their own connections, as concurrent requests are."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from wms_soap.store.db import session_scope


def race(session_factory: sessionmaker[Session], work: Callable[[Session], Any], parties: int = 2) -> list[Any]:
    """Run ``work`` in ``parties`` threads released together, each in its own ``session_scope``; what each returned
    or raised, in the order they finished (the test asserts on it)."""
    barrier = threading.Barrier(parties)
    outcomes: list[Any] = []

    def run() -> None:
        barrier.wait()
        try:
            with session_scope(session_factory) as session:
                outcomes.append(work(session))
        except Exception as error:  # the test asserts on what came out
            outcomes.append(error)

    threads = [threading.Thread(target=run) for _ in range(parties)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
