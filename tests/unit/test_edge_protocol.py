"""The hardened protocols and the log filter, on a tiny Spyne application called in-process (no sockets)."""

import io
import logging
import types
from collections.abc import Iterable
from typing import Any

import pytest
from lxml import etree
from spyne import Application, Service, Unicode, rpc
from spyne.server.wsgi import WsgiApplication

from wms_soap.security.wssecurity import WSSE
from wms_soap.soap.auth import harden_wsgi
from wms_soap.soap.faults import FailedAuthentication
from wms_soap.soap.logs import install_log_redaction, scrub
from wms_soap.soap.protocol import GoodsOwnerSoap11, GoodsOwnerSoap12

TNS = "urn:wms-soap:test-edge"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"


class EdgeTestService(Service):
    @rpc(Unicode, _returns=Unicode)
    def Echo(ctx: Any, text: str) -> str:
        if text == "fail":
            raise FailedAuthentication()
        return text


def wsgi(protocol: type, name: str) -> WsgiApplication:
    app = Application([EdgeTestService], tns=TNS, name=name, in_protocol=protocol(), out_protocol=protocol())
    return WsgiApplication(app)


@pytest.fixture(scope="module")
def soap11() -> WsgiApplication:
    return wsgi(GoodsOwnerSoap11, "EdgeTest11")


@pytest.fixture(scope="module")
def soap12() -> WsgiApplication:
    return wsgi(GoodsOwnerSoap12, "EdgeTest12")


def call(app: WsgiApplication, body: bytes, content_type: str = "text/xml; charset=utf-8") -> tuple[str, bytes]:
    environ = {
        "REQUEST_METHOD": "POST", "CONTENT_TYPE": content_type, "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body), "PATH_INFO": "/", "QUERY_STRING": "", "SERVER_NAME": "localhost",
        "SERVER_PORT": "80", "wsgi.url_scheme": "http",
    }
    status: list[str] = []

    def start_response(line: str, headers: Iterable[tuple[str, str]], exc_info: Any = None) -> None:
        status.append(line)

    data = b"".join(app(environ, start_response))
    return status[0], data


def echo(text: str, soap_ns: str = SOAP11, header: str = "", prolog: str = "") -> bytes:
    head = f"<s:Header>{header}</s:Header>" if header else ""
    return (
        f'{prolog}<s:Envelope xmlns:s="{soap_ns}" xmlns:t="{TNS}">{head}<s:Body><t:Echo><t:text>{text}</t:text>'
        f"</t:Echo></s:Body></s:Envelope>"
    ).encode()


def test_echo_works(soap11: WsgiApplication) -> None:
    status, body = call(soap11, echo("hello"))
    assert status.startswith("200") and b"hello" in body


def test_failed_authentication_is_a_resolvable_wsse_qname_in_soap11(soap11: WsgiApplication) -> None:
    status, body = call(soap11, echo("fail"))
    assert status.startswith("500")
    code = etree.fromstring(body).find(f".//{{{SOAP11}}}Fault/faultcode")
    assert code is not None and code.text == "wsse:FailedAuthentication"
    assert code.nsmap["wsse"] == WSSE


def test_failed_authentication_in_soap12_is_sender_with_wsse_subcode(soap12: WsgiApplication) -> None:
    status, body = call(soap12, echo("fail", SOAP12), "application/soap+xml; charset=utf-8")
    values = etree.fromstring(body).findall(f".//{{{SOAP12}}}Value")
    assert status.startswith("500")
    assert [v.text for v in values] == ["soap:Sender", "wsse:FailedAuthentication"]
    assert values[1].nsmap["wsse"] == WSSE


def test_utf16_declared_over_utf8_is_accepted(soap11: WsgiApplication) -> None:
    status, body = call(soap11, echo("Grüße", prolog='<?xml version="1.0" encoding="utf-16"?>'))
    assert status.startswith("200") and "Grüße".encode() in body


