"""GetFile, GetFileList and the four Upload*File operations through zeep against the live server, plus raw
envelopes for what zeep cannot send (malformed base64)."""

from __future__ import annotations

import base64
import dataclasses
from typing import Any

import pytest
import requests
import zeep
from sqlalchemy import func, select
from zeep.exceptions import Fault

from tests.files_support import PASSWORD, Owned, make_two_owned
from wms_soap.store.db import session_scope
from wms_soap.store.files import StoredFile

PDF = b"%PDF-1.4 a small file"


@dataclasses.dataclass
class Api:
    client: zeep.Client
    owner: Owned

    @property
    def t(self) -> Any:
        return self.client.type_factory("ns0")

    def __call__(self, operation: str, **payload: Any) -> Any:
        """Body credentials; GoodsOwnerCode only where the operation has it."""
        credentials = {"UserName": self.owner.username, "Password": PASSWORD}
        if operation in ("UploadInOrderFile", "UploadShipmentFile", "ReportEvent"):
            credentials["GoodsOwnerCode"] = self.owner.code
        return getattr(self.client.service, operation)(**credentials, **payload)

    def file(self, name: str = "invoice.pdf", content: bytes = PDF, mime: str | None = "application/pdf") -> Any:
        return self.t.File(FileName=name, FileBytes=content, MimeType=mime, FileId=-1, FileWillBeDeletedAt=None)

    def order_file(self, number: str | None = "WEB-1", **values: Any) -> Any:
        fields = {"File": self.file(), "GoodsOwnerId": self.owner.goods_owner_id, "GoodsOwnerOrderNumber": number,
                  "OrderFileIdentificationType": values.pop("kind", "GoodsOwnerOrderNumber"), "OrderSystemId": None}
        return self.t.OrderFile(**{**fields, **values})

    def in_order_operation(self, in_order_id: int | None = None, number: str | None = None,
                           name: str = "packing.pdf", content: bytes = PDF) -> Any:
        return self.t.UploadInOrderFileOperation(
            InOrderIdentification=self.t.UploadInOrderFileInOrderIdentification(
                InOrderId=in_order_id, GoodsOwnerOrderNumber=number),
            FileIdentification="FileName",
            File=self.t.UploadInOrderFile(FileName=name, FileBytes=content, MimeType="application/pdf"))

    def shipment_operation(self, shipment_id: int | None, name: str = "cmr.pdf", content: bytes = PDF) -> Any:
        return self.t.UploadShipmentFileOperation(
            ShipmentIdentification=self.t.UploadShipmentFileShipmentIdentification(ShipmentId=shipment_id),
            FileIdentification="FileName",
            File=self.t.UploadShipmentFile(FileName=name, FileBytes=content, MimeType="application/pdf"))


@pytest.fixture
def owners(live_server: Any) -> tuple[Owned, Owned]:
    with session_scope(live_server.session_factory) as session:
        return make_two_owned(session)


@pytest.fixture
def client(live_server: Any, owners: tuple[Owned, Owned]) -> zeep.Client:
    return zeep.Client(f"{live_server.url}?WSDL", settings=zeep.Settings(strict=True))


@pytest.fixture
def api(client: zeep.Client, owners: tuple[Owned, Owned]) -> Api:
    return Api(client, owners[0])


@pytest.fixture
def other_api(client: zeep.Client, owners: tuple[Owned, Owned]) -> Api:
    return Api(client, owners[1])


def file_count(live_server: Any) -> int:
    with session_scope(live_server.session_factory) as session:
        return session.scalar(select(func.count()).select_from(StoredFile)) or 0


def only_file_ids(api: Api, **search: Any) -> list[int]:
    nils = {"GoodsOwnerId": None, "OrderId": None, "ArticleSystemId": None, "InOrderId": None, "ShipmentId": None}
    values = api.t.FileSearchValues(**{**nils, **search})
    return [info.FileId for info in file_infos(api("GetFileList", FileSearchValues=values))]


