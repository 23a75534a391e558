"""BoundServer: bound (port known) before it serves; stop closes every channel and ends the loop thread."""

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