def test_real_utf16_still_works(soap11: WsgiApplication) -> None:
    text = '<?xml version="1.0" encoding="utf-16"?>' + echo("Grüße").decode()
    status, body = call(soap11, text.encode("utf-16"), "text/xml")
    assert status.startswith("200") and "Grüße".encode() in body


def test_dtd_is_refused_before_parsing(soap11: WsgiApplication) -> None:
    status, body = call(soap11, echo("x", prolog='<!DOCTYPE s [<!ENTITY a "b">]>'))
    assert status.startswith("500") and b"Client.DTDNotAllowed" in body


def test_must_understand_for_us_and_for_others(soap11: WsgiApplication, soap12: WsgiApplication) -> None:
    mine = '<x:H xmlns:x="urn:x" s:mustUnderstand="1"/>'
    assert b"soap:MustUnderstand" in call(soap11, echo("x", header=mine))[1]
    other = '<x:H xmlns:x="urn:x" s:mustUnderstand="1" s:actor="urn:other"/>'
    assert call(soap11, echo("x", header=other))[0].startswith("200")
    security = f'<w:Security xmlns:w="{WSSE}" s:mustUnderstand="1"/>'
    assert call(soap11, echo("x", header=security))[0].startswith("200")
    mine12 = '<x:H xmlns:x="urn:x" s:mustUnderstand="true"/>'
    status, body = call(soap12, echo("x", SOAP12, mine12), "application/soap+xml")
    assert status.startswith("500") and b"soap:MustUnderstand" in body
    other12 = '<x:H xmlns:x="urn:x" s:mustUnderstand="true" s:role="urn:other"/>'
    assert call(soap12, echo("x", SOAP12, other12), "application/soap+xml")[0].startswith("200")


def test_scrub_hides_passwords_and_nonces() -> None:
    text = (
        "b'<wsse:Password Type=\"x\">pw1</wsse:Password><wsse:Nonce>bm9uY2U=</wsse:Nonce>"
        "<tns:Password>pw2</tns:Password><Password>pw3</Password>' Credentials(password='pw4')"
    )
    scrubbed = scrub(text)
    for secret in ("pw1", "bm9uY2U=", "pw2", "pw3", "pw4"):
        assert secret not in scrubbed
    assert "<tns:Password>***</tns:Password>" in scrubbed


def test_malformed_request_log_carries_no_secret(soap11: WsgiApplication, caplog: pytest.LogCaptureFixture) -> None:
    install_log_redaction()
    caplog.set_level(logging.DEBUG)
    call(soap11, b"<s:Envelope><t:Password>hunter2-secret</t:Password><broken")
    assert caplog.records
    assert all("hunter2-secret" not in record.getMessage() for record in caplog.records)
    assert any(record.name.endswith(".invalid") for record in caplog.records)


def crashing_app(environ: Any, start_response: Any) -> Iterable[bytes]:
    raise RuntimeError("secret internals")


@pytest.mark.parametrize(
    ("content_type", "marker"),
    [("text/xml; charset=utf-8", b"<faultcode>soap:Server</faultcode>"),
     ("application/soap+xml; charset=utf-8", b"<soap:Value>soap:Receiver</soap:Value>")],
)
def test_harden_wsgi_turns_a_crash_into_an_opaque_soap_fault(
    content_type: str, marker: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    settings = types.SimpleNamespace(max_body_bytes=1000)
    status, body = call(harden_wsgi(crashing_app, settings), echo("x"), content_type)  # type: ignore[arg-type]
    assert status.startswith("500") and marker in body
    assert b"secret internals" not in body and b"request id " in body
    request_id = body.split(b"request id ")[1].split(b")")[0].decode()
    assert [r.exc_info is not None for r in caplog.records if request_id in r.getMessage()] == [True]


def test_harden_wsgi_caps_bodies_declared_or_not() -> None:
    settings = types.SimpleNamespace(max_body_bytes=100)
    app = harden_wsgi(crashing_app, settings)  # type: ignore[arg-type]
    assert call(app, b"x" * 101)[0].startswith("413")
