"""Files a goods owner attaches to its orders, in-orders, articles and shipments, and reads back.

An upload is checked completely before anything is written: a file with a name and content within the size cap,
and a target object of the caller's goods owner. A file id or object of another goods owner is "not found", with
the same message as one that does not exist. In-order and shipment uploads identify the file by its name
(``FileIdentification=FileName``): a name the object already has replaces that file's content and keeps its id.
Order and article uploads always add a file.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, undefer

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.common import utcnow
from wms_soap.store.access import GoodsOwner
from wms_soap.store.articles import Article
from wms_soap.store.files import FILE_NAME_LENGTH, MIME_TYPE_LENGTH, StoredFile
from wms_soap.store.inorders import InOrder
from wms_soap.store.orders import Order
from wms_soap.store.shipments import Shipment

DEFAULT_MIME_TYPE = "application/octet-stream"
ORDER_IDENTIFICATIONS = ("GoodsOwnerOrderNumber", "GoodsOwnerOrderId", "SystemId")


class NoFileSpecified(ValidationFailed):
    """No file, or a file without content (ErrorType NoFileSpecified)."""


class InvalidFileSpecified(ValidationFailed):
    """A file without a usable name or mime type, or larger than the cap (ErrorType InvalidFileSpecified)."""


class InvalidIdentification(ValidationFailed):
    """The upload does not say, or says ambiguously, which object the file belongs to."""


class TargetNotFound(NotFound):
    """The object to attach to does not exist for this goods owner (ErrorType InOrderNotFound/ShipmentNotFound)."""


@dataclass(frozen=True)
class FileUpload:
    """A file as it came on the wire; any part may be missing."""

    file_name: str | None = None
    content: bytes | None = None
    mime_type: str | None = None


@dataclass(frozen=True)
class Uploader:
    """Who uploads, and the largest file the server accepts (``Settings.max_file_bytes``)."""

    goods_owner_id: int
    username: str | None
    max_bytes: int


@dataclass(frozen=True)
class OrderFileRef:
    """OrderFile's identification: ``identification`` picks which of the other fields names the order."""

    identification: str = "GoodsOwnerOrderNumber"
    goods_owner_order_number: str | None = None
    goods_owner_order_id: str | None = None
    system_id: int | None = None


@dataclass(frozen=True)
class FileSearch:
    """FileSearchValues without the goods owner (always the caller's); every given field must match."""

    article_number: str | None = None
    article_name: str | None = None
    order_number: str | None = None
    order_id: int | None = None
    article_id: int | None = None
    in_order_id: int | None = None
    shipment_id: int | None = None
    name_begins_with: str | None = None
    name_ends_with: str | None = None


@dataclass(frozen=True)
class FileView:
    """A file's metadata with what FileInfo shows of the object it is attached to."""

    file: StoredFile
    goods_owner_code: str
    article_number: str | None
    article_name: str | None
    order_number: str | None


# -- uploads --------------------------------------------------------------------------------------------------------

def checked_upload(upload: FileUpload | None, max_bytes: int) -> tuple[str, bytes, str]:
    """(name, content, mime type) of a valid upload; raises NoFileSpecified or InvalidFileSpecified."""
    if upload is None:
        raise NoFileSpecified("No file was specified")
    if not upload.content:
        raise NoFileSpecified("The file has no content (FileBytes is empty)")
    name = (upload.file_name or "").strip()
    if not name:
        raise InvalidFileSpecified("The file has no FileName")
    if len(name) > FILE_NAME_LENGTH:
        raise InvalidFileSpecified(f"The FileName is longer than {FILE_NAME_LENGTH} characters")
    if len(upload.content) > max_bytes:
        raise InvalidFileSpecified(f"The file is {len(upload.content)} bytes; this server accepts files of at most "
                                   f"{max_bytes} bytes")
    mime_type = (upload.mime_type or "").strip() or mimetypes.guess_type(name)[0] or DEFAULT_MIME_TYPE
    if len(mime_type) > MIME_TYPE_LENGTH:
        raise InvalidFileSpecified(f"The MimeType is longer than {MIME_TYPE_LENGTH} characters")
    return name, upload.content, mime_type


def upload_order_file(session: Session, upload: FileUpload | None, ref: OrderFileRef, by: Uploader) -> StoredFile:
    """Attach a file to one of the goods owner's orders (UploadOrderFile)."""
    checked = checked_upload(upload, by.max_bytes)
    order = _find_order(session, by.goods_owner_id, ref)
    return _add(session, by, checked, order_id=order.id)


def upload_article_file(session: Session, upload: FileUpload | None, article_number: str | None,
                        batch_number: str | None, by: Uploader) -> StoredFile:
    """Attach a file to one of the goods owner's articles, optionally naming a batch (UploadArticleDefFile)."""
    checked = checked_upload(upload, by.max_bytes)
    if not (article_number or "").strip():
        raise InvalidIdentification("ArticleNo is required to name the article")
    article = session.scalar(select(Article).where(Article.goods_owner_id == by.goods_owner_id,
                                                   Article.article_number == article_number))
    if article is None:
        raise TargetNotFound(f"Article {article_number!r} was not found")
    return _add(session, by, checked, article_id=article.id, batch_number=(batch_number or "").strip() or None)


def upload_in_order_file(session: Session, upload: FileUpload | None, in_order_id: int | None,
                         goods_owner_order_number: str | None, by: Uploader) -> StoredFile:
    """Attach a file to one of the goods owner's in-orders, replacing a file of the same name (UploadInOrderFile)."""
    checked = checked_upload(upload, by.max_bytes)
    in_order = _find_in_order(session, by.goods_owner_id, in_order_id, goods_owner_order_number)
    return _add_or_replace(session, by, checked, StoredFile.in_order_id, in_order.id)