def file_infos(result: Any) -> list[Any]:
    """zeep unwraps FileList (one child) to its ArrayOfFileInfo, or None when the list is left out."""
    return list(result.FileInfo) if result is not None else []


def test_upload_order_file_then_list_and_get_it(api: Api, live_server: Any) -> None:
    assert api("UploadOrderFile", OrderFile=api.order_file()) is None
    [file_id] = only_file_ids(api)
    got = api("GetFile", FileId=file_id)
    assert (got.FileName, got.FileBytes, got.MimeType, got.FileId, got.FileWillBeDeletedAt) == (
        "invoice.pdf", PDF, "application/pdf", file_id, None)
    [info] = file_infos(api("GetFileList", FileSearchValues=None))
    assert (info.FileId, info.FileName, info.GoodsOwnerId, info.GoodsOwnerCode, info.OrderNumber, info.OrderId,
            info.InOrderId, info.ArticleNo) == (file_id, "invoice.pdf", api.owner.goods_owner_id, "SHOP", "WEB-1",
                                                api.owner.order_id, None, None)


def test_upload_order_file_by_system_id_and_goods_owner_order_id(api: Api) -> None:
    by_id = api.order_file(None, kind="SystemId", File=api.file("a.pdf"))
    by_id.OrderSystemId = api.owner.order_id
    api("UploadOrderFile", OrderFile=by_id)
    api("UploadOrderFile", OrderFile=api.order_file(None, kind="GoodsOwnerOrderId", GoodsOwnerOrderId="GO-SHOP"))
    assert len(only_file_ids(api, OrderId=api.owner.order_id)) == 2
    assert len(only_file_ids(api, OrderNumber="WEB-1")) == 2


def test_upload_article_def_file(api: Api) -> None:
    api("UploadArticleDefFile", GoodsOwnerId=api.owner.goods_owner_id, ArticleNo="SHOE", BatchNo="B-1",
        File=api.file("spec.txt", b"spec sheet", None))
    [file_id] = only_file_ids(api, ArticleNo="SHOE")
    assert api("GetFile", FileId=file_id).MimeType == "text/plain"
    [info] = file_infos(api("GetFileList", FileSearchValues=None))
    assert (info.ArticleNo, info.ArticleName, info.ArticleSystemId) == ("SHOE", "Article SHOE", api.owner.article_id)


def test_upload_in_order_file_answers_the_file_id_and_replaces_by_name(api: Api) -> None:
    first = api("UploadInOrderFile", Operation=api.in_order_operation(api.owner.in_order_id))
    assert first.Success is True and first.Errors is None and first.UploadedInOrderFile.FileId > 0
    again = api("UploadInOrderFile", Operation=api.in_order_operation(number="PO-1", content=b"second version"))
    assert again.UploadedInOrderFile.FileId == first.UploadedInOrderFile.FileId
    assert api("GetFile", FileId=first.UploadedInOrderFile.FileId).FileBytes == b"second version"
    assert only_file_ids(api, InOrderId=api.owner.in_order_id) == [first.UploadedInOrderFile.FileId]


def test_upload_shipment_file(api: Api) -> None:
    result = api("UploadShipmentFile", Operation=api.shipment_operation(api.owner.shipment_id))
    assert result.Success is True and result.UploadedShipmentFile.FileId > 0
    assert only_file_ids(api, ShipmentId=api.owner.shipment_id) == [result.UploadedShipmentFile.FileId]


@pytest.mark.parametrize(("operation", "error_type"), [
    ("missing", "InOrderNotFound"), ("foreign", "InOrderNotFound"), ("no_ident", "InvalidIdentification"),
    ("empty", "NoFileSpecified"), ("no_name", "InvalidFileSpecified"), ("oversize", "InvalidFileSpecified")])
