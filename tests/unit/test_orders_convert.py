"""Wire -> domain for orders: .NET defaults, identifications, filters and updates map to what the services expect."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from wms_soap.soap.service.convert import orders as convert
from wms_soap.soap.service.convert.orders_out import build
from wms_soap.soap.service.types.common import (
    ArticleClass,
    Consignee,
    Order,
    OrderInfoType,
    OrderPalletItemInfo,
    PickedArticleItem,
    PickedOrderLine,
)
from wms_soap.soap.service.types.orders import (
    Customer,
    CustomerOrder,
    CustomerOrderLine,
    OrderFilters,
    OrderInfoClass,
    OrderNotification,
    OrderSpecialFilters,
    OrderType,
    OrderUpdateIdentification,
    UpdateOrder,
    UpdateOrderLine,
    UpdateOrderLineIdentification,
    UpdateOrderLineReportedNumberOfItems,
    UpdateOrderStatus,
    UpdateOrderWaybill,
    UpdatePickingPriority,
)


def test_order_input_maps_columns_and_drops_the_dotnet_unset_datetime() -> None:
    co = CustomerOrder(
        OrderInfo=OrderInfoClass(OrderIdentification="GoodsOwnerOrderNumber", OrderOperation="CreateOrUpdate",
                                 GoodsOwnerOrderNumber="SO-1", DeliveryDate=datetime(1, 1, 1), FreeText2="two",
                                 ArrivalDate=datetime(2030, 1, 2, 3, 4), OrderStatusCreated=100,
                                 OrderNotification=OrderNotification(Email="a@b.c", NotifyBySms=False),
                                 OrderType=OrderType(OrderTypeOperation="CreateOrFind",
                                                     OrderTypeIdentification="OrderTypeName", OrderTypeName="B2B")),
        Customer=Customer(CustomerOperation="Find", CustomerIdentification="SystemId", CustomerId=7),
        CustomerOrderLines=[CustomerOrderLine(OrderLineIdentification="SystemId", ArticleIdentification="ProductCode",
                                              ProductCode="P-1", NumberOfItems=Decimal(3), OrderLineSystemId=11,
                                              OrderLineComment="c")])
    data = convert.order_input(co)
    assert (data.identification, data.operation, data.status_created) == ("GoodsOwnerOrderNumber", "CreateOrUpdate",
                                                                          100)
    assert "delivery_date" not in data.values
    assert data.values["arrival_date"] == datetime(2030, 1, 2, 3, 4, tzinfo=UTC)
    assert (data.values["free_text2"], data.values["notify_email"], data.values["notify_by_sms"]) == ("two", "a@b.c",
                                                                                                     False)
    assert data.order_type is not None and (data.order_type.operation, data.order_type.by) == ("find_or_create",
                                                                                                "name")
    assert data.customer is not None and (data.customer.operation, data.customer.customer_id) == ("Find", 7)
    assert data.lines is not None
    [line] = data.lines
    assert (line.identification, line.line_system_id, line.number_of_items) == ("SystemId", 11, Decimal(3))
    assert (line.article.identification, line.article.product_code, line.values["comment"]) == ("ProductCode", "P-1",
                                                                                               "c")


def test_order_input_without_lines_keeps_the_existing_lines() -> None:
    data = convert.order_input(CustomerOrder(OrderInfo=OrderInfoClass(OrderOperation="Remove")))
    assert data.lines is None and data.customer is None and data.operation == "Remove"


def test_order_query_maps_every_filter() -> None:
    query = convert.order_query(OrderFilters(
        OrderIdFrom=5, MaxOrdersToGet=10, OrderNumbersToGet=["A", None], OrderIdsToGet=[1], ReferenceNumber="R",
        LastReturnedFrom=datetime(2030, 1, 1), OrderStatusFrom=200, CurrentTripId=3,
        OrderSpecialFilters=OrderSpecialFilters(HasPickedArticleItem=True, Pickable="NotOk", IsAllocated=False)))
    assert (query.order_id_from, query.max_orders, query.order_numbers, query.order_ids) == (5, 10, ["A"], [1])
    assert (query.reference_number, query.status_from, query.current_trip_id) == ("R", 200, 3)
    assert query.last_returned_from == datetime(2030, 1, 1)
    assert query.special is not None
    assert (query.special.has_picked_article_item, query.special.pickable, query.special.is_allocated) == (
        True, "NotOk", False)
    assert convert.order_query(None).special is None


def test_order_update_takes_only_the_sub_objects_sent() -> None:
    update = convert.order_update(UpdateOrder(
        OrderUpdateIdentification=OrderUpdateIdentification(OrderIdentificationType="GoodsOwnerOrderId",
                                                            GoodsOwnerOrderId="G-1"),
        UpdateOrderStatus=UpdateOrderStatus(OrderStatus=300), UpdateOrderWaybill=UpdateOrderWaybill(Waybill="W"),
        UpdatePickingPriority=UpdatePickingPriority(PickingPriority=None)))
    assert (update.identification, update.key, update.status) == ("GoodsOwnerOrderId", "G-1", 300)
    assert update.values == {"waybill": "W", "picking_priority": None}


def test_line_update() -> None:
    change = convert.line_update(UpdateOrderLine(
        UpdateOrderLineIdentification=UpdateOrderLineIdentification(OrderLineIdentificationType="OrderLineId",
                                                                    OrderLineId=4),
        UpdateReportedNumberOfItems=UpdateOrderLineReportedNumberOfItems(ReportedNumberOfItems=Decimal(2))))
    assert (change.identification, change.order_line_id, change.number_of_items) == ("OrderLineId", 4, None)
    assert change.values == {"reported_number_of_items": Decimal(2)}


@pytest.mark.parametrize("cls", [ArticleClass, Order, OrderInfoType, PickedOrderLine, PickedArticleItem,
                                 OrderPalletItemInfo, Consignee])
def test_build_makes_what_the_spyne_constructor_makes(cls: Any) -> None:
    values: dict[str, Any] = {"Success": True} if cls is Order else {}
    first_field = next(iter(dict(cls._type_info)))
    values[first_field] = values.get(first_field) or None
    assert build(cls, **values).__dict__ == cls(**values).__dict__
    with pytest.raises(TypeError, match="no field"):
        build(cls, NoSuchField=1)
