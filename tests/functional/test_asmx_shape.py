"""Whole answers, compared as text with what Ongoing's ASMX writes: a client that reads answers with regular
expressions (``<Success>true</Success>``, ``soap:Fault``) must find what it finds in Ongoing's.

ASMX's shape: ``<?xml version="1.0" encoding="utf-8"?>``, the Envelope prefixed ``soap`` for SOAP 1.1 and 1.2 with
xsi and xsd declared on it, the body element in the default namespace and no prefix on any body element. (ASMX
also writes an empty element as ``<X />``, with a space; lxml writes ``<X/>``, which no client tells apart.)
"""

import io
from collections.abc import Iterator
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest
import zeep

from tests.functional.soap_server import SOAP12_CONTENT_TYPE, SoapServer, no_database, serve_soap, wire_only_settings
from wms_soap.errors import ValidationFailed
from wms_soap.security.principal import Principal
from wms_soap.soap.auth import harden_wsgi
from wms_soap.soap.primitives import TNS
from wms_soap.soap.service.contract import BY_NAME

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
XSI_XSD = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'
HEAD11 = f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{SOAP11}" {XSI_XSD}><soap:Body>'
HEAD12 = f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{SOAP12}" {XSI_XSD}><soap:Body>'
TAIL = "</soap:Body></soap:Envelope>"
STATUS = ('<GetSystemStatusResponse xmlns="http://ongoingsystems.se/WSI"><GetSystemStatusResult>'
          "<SystemStatusText>Running</SystemStatusText><IsRunning>true</IsRunning>"
          "<BuildTime>2027-01-15T10:30:00</BuildTime></GetSystemStatusResult></GetSystemStatusResponse>")


def _system_status(call: Any) -> Any:
    result = BY_NAME["GetSystemStatus"].result_class
    return result(SystemStatusText="Running", IsRunning=True, BuildTime=datetime(2027, 1, 15, 10, 30))


def _refuse(call: Any, *args: Any) -> Any:
    raise ValidationFailed("CustomerOrderLines must have at least one line")


def _empty_report(call: Any, *args: Any) -> Any:
    return BY_NAME["GetOrderStatusReport"].result_class()


def _principal(ctx: Any, operation: str) -> Principal:
    return Principal(kind="api", user_id=1, username="WSIshape", goods_owner_id=1, goods_owner_code="SHAPE",
                     invoice_access=True)


HANDLERS = {"GetSystemStatus": _system_status, "ProcessOrder": _refuse, "GetOrder": _refuse,
            "GetOrderStatusReport": _empty_report, "GetTimeOfLastSync": lambda call, *args: None}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoapServer]:
    settings = wire_only_settings(tmp_path_factory.mktemp("shape"))
    with serve_soap(settings, no_database(), contract_only=True, handler_map=HANDLERS,
                    auth_hook=_principal) as running:
        yield running


def _call11(server: SoapServer, operation: str, inner: str = "") -> Any:
    body = (f'<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><{operation} xmlns="{TNS}">{inner}</{operation}>'
            f"</soap:Body></soap:Envelope>")
    return server.post(body.encode(), soap_action=f'"{TNS}/{operation}"')


def _call12(server: SoapServer, operation: str, inner: str = "") -> Any:
    body = (f'<soap:Envelope xmlns:soap="{SOAP12}"><soap:Body><{operation} xmlns="{TNS}">{inner}</{operation}>'
            f"</soap:Body></soap:Envelope>")
    return server.post(body.encode(), content_type=SOAP12_CONTENT_TYPE)


def test_a_soap11_answer_is_shaped_as_asmx_writes_it(server: SoapServer) -> None:
    response = _call11(server, "GetSystemStatus")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert response.text == HEAD11 + STATUS + TAIL


def test_a_soap12_answer_is_shaped_as_asmx_writes_it(server: SoapServer) -> None:
    response = _call12(server, "GetSystemStatus")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/soap+xml; charset=utf-8")
    assert response.text == HEAD12 + STATUS + TAIL


@pytest.mark.parametrize("call", [_call11, _call12], ids=["soap11", "soap12"])
def test_an_in_band_error_is_shaped_as_asmx_writes_it(server: SoapServer, call: Any) -> None:
    response = call(server, "ProcessOrder", "<UserName>WSIshape</UserName><Password>x</Password>")
    head = HEAD11 if call is _call11 else HEAD12
    assert response.status_code == 200
    assert response.text == head + (
        '<ProcessOrderResponse xmlns="http://ongoingsystems.se/WSI"><ProcessOrderResult>'
        "<ErrorMessage>CustomerOrderLines must have at least one line</ErrorMessage>"
        '<OrderId>0</OrderId><InOrderId>0</InOrderId><ArticleDefId xsi:nil="true"/><Success>false</Success>'
        "</ProcessOrderResult></ProcessOrderResponse>") + TAIL


