"""File operations: UploadOrderFile, UploadArticleDefFile, UploadInOrderFile, UploadShipmentFile, GetFile, GetFileList.

UploadOrderFile and UploadArticleDefFile have an empty response, and GetFile/GetFileList results have no status
field: their errors are SOAP Client faults with a clear faultstring. UploadInOrderFile and UploadShipmentFile answer
in-band (through the dispatcher) with the contract's ErrorType values mapped by ``_error_types``.
"""

from __future__ import annotations

from typing import Any

from wms_soap.errors import AuthenticationFailed
from wms_soap.services import files
from wms_soap.soap.service.convert import files as convert
from wms_soap.soap.service.convert.inorders import raise_missing
from wms_soap.soap.service.dispatch import Call, ErrorTypes, handler
from wms_soap.soap.service.types.common import File
from wms_soap.soap.service.types.files import FileList
from wms_soap.soap.service.types.inorders import UploadedInOrderFile, UploadInOrderFileResult
from wms_soap.soap.service.types.shipments import UploadedShipmentFile, UploadShipmentFileResult


def _error_types(not_found: str) -> ErrorTypes:
    """The upload ErrorTypes; only the missing target's name differs (InOrderNotFound, ShipmentNotFound)."""
    return {files.NoFileSpecified: "NoFileSpecified", files.InvalidFileSpecified: "InvalidFileSpecified",
            files.InvalidIdentification: "InvalidIdentification", files.TargetNotFound: not_found}


def uploader(call: Call) -> files.Uploader:
    return files.Uploader(call.goods_owner_id, call.principal.username if call.principal else None,
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


@handler("UploadInOrderFile", error_types=_error_types("InOrderNotFound"))
def upload_in_order_file(call: Call, operation: Any) -> UploadInOrderFileResult:
    if operation is None:
        raise_missing("Operation")
    ident = operation.InOrderIdentification
    stored = files.upload_in_order_file(
        call.session, convert.file_upload(operation.File), ident.InOrderId if ident else None,
        convert.text(ident.GoodsOwnerOrderNumber) if ident else None, uploader(call))
    return UploadInOrderFileResult(Success=True, UploadedInOrderFile=UploadedInOrderFile(FileId=stored.id))


@handler("UploadShipmentFile", error_types=_error_types("ShipmentNotFound"))
def upload_shipment_file(call: Call, operation: Any) -> UploadShipmentFileResult:
    if operation is None:
        raise_missing("Operation")
    ident = operation.ShipmentIdentification
    stored = files.upload_shipment_file(call.session, convert.file_upload(operation.File),
                                        ident.ShipmentId if ident else None, uploader(call))
    return UploadShipmentFileResult(Success=True, UploadedShipmentFile=UploadedShipmentFile(FileId=stored.id))


@handler("GetFile")
def get_file(call: Call, file_id: int | None) -> File:
    return convert.wire_file(files.get_file(call.session, call.goods_owner_id, file_id or 0))


@handler("GetFileList")
def get_file_list(call: Call, search_values: Any) -> FileList:
    if search_values is not None:
        ensure_own_goods_owner(call, search_values.GoodsOwnerId, search_values.GoodsOwnerCode)
    found = files.list_files(call.session, call.goods_owner_id, convert.file_search(search_values))
    return FileList(FilesInfoList=[convert.file_info(view) for view in found])
