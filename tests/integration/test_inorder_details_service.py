"""In-order details in the services: advised items (merge, receive against, put away), suppliers and sellers,
customer, registers, return cause and an article defined on the line."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from tests.factories import make_goods_owner
from tests.inbound_fixtures import in_order_input, make_article
from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.inbound import inorders
from wms_soap.services.inbound.inorders import (
    AdvisedItemInput,
    ArticleRef,
    InOrderCustomerInput,
    InOrderInput,
    InOrderLineInput,
    LineTypeInput,
    ReturnCauseInput,
    SupplierGroupInput,
    SupplierInput,
)
from wms_soap.services.inventory.article_items import register_status
from wms_soap.services.inventory.articles import ArticleInput
from wms_soap.services.warehouse import inbound as warehouse_inbound
from wms_soap.services.warehouse.inbound import Receipt
from wms_soap.store.inorders import InOrder
from wms_soap.store.inventory import ArticleItem

EXPIRY = datetime(2027, 1, 31, tzinfo=UTC)


def utc(moment: datetime | None) -> datetime | None:
    """SQLite gives stored times back without their offset (they are UTC)."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


@pytest.fixture
def owner(session: Session) -> int:
    goods_owner = make_goods_owner(session, code="DET")
    make_article(session, goods_owner.id, "ART-1")
    for code in ("QC", "NEW"):
        register_status(session, code)
    return goods_owner.id


def with_items(number: str, count: int, items: list[AdvisedItemInput], **fields: object) -> InOrderInput:
    data = in_order_input(number, {"10": ("ART-1", count)}, **fields)
    data.lines[0].items = items
    return data


def process(session: Session, owner: int, data: InOrderInput) -> InOrder:
    in_order_id = inorders.process_in_order(session, data, goods_owner_id=owner).in_order_id
    return inorders.get_in_order(session, goods_owner_id=owner, in_order_id=in_order_id)


def test_advised_items_merge_by_saved_id(session: Session, owner: int) -> None:
    in_order = process(session, owner, with_items("PO-1", 10, [
        AdvisedItemInput(number_of_items=Decimal(4), batch="B-1"), AdvisedItemInput(number_of_items=Decimal(6),
                                                                                    batch="B-2")]))
    first, second = in_order.lines[0].advised_items
    process(session, owner, with_items("PO-1", 10, [
        AdvisedItemInput(saved_id=second.id, number_of_items=Decimal(5), batch="B-2b")]))
    assert [(item.id, item.batch, item.number_of_items) for item in in_order.lines[0].advised_items] == [
        (second.id, "B-2b", 5)]
    process(session, owner, in_order_input("PO-1", {"10": ("ART-1", 10)}))  # no Items: the advised items stay
    assert len(in_order.lines[0].advised_items) == 1
    with pytest.raises(NotFound, match=str(first.id)):
        process(session, owner, with_items("PO-1", 10, [AdvisedItemInput(saved_id=first.id,
                                                                          number_of_items=Decimal(1))]))


def test_an_advised_item_received_against_cannot_be_removed(session: Session, owner: int) -> None:
    in_order = process(session, owner, with_items("PO-1", 3, [AdvisedItemInput(serial=f"S-{n}") for n in range(3)]))
    warehouse_inbound.receive(session, in_order, [Receipt(Decimal(1), external_order_line_code="10", serial="S-2")])
    assert [item.received_number_of_items for item in in_order.lines[0].advised_items] == [0, 0, 1]
    with pytest.raises(Conflict, match="received against"):
        process(session, owner, with_items("PO-1", 3, []))


def test_receipt_with_a_batch_or_serial_goes_against_the_matching_advised_item(session: Session,
                                                                                owner: int) -> None:
    in_order = process(session, owner, with_items("PO-1", 10, [
        AdvisedItemInput(number_of_items=Decimal(4), batch="B-1", expiry_date=EXPIRY, status_code="QC"),
        AdvisedItemInput(number_of_items=Decimal(6), batch="B-2")]))
    items = warehouse_inbound.receive(session, in_order, [
        Receipt(Decimal(3), external_order_line_code="10", batch="B-2"),
        Receipt(Decimal(5), external_order_line_code="10", batch="B-9")])
    assert [(item.batch, item.number_of_items, item.advised_item_id is not None) for item in items] == [
        ("B-2", 3, True), ("B-9", 5, False)]
    first = warehouse_inbound.receive(session, in_order, [Receipt(Decimal(2), external_order_line_code="10")])
    assert [(item.batch, utc(item.expiry_date), item.status_code) for item in first] == [("B-1", EXPIRY, "QC")]
    warehouse_inbound.put_away(session, first[0], "A-01-01")
    stock = session.get(ArticleItem, first[0].article_item_id)
    assert stock is not None and (stock.batch, stock.status) == ("B-1", "QC")


def test_line_defaults_when_nothing_is_advised(session: Session, owner: int) -> None:
    data = in_order_input("PO-1", {"10": ("ART-1", 2)})
    data.lines[0].fields.update(row_batch_no="ROW-1", expiry_date=EXPIRY, serial="LINE-SN", item_status_code="NEW")
    in_order = process(session, owner, data)
    one, two = (warehouse_inbound.receive(session, in_order, [Receipt(Decimal(n), external_order_line_code="10")])[0]
                for n in (1, 1))
    assert (one.batch, utc(one.expiry_date), one.serial, one.status_code) == ("ROW-1", EXPIRY, "LINE-SN", "NEW")
    assert two.serial is None  # the line's one serial is used once


