"""In-order details on the wire: supplier, seller, customer, warehouse, registers and advised article items in;
the same, the creating system and the advised items and pallets out."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from wms_soap.errors import ValidationFailed
from wms_soap.services.countries import is_eu_country
from wms_soap.services.inbound.inorders import (
    AdvisedItemInput,
    InOrderCustomerInput,
    LineTypeInput,
    RegisterRef,
    ReturnCauseInput,
    SupplierGroupInput,
    SupplierInput,
    WarehouseInput,
)
from wms_soap.soap.service.types.common import AddressClass, ArticleClass, ArticleItemClassInfo, WsiSystem
from wms_soap.soap.service.types.inorders import (
    InboundPalletItem_ReceivedArticleItem,
    InOrderWarehouseInfo,
    PalletItem_InOrder,
    PalletItem_ReceivedArticleItem,
    PalletType_PalletItem_InOrder,
    ReceivedArticlItem,
    ReceivedInOrderCustomerInfo,
    ReceivedInOrderSeller,
    ReceivedInOrderSupplier,
)
from wms_soap.store.inorders import InOrder, InOrderAdvisedItem
from wms_soap.store.suppliers import Supplier

REGISTER_OPERATIONS = {"Find": "find", "CreateOrFind": "find_or_create", "CreateOrUpdate": "create_or_update"}


def as_utc(moment: datetime | None) -> datetime | None:
    """Wire times with an offset are moved to UTC; times without one are taken as UTC."""
    if moment is None:
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# --- wire -> domain ---------------------------------------------------------------------------------------------

def _address_values(address: Any) -> dict[str, Any]:
    if address is None:
        return {}
    return {"address": address.Address, "address2": address.Address2, "address3": address.Address3,
            "post_code": address.PostCode, "city": address.City, "country_code": address.CountryCode,
            "country_state_code": address.CountryStateCode, "telephone": address.TelePhone,
            "mobile_phone": address.MobilePhone, "email": address.Email, "remark": address.Remark,
            "delivery_instruction": address.DeliveryInstruction}


def _group(wire: Any) -> SupplierGroupInput | None:
    if wire is None:
        return None
    return SupplierGroupInput(wire.SupplierGroupOperation or "FindOrCreate", wire.SupplierGroupCode,
                              wire.SupplierGroupName)


def supplier_input(wire: Any) -> SupplierInput | None:
    if wire is None:
        return None
    address = wire.Address
    return SupplierInput(
        identification=wire.InOrderSupplierIdentificationType or "SupplierNumber",
        operation=wire.InOrderSupplierOperation or "CreateOrUpdate", number=wire.SupplierNumber,
        name=wire.SupplierName or (address.Name if address else None), group=_group(wire.SupplierGroup),
        **_address_values(address))


def seller_input(wire: Any) -> SupplierInput | None:
    """The Seller is found (or created) in the supplier register by its number, else by its name."""
    if wire is None:
        return None
    address = wire.Address
    name = wire.SupplierName or (address.Name if address else None)
    return SupplierInput(
        identification="SupplierNumber" if wire.SupplierNumber else "SupplierName",
        operation="Find" if wire.Operation == "Find" else "CreateOrFind", number=wire.SupplierNumber, name=name,
        group=_group(wire.SupplierGroup), **_address_values(address))


def customer_input(wire: Any) -> InOrderCustomerInput | None:
    if wire is None:
        return None
    values = {"customer_number": wire.CustomerNumber, "name": wire.Name or wire.AddressName,
              "address": wire.Address, "address2": wire.Address2, "address3": wire.Address3,
              "post_code": wire.PostCode, "city": wire.City, "telephone": wire.TelePhone,
              "email": wire.AddressEmail, "mobile_phone": wire.MobilePhone, "country_code": wire.CountryCode}
    return InOrderCustomerInput(wire.InOrderCustomerIdentification or "CustomerNumber",
                                wire.InOrderCustomerOperation or "Find",
                                {key: value for key, value in values.items() if value is not None})


def warehouse_input(wire: Any) -> WarehouseInput | None:
    if wire is None:
        return None
    return WarehouseInput(wire.InOrderWarehouseIdentification or "WarehouseName",
                          wire.InOrderWarehouseOperation or "Find", wire.WarehouseName, wire.WarehouseCode,
                          wire.WarehouseId)


def register_ref(wire: Any, operation: str | None, identification: str | None) -> RegisterRef | None:
    """WayOfDeliveryType / TermsOfDeliveryType: the goods owner's register entry, per its operation."""
    if wire is None:
        return None
    normalized = REGISTER_OPERATIONS.get(operation or "CreateOrUpdate")
    if normalized is None:
        raise ValidationFailed(f"Unknown operation {operation!r}")
    return RegisterRef(normalized, "name" if identification == "Name" else "code", wire.Code, wire.Name)


