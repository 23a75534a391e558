"""The application factory: health answers, the schema check refuses an old database, unknown paths are 404."""

import json
import urllib.error
import urllib.request
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.app import create_app
from wms_soap.config import Settings
from wms_soap.errors import SchemaOutOfDate
from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import downgrade, upgrade


def call(app: Any, path: str, method: str = "GET") -> tuple[str, bytes]:
    seen: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"] = status

    body = b"".join(app({"PATH_INFO": path, "REQUEST_METHOD": method}, start_response))
    return seen["status"], body


def test_health_reports_database_and_version(settings: Settings, session_factory: sessionmaker[Session]) -> None:
    status, body = call(create_app(settings, session_factory=session_factory), "/health")
    assert status == "200 OK"
    assert json.loads(body) == {"status": "ok", "database": "ok", "version": "0.1.0"}


def test_health_is_503_when_the_database_is_gone(settings: Settings, session_factory: sessionmaker[Session]) -> None:
    app = create_app(settings, session_factory=session_factory)
    broken = make_session_factory(create_engine_for("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    app.routes["/health"].session_factory = broken  # type: ignore[attr-defined]
    status, body = call(app, "/health")
    assert status == "503 Service Unavailable"
    assert json.loads(body)["database"] == "unreachable"


def test_unknown_path_and_other_warehouse_are_404(settings: Settings, session_factory: sessionmaker[Session]) -> None:
    app = create_app(settings, session_factory=session_factory)
    assert call(app, "/nothing")[0] == "404 Not Found"
    assert call(app, "/otherwarehouse/service.asmx")[0] == "404 Not Found"


def test_refuses_a_schema_that_is_behind(settings: Settings, database_url: str) -> None:
    engine = create_engine_for(database_url)
    try:
        downgrade(engine, "-1")
        with pytest.raises(SchemaOutOfDate, match="wms-soap init"):
            create_app(settings, session_factory=make_session_factory(engine))
        upgrade(engine)
        create_app(settings, session_factory=make_session_factory(engine))
    finally:
        engine.dispose()


def test_live_server_answers_health_and_wsdl(live_server: Any) -> None:
    with urllib.request.urlopen(f"{live_server.base_url}/health", timeout=10) as response:
        assert json.loads(response.read())["status"] == "ok"
    with urllib.request.urlopen(f"{live_server.url}?wsdl", timeout=30) as response:
        assert live_server.url.encode() in response.read()
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{live_server.base_url}/nope", timeout=10)
    missing.value.close()
    assert missing.value.code == 404
