"""services/files.py on the test database: uploads to every kind of object, the checks before anything is written,
the goods-owner boundary, replace-by-name, and the file list filters."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.files_support import Owned, make_other_owned, make_owned
from wms_soap.errors import NotFound
from wms_soap.services import files
from wms_soap.services.files import FileSearch, FileUpload, OrderFileRef, Uploader
from wms_soap.store.files import StoredFile

PDF = FileUpload("invoice.pdf", b"%PDF-1.4 hello", "application/pdf")


@pytest.fixture
def shop(session: Session) -> Owned:
    return make_owned(session, "SHOP")


@pytest.fixture
def other(session: Session) -> Owned:
    return make_other_owned(session)


def by(owner: Owned, max_bytes: int = 1000) -> Uploader:
    return Uploader(owner.goods_owner_id, owner.username, max_bytes)


def count_files(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(StoredFile)) or 0


def test_upload_to_each_kind_of_object_and_read_back(session: Session, shop: Owned) -> None:
    order_file = files.upload_order_file(session, PDF, OrderFileRef(goods_owner_order_number="WEB-1"), by(shop))
    article_file = files.upload_article_file(session, FileUpload("spec.txt", b"spec"), "SHOE", "B-7", by(shop))
    in_order_file = files.upload_in_order_file(session, PDF, None, "PO-1", by(shop))
    shipment_file = files.upload_shipment_file(session, PDF, shop.shipment_id, by(shop))
    assert (order_file.order_id, article_file.article_id, in_order_file.in_order_id, shipment_file.shipment_id) == (
        shop.order_id, shop.article_id, shop.in_order_id, shop.shipment_id)
    assert article_file.mime_type == "text/plain" and article_file.batch_number == "B-7"
    session.expunge_all()
    stored = files.get_file(session, shop.goods_owner_id, order_file.id)
    assert (stored.file_name, stored.content, stored.mime_type, stored.size) == (
        "invoice.pdf", b"%PDF-1.4 hello", "application/pdf", 14)
    assert stored.uploaded_by == "WSIshop" and stored.uploaded_at is not None


def test_order_identifications(session: Session, shop: Owned) -> None:
    for ref in (OrderFileRef("GoodsOwnerOrderId", goods_owner_order_id="GO-SHOP"),
                OrderFileRef("SystemId", system_id=shop.order_id)):
        assert files.upload_order_file(session, PDF, ref, by(shop)).order_id == shop.order_id


@pytest.mark.parametrize(("upload", "error", "message"), [
    (None, files.NoFileSpecified, "No file was specified"),
    (FileUpload("a.pdf", b""), files.NoFileSpecified, "no content"),
    (FileUpload("  ", b"x"), files.InvalidFileSpecified, "no FileName"),
    (FileUpload("a" * 261, b"x"), files.InvalidFileSpecified, "longer than 260"),
    (FileUpload("a.pdf", b"x" * 1001), files.InvalidFileSpecified, "1001 bytes; this server accepts files of at "
                                                                     "most 1000 bytes"),
])
def test_bad_files_are_refused_and_nothing_is_written(session: Session, shop: Owned, upload: FileUpload | None,
                                                      error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        files.upload_order_file(session, upload, OrderFileRef(goods_owner_order_number="WEB-1"), by(shop))
    assert count_files(session) == 0


def test_a_file_exactly_at_the_cap_is_accepted(session: Session, shop: Owned) -> None:
    stored = files.upload_order_file(session, FileUpload("a.bin", b"x" * 1000),
                                     OrderFileRef(goods_owner_order_number="WEB-1"), by(shop))
    assert stored.size == 1000 and stored.mime_type == "application/octet-stream"


def test_objects_of_another_goods_owner_are_not_found(session: Session, shop: Owned, other: Owned) -> None:
    attempts = [
        lambda: files.upload_order_file(session, PDF, OrderFileRef(goods_owner_order_number="WEB-9"), by(shop)),
        lambda: files.upload_order_file(session, PDF, OrderFileRef("SystemId", system_id=other.order_id), by(shop)),
        lambda: files.upload_article_file(session, PDF, "HAT", None, by(shop)),
        lambda: files.upload_in_order_file(session, PDF, other.in_order_id, None, by(shop)),
        lambda: files.upload_shipment_file(session, PDF, other.shipment_id, by(shop)),
    ]
    for attempt in attempts:
        with pytest.raises(files.TargetNotFound, match="was not found"):
            attempt()
    assert count_files(session) == 0


def test_missing_identification(session: Session, shop: Owned) -> None:
    with pytest.raises(files.InvalidIdentification):
        files.upload_in_order_file(session, PDF, None, None, by(shop))
    with pytest.raises(files.InvalidIdentification):
        files.upload_shipment_file(session, PDF, None, by(shop))
    with pytest.raises(files.InvalidIdentification, match="no value"):
        files.upload_order_file(session, PDF, OrderFileRef("GoodsOwnerOrderNumber"), by(shop))
    with pytest.raises(files.InvalidIdentification, match="Unknown OrderFileIdentificationType"):
        files.upload_order_file(session, PDF, OrderFileRef("Guess", goods_owner_order_number="WEB-1"), by(shop))
    with pytest.raises(files.InvalidIdentification, match="ArticleNo"):
        files.upload_article_file(session, PDF, "", None, by(shop))


def test_in_order_id_and_number_must_name_the_same_in_order(session: Session, shop: Owned) -> None:
    with pytest.raises(files.TargetNotFound):
        files.upload_in_order_file(session, PDF, shop.in_order_id, "PO-OTHER", by(shop))
    assert files.upload_in_order_file(session, PDF, shop.in_order_id, "PO-1", by(shop)).in_order_id == shop.in_order_id


def test_in_order_and_shipment_uploads_replace_a_file_of_the_same_name(session: Session, shop: Owned) -> None:
    first = files.upload_in_order_file(session, PDF, shop.in_order_id, None, by(shop))
    again = files.upload_in_order_file(session, FileUpload("invoice.pdf", b"v2"), shop.in_order_id, None, by(shop))
    other_name = files.upload_in_order_file(session, FileUpload("packing.pdf", b"p"), shop.in_order_id, None, by(shop))
    assert again.id == first.id and other_name.id != first.id
    assert files.get_file(session, shop.goods_owner_id, first.id).content == b"v2"
    shipment_first = files.upload_shipment_file(session, PDF, shop.shipment_id, by(shop))
    assert files.upload_shipment_file(session, PDF, shop.shipment_id, by(shop)).id == shipment_first.id
    assert count_files(session) == 3


def test_order_uploads_add_a_file_each_time(session: Session, shop: Owned) -> None:
    ref = OrderFileRef(goods_owner_order_number="WEB-1")
    assert files.upload_order_file(session, PDF, ref, by(shop)).id != files.upload_order_file(
        session, PDF, ref, by(shop)).id


def test_get_file_of_another_goods_owner_is_the_same_not_found_as_a_missing_one(
        session: Session, shop: Owned, other: Owned) -> None:
    theirs = files.upload_order_file(session, PDF, OrderFileRef(goods_owner_order_number="WEB-9"), by(other))
    with pytest.raises(NotFound) as foreign:
        files.get_file(session, shop.goods_owner_id, theirs.id)
    with pytest.raises(NotFound) as missing:
        files.get_file(session, shop.goods_owner_id, theirs.id + 1000)
    assert str(foreign.value) == f"File {theirs.id} was not found"
    assert str(missing.value) == f"File {theirs.id + 1000} was not found"


def test_list_files_filters_and_never_shows_another_goods_owner(session: Session, shop: Owned, other: Owned) -> None:
    order_file = files.upload_order_file(session, PDF, OrderFileRef(goods_owner_order_number="WEB-1"), by(shop))
    article_file = files.upload_article_file(session, FileUpload("Spec_100%.TXT", b"s"), "SHOE", None, by(shop))
    in_order_file = files.upload_in_order_file(session, PDF, shop.in_order_id, None, by(shop))
    files.upload_order_file(session, PDF, OrderFileRef(goods_owner_order_number="WEB-9"), by(other))

    def ids(search: FileSearch) -> list[int]:
        return [view.file.id for view in files.list_files(session, shop.goods_owner_id, search)]

    assert ids(FileSearch()) == [order_file.id, article_file.id, in_order_file.id]
    assert ids(FileSearch(order_number="WEB-1")) == ids(FileSearch(order_id=shop.order_id)) == [order_file.id]
    assert ids(FileSearch(article_number="SHOE")) == ids(FileSearch(article_name="Article SHOE")) == [article_file.id]
    assert ids(FileSearch(article_id=shop.article_id)) == [article_file.id]
    assert ids(FileSearch(in_order_id=shop.in_order_id)) == [in_order_file.id]
    assert ids(FileSearch(name_begins_with="spec_1")) == [article_file.id]
    assert ids(FileSearch(name_begins_with="spec%")) == []
    assert ids(FileSearch(name_ends_with="%.txt")) == [article_file.id]
    assert ids(FileSearch(name_ends_with=".PDF")) == [order_file.id, in_order_file.id]
    assert ids(FileSearch(order_number="WEB-9")) == []
    [view] = files.list_files(session, shop.goods_owner_id, FileSearch(article_number="SHOE"))
    assert (view.goods_owner_code, view.article_number, view.article_name, view.order_number) == (
        "SHOP", "SHOE", "Article SHOE", None)