def test_upload_in_order_file_errors_are_in_band_and_write_nothing(
        api: Api, owners: tuple[Owned, Owned], live_server: Any, operation: str, error_type: str) -> None:
    cap = live_server.settings.max_file_bytes
    payload = {
        "missing": api.in_order_operation(999999),
        "foreign": api.in_order_operation(owners[1].in_order_id),
        "no_ident": api.in_order_operation(),
        "empty": api.in_order_operation(api.owner.in_order_id, content=b""),
        "no_name": api.in_order_operation(api.owner.in_order_id, name=""),
        "oversize": api.in_order_operation(api.owner.in_order_id, content=b"x" * (cap + 1)),
    }[operation]
    result = api("UploadInOrderFile", Operation=payload)
    assert result.Success is False and result.UploadedInOrderFile is None
    [error] = result.Errors.UploadInOrderFileResultError
    assert error.ErrorType == error_type and error.Message
    assert file_count(live_server) == 0


def test_upload_in_order_file_of_another_goods_owner_reads_like_a_missing_one(
        api: Api, owners: tuple[Owned, Owned]) -> None:
    foreign = api("UploadInOrderFile", Operation=api.in_order_operation(owners[1].in_order_id))
    missing = api("UploadInOrderFile", Operation=api.in_order_operation(owners[1].in_order_id + 1000))
    assert foreign.Errors.UploadInOrderFileResultError[0].Message.replace(str(owners[1].in_order_id), "N") == \
        missing.Errors.UploadInOrderFileResultError[0].Message.replace(str(owners[1].in_order_id + 1000), "N")


def test_upload_shipment_file_errors(api: Api, owners: tuple[Owned, Owned], live_server: Any) -> None:
    for shipment_id, error_type in [(owners[1].shipment_id, "ShipmentNotFound"), (999999, "ShipmentNotFound"),
                                    (None, "InvalidIdentification")]:
        result = api("UploadShipmentFile", Operation=api.shipment_operation(shipment_id))
        assert result.Success is False
        assert result.Errors.UploadShipmentFileResultError[0].ErrorType == error_type
    assert file_count(live_server) == 0


def test_upload_order_file_to_another_goods_owners_order_is_a_clear_fault(api: Api, live_server: Any) -> None:
    with pytest.raises(Fault) as foreign:
        api("UploadOrderFile", OrderFile=api.order_file("WEB-9"))
    with pytest.raises(Fault) as missing:
        api("UploadOrderFile", OrderFile=api.order_file("NO-SUCH-ORDER"))
    assert foreign.value.code.endswith("TargetNotFound") and foreign.value.message == "Order WEB-9 was not found"
    assert missing.value.message == "Order NO-SUCH-ORDER was not found"
    with pytest.raises(Fault, match="Article 'HAT' was not found"):
        api("UploadArticleDefFile", GoodsOwnerId=api.owner.goods_owner_id, ArticleNo="HAT", BatchNo=None,
            File=api.file())
    assert file_count(live_server) == 0


def test_oversize_file_is_refused_with_the_cap_in_the_message(api: Api, live_server: Any) -> None:
    cap = live_server.settings.max_file_bytes
    with pytest.raises(Fault, match=f"this server accepts files of at most {cap} bytes"):
        api("UploadOrderFile", OrderFile=api.order_file(File=api.file(content=b"x" * (cap + 1))))
    assert file_count(live_server) == 0


def test_get_file_of_another_goods_owner_is_not_found_like_a_missing_id(api: Api, other_api: Api) -> None:
    other_api("UploadOrderFile", OrderFile=other_api.order_file("WEB-9"))
    [theirs] = only_file_ids(other_api)
    assert only_file_ids(api) == []
    with pytest.raises(Fault) as foreign:
        api("GetFile", FileId=theirs)
    with pytest.raises(Fault) as missing:
        api("GetFile", FileId=theirs + 1000)
    assert foreign.value.code.endswith(":Client.NotFound") and missing.value.code == foreign.value.code
    assert (foreign.value.message, missing.value.message) == (
        f"File {theirs} was not found", f"File {theirs + 1000} was not found")


