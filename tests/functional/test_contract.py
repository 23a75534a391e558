"""The published contract: the served WSDL against the reference, the committed snapshot, zeep on both SOAP versions."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import zeep
import zeep.exceptions
from lxml import etree

from tests.functional.soap_server import SOAP12_CONTENT_TYPE, SoapServer, no_database, serve_soap, wire_only_settings
from wms_soap.soap.primitives import TNS
from wms_soap.soap.service import handlers  # noqa: F401  (registers every handler)
from wms_soap.soap.service.contract import OPERATIONS
from wms_soap.soap.service.dispatch import registered_handlers
from wms_soap.soap.service.handlers.registers import get_system_status
from wms_soap.soap.service.wsdl_export import schema_of, write_contract

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "contract" / "ongoing-service-2024.wsdl"
COMPARATOR = SHARED / "tools" / "wsdl_compare.py"
needs_reference = pytest.mark.skipif(not REFERENCE.exists(), reason="the reference contract (../shared) is absent")

WSDL_NS = {"wsdl": "http://schemas.xmlsoap.org/wsdl/", "soap": "http://schemas.xmlsoap.org/wsdl/soap/",
           "soap12": "http://schemas.xmlsoap.org/wsdl/soap12/"}
FULL_SCORE = "operations 120/120, elements 120/120, complex types 557/557, enums 126/126"
NOBODY = {"GoodsOwnerCode": "NO-SUCH-OWNER", "UserName": "WSI-nobody", "Password": "not the password"}


@pytest.fixture
def server(settings: Any, session_factory: Any) -> Iterator[SoapServer]:
    """The real goods-owner mount (with the security edge, when it exists)."""
    with serve_soap(settings, session_factory) as running:
        yield running


@pytest.fixture(scope="module")
def bare_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoapServer]:
    """The mount with GetSystemStatus as its only handler."""
    with serve_soap(wire_only_settings(tmp_path_factory.mktemp("wire")), no_database(), contract_only=True,
                    handler_map={"GetSystemStatus": get_system_status}) as running:
        yield running


def _served_wsdl(server: SoapServer, query: str = "WSDL", **headers: str) -> bytes:
    response = requests.get(f"{server.url}?{query}", headers=headers, timeout=30)
    assert response.status_code == 200
    return response.content


def _strict() -> zeep.Settings:
    return zeep.Settings(strict=True)


@needs_reference
def test_the_comparator_finds_the_served_wsdl_identical_to_the_reference(server: SoapServer) -> None:
    done = subprocess.run([sys.executable, str(COMPARATOR), str(REFERENCE), f"{server.url}?WSDL"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip().splitlines()[-1] == FULL_SCORE, done.stdout[-3000:]
    assert done.returncode == 0


def test_the_wsdl_names_service_ports_bindings_and_soap_actions_like_asmx(server: SoapServer) -> None:
    root = etree.fromstring(_served_wsdl(server))
    service = root.find("wsdl:service", WSDL_NS)
    assert service is not None and service.get("name") == "Service"
    ports = {p.get("name"): p for p in service.findall("wsdl:port", WSDL_NS)}
    assert sorted(ports) == ["ServiceSoap", "ServiceSoap12"]
    assert ports["ServiceSoap"].find("soap:address", WSDL_NS).get("location") == server.url
    assert ports["ServiceSoap12"].find("soap12:address", WSDL_NS).get("location") == server.url
    for binding, prefix in (("ServiceSoap", "soap"), ("ServiceSoap12", "soap12")):
        actions = root.xpath(f"wsdl:binding[@name='{binding}']/wsdl:operation/{prefix}:operation/@soapAction",
                             namespaces=WSDL_NS)
        assert sorted(actions) == sorted(f"{TNS}/{op.name}" for op in OPERATIONS)
    parts = root.xpath("wsdl:message/wsdl:part/@name", namespaces=WSDL_NS)
    assert len(parts) == 120 and set(parts) == {"parameters"}


def test_wsdl_and_lowercase_wsdl_give_the_same_bytes_whatever_the_host_header(server: SoapServer) -> None:
    document = _served_wsdl(server)
    assert _served_wsdl(server, "wsdl") == document
    assert _served_wsdl(server, "WSDL", Host="evil.example:666") == document
    assert b"evil.example" not in document


def test_the_committed_wsdl_and_xsd_are_what_the_server_serves(server: SoapServer, tmp_path: Path) -> None:
    served = _served_wsdl(server)
    written = write_contract(server.settings, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["wsdl/service.wsdl", "schema/service.xsd"]
    assert (tmp_path / "wsdl" / "service.wsdl").read_bytes() == served
    assert (tmp_path / "schema" / "service.xsd").read_bytes() == schema_of(served)
    committed = (REPO / "wsdl" / "service.wsdl").read_bytes()
    assert _without_address(committed) == _without_address(served), "stale: run `wms-soap wsdl`"
    assert (REPO / "schema" / "service.xsd").read_bytes() == schema_of(served), "stale: run `wms-soap wsdl`"


def _without_address(document: bytes) -> bytes:
    root = etree.fromstring(document)
    for address in root.iterfind("wsdl:service/wsdl:port/*", WSDL_NS):
        address.set("location", "http://address.invalid/service.asmx")
    return etree.tostring(root)


def test_zeep_from_the_served_wsdl_calls_both_soap_versions_strictly(server: SoapServer) -> None:
    client = zeep.Client(f"{server.url}?WSDL", settings=_strict())
    assert client.wsdl.types.prefix_map["ns0"] == TNS
    assert client.type_factory("ns0").ArticleDefinition(ArticleNumber="A-1").ArticleNumber == "A-1"
    for service in (client.service, client.bind("Service", "ServiceSoap12")):
        _assert_status_and_logon_failure(service)


@needs_reference
def test_zeep_from_the_reference_wsdl_calls_this_server_strictly(server: SoapServer) -> None:
    client = zeep.Client(str(REFERENCE), settings=_strict())
    for port in ("ServiceSoap", "ServiceSoap12"):
        _assert_status_and_logon_failure(client.create_service(f"{{{TNS}}}{port}", server.url))


def _assert_status_and_logon_failure(service: Any) -> None:
    status = service.GetSystemStatus()
    assert (status.SystemStatusText, status.IsRunning) == ("OK", True)
    article = service.ProcessArticle(**NOBODY, art=None)
    assert (article.Success, article.OrderId, article.ArticleDefId) == (False, 0, None)
    assert article.ErrorMessage
    update = service.UpdateOrder(**NOBODY, updateOrder=None)  # bare style on our side
    assert (update.Success, update.OrderId) == (False, None) and update.Message


def test_an_operation_without_handler_answers_a_not_implemented_fault_naming_it(bare_server: SoapServer) -> None:
    client = zeep.Client(f"{bare_server.url}?WSDL", settings=_strict())
    with pytest.raises(zeep.exceptions.Fault) as raised:
        client.service.GetOrdersByQuery(**NOBODY, query=None)
    assert raised.value.code.endswith("Client.NotImplemented")
    assert "GetOrdersByQuery" in raised.value.message
    with pytest.raises(zeep.exceptions.Fault) as raised12:
        client.bind("Service", "ServiceSoap12").GetInvoices(UserName="u", Password="p", query=None)
    assert "GetInvoices" in raised12.value.message


def test_the_real_app_answers_every_operation_with_its_handler(server: SoapServer) -> None:
    """All 60 operations are implemented: none answers Client.NotImplemented (the bare app above shows that fault);
    an empty call without credentials reaches the operation and is refused as a logon failure."""
    assert [op.name for op in OPERATIONS if op.name not in registered_handlers()] == []
    for op in OPERATIONS:
        body = (f'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><{op.name} xmlns="{TNS}"/>'
                f"</s:Body></s:Envelope>").encode()
        response = server.post(body, soap_action=f'"{TNS}/{op.name}"')
        assert b"NotImplemented" not in response.content, op.name
        if op.needs_auth:
            assert response.status_code in (200, 500), op.name
            assert b"Logon failed" in response.content or b"LogonError" in response.content, (op.name, response.text)
        else:
            assert response.status_code == 200, op.name


def test_soap12_requests_are_answered_in_soap12(bare_server: SoapServer) -> None:
    body = (b'<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body>'
            b'<GetSystemStatus xmlns="http://ongoingsystems.se/WSI"/></e:Body></e:Envelope>')
    response = bare_server.post(body, content_type=f'{SOAP12_CONTENT_TYPE}; action="{TNS}/GetSystemStatus"')
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/soap+xml")
    assert etree.fromstring(response.content).tag == "{http://www.w3.org/2003/05/soap-envelope}Envelope"


def test_the_app_serves_the_same_contract_at_both_addresses(live_server: Any) -> None:
    plain = f"{live_server.base_url}/service.asmx"
    by_warehouse = requests.get(f"{live_server.url}?WSDL", timeout=30)
    assert by_warehouse.status_code == 200
    assert requests.get(f"{plain}?wsdl", timeout=30).content == by_warehouse.content
    client = zeep.Client(f"{live_server.url}?WSDL", settings=_strict())
    for address in (live_server.url, plain):
        for port in ("ServiceSoap", "ServiceSoap12"):
            status = client.create_service(f"{{{TNS}}}{port}", address).GetSystemStatus()
            assert status.IsRunning is True