def return_cause_input(wire: Any) -> ReturnCauseInput | None:
    if wire is None:
        return None
    return ReturnCauseInput(wire.ReturnCauseOperation or "Find", wire.ReturnCauseCode, wire.ReturnCauseName)


def item_status(wire: Any) -> tuple[int | None, str | None]:
    """InOrderLineArticleItemStatus: the goods status the items get when received."""
    if wire is None:
        return None, None
    if wire.InOrderLineArticleItemStatusIdentification == "ArticleItemStatusCode" and not wire.ArticleItemStatusCode:
        raise ValidationFailed("ArticleItemStatusCode is required to identify the article item status by code")
    return wire.ArticleItemStatusId, wire.ArticleItemStatusCode


def advised_item_input(wire: Any) -> AdvisedItemInput:
    status_id, status_code = item_status(wire.InOrderLineArticleItemStatus)
    pallet = wire.PalletItem
    pallet_type = pallet.PalletType if pallet is not None else None
    return AdvisedItemInput(
        saved_id=wire.SavedArticleItemId, order_line_id=wire.OrderLineId, number_of_items=wire.NumberOfItems,
        batch=wire.Batch, serial=wire.Serial,
        expiry_date=as_utc(wire.ExpiryDate), production_date=as_utc(wire.ProductionDate),
        container=wire.ContainerNo, comment=wire.Comment, weight=wire.Weight, volume=wire.Volume,
        length=wire.Length, width=wire.Width, height=wire.Height, second_number_of_items=wire.SecondNumberOfItems,
        price=wire.ArticleItemPrice, status_id=status_id, status_code=status_code,
        pallet_label_id=pallet.LabelId if pallet is not None else None,
        pallet_type_code=None if pallet_type is None else pallet_type.Code or (
            str(pallet_type.Id) if pallet_type.Id is not None else None),
        classes=[(c.Code, c.Name, c.Id or None) for c in wire.ArticleItemClasses or [] if c is not None])


def line_type_input(wire: Any) -> LineTypeInput | None:
    if wire is None:
        return None
    return LineTypeInput(wire.InOrderLineTypeIdentificationType or "InOrderLineTypeName",
                         wire.InOrderLineTypeOperation or "CreateOrUpdate", wire.InOrderLineTypeCode,
                         wire.InOrderLineTypeName)


def advised_items_input(items: Any) -> list[AdvisedItemInput] | None:
    if items is None:
        return None
    return [advised_item_input(item) for item in items if item is not None]


# --- domain -> wire ---------------------------------------------------------------------------------------------

def address_class(supplier: Supplier) -> AddressClass:
    return AddressClass(
        Name=supplier.name, Address=supplier.address, Address2=supplier.address2, Address3=supplier.address3,
        PostCode=supplier.post_code, City=supplier.city, TelePhone=supplier.telephone, Remark=supplier.remark,
        Email=supplier.email, MobilePhone=supplier.mobile_phone, CountryStateCode=supplier.country_state_code,
        CountryCode=supplier.country_code, IsEuCountry=is_eu_country(supplier.country_code),
        DeliveryInstruction=supplier.delivery_instruction, IsVisible=True)


def supplier_info(supplier: Supplier | None) -> ReceivedInOrderSupplier | None:
    if supplier is None:
        return None
    return ReceivedInOrderSupplier(SupplierName=supplier.name, SupplierNumber=supplier.supplier_number,
                                   Address=address_class(supplier))


def seller_info(seller: Supplier | None) -> ReceivedInOrderSeller | None:
    if seller is None:
        return None
    return ReceivedInOrderSeller(SellerName=seller.name, SellerNumber=seller.supplier_number,
                                 Address=address_class(seller))


def customer_info(in_order: InOrder) -> ReceivedInOrderCustomerInfo | None:
    customer = in_order.customer
    if customer is None:
        return None
    return ReceivedInOrderCustomerInfo(
        Name=customer.name, AddressName=customer.name, Address=customer.address, Address2=customer.address2,
        Address3=customer.address3, City=customer.city, PostCode=customer.post_code,
        CountryCode=customer.country_code, CustomerNumber=customer.customer_number,
        MobilePhone=customer.mobile_phone, TelePhone=customer.telephone, AddressEmail=customer.email)