def upload_shipment_file(session: Session, upload: FileUpload | None, shipment_id: int | None,
                         by: Uploader) -> StoredFile:
    """Attach a file to one of the goods owner's shipments, replacing a file of the same name (UploadShipmentFile)."""
    checked = checked_upload(upload, by.max_bytes)
    if not shipment_id:
        raise InvalidIdentification("ShipmentId is required to name the shipment")
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or shipment.goods_owner_id != by.goods_owner_id:
        raise TargetNotFound(f"Shipment {shipment_id} was not found")
    return _add_or_replace(session, by, checked, StoredFile.shipment_id, shipment.id)


def _find_order(session: Session, goods_owner_id: int, ref: OrderFileRef) -> Order:
    column: Any
    column, value = {
        "GoodsOwnerOrderNumber": (Order.goods_owner_order_number, ref.goods_owner_order_number),
        "GoodsOwnerOrderId": (Order.goods_owner_order_id, ref.goods_owner_order_id),
        "SystemId": (Order.id, ref.system_id),
    }.get(ref.identification, (None, None))
    if column is None:
        raise InvalidIdentification(f"Unknown OrderFileIdentificationType {ref.identification!r}; expected one of "
                                    + ", ".join(ORDER_IDENTIFICATIONS))
    if value in (None, ""):
        raise InvalidIdentification(f"OrderFileIdentificationType is {ref.identification} but no value was given")
    found = session.scalars(select(Order).where(Order.goods_owner_id == goods_owner_id, column == value).limit(2))
    orders = list(found)
    if not orders:
        raise TargetNotFound(f"Order {value} was not found")
    if len(orders) > 1:
        raise InvalidIdentification(f"More than one order has {ref.identification} {value}")
    return orders[0]


def _find_in_order(session: Session, goods_owner_id: int, in_order_id: int | None, number: str | None) -> InOrder:
    if not in_order_id and not number:
        raise InvalidIdentification("InOrderId or GoodsOwnerOrderNumber is required to name the in-order")
    conditions = [InOrder.goods_owner_id == goods_owner_id]
    if in_order_id:
        conditions.append(InOrder.id == in_order_id)
    if number:
        conditions.append(InOrder.goods_owner_order_number == number)
    in_order = session.scalar(select(InOrder).where(*conditions))
    if in_order is None:
        raise TargetNotFound(f"In-order {in_order_id or number} was not found")
    return in_order


def _add(session: Session, by: Uploader, checked: tuple[str, bytes, str], **target: Any) -> StoredFile:
    name, content, mime_type = checked
    stored = StoredFile(goods_owner_id=by.goods_owner_id, file_name=name, content=content, size=len(content),
                        mime_type=mime_type, uploaded_by=by.username, uploaded_at=utcnow(), **target)
    session.add(stored)
    session.flush()
    return stored


def _add_or_replace(session: Session, by: Uploader, checked: tuple[str, bytes, str], column: Any,
                    target_id: int) -> StoredFile:
    name, content, mime_type = checked
    existing = session.scalar(select(StoredFile).where(column == target_id, StoredFile.file_name == name)
                              .order_by(StoredFile.id).limit(1))
    if existing is None:
        return _add(session, by, checked, **{column.key: target_id})
    existing.content, existing.size, existing.mime_type = content, len(content), mime_type
    existing.uploaded_by, existing.uploaded_at = by.username, utcnow()
    session.flush()
    return existing


# -- reads ----------------------------------------------------------------------------------------------------------

def get_file(session: Session, goods_owner_id: int, file_id: int) -> StoredFile:
    """A file with its content; another goods owner's file is not found, like one that does not exist."""
    stored = session.scalar(select(StoredFile).options(undefer(StoredFile.content))
                            .where(StoredFile.id == file_id, StoredFile.goods_owner_id == goods_owner_id))
    if stored is None:
        raise NotFound(f"File {file_id} was not found")
    return stored


def list_files(session: Session, goods_owner_id: int, search: FileSearch) -> list[FileView]:
    """The goods owner's files matching every given field of ``search``, by id (metadata only)."""
    query = (select(StoredFile, GoodsOwner.code, Article.article_number, Article.name, Order.goods_owner_order_number)
             .join(GoodsOwner, GoodsOwner.id == StoredFile.goods_owner_id)
             .outerjoin(Article, Article.id == StoredFile.article_id)
             .outerjoin(Order, Order.id == StoredFile.order_id)
             .where(StoredFile.goods_owner_id == goods_owner_id, *_conditions(search))
             .order_by(StoredFile.id))
    return [FileView(*row) for row in session.execute(query)]


def _conditions(search: FileSearch) -> list[ColumnElement[bool]]:
    equal: list[tuple[Any, object]] = [
        (Article.article_number, search.article_number), (Article.name, search.article_name),
        (Order.goods_owner_order_number, search.order_number), (StoredFile.order_id, search.order_id),
        (StoredFile.article_id, search.article_id), (StoredFile.in_order_id, search.in_order_id),
        (StoredFile.shipment_id, search.shipment_id),
    ]
    conditions = [column == value for column, value in equal if value is not None]
    name = func.lower(StoredFile.file_name)
    if search.name_begins_with:
        conditions.append(name.startswith(search.name_begins_with.lower(), autoescape=True))
    if search.name_ends_with:
        conditions.append(name.endswith(search.name_ends_with.lower(), autoescape=True))
    return conditions
