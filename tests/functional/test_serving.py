"""BoundServer: bound before it serves, and stops even when its wake-up pipe was closed underneath it."""

import os
import urllib.request
from typing import Any

from wms_soap.config import Settings
from wms_soap.serving import BoundServer


def hello(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
    return [b"hello"]


def test_serves_and_stops(settings: Settings) -> None:
    bound = BoundServer(settings, host="127.0.0.1", port=0, threads=1)
    assert bound.port > 0 and bound.url == f"http://127.0.0.1:{bound.port}"
    bound.mount(hello)
    bound.start()
    with urllib.request.urlopen(bound.url, timeout=10) as response:
        assert response.read() == b"hello"
    bound.stop()
    assert bound.server._map == {}


def test_stops_when_the_wake_up_pipe_is_gone(settings: Settings) -> None:
    bound = BoundServer(settings, host="127.0.0.1", port=0, threads=1)
    bound.start()
    os.close(bound.server.trigger.trigger)
    bound.stop()
    assert bound.server._map == {}
