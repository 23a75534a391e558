"""Every operation's answer is valid against the published schema even when handlers leave values unset.

For each operation a result is built with every complex member and list filled (a few levels deep) and every
primitive left ``None``: the output defaults must fill required value types, nillable ones must come out as
``xsi:nil``, the rest must be left out. The answers go through the real WSGI mount in-process (no sockets), are
validated against our XSD, and are read by a strict zeep client built from the reference WSDL.
"""

import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import zeep
from lxml import etree
from spyne import ComplexModel
from spyne.model.complex import Array, XmlAttribute

from wms_soap.security.principal import Principal
from wms_soap.soap.primitives import TNS
from wms_soap.soap.service.contract import OPERATIONS, Operation
from wms_soap.soap.service.wsgi import GoodsOwnerSoapApp

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "schema" / "service.xsd"
REFERENCE = REPO.parent / "shared" / "contract" / "ongoing-service-2024.wsdl"
PRINCIPAL = Principal(kind="api", user_id=1, username="WSI-test", goods_owner_id=1, goods_owner_code="TEST")
DEPTH = 3


def _orig(cls: Any) -> Any:
    return getattr(cls, "__orig__", None) or cls


def filled(cls: Any, depth: int = 0) -> Any:
    """An instance with every complex member and list filled down to DEPTH, primitives unset."""
    cls = _orig(cls)
    values: dict[str, Any] = {}
    for name, member in cls._type_info.items():
        if issubclass(member, XmlAttribute):
            values[name] = sorted(member.type.Attributes.values)[0]
        elif depth < DEPTH and issubclass(member, Array):
            item = next(iter(member._type_info.values()))
            values[name] = [filled(item, depth + 1)] if issubclass(_orig(item), ComplexModel) else [None]
        elif depth < DEPTH and issubclass(member, ComplexModel):
            one = filled(member, depth + 1)
            values[name] = [one] if member.Attributes.max_occurs > 1 else one
    return cls(**values)


def _result(operation: Operation) -> Any:
    if operation.result_type is None or not issubclass(_orig(operation.result_type), ComplexModel):
        return None
    return filled(operation.result_type)


@pytest.fixture(scope="module")
def app() -> GoodsOwnerSoapApp:
    handlers = {op.name: (lambda call, *args, op=op: _result(op)) for op in OPERATIONS}
    return GoodsOwnerSoapApp(SimpleNamespace(public_url="http://127.0.0.1:8080", warehouse="demo",  # type: ignore[arg-type]
                                             max_body_bytes=4 * 1024 * 1024, answer_cache_mb=0),
                             lambda: None, with_edge=False, handler_map=handlers,  # type: ignore[arg-type]
                             auth_hook=lambda ctx, operation: PRINCIPAL)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _call(app: GoodsOwnerSoapApp, operation: str) -> tuple[str, bytes]:
    body = (f'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><{operation} xmlns="{TNS}"/>'
            f"</s:Body></s:Envelope>").encode()
    status: list[str] = []
    environ = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": "text/xml; charset=utf-8", "CONTENT_LENGTH": str(len(body)),
               "wsgi.input": io.BytesIO(body), "PATH_INFO": "/demo/service.asmx", "QUERY_STRING": "",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8080", "wsgi.url_scheme": "http",
               "HTTP_SOAPACTION": f'"{TNS}/{operation}"'}
    answer = b"".join(app(environ, lambda code, headers: status.append(code)))
    return status[0], answer


@pytest.mark.parametrize("operation", [op.name for op in OPERATIONS])
def test_a_sparse_answer_is_schema_valid(app: GoodsOwnerSoapApp, schema: etree.XMLSchema, operation: str) -> None:
    status, envelope = _call(app, operation)
    assert status.startswith("200"), envelope
    answer = etree.fromstring(envelope).find("{http://schemas.xmlsoap.org/soap/envelope/}Body")[0]
    assert etree.QName(answer).localname == f"{operation}Response"
    schema.assertValid(answer)


@pytest.fixture(scope="module")
def reference_client() -> zeep.Client:
    return zeep.Client(str(REFERENCE), settings=zeep.Settings(strict=True))


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference contract (../shared) is absent")
@pytest.mark.parametrize("operation", [op.name for op in OPERATIONS])
def test_zeep_built_from_the_reference_parses_the_sparse_answer_strictly(
        app: GoodsOwnerSoapApp, reference_client: zeep.Client, operation: str) -> None:
    _, envelope = _call(app, operation)
    binding = reference_client.service._binding
    reply = SimpleNamespace(status_code=200, content=envelope, encoding="utf-8",
                            headers={"Content-Type": "text/xml; charset=utf-8"})
    binding.process_reply(reference_client, binding.get(operation), reply)  # raises on anything it cannot read