def warehouse_info(in_order: InOrder) -> InOrderWarehouseInfo | None:
    warehouse = in_order.warehouse
    if warehouse is None:
        return None
    return InOrderWarehouseInfo(Name=warehouse.name, Code=warehouse.code, Id=warehouse.id)


def wsi_system(in_order: InOrder, system_names: dict[int, str]) -> WsiSystem | None:
    """The API user (integration) that created the in-order, with the CommunicationInfo it sent."""
    if in_order.created_by_api_user_id is None and not (in_order.communication_from_system
                                                        or in_order.communication_to_system):
        return None
    creator = in_order.created_by_api_user_id
    return WsiSystem(UserName=in_order.created_by_username,
                     SystemName=system_names.get(creator) if creator is not None else None,
                     FromSystemName=in_order.communication_from_system,
                     ToSystemName=in_order.communication_to_system, GoodsOwnerId=in_order.goods_owner_id)


def advised_article_item(item: InOrderAdvisedItem, article: ArticleClass, in_order: InOrder,
                         status_names: dict[str, str | None]) -> ReceivedArticlItem:
    """An advised item still to arrive (Advanced.IncludeAdvisedArticleItemsInReceivedArticleItems): what is left of
    it, not in stock yet (OriginalArticleItemId 0, no location)."""
    line = item.line
    return ReceivedArticlItem(
        Article=article, ExternalOrderLineCode=line.external_order_line_code,
        ExternalOrderLineId=line.external_order_line_id, Batch=item.batch, Serial=item.serial,
        GoodsStatusCode=item.status_code, GoodsStatusName=status_names.get(item.status_code or ""), isLocked=False,
        InDate=line.in_date or in_order.in_date or in_order.created_at,
        ExpiryDate=item.expiry_date, InOrderLineId=line.id, NumberOfItems=item.remaining,
        ItemWeight=item.weight, Comment=item.comment, OriginalArticleItemId=0, ItemLength=item.length,
        ItemWidth=item.width, ItemHeight=item.height, Container=item.container, IsInReported=False,
        IsLockedForSale=False, ProductionDate=item.production_date,
        SecondNumberOfItems=item.second_number_of_items, ArticleItemClass=item_classes(item),
        **pallet_of(item))


def item_classes(item: InOrderAdvisedItem | None) -> list[ArticleItemClassInfo] | None:
    """The article item classes the goods owner gave the advised item (None when it has none)."""
    if item is None or not item.classes:
        return None
    return [ArticleItemClassInfo(Code=c.code, Name=c.name, Id=c.class_id or 0) for c in item.classes]


def _pallets(in_order: InOrder) -> dict[str, list[InOrderAdvisedItem]]:
    """The advised items per pallet label; a pallet's id is its first advised item's."""
    pallets: dict[str, list[InOrderAdvisedItem]] = {}
    for line in in_order.lines:
        for item in line.advised_items:
            if item.pallet_label_id:
                pallets.setdefault(item.pallet_label_id, []).append(item)
    return pallets


def pallet_of(item: InOrderAdvisedItem | None) -> dict[str, Any]:
    """ArticleItemPalletItem and InboundPalletItem of an item arriving on an advised pallet (empty otherwise)."""
    if item is None or not item.pallet_label_id:
        return {}
    pallet_id = _pallets(item.line.in_order)[item.pallet_label_id][0].id
    return {"ArticleItemPalletItem": PalletItem_ReceivedArticleItem(PalletItemId=pallet_id,
                                                                    LabelId=item.pallet_label_id),
            "InboundPalletItem": InboundPalletItem_ReceivedArticleItem(PalletItemId=pallet_id)}


def pallet_items(in_order: InOrder) -> list[PalletItem_InOrder]:
    """Advanced.IncludeInboundPalletItems: one pallet per label the advised items arrive on."""
    return [PalletItem_InOrder(
        PalletItemId=items[0].id, LabelId=label,
        PalletType=PalletType_PalletItem_InOrder(PalletTypeCode=items[0].pallet_type_code)
        if items[0].pallet_type_code else None,
        NumberOfItems=sum((item.number_of_items for item in items), Decimal(0)))
        for label, items in _pallets(in_order).items()]
