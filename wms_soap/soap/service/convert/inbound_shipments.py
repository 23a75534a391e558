"""Inbound shipments: GetInboundShipmentsQuery to the domain query, stored shipments to the wire."""

from __future__ import annotations

from typing import Any

from wms_soap.services.countries import is_eu_country
from wms_soap.services.inbound import inbound_shipments
from wms_soap.soap.service.types.inorders import (
    Address_GetInboundShipments,
    GoodsOwner_GetInboundShipments,
    InboundShipmentArticle,
    InboundShipmentCustomsStatusInfo,
    InboundShipmentHeaderInfo,
    InboundShipmentInfo,
    InboundShipmentInOrder,
    InboundShipmentInOrderHeaderInfo,
    InboundShipmentInOrderLine,
    InboundShipmentInOrderSeller,
    InboundShipmentInOrderSellerAddress,
    InboundShipmentInOrderSellerAddressCountry,
    InboundShipmentInOrderSellerAddressCountryState,
    InboundShipmentInOrderSupplier,
    InboundShipmentInOrderSupplierAddress,
    InboundShipmentInOrderSupplierAddressCountry,
    InboundShipmentInOrderSupplierAddressCountryState,
    InboundShipmentReceivedArticleItem,
    Supplier_GetInboundShipments,
)
from wms_soap.store.articles import Article
from wms_soap.store.inbound_shipments import InboundShipment
from wms_soap.store.inorders import InOrder, InOrderLine, InOrderReceivedItem
from wms_soap.store.suppliers import Supplier


def _items(array: Any) -> list[Any]:
    return [member for member in array or [] if member is not None]


def shipment_query(wire: Any) -> inbound_shipments.ShipmentQuery:
    if wire is None:
        return inbound_shipments.ShipmentQuery()
    return inbound_shipments.ShipmentQuery(
        ids=_items(wire.ShipmentIds), numbers=[n for n in _items(wire.ShipmentOrderNumbers) if n],
        customs_status=wire.CustomsStatus, status_from=wire.ShipmentStatusFrom, status_to=wire.ShipmentStatusTo)


def shipment_info(shipment: InboundShipment, view: inbound_shipments.ShipmentsView) -> InboundShipmentInfo:
    lines = [view.in_order_lines[line.in_order_line_id] for line in shipment.lines]
    counts = {line.in_order_line_id: line.number_of_items for line in shipment.lines}
    in_orders = list({line.in_order.id: line.in_order for line in lines}.values())
    return InboundShipmentInfo(
        ShipmentInfo=_header(shipment, view),
        ReceivedArticleItems=[_received(item, line, view) for line in lines for item in line.received_items] or None,
        InOrderLines=[_line(line, counts[line.id], view) for line in lines],
        InOrders=[_in_order(in_order) for in_order in in_orders])


def _header(shipment: InboundShipment, view: inbound_shipments.ShipmentsView) -> InboundShipmentHeaderInfo:
    customs = (InboundShipmentCustomsStatusInfo(Id=inbound_shipments.CUSTOMS_STATUS_IDS[shipment.customs_status],
                                                Code=shipment.customs_status) if shipment.customs_status else None)
    supplier = view.suppliers.get(shipment.supplier_id) if shipment.supplier_id is not None else None
    owner = view.goods_owner
    return InboundShipmentHeaderInfo(
        ShipmentId=shipment.id, InDate=shipment.in_date, ShipmentOrderNumber=shipment.shipment_number,
        CustomsReferenceNumber=shipment.customs_reference_number, ShipmentComment=shipment.comment,
        CustomsEUType=shipment.customs_eu_type, CustomsStatus=customs, ShipmentStatusId=shipment.status,
        Supplier=_supplier(supplier) if supplier else None, Waybill=shipment.waybill,
        GoodsOwner=GoodsOwner_GetInboundShipments(GoodsOwnerCode=owner.code, GoodsOwnerId=owner.id) if owner else None)


