"""A replayed WS-Security nonce is refused by a second server process sharing the same database: the PostgreSQL run
proves it as production runs it, the SQLite run with two processes on one database file."""

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.functional.security_accounts import make_accounts
from tests.functional.security_helpers import envelope, operation, post, security_header
from tests.functional.server_process import service_url, start_server, stop_server

SECRET = "digest secret for two processes"


@pytest.fixture
def two_servers(settings: Any, database_url: str, session_factory: Any) -> Iterator[list[str]]:
    make_accounts(session_factory, settings.secret_key, "correct horse battery", SECRET)
    processes = [start_server(settings, database_url) for _ in range(2)]
    try:
        yield [service_url(process) for process in processes]
    finally:
        for process in processes:
            stop_server(process)


def test_replayed_nonce_is_refused_by_the_other_process(two_servers: list[str]) -> None:
    first, second = two_servers
    header = security_header("WSIdigest", SECRET, digest=True, nonce=os.urandom(16))
    request = envelope(operation("GetSystemStatus"), header)
    assert post(first, request).status == 200
    replay = post(second, request)
    assert replay.status == 500
    assert replay.fault()[0] == "wsse:FailedAuthentication"
    fresh = security_header("WSIdigest", SECRET, digest=True, nonce=os.urandom(16))
    assert post(second, envelope(operation("GetSystemStatus"), fresh)).status == 200
