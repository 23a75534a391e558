"""Wire <-> domain for files (UploadOrderFile, UploadArticleDefFile, UploadInOrderFile, UploadShipmentFile, GetFile,
GetFileList).

FileBytes arrive base64-decoded by the protocol (as a tuple of byte chunks) and leave as bytes that Spyne encodes.
An empty string in a search or identification field means "not given", as an omitted element does.
"""

from __future__ import annotations

from typing import Any

from wms_soap.services.files import FileSearch, FileUpload, FileView, OrderFileRef
from wms_soap.soap.service.types.common import File
from wms_soap.soap.service.types.files import FileInfo
from wms_soap.store.files import StoredFile


def text(value: str | None) -> str | None:
    """A wire string, with "" (``<X/>``) read as not given."""
    return value if value else None


def file_bytes(value: Any) -> bytes | None:
    """FileBytes as one ``bytes`` (Spyne hands base64Binary over as a sequence of chunks)."""
    if value is None:
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    return b"".join(value)


def file_upload(wire: Any) -> FileUpload | None:
    """A File, UploadInOrderFile or UploadShipmentFile element."""
    if wire is None:
        return None
    return FileUpload(file_name=wire.FileName, content=file_bytes(wire.FileBytes), mime_type=wire.MimeType)


def order_file_ref(order_file: Any) -> OrderFileRef:
    return OrderFileRef(identification=order_file.OrderFileIdentificationType or "GoodsOwnerOrderNumber",
                        goods_owner_order_number=text(order_file.GoodsOwnerOrderNumber),
                        goods_owner_order_id=text(order_file.GoodsOwnerOrderId), system_id=order_file.OrderSystemId)


def file_search(values: Any) -> FileSearch:
    if values is None:
        return FileSearch()
    return FileSearch(
        article_number=text(values.ArticleNo), article_name=text(values.ArticleName),
        order_number=text(values.OrderNumber), order_id=values.OrderId, article_id=values.ArticleSystemId,
        in_order_id=values.InOrderId, shipment_id=values.ShipmentId,
        name_begins_with=text(values.FileNameBeginsWith), name_ends_with=text(values.FileNameEndsWith))


def wire_file(stored: StoredFile) -> File:
    """GetFile's answer; files are kept until deleted, so FileWillBeDeletedAt is nil."""
    return File(FileName=stored.file_name, FileBytes=[stored.content], MimeType=stored.mime_type, FileId=stored.id,
                FileWillBeDeletedAt=None)


def file_info(view: FileView) -> FileInfo:
    stored = view.file
    return FileInfo(
        FileId=stored.id, FileName=stored.file_name, MimeType=stored.mime_type, GoodsOwnerId=stored.goods_owner_id,
        GoodsOwnerCode=view.goods_owner_code, ArticleNo=view.article_number, ArticleName=view.article_name,
        OrderNumber=view.order_number, OrderId=stored.order_id, ArticleSystemId=stored.article_id,
        InOrderId=stored.in_order_id)
