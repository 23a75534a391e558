"""The hardened edge: DTDs, empty and malformed bodies, depth and size limits, SOAPAction, mustUnderstand,
opaque Server faults with a request id, and no secret in any log line (raw HTTP against a real waitress)."""

import dataclasses
import io
import logging
from collections.abc import Iterable
from typing import Any

import pytest

from tests.functional.security_helpers import WSI, envelope, operation, post, security_header
from wms_soap.soap.auth import harden_wsgi
from wms_soap.soap.service.wsgi import GoodsOwnerSoapApp

SECRET_FILE_TEXT = "TOP-SECRET-CONTENT"
STATUS = operation("GetSystemStatus")


@pytest.fixture
def settings(settings: Any) -> Any:
    return dataclasses.replace(settings, max_body_bytes=64 * 1024)


def assert_client_fault(response: Any, code: str) -> None:
    assert response.status == 500
    assert response.content_type.startswith("text/xml")
    faultcode, _ = response.fault()
    assert faultcode.endswith(code), faultcode


def test_baseline_call_works(live_server: Any) -> None:
    assert post(live_server.url, envelope(STATUS)).status == 200


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{path}">]>',
        '<!DOCTYPE r [<!ENTITY % p SYSTEM "file://{path}"> %p;]>',
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        '<!DOCTYPE r [<!ENTITY i "internal">]>',
    ],
    ids=["file-xxe", "parameter-entity", "billion-laughs", "internal-entity"],
)
def test_any_dtd_is_a_client_fault(live_server: Any, tmp_path: Any, prolog: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_FILE_TEXT)
    body = envelope(operation("GetSystemStatus")).replace(
        b"?>", b"?>" + prolog.format(path=secret).encode(), 1
    ).replace(b"<tns:GetSystemStatus></tns:GetSystemStatus>", b"<tns:GetSystemStatus>&xxe;</tns:GetSystemStatus>")
    response = post(live_server.url, body)
    assert_client_fault(response, "Client.DTDNotAllowed")
    assert SECRET_FILE_TEXT.encode() not in response.body


def test_empty_body_is_a_soap_fault_not_plain_text(live_server: Any) -> None:
    assert_client_fault(post(live_server.url, b""), "Client.EmptyRequest")


def test_empty_soap_body_is_a_client_fault(live_server: Any) -> None:
    assert_client_fault(post(live_server.url, envelope("")), "Client.EmptyRequest")


@pytest.mark.parametrize("body", [b"<notxml", b"plain text", b"<a><b></a>"])
def test_malformed_xml_is_a_soap_fault(live_server: Any, body: bytes) -> None:
    assert_client_fault(post(live_server.url, body), "Client.XMLSyntaxError")


def test_nesting_depth_is_limited(live_server: Any) -> None:
    deep = "<x>" * 300 + "</x>" * 300
    response = post(live_server.url, envelope(f"<tns:GetSystemStatus>{deep}</tns:GetSystemStatus>"))
    faultcode, faultstring = response.fault()
    assert response.status == 500 and faultcode.endswith("Client.XMLSyntaxError")
    assert "depth" in faultstring.lower()


@pytest.mark.parametrize("chunked", [False, True])
def test_body_over_the_limit_is_413(live_server: Any, chunked: bool) -> None:
    padding = "x" * (live_server.settings.max_body_bytes + 10)
    body = envelope(f"<tns:GetSystemStatus><tns:Pad>{padding}</tns:Pad></tns:GetSystemStatus>")
    assert post(live_server.url, body, chunked=chunked).status == 413


def call_wsgi(app: Any, body: bytes, *, content_length: bool = True) -> tuple[str, bytes]:
    environ = {
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": "text/xml; charset=utf-8",
        "wsgi.input": io.BytesIO(body),
        "PATH_INFO": "/service.asmx",
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "REMOTE_ADDR": "127.0.0.1",
    }
    if content_length:
        environ["CONTENT_LENGTH"] = str(len(body))
    status: list[str] = []

    def start_response(line: str, headers: Iterable[tuple[str, str]], exc_info: Any = None) -> None:
        status.append(line)

    data = b"".join(app(environ, start_response))
    return status[0], data


@pytest.mark.parametrize("content_length", [True, False])
def test_the_app_itself_refuses_oversize_bodies_outside_waitress(
    settings: Any, session_factory: Any, content_length: bool
) -> None:
    app = harden_wsgi(GoodsOwnerSoapApp(settings, session_factory), settings)
    body = envelope(f"<tns:GetSystemStatus><tns:Pad>{'x' * settings.max_body_bytes}</tns:Pad></tns:GetSystemStatus>")
    status, _ = call_wsgi(app, body, content_length=content_length)
    assert status.startswith("413")


