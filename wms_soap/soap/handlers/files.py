"""File operations: UploadOrderFile, UploadArticleDefFile, UploadInOrderFile, UploadShipmentFile, GetFile, GetFileList.

UploadOrderFile and UploadArticleDefFile have an empty response, and GetFile/GetFileList results have no status
field: their errors are SOAP Client faults with a clear faultstring. UploadInOrderFile and UploadShipmentFile answer
in-band with the contract's ErrorType values.
"""

from __future__ import annotations

from typing import Any

from wms_soap.errors import AuthenticationFailed, WmsError
from wms_soap.services import files
from wms_soap.soap.convert import files as convert
from wms_soap.soap.convert.inorders import raise_missing
from wms_soap.soap.dispatch import Call, handler
from wms_soap.soap.handlers.inorders import goods_owner_id
from wms_soap.soap.types.common import File
from wms_soap.soap.types.files import FileList
from wms_soap.soap.types.inorders import UploadedInOrderFile, UploadInOrderFileResult, UploadInOrderFileResultError
from wms_soap.soap.types.shipments import (
    UploadedShipmentFile,
    UploadShipmentFileResult,
    UploadShipmentFileResultError,
)

_ERROR_TYPES: dict[type[WmsError], str] = {
    files.NoFileSpecified: "NoFileSpecified",
    files.InvalidFileSpecified: "InvalidFileSpecified",
    files.InvalidIdentification: "InvalidIdentification",
}
_IN_BAND = (files.NoFileSpecified, files.InvalidFileSpecified, files.InvalidIdentification, files.TargetNotFound)


def uploader(call: Call) -> files.Uploader:
    return files.Uploader(goods_owner_id(call), call.principal.username if call.principal else None,
                          call.settings.max_file_bytes)


def ensure_own_goods_owner(call: Call, named_id: int | None, named_code: str | None) -> None:
    """A goods owner named inside the payload must be the caller's own: otherwise a logon failure (issue 4)."""
    principal = call.principal
    if principal is None:
        raise AuthenticationFailed()
    if named_id and named_id != principal.goods_owner_id:
        raise AuthenticationFailed()
    if named_code and named_code.strip().casefold() != (principal.goods_owner_code or "").strip().casefold():
        raise AuthenticationFailed()


def _error_type(error: WmsError, not_found: str) -> str:
    return not_found if isinstance(error, files.TargetNotFound) else _ERROR_TYPES[type(error)]


@handler("UploadOrderFile")
def upload_order_file(call: Call, order_file: Any) -> None:
    if order_file is None:
        raise_missing("OrderFile")
    ensure_own_goods_owner(call, order_file.GoodsOwnerId, None)
    files.upload_order_file(call.session, convert.file_upload(order_file.File), convert.order_file_ref(order_file),
                            uploader(call))


@handler("UploadArticleDefFile")
def upload_article_def_file(call: Call, article_no: str | None, batch_no: str | None, file: Any) -> None:
    files.upload_article_file(call.session, convert.file_upload(file), article_no, batch_no, uploader(call))


@handler("UploadInOrderFile")
def upload_in_order_file(call: Call, operation: Any) -> UploadInOrderFileResult:
    if operation is None:
        raise_missing("Operation")
    ident = operation.InOrderIdentification
    try:
        with call.session.begin_nested():
            stored = files.upload_in_order_file(
                call.session, convert.file_upload(operation.File), ident.InOrderId if ident else None,
                convert.text(ident.GoodsOwnerOrderNumber) if ident else None, uploader(call))
    except _IN_BAND as error:
        return UploadInOrderFileResult(Success=False, Errors=[UploadInOrderFileResultError(
            Message=str(error), ErrorType=_error_type(error, "InOrderNotFound"))])
    return UploadInOrderFileResult(Success=True, UploadedInOrderFile=UploadedInOrderFile(FileId=stored.id))


@handler("UploadShipmentFile")
def upload_shipment_file(call: Call, operation: Any) -> UploadShipmentFileResult:
    if operation is None:
        raise_missing("Operation")
    ident = operation.ShipmentIdentification
    try:
        with call.session.begin_nested():
            stored = files.upload_shipment_file(call.session, convert.file_upload(operation.File),
                                                ident.ShipmentId if ident else None, uploader(call))
    except _IN_BAND as error:
        return UploadShipmentFileResult(Success=False, Errors=[UploadShipmentFileResultError(
            Message=str(error), ErrorType=_error_type(error, "ShipmentNotFound"))])
    return UploadShipmentFileResult(Success=True, UploadedShipmentFile=UploadedShipmentFile(FileId=stored.id))


@handler("GetFile")
def get_file(call: Call, file_id: int | None) -> File:
    return convert.wire_file(files.get_file(call.session, goods_owner_id(call), file_id or 0))


@handler("GetFileList")
def get_file_list(call: Call, search_values: Any) -> FileList:
    if search_values is not None:
        ensure_own_goods_owner(call, search_values.GoodsOwnerId, search_values.GoodsOwnerCode)
    found = files.list_files(call.session, goods_owner_id(call), convert.file_search(search_values))
    return FileList(FilesInfoList=[convert.file_info(view) for view in found])
