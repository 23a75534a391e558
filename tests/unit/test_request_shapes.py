"""Every operation reads a dense request written the way .NET's XmlSerializer writes it.

The request is generated from the contract types: every member present down a few levels, required value types
with their CLR defaults (``0``, ``false``, ``0001-01-01T00:00:00``, the first enum value), nillable ones as
``xsi:nil``, strings filled. The handler must be reached with the wrapper's arguments; nothing may fault.
"""

import io
from types import SimpleNamespace
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest
from spyne import ComplexModel
from spyne.model.complex import Array, XmlAttribute

from wms_soap.security.principal import Principal
from wms_soap.soap.primitives import TNS
from wms_soap.soap.service.contract import OPERATIONS, Operation
from wms_soap.soap.service.wsgi import GoodsOwnerSoapApp

PRINCIPAL = Principal(kind="api", user_id=1, username="WSI-test", goods_owner_id=1, goods_owner_code="TEST")
CLR_DEFAULTS = {"int": "0", "long": "0", "decimal": "0", "boolean": "false", "dateTime": "0001-01-01T00:00:00",
                "base64Binary": "AAE=", "string": "text"}
DEPTH = 3


def _orig(cls: Any) -> Any:
    return getattr(cls, "__orig__", None) or cls


def _enum_values(cls: Any) -> list[str]:
    return sorted(cls.Attributes.values or ())


def dotnet_xml(name: str, cls: Any, depth: int) -> str:
    """One element as XmlSerializer writes it."""
    if issubclass(cls, Array):
        item_name, item = next(iter(cls._type_info.items()))
        return f"<{name}>{dotnet_xml(item_name, item, depth + 1) if depth < DEPTH else ''}</{name}>"
    if issubclass(_orig(cls), ComplexModel):
        if depth >= DEPTH:
            return f'<{name} xsi:nil="true"/>' if cls.Attributes.nillable else ""
        return _complex_xml(name, _orig(cls), depth)
    if cls.Attributes.nillable and cls.Attributes.min_occurs == 1:
        return f'<{name} xsi:nil="true"/>'
    values = _enum_values(cls)
    return f"<{name}>{values[0] if values else CLR_DEFAULTS[cls.get_type_name()]}</{name}>"


def _complex_xml(name: str, cls: Any, depth: int) -> str:
    attributes, children = "", []
    for member_name, member in cls._type_info.items():
        if issubclass(member, XmlAttribute):
            attributes += f" {member_name}={quoteattr(_enum_values(member.type)[0])}"
        else:
            children.append(dotnet_xml(member_name, member, depth + 1))
    return f"<{name}{attributes}>{''.join(children)}</{name}>"


def request_envelope(operation: Operation) -> bytes:
    args = "".join(dotnet_xml(a.xml_name, a.spyne_type, 0) for a in operation.args)
    return ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
            f'<soap:Body><{operation.name} xmlns="{TNS}">{args}</{operation.name}></soap:Body></soap:Envelope>'
            ).encode()


@pytest.fixture(scope="module")
def received() -> dict[str, tuple[Any, ...]]:
    return {}


@pytest.fixture(scope="module")
def app(received: dict[str, tuple[Any, ...]]) -> GoodsOwnerSoapApp:
    def recorder(operation: str) -> Any:
        def record(call: Any, *args: Any) -> None:
            received[operation] = args

        return record

    return GoodsOwnerSoapApp(SimpleNamespace(public_url="http://127.0.0.1:8080", warehouse="demo",  # type: ignore[arg-type]
                                             max_body_bytes=4 * 1024 * 1024, answer_cache_mb=0),
                             lambda: None, with_edge=False,  # type: ignore[arg-type]
                             handler_map={op.name: recorder(op.name) for op in OPERATIONS},
                             auth_hook=lambda ctx, operation: PRINCIPAL)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.name)
def test_a_dense_dotnet_request_reaches_the_handler(app: GoodsOwnerSoapApp, received: dict[str, tuple[Any, ...]],
                                                    operation: Operation) -> None:
    body = request_envelope(operation)
    status: list[str] = []
    environ = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": "text/xml; charset=utf-8", "CONTENT_LENGTH": str(len(body)),
               "wsgi.input": io.BytesIO(body), "PATH_INFO": "/demo/service.asmx", "QUERY_STRING": "",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8080", "wsgi.url_scheme": "http",
               "HTTP_SOAPACTION": f'"{TNS}/{operation.name}"'}
    answer = b"".join(app(environ, lambda code, headers: status.append(code)))
    assert status == ["200 OK"], answer
    args = received.pop(operation.name)
    assert len(args) == len(operation.payload_args)
    for arg, value in zip(operation.payload_args, args, strict=True):
        if issubclass(_orig(arg.spyne_type), ComplexModel) and not issubclass(arg.spyne_type, Array):
            assert isinstance(value, _orig(arg.spyne_type)), f"{arg.xml_name} was not read"