def test_soap_action_naming_another_operation_is_refused(live_server: Any) -> None:
    response = post(live_server.url, envelope(STATUS), action=f"{WSI}/GetOrder")
    assert_client_fault(response, "Client.SOAPActionMismatch")


@pytest.mark.parametrize("action", [f"{WSI}/GetSystemStatus", "GetSystemStatus", ""])
def test_matching_or_empty_soap_action_is_accepted(live_server: Any, action: str) -> None:
    assert post(live_server.url, envelope(STATUS), action=action).status == 200


def test_soap12_action_parameter_is_checked(live_server: Any) -> None:
    ok = post(live_server.url, envelope(STATUS, soap12=True), soap12=True, action=f"{WSI}/GetSystemStatus")
    assert ok.status == 200
    refused = post(live_server.url, envelope(STATUS, soap12=True), soap12=True, action=f"{WSI}/GetOrder")
    assert refused.status == 500 and refused.fault()[0].endswith("SOAPActionMismatch")


UNKNOWN_MU_11 = '<x:Unknown xmlns:x="urn:x" soap:mustUnderstand="1"/>'


def test_unknown_must_understand_header_is_a_must_understand_fault(live_server: Any) -> None:
    response = post(live_server.url, envelope(STATUS, UNKNOWN_MU_11))
    assert response.status == 500
    assert response.fault()[0] == "soap:MustUnderstand"


def test_unknown_must_understand_header_for_another_actor_is_ignored(live_server: Any) -> None:
    header = '<x:Unknown xmlns:x="urn:x" soap:mustUnderstand="1" soap:actor="urn:someone-else"/>'
    assert post(live_server.url, envelope(STATUS, header)).status == 200


def test_unknown_must_understand_header_soap12(live_server: Any) -> None:
    header = '<x:Unknown xmlns:x="urn:x" soap:mustUnderstand="true"/>'
    response = post(live_server.url, envelope(STATUS, header, soap12=True), soap12=True)
    assert response.status == 500
    assert response.fault()[0] == "soap:MustUnderstand"


def test_unexpected_exception_is_an_opaque_server_fault_with_a_request_id(
    settings: Any, session_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(call: Any) -> Any:
        raise RuntimeError("internal detail that must not leak")

    app = harden_wsgi(GoodsOwnerSoapApp(settings, session_factory, handler_map={"GetSystemStatus": explode}), settings)
    caplog.set_level(logging.DEBUG)
    status, body = call_wsgi(app, envelope(STATUS))
    assert status.startswith("500")
    assert b"internal detail" not in body and b"Traceback" not in body
    text = body.decode()
    assert "soap:Server" in text and "request id " in text
    request_id = text.split("request id ")[1].split(")")[0]
    mentioning = [r for r in caplog.records if request_id in r.getMessage()]
    assert len(mentioning) == 1
    assert mentioning[0].exc_info is not None
    assert not [r for r in caplog.records if r.exc_info and r is not mentioning[0]]


SECRETS = ("Pa55word-in-the-body", "digest-secret-value")


def test_no_secret_reaches_any_log_line(live_server: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    password = SECRETS[0]
    credentials = operation("GetOrderStatuses", UserName="WSInobody", Password=password, GoodsOwnerCode="X")
    malformed = envelope(credentials).replace(b"</soap:Body>", b"</soap:Bodyy>")
    post(live_server.url, malformed)
    post(live_server.url, envelope(credentials))
    header = security_header("WSInobody", SECRETS[1], digest=True, nonce=b"nonce-bytes-1234")
    post(live_server.url, envelope(operation("GetOrderStatuses"), header))
    post(live_server.url, envelope(operation("GetOrderStatuses"), header).replace(b"</soap:Header>", b""))
    post(live_server.url, envelope(credentials, UNKNOWN_MU_11))
    logged = "\n".join(
        record.getMessage() + (caplog.handler.formatter or logging.Formatter()).formatException(record.exc_info)
        if record.exc_info
        else record.getMessage()
        for record in caplog.records
    )
    assert caplog.records, "the calls above must have logged something (Spyne logs malformed requests)"
    for secret in (*SECRETS, "bm9uY2UtYnl0ZXMtMTIzNA=="):
        assert secret not in logged