def test_seller_and_supplier_operations(session: Session, owner: int) -> None:
    data = in_order_input("PO-1", {"10": ("ART-1", 1)})
    data.seller = SupplierInput(identification="SupplierNumber", operation="CreateOrFind", number="SELL",
                                name="Seller one", city="Lund", group=SupplierGroupInput("FindOrCreate", "G1", "Group"))
    in_order = process(session, owner, data)
    assert in_order.seller is not None and (in_order.seller.name, in_order.seller.supplier_group_code) == (
        "Seller one", "G1")
    data.seller = SupplierInput(operation="CreateOrFind", number="SELL", name="Renamed")
    process(session, owner, data)
    assert in_order.seller.name == "Seller one"  # CreateOrFind finds, it does not update
    data.supplier = SupplierInput(operation="CreateOrUpdate", number="SELL", name="Renamed",
                                  group=SupplierGroupInput("Clear"))
    process(session, owner, data)
    assert in_order.supplier is in_order.seller and in_order.seller.name == "Renamed"
    assert in_order.seller.supplier_group_code is None
    data.seller = SupplierInput(operation="Find", number="NOBODY")
    with pytest.raises(NotFound, match="NOBODY"):
        process(session, owner, data)


def test_customer_register_is_used(session: Session, owner: int) -> None:
    data = in_order_input("PO-1", {"10": ("ART-1", 1)})
    data.customer = InOrderCustomerInput("CustomerNumber", "Find", {"customer_number": "C-1"})
    with pytest.raises(NotFound, match="C-1"):
        process(session, owner, data)
    data.customer = InOrderCustomerInput("CustomerNumber", "CreateOrUpdate", {"customer_number": "C-1",
                                                                              "name": "Ada", "city": "Umeå"})
    first = process(session, owner, data)
    other = in_order_input("PO-2", {"10": ("ART-1", 1)})
    other.customer = InOrderCustomerInput("CustomerNumber", "Find", {"customer_number": "C-1"})
    second = process(session, owner, other)
    assert first.customer is not None and first.customer is second.customer and first.customer.city == "Umeå"


def test_return_cause_and_article_defined_on_the_line(session: Session, owner: int) -> None:
    line = InOrderLineInput("ExternalOrderLineCode", ArticleRef("ArticleNumber", number="NEW-1"), Decimal(2),
                            external_order_line_code="10",
                            article_definition=ArticleInput(article_number="NEW-1", name="Defined inline"),
                            return_cause=ReturnCauseInput("FindOrCreate", "DAMAGED", "Damaged"))
    data = InOrderInput(identification="GoodsOwnerOrderNumber", operation="Create", goods_owner_order_number="RET-1",
                        fields={"is_return_type": True}, lines=[line])
    in_order = process(session, owner, data)
    assert in_order.lines[0].return_cause is not None and in_order.lines[0].return_cause.code == "DAMAGED"
    names = inorders.article_names(session, {in_order.lines[0].article_id})
    assert names[in_order.lines[0].article_id] == ("NEW-1", "Defined inline")
    line.return_cause = ReturnCauseInput("Find", "UNKNOWN")
    data.operation = "CreateOrUpdate"
    with pytest.raises(NotFound, match="UNKNOWN"):
        process(session, owner, data)


def test_item_statuses_must_exist(session: Session, owner: int) -> None:
    with pytest.raises(NotFound, match="BROKEN"):
        process(session, owner, with_items("PO-1", 5, [AdvisedItemInput(number_of_items=Decimal(1),
                                                                        status_code="BROKEN")]))
    status_id = register_status(session, "BROKEN").id
    in_order = process(session, owner, with_items("PO-1", 5, [AdvisedItemInput(number_of_items=Decimal(1),
                                                                               status_id=status_id)]))
    assert in_order.lines[0].advised_items[0].status_code == "BROKEN"


def test_advised_items_are_validated(session: Session, owner: int) -> None:
    with pytest.raises(ValidationFailed, match="NumberOfItems 1"):
        process(session, owner, with_items("PO-1", 5, [AdvisedItemInput(serial="S", number_of_items=Decimal(2))]))
    line_id = process(session, owner, with_items("PO-2", 5, [])).lines[0].id
    assert process(session, owner, with_items("PO-2", 5, [AdvisedItemInput(
        order_line_id=line_id, number_of_items=Decimal(1))])).lines[0].advised_items[0].number_of_items == 1
    with pytest.raises(ValidationFailed, match=f"names in-order line {line_id + 100}"):
        process(session, owner, with_items("PO-2", 5, [AdvisedItemInput(order_line_id=line_id + 100,
                                                                        number_of_items=Decimal(1))]))
    with pytest.raises(ValidationFailed, match="must be positive"):
        process(session, owner, with_items("PO-1", 5, [AdvisedItemInput(number_of_items=Decimal(0))]))


def test_line_types_follow_their_operation(session: Session, owner: int) -> None:
    data = in_order_input("PO-1", {"10": ("ART-1", 1)})
    data.lines[0].line_type = LineTypeInput("InOrderLineTypeCode", "Find", "STD")
    with pytest.raises(NotFound, match="STD"):
        process(session, owner, data)
    data.lines[0].line_type = LineTypeInput("InOrderLineTypeCode", "CreateOrFind", "STD", "Standard")
    line = process(session, owner, data).lines[0]
    assert (line.line_type_code, line.line_type_name) == ("STD", "Standard")
    data.lines[0].line_type = LineTypeInput("InOrderLineTypeCode", "CreateOrFind", "STD", "Ignored")
    assert process(session, owner, data).lines[0].line_type_name == "Standard"
    data.lines[0].line_type = LineTypeInput("InOrderLineTypeCode", "CreateOrUpdate", "STD", "Renamed")
    assert process(session, owner, data).lines[0].line_type_name == "Renamed"
    data.lines[0].line_type = LineTypeInput("InOrderLineTypeName", "Find", None, "Renamed")
    assert process(session, owner, data).lines[0].line_type_code == "STD"
