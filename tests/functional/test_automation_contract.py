"""The Automation API's published contract and its edge: the served WSDL is the committed one and names all 45
operations on both bindings; an operation without a handler is a Client fault naming it; example requests shaped
as Ongoing's (S5) are answered; only automation users log on, by body credentials or a WS-Security token."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import requests
import zeep
from lxml import etree
from zeep.wsse.username import UsernameToken

from tests.functional.automation_support import (
    LIFT,
    NS,
    PASSWORD,
    SOAP11,
    LiftWarehouse,
    all_of,
    fault_of,
    make_lift_warehouse,
    post,
    result_of,
    text,
)
from wms_soap.soap.automation.contract import OPERATIONS
from wms_soap.soap.automation.dispatch import registered_handlers
from wms_soap.soap.automation.wsgi import AutomationSoapApp, write_automation_wsdl

REPO = Path(__file__).resolve().parents[2]
WSDL_NS = {"wsdl": "http://schemas.xmlsoap.org/wsdl/", "soap": "http://schemas.xmlsoap.org/wsdl/soap/",
           "soap12": "http://schemas.xmlsoap.org/wsdl/soap12/"}
BUILT = {"GetArticlesByQuery", "GetArticleItemsByQuery", "ArticleItemInLocationHandled",
         "GetMovementArticleItemsByQuery", "MovementArticleItemHandled", "MoveArticleItem", "GetGoodsOwnersByQuery",
         "GetUsers", "GetLocationsByQuery"}


@pytest.fixture
def lift(live_server: Any) -> LiftWarehouse:
    return make_lift_warehouse(live_server)


def _without_address(document: bytes) -> bytes:
    root = etree.fromstring(document)
    for address in root.iterfind("wsdl:service/wsdl:port/*", WSDL_NS):
        address.set("location", "")
    return etree.tostring(root)


def test_the_served_wsdl_is_the_committed_one(lift: LiftWarehouse, tmp_path: Path) -> None:
    served = requests.get(lift.url + "?WSDL", timeout=30).content
    committed = (REPO / "wsdl" / "automation.wsdl").read_bytes()
    assert _without_address(committed) == _without_address(served), "wsdl/automation.wsdl is stale: `wms-soap wsdl`"
    settings = dataclasses.replace(lift.live.settings, public_url="http://example.invalid")
    assert write_automation_wsdl(settings, tmp_path).read_bytes() == AutomationSoapApp(settings, None).wsdl
    assert b'location="http://example.invalid/demo/Automation.asmx"' in AutomationSoapApp(settings, None).wsdl


def test_the_wsdl_has_every_operation_on_both_bindings(lift: LiftWarehouse) -> None:
    root = etree.fromstring(requests.get(lift.url + "?wsdl", timeout=30).content)
    assert root.get("targetNamespace") == NS
    names = [op.name for op in OPERATIONS]
    assert len(names) == 45
    for binding, soap in (("AutomationSoap", "soap"), ("AutomationSoap12", "soap12")):
        ops = root.findall(f"wsdl:binding[@name='{binding}']/wsdl:operation", WSDL_NS)
        assert [op.get("name") for op in ops] == names
        assert [op.find(f"{soap}:operation", WSDL_NS).get("soapAction") for op in ops] == [f"{NS}/{n}" for n in names]
    ports = root.findall("wsdl:service[@name='Automation']/wsdl:port", WSDL_NS)
    assert [p.get("name") for p in ports] == ["AutomationSoap", "AutomationSoap12"]


def test_zeep_sees_each_operation_with_credentials_and_its_payload(lift: LiftWarehouse) -> None:
    client = zeep.Client(lift.url + "?wsdl")
    for port in ("AutomationSoap", "AutomationSoap12"):
        operations = client.wsdl.services["Automation"].ports[port].binding._operations
        assert set(operations) == {op.name for op in OPERATIONS}
        for op in OPERATIONS:
            signature = operations[op.name].input.signature()
            assert signature.startswith(f"UserName: xsd:string, Password: xsd:string, {op.payload_name}: ")


def test_the_built_operations_are_the_ones_listed() -> None:
    assert set(registered_handlers()) == BUILT


@pytest.mark.parametrize("soap12", [False, True])
def test_an_operation_not_built_yet_is_a_client_fault_naming_it(lift: LiftWarehouse, soap12: bool) -> None:
    # S5's own request for it is a SOAP 1.2 envelope
    response = post(lift.url, "GetArticlesPackageTypes",
                    f"<Query><ArticleDefIds><int>{lift.article_id}</int></ArticleDefIds></Query>", soap12=soap12)
    assert response.status_code == 500
    code, reason = fault_of(response)
    assert "NotImplemented" in code
    assert reason == "The operation GetArticlesPackageTypes is not implemented by this server yet"


def test_the_s5_get_goods_owners_and_get_users_requests(lift: LiftWarehouse) -> None:
    owners = result_of(post(lift.url, "GetGoodsOwnersByQuery", "<Query />"), "GetGoodsOwnersByQuery")
    assert [(text(o, "GoodsOwnerId"), text(o, "GoodsOwnerCode")) for o in all_of(owners, "GoodsOwners/GoodsOwner")] \
        == [(str(lift.owner_id), "LIFTCO")]
    users = result_of(post(lift.url, "GetUsers", "<Query />"), "GetUsers")
    assert [etree.QName(c).localname for c in users] == ["Success", "Users"]
    assert {(text(u, "UserName"), text(u, "UserType")) for u in all_of(users, "Users/User")} == {
        ("WSIshop", "ApiUser"), ("lift-1", "AutomationUser"), ("lift-2", "AutomationUser"), ("boss", "AdminUser")}


def test_the_s5_get_articles_and_article_items_requests(lift: LiftWarehouse) -> None:
    item_id = lift.put_on_in_location(5)
    articles = result_of(post(lift.url, "GetArticlesByQuery", f"<Query><ArticleDefIds><int>{lift.article_id}</int>"
                              f"</ArticleDefIds><GoodsOwnerId>{lift.owner_id}</GoodsOwnerId></Query>"),
                         "GetArticlesByQuery")
    assert [(text(a, "ArticleDefId"), text(a, "ArticleNumber"), text(a, "GoodsOwner/GoodsOwnerCode"))
            for a in all_of(articles, "Articles/Article")] == [(str(lift.article_id), "ART-1", "LIFTCO")]
    items = result_of(post(lift.url, "GetArticleItemsByQuery", f"<Query><Locations><string>{LIFT.in_location}"
                           f"</string></Locations><GoodsOwnerId>{lift.owner_id}</GoodsOwnerId></Query>"),
                      "GetArticleItemsByQuery")
    assert [(text(i, "ArticleItemId"), text(i, "NumberOfItems"), text(i, "Article/ArticleNumber"))
            for i in all_of(items, "ArticleItems/ArticleItemInfo")] == [(str(item_id), "5", "ART-1")]


def test_get_locations_shows_the_lift_roles(lift: LiftWarehouse) -> None:
    lift.put_on_in_location(5)
    found = result_of(post(lift.url, "GetLocationsByQuery", "<Query><MaxLocationsToGet>10</MaxLocationsToGet></Query>"),
                      "GetLocationsByQuery")
    assert [(text(loc, "LocationName"), text(loc, "IsFree"), text(loc, "AutomatedSystem/Role"))
            for loc in all_of(found, "Locations/Location")] == [
        (LIFT.in_location, "false", "In"), (LIFT.store_location, "true", "Store"), (LIFT.out_location, "true", "Out")]


@pytest.mark.parametrize("user, password", [("WSIshop", PASSWORD), ("boss", PASSWORD), ("lift-1", "wrong"),
                                            ("nobody", PASSWORD), ("", "")])
def test_only_automation_users_log_on_and_everyone_else_gets_the_same_answer(lift: LiftWarehouse, user: str,
                                                                             password: str) -> None:
    result = result_of(post(lift.url, "GetArticleItemsByQuery", "<Query />", user=user, password=password),
                       "GetArticleItemsByQuery")
    assert (text(result, "Success"), text(result, "Errors/GetArticleItemsByQueryError/ErrorType")) == (
        "false", "LogonError")
    assert text(result, "Message") == "Logon failed: wrong username, password or goods owner"


def test_a_ws_security_token_logs_on_too(lift: LiftWarehouse) -> None:
    client = zeep.Client(lift.url + "?wsdl", wsse=UsernameToken("lift-1", PASSWORD))
    assert client.service.GetGoodsOwnersByQuery(Query={}).Success is True
    stranger = zeep.Client(lift.url + "?wsdl", wsse=UsernameToken("WSIshop", PASSWORD))
    with pytest.raises(zeep.exceptions.Fault, match="could not be authenticated"):
        stranger.service.GetGoodsOwnersByQuery(Query={})


@pytest.mark.parametrize("body", [b"", b"<not xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'])
def test_malformed_requests_are_client_faults(lift: LiftWarehouse, body: bytes) -> None:
    response = requests.post(lift.url, data=body, headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=30)
    assert response.status_code == 500
    assert fault_of(response)[0].startswith("soap:Client") or "Client" in fault_of(response)[0]
    assert etree.fromstring(response.content).tag == f"{{{SOAP11}}}Envelope"


def test_wrong_types_are_client_faults(lift: LiftWarehouse) -> None:
    response = post(lift.url, "GetArticleItemsByQuery", "<Query><ArticleItemId>abc</ArticleItemId></Query>")
    assert response.status_code == 500
    assert "Client" in fault_of(response)[0]


def test_the_lowercase_path_and_the_short_path_serve_it_too(lift: LiftWarehouse) -> None:
    for url in (lift.url.lower(), lift.live.base_url + "/Automation.asmx"):
        result = result_of(post(url, "GetGoodsOwnersByQuery", "<Query />"), "GetGoodsOwnersByQuery")
        assert text(result, "Success") == "true"


@pytest.mark.parametrize("operation, payload", [
    ("GetArticleItemsByQuery", "<Query><LocationTypeCode>SHELF</LocationTypeCode></Query>"),
    ("GetLocationsByQuery", "<Query><ZoneName>North</ZoneName></Query>"),
])
def test_filters_the_store_cannot_apply_are_refused_not_ignored(lift: LiftWarehouse, operation: str,
                                                               payload: str) -> None:
    result = result_of(post(lift.url, operation, payload), operation)
    assert text(result, "Success") == "false"
    assert (text(result, "Message") or "").startswith("This server cannot filter by ")


S5_NOT_BUILT = [  # the other requests of Ongoing's example collection (S5), as it sends them
    ("UpdateArticle", "<UpdateArticle><ArticleDefId>1</ArticleDefId><UpdateArticleName><ArticleName>New name"
                      "</ArticleName></UpdateArticleName></UpdateArticle>"),
    ("GetOrdersByQuery", "<Query><OrderIds><int>1</int></OrderIds></Query>"),
    ("UpdateOrder", "<Order><OrderId>1</OrderId><UpdateOrderWaybill><Waybill>123</Waybill></UpdateOrderWaybill>"
                    "</Order>"),
    ("UploadOrderFile", "<OrderFile><File><FileName>a.pdf</FileName><FileBytes>JVBERi0=</FileBytes><MimeType>"
                        "application/pdf</MimeType></File><GoodsOwnerId>1</GoodsOwnerId><OrderFileIdentificationType>"
                        "GoodsOwnerOrderNumber</OrderFileIdentificationType><GoodsOwnerOrderNumber>1</GoodsOwnerOrderNumber>"
                        "</OrderFile>"),
    ("GetInOrdersByQuery", "<Query><InOrderIds><int>1</int></InOrderIds></Query>"),
    ("UploadInOrderFile", "<Operation><InOrderIdentification><InOrderId>1</InOrderId></InOrderIdentification>"
                          "<FileIdentification>FileName</FileIdentification><File><FileName>a.pdf</FileName>"
                          "<FileBytes>JVBERi0=</FileBytes><MimeType>application/pdf</MimeType></File></Operation>"),
    ("CreatePrintJob", "<PrintJob><ReportId>1</ReportId><IdsToPrint><int>1</int></IdsToPrint><PrintAsUser>"
                       "<UserName>Karl</UserName></PrintAsUser></PrintJob>"),
    ("GetFileList", "<FileSearchValues><GoodsOwnerId>1</GoodsOwnerId><OrderId>1</OrderId></FileSearchValues>"),
    ("GetFile", "<FileId>1</FileId>"),
    ("GetInvoicesByQuery", "<Query><GetInvoiceRows>true</GetInvoiceRows><InvoiceIds><int>1</int></InvoiceIds>"
                           "</Query>"),
]


@pytest.mark.parametrize("operation, payload", S5_NOT_BUILT, ids=[op for op, _ in S5_NOT_BUILT])
def test_the_other_s5_requests_are_read_and_answered_not_implemented(lift: LiftWarehouse, operation: str,
                                                                      payload: str) -> None:
    response = post(lift.url, operation, payload)
    assert response.status_code == 500
    assert fault_of(response) == ("soap:Client.NotImplemented",
                                  f"The operation {operation} is not implemented by this server yet")