def _supplier(supplier: Supplier) -> Supplier_GetInboundShipments:
    return Supplier_GetInboundShipments(
        SupplierName=supplier.name, SupplierNumber=supplier.supplier_number, SupplierId=supplier.id,
        Address=Address_GetInboundShipments(
            Name=supplier.name, Address=supplier.address, Address2=supplier.address2, Address3=supplier.address3,
            PostCode=supplier.post_code, City=supplier.city, TelePhone=supplier.telephone, Email=supplier.email,
            MobilePhone=supplier.mobile_phone, CountryStateCode=supplier.country_state_code,
            IsEuCountry=is_eu_country(supplier.country_code), CountryCode=supplier.country_code))


def _article(article: Article) -> InboundShipmentArticle:
    return InboundShipmentArticle(
        ArticleNumber=article.article_number, Name=article.name, ProductCode=article.product_code,
        SystemId=article.id, StatisticsNumber=article.statistics_number,
        CountryOfOriginCode=article.country_of_origin_code, ArticleDescription=article.description)


def _received(item: InOrderReceivedItem, line: InOrderLine,
              view: inbound_shipments.ShipmentsView) -> InboundShipmentReceivedArticleItem:
    status = view.item_statuses.get(item.status_code) if item.status_code else None
    return InboundShipmentReceivedArticleItem(
        Article=_article(view.articles[line.article_id]), Batch=item.batch, Serial=item.serial,
        GoodsStatusName=status.name if status else None, GoodsStatusCode=item.status_code, IsLocked=False,
        InDate=item.received_at, ExpiryDate=item.expiry_date, NumberOfItems=item.number_of_items,
        Comment=item.comment, OriginalArticleItemId=item.id, Container=item.container, InOrderLineId=line.id)


def _line(line: InOrderLine, count: Any, view: inbound_shipments.ShipmentsView) -> InboundShipmentInOrderLine:
    unit_price = (line.row_price / line.advised_number_of_items
                  if line.row_price is not None and line.advised_number_of_items else None)
    return InboundShipmentInOrderLine(
        Article=_article(view.articles[line.article_id]), InOrderId=line.in_order_id, InOrderLineId=line.id,
        InOrderNumber=line.in_order.goods_owner_order_number, ExternalOrderLineCode=line.external_order_line_code,
        AdvisedNumberOfItems=line.advised_number_of_items, ShipmentNumberOfItems=count, RowPrice=line.row_price,
        CurrencyCode=line.currency_code, InOrderLineUnitPrice=unit_price)


def _in_order(in_order: InOrder) -> InboundShipmentInOrder:
    supplier, seller = in_order.supplier, in_order.seller
    return InboundShipmentInOrder(
        InOrderInfo=InboundShipmentInOrderHeaderInfo(InOrderId=in_order.id,
                                                     InOrderNumber=in_order.goods_owner_order_number),
        Supplier=(InboundShipmentInOrderSupplier(SupplierId=supplier.id, SupplierName=supplier.name)
                  if supplier else None),
        SupplierAddress=_address(supplier, InboundShipmentInOrderSupplierAddress,
                                 InboundShipmentInOrderSupplierAddressCountryState,
                                 InboundShipmentInOrderSupplierAddressCountry) if supplier else None,
        Seller=InboundShipmentInOrderSeller(SupplierId=seller.id, SupplierName=seller.name) if seller else None,
        SellerAddress=_address(seller, InboundShipmentInOrderSellerAddress,
                               InboundShipmentInOrderSellerAddressCountryState,
                               InboundShipmentInOrderSellerAddressCountry) if seller else None)


def _address(supplier: Supplier, address: Any, state: Any, country: Any) -> Any:
    return address(
        Name=supplier.name, Address=supplier.address, Address2=supplier.address2, Address3=supplier.address3,
        PostCode=supplier.post_code, City=supplier.city, TelePhone=supplier.telephone, Email=supplier.email,
        MobilePhone=supplier.mobile_phone, DeliveryInstruction=supplier.delivery_instruction,
        CountryState=state(CountryStateCode=supplier.country_state_code) if supplier.country_state_code else None,
        Country=country(CountryCode=supplier.country_code, IsEuCountry=is_eu_country(supplier.country_code))
        if supplier.country_code else None)
