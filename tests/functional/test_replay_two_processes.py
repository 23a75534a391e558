"""A replayed WS-Security nonce is refused by a second server process sharing the same database: the PostgreSQL run
proves it as production runs it, the SQLite run with two processes on one database file."""

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.functional.security_accounts import make_accounts
from tests.functional.security_helpers import envelope, operation, post, security_header

SECRET = "digest secret for two processes"

SERVER = """
import sys, waitress
from wms_soap.app import create_app
from wms_soap.config import load_settings
settings = load_settings()
server = waitress.create_server(create_app(settings), host="127.0.0.1", port=0)
print(server.effective_port, flush=True)
server.run()
"""


def start_server(settings: Any, database_url: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "WMS_DATABASE_URL": database_url,
        "WMS_SECRET_KEY": settings.secret_key,
        "WMS_DATA_DIR": str(settings.data_dir),
        "WMS_WAREHOUSE": settings.warehouse or "",
    }
    return subprocess.Popen([sys.executable, "-c", SERVER], env=env, stdout=subprocess.PIPE, text=True)


@pytest.fixture
def two_servers(settings: Any, database_url: str, session_factory: Any) -> Iterator[list[str]]:
    make_accounts(session_factory, settings.secret_key, "correct horse battery", SECRET)
    processes = [start_server(settings, database_url) for _ in range(2)]
    try:
        urls = []
        for process in processes:
            assert process.stdout is not None
            urls.append(f"http://127.0.0.1:{int(process.stdout.readline())}/service.asmx")
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
            if process.stdout is not None:
                process.stdout.close()


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
