"""Valid requests of every operation, mutated in their shape, never answer a Server fault (issue 13).

Each operation's request is the dense .NET-style one of ``tests/unit/test_request_shapes.py`` with a real API
user's credentials, sent through the goods-owner app (security edge, real handlers, the test database) after one
mutation: a nil or empty operation element (SOAP::Lite marks a parameterless call ``xsi:nil``), each argument nil,
empty, duplicated or missing, every value-type text replaced by one that cannot be read, odd attributes, the
operation element twice, or no operation element at all. A Client fault or an in-band error is a fine answer; a
Server fault (``Internal error``) is a bug. (Broader fuzzing of values and encodings belongs to issue 16.)
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from lxml import etree

from tests import factories
from tests.conftest import TEST_DATABASE_URL, TEST_SECRET_KEY, _reset_postgres, on_postgres
from tests.unit.test_request_shapes import dotnet_xml
from wms_soap.config import Settings, load_settings
from wms_soap.security import audit
from wms_soap.soap.primitives import TNS
from wms_soap.soap.service.contract import OPERATIONS, Operation
from wms_soap.soap.service.wsgi import create_goods_owner_app
from wms_soap.store.db import create_engine_for, make_session_factory, session_scope

PASSWORD = "mutations-Pass-1"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
UNREADABLE_VALUES = re.compile(r">(0|false|0001-01-01T00:00:00)<")
Mutation = Callable[[str, list[tuple[str, str]]], str]


@dataclass(frozen=True)
class Caller:
    app: Any
    credentials: dict[str, str]


@pytest.fixture(scope="module")
def caller(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Caller]:
    """One freshly migrated database and app for the module (as ``conftest.database_url`` makes them per test)."""
    data = tmp_path_factory.mktemp("mutations")
    if on_postgres():
        _reset_postgres(TEST_DATABASE_URL, request.getfixturevalue("_postgres_seed"))
        url = TEST_DATABASE_URL
    else:
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), data / "wms.sqlite3")
        url = f"sqlite:///{data / 'wms.sqlite3'}"
    settings: Settings = load_settings(env={"WMS_DATA_DIR": str(data / "var"), "WMS_DATABASE_URL": url,
                                            "WMS_SECRET_KEY": TEST_SECRET_KEY, "WMS_ANSWER_CACHE_MB": "0"})
    engine = create_engine_for(url)
    session_factory = make_session_factory(engine)
    with session_scope(session_factory) as session:
        owner = factories.make_goods_owner(session, code="MUT", warehouse=factories.make_warehouse(session))
        factories.make_api_user(session, owner, username="WSImut", password=PASSWORD, invoice_access=True)
        owner_id = owner.id
    credentials = {"GoodsOwnerCode": "MUT", "UserName": "WSImut", "Password": PASSWORD,
                   "GoodsOwnerId": str(owner_id)}
    try:
        yield Caller(create_goods_owner_app(settings, session_factory), credentials)
    finally:
        audit.flush_all()
        engine.dispose()


def _arguments(operation: Operation, credentials: dict[str, str]) -> list[tuple[str, str]]:
    """(name, element) of each argument of a valid request, in contract order."""
    return [(a.xml_name, f"<{a.xml_name}>{credentials[a.xml_name]}</{a.xml_name}>" if a.credential
             else dotnet_xml(a.xml_name, a.spyne_type, 0)) for a in operation.args]


def _operation(name: str, inner: str, attributes: str = "") -> str:
    return f'<{name} xmlns="{TNS}"{attributes}>{inner}</{name}>'


def _envelope(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{SOAP11}" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
            f"<soap:Body>{body}</soap:Body></soap:Envelope>").encode()


def _mutations(operation: Operation, args: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(what was done, the Body's content)."""
    name, valid = operation.name, "".join(element for _, element in args)
    yield "valid", _operation(name, valid)
    yield "nil operation element", f'<{name} xmlns="{TNS}" xsi:nil="true"/>'
    yield "empty operation element", f'<{name} xmlns="{TNS}"/>'
    yield "operation element twice", _operation(name, valid) * 2
    yield "no operation element", re.sub(r"^<(\w+)>", rf'<\1 xmlns="{TNS}">', valid)
    yield "unreadable values", _operation(name, UNREADABLE_VALUES.sub(">abc<", valid))
    yield "odd attributes", _operation(name, re.sub(r"<(\w+)>", r'<\1 odd="1" xml:lang="sv">', valid),
                                       ' odd="1" xmlns:x="urn:x" x:y="z"')
    for index, (arg, element) in enumerate(args):
        others = [e for i, (_, e) in enumerate(args) if i != index]
        before, after = "".join(others[:index]), "".join(others[index:])
        yield f"{arg} nil", _operation(name, f'{before}<{arg} xsi:nil="true"/>{after}')
        yield f"{arg} empty", _operation(name, f"{before}<{arg}/>{after}")
        yield f"{arg} twice", _operation(name, f"{before}{element}{element}{after}")
        yield f"{arg} missing", _operation(name, before + after)


def _post(app: Any, operation: str, body: bytes) -> tuple[str, bytes]:
    status: list[str] = []
    environ = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": "text/xml; charset=utf-8", "CONTENT_LENGTH": str(len(body)),
               "wsgi.input": io.BytesIO(body), "PATH_INFO": "/demo/service.asmx", "QUERY_STRING": "",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8080", "wsgi.url_scheme": "http",
               "REMOTE_ADDR": "127.0.0.1", "HTTP_SOAPACTION": f'"{TNS}/{operation}"'}
    answer = b"".join(app(environ, lambda code, headers: status.append(code)))
    return status[0], answer


def _server_fault(answer: bytes) -> str | None:
    """The fault string of a Server fault, if the answer is one (any answer must at least be well-formed)."""
    document = etree.fromstring(answer)
    code = document.findtext(f".//{{{SOAP11}}}Fault/faultcode")
    if code is not None and code.split(":")[-1].startswith("Server"):
        return document.findtext(f".//{{{SOAP11}}}Fault/faultstring") or "?"
    return None


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.name)
def test_no_request_shape_answers_a_server_fault(caller: Caller, operation: Operation) -> None:
    args = _arguments(operation, caller.credentials)
    failures = []
    for mutation, body in _mutations(operation, args):
        status, answer = _post(caller.app, operation.name, _envelope(body))
        fault = _server_fault(answer)
        if fault is not None or (status.startswith("5") and b"Fault" not in answer):
            failures.append(f"{mutation}: {status} {fault}")
        if mutation == "valid":
            assert status == "200 OK" or b"faultcode>soap:Client" in answer, answer[:500]
    assert not failures, "\n".join(failures)
