"""The WSGI mount's own decisions: the published address and which requests get the WSDL."""

import dataclasses
import math
from pathlib import Path

import pytest

from wms_soap.config import load_settings
from wms_soap.soap.service.wsgi import GoodsOwnerSoapApp, service_url


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> GoodsOwnerSoapApp:
    settings = load_settings(env={"WMS_DATA_DIR": str(tmp_path_factory.mktemp("mount")),
                                  "WMS_DATABASE_URL": "sqlite://", "WMS_PUBLIC_URL": "https://wms.example/x"})
    return GoodsOwnerSoapApp(settings, None, with_edge=False)


@pytest.mark.parametrize(("public_url", "warehouse", "expected"), [
    ("http://127.0.0.1:8080", "demo", "http://127.0.0.1:8080/demo/service.asmx"),
    ("https://wms.example/base/", "Storex", "https://wms.example/base/Storex/service.asmx"),
    ("https://wms.example/custom/Service.asmx", "demo", "https://wms.example/custom/Service.asmx"),
])
def test_the_published_address(tmp_path: Path, public_url: str, warehouse: str, expected: str) -> None:
    settings = load_settings(env={"WMS_DATA_DIR": str(tmp_path), "WMS_DATABASE_URL": "sqlite://"})
    assert service_url(dataclasses.replace(settings, public_url=public_url, warehouse=warehouse)) == expected


@pytest.mark.parametrize(("method", "path", "query"), [
    ("GET", "/demo/service.asmx", "WSDL"), ("GET", "/service.asmx", "wsdl"), ("GET", "/demo/service.asmx", "wsdl=0"),
    ("GET", "/service.asmx.wsdl", ""),
])
def test_wsdl_requests_get_the_document_built_at_start_up(app: GoodsOwnerSoapApp, method: str, path: str,
                                                          query: str) -> None:
    seen: list[tuple[str, list[tuple[str, str]]]] = []
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "evil.example",
               "SERVER_NAME": "evil.example", "SERVER_PORT": "80", "wsgi.url_scheme": "http"}
    body = b"".join(app(environ, lambda status, headers: seen.append((status, headers))))
    assert body == app.wsdl
    assert b'location="https://wms.example/x/demo/service.asmx"' in body and b"evil" not in body
    assert seen[0][0] == "200 OK" and ("Content-Type", "text/xml; charset=utf-8") in seen[0][1]


def test_building_the_mount_turns_off_spynes_forced_collection(app: GoodsOwnerSoapApp) -> None:
    from spyne import const

    assert math.isinf(const.MIN_GC_INTERVAL)