def test_naming_another_goods_owner_in_the_payload_is_a_logon_failure(api: Api, other_api: Api) -> None:
    with pytest.raises(Fault, match="Logon failed"):
        api("UploadOrderFile", OrderFile=api.order_file(GoodsOwnerId=other_api.owner.goods_owner_id))
    with pytest.raises(Fault, match="Logon failed"):
        api("GetFileList", FileSearchValues=api.t.FileSearchValues(
            GoodsOwnerId=None, GoodsOwnerCode="OTHER", OrderId=None, ArticleSystemId=None, InOrderId=None,
            ShipmentId=None))
    with pytest.raises(Fault, match="Logon failed"):
        api("UploadArticleDefFile", GoodsOwnerId=other_api.owner.goods_owner_id, ArticleNo="HAT", BatchNo=None,
            File=api.file())


# -- raw envelopes --------------------------------------------------------------------------------------------------

def envelope(owner: Owned, file_bytes: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
<UploadInOrderFile xmlns="http://ongoingsystems.se/WSI">
  <GoodsOwnerCode>{owner.code}</GoodsOwnerCode><UserName>{owner.username}</UserName><Password>{PASSWORD}</Password>
  <Operation><InOrderIdentification><InOrderId>{owner.in_order_id}</InOrderId></InOrderIdentification>
    <FileIdentification>FileName</FileIdentification>
    <File><FileName>scan.pdf</FileName><FileBytes>{file_bytes}</FileBytes></File></Operation>
</UploadInOrderFile></soap:Body></soap:Envelope>""".encode()


def post(live_server: Any, body: bytes) -> Any:
    return requests.post(live_server.url, data=body, timeout=30, headers={
        "Content-Type": "text/xml; charset=utf-8", "SOAPAction": '"http://ongoingsystems.se/WSI/UploadInOrderFile"'})


@pytest.mark.parametrize("bad", ["aGVsbG8", "!!!!aGVsbG8=", "abc", "aGVs*bG8="])
def test_malformed_base64_is_a_client_fault_and_writes_nothing(api: Api, live_server: Any, bad: str) -> None:
    response = post(live_server, envelope(api.owner, bad))
    assert response.status_code == 500
    assert b":Client.InvalidBase64</faultcode>" in response.content
    assert b"FileBytes is not valid base64" in response.content
    assert file_count(live_server) == 0


def test_malformed_base64_over_soap12_is_a_sender_fault(api: Api, live_server: Any) -> None:
    body = envelope(api.owner, "abc").replace(b"http://schemas.xmlsoap.org/soap/envelope/",
                                              b"http://www.w3.org/2003/05/soap-envelope")
    response = requests.post(live_server.url, data=body, timeout=30, headers={
        "Content-Type": 'application/soap+xml; charset=utf-8; action="http://ongoingsystems.se/WSI/UploadInOrderFile"'})
    assert response.status_code == 500
    assert b"<soap:Value>soap:Sender</soap:Value>" in response.content
    assert b'<soap:Value xmlns:tns="http://ongoingsystems.se/WSI">tns:InvalidBase64</soap:Value>' in response.content
    assert b">FileBytes is not valid base64</soap:Text>" in response.content
    assert file_count(live_server) == 0


def test_base64_with_line_breaks_is_accepted(api: Api, live_server: Any) -> None:
    content = bytes(range(256)) * 4
    wrapped = base64.encodebytes(content).decode()  # MIME style: a line break every 76 characters
    response = post(live_server, envelope(api.owner, wrapped))
    assert response.status_code == 200 and b"<Success>true</Success>" in response.content
    [file_id] = only_file_ids(api)
    assert api("GetFile", FileId=file_id).FileBytes == content


def test_a_wrong_password_is_in_band_for_upload_in_order_file_and_a_fault_for_get_file(api: Api) -> None:
    result = api.client.service.UploadInOrderFile(GoodsOwnerCode="SHOP", UserName=api.owner.username,
                                                  Password="wrong", Operation=api.in_order_operation(1))
    assert result.Success is False
    assert result.Errors.UploadInOrderFileResultError[0].ErrorType == "LogonError"
    with pytest.raises(Fault, match="Logon failed"):
        api.client.service.GetFile(UserName=api.owner.username, Password="wrong", FileId=1)