def test_a_nil_heavy_answer_is_shaped_as_asmx_writes_it(server: SoapServer) -> None:
    report = _call11(server, "GetOrderStatusReport", "<GoodsOwnerId>1</GoodsOwnerId>")
    assert report.text == HEAD11 + (
        '<GetOrderStatusReportResponse xmlns="http://ongoingsystems.se/WSI"><GetOrderStatusReportResult>'
        '<OrderId>0</OrderId><GoodsOwnerId>0</GoodsOwnerId><PickingTime xsi:nil="true"/>'
        "<DeliveryDate>0001-01-01T00:00:00</DeliveryDate><OrderStatusNumber>0</OrderStatusNumber>"
        "<OrderStatusIsPicked>false</OrderStatusIsPicked><OrderStatusIsDelivered>false</OrderStatusIsDelivered>"
        "<OrderedNumberOfItems>0</OrderedNumberOfItems><PickedNumberOfItems>0</PickedNumberOfItems>"
        "</GetOrderStatusReportResult></GetOrderStatusReportResponse>") + TAIL
    never_synced = _call12(server, "GetTimeOfLastSync", "<GoodsOwnerId>1</GoodsOwnerId>")
    assert never_synced.text == HEAD12 + (
        '<GetTimeOfLastSyncResponse xmlns="http://ongoingsystems.se/WSI"><GetTimeOfLastSyncResult xsi:nil="true"/>'
        "</GetTimeOfLastSyncResponse>") + TAIL


def test_a_soap11_fault_is_shaped_as_asmx_writes_it(server: SoapServer) -> None:
    """.NET, JAX-WS, PHP, suds, node-soap and SOAP::Lite read the dotted code as {soap}Client.ValidationFailed."""
    response = _call11(server, "GetOrder", "<OrderId>1</OrderId>")
    assert response.status_code == 500
    assert response.text == HEAD11 + (
        "<soap:Fault><faultcode>soap:Client.ValidationFailed</faultcode>"
        "<faultstring>CustomerOrderLines must have at least one line</faultstring><detail/></soap:Fault>") + TAIL


def test_a_soap12_fault_has_a_namespace_qualified_subcode(server: SoapServer) -> None:
    """JAX-WS refuses an unqualified Subcode ("A Subcode must be namespace-qualified") and loses the message; with
    the qualified one it reads Code {soap-envelope}Sender and Subcode {http://ongoingsystems.se/WSI}ValidationFailed
    (JAX-WS RI 2.3 from wsimport, run against this server)."""
    response = _call12(server, "GetOrder", "<OrderId>1</OrderId>")
    assert response.status_code == 500
    assert response.text == HEAD12 + (
        "<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode>"
        '<soap:Value xmlns:tns="http://ongoingsystems.se/WSI">tns:ValidationFailed</soap:Value></soap:Subcode>'
        '</soap:Code><soap:Reason><soap:Text xml:lang="en">CustomerOrderLines must have at least one line'
        "</soap:Text></soap:Reason><soap:Detail/></soap:Fault>") + TAIL


def test_zeep_reads_the_asmx_shaped_answers(server: SoapServer) -> None:
    client = zeep.Client(f"{server.url}?WSDL", settings=zeep.Settings(strict=True))
    status = client.service.GetSystemStatus()
    assert (status.SystemStatusText, status.IsRunning, status.BuildTime) == ("Running", True, datetime(2027, 1, 15,
                                                                                                      10, 30))
    refused = client.service.ProcessOrder(GoodsOwnerCode="SHAPE", UserName="WSIshape", Password="x", co={})
    assert (refused.Success, refused.ErrorMessage, refused.ArticleDefId) == (
        False, "CustomerOrderLines must have at least one line", None)
    twelve = client.bind("Service", "ServiceSoap12")
    assert twelve.GetTimeOfLastSync(UserName="WSIshape", Password="x", GoodsOwnerId=1) is None


@pytest.mark.parametrize(("content_type", "head", "fault"), [
    ("text/xml; charset=utf-8", HEAD11,
     "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Internal error (request id {rid})</faultstring>"
     "<detail/></soap:Fault>"),
    ("application/soap+xml; charset=utf-8", HEAD12,
     "<soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code><soap:Reason>"
     '<soap:Text xml:lang="en">Internal error (request id {rid})</soap:Text></soap:Reason><soap:Detail/></soap:Fault>'),
], ids=["soap11", "soap12"])
def test_an_error_escaping_the_soap_application_is_an_asmx_shaped_server_fault(content_type: str, head: str,
                                                                              fault: str) -> None:
    def broken(environ: dict[str, Any], start_response: Any) -> Any:
        raise RuntimeError("outside Spyne")

    app = harden_wsgi(broken, SimpleNamespace(max_body_bytes=1000))  # type: ignore[arg-type]
    statuses: list[str] = []
    body = b"".join(app({"REQUEST_METHOD": "POST", "CONTENT_TYPE": content_type, "CONTENT_LENGTH": "3",
                         "wsgi.input": io.BytesIO(b"<x/>")}, lambda status, headers: statuses.append(status)))
    rid = body.decode().split("request id ")[1].split(")")[0]
    assert statuses == ["500 Internal Server Error"]
    assert body.decode() == head + fault.format(rid=rid) + TAIL
