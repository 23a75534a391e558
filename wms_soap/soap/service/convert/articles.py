"""Articles: wire ArticleDefinition to the domain ArticleInput, stored articles to the wire ArticleClass."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wms_soap.errors import ValidationFailed
from wms_soap.services.inventory.articles import (
    AlternativeSupplierInput,
    ArticleInput,
    ArticleOutcome,
    BarcodeInput,
    ClassesInput,
    DangerousGoodsInput,
    RegisterRef,
    StructureInput,
    VatRef,
)
from wms_soap.services.suppliers import SupplierInput
from wms_soap.soap.service.convert.construct import constructor
from wms_soap.soap.service.types.articles import ArticleClassResult
from wms_soap.soap.service.types.common import (
    ArticleClass,
    DangerousGoods,
    FileResultClass,
    GoodsCategoryInfo,
    ProperShippingName,
    TaricNumberInfoClass,
    TaricNumbersInfo,
)
from wms_soap.store.articles import Article, ArticleDangerousGoods
from wms_soap.store.articles import ArticleClass as StoredArticleClass

SCALAR_FIELDS = {
    "BarCode": "bar_code", "SupplierArticleNumber": "supplier_article_number", "ArticleDescription": "description",
    "ArticleUnitCode": "unit_code", "CountryOfOriginCode": "country_of_origin_code",
    "StatisticsNumber": "statistics_number", "PurchaseCurrencyCode": "purchase_currency_code", "Weight": "weight",
    "NetWeight": "net_weight", "Volume": "volume", "Length": "length", "Width": "width", "Height": "height",
    "QuantityPerPallet": "quantity_per_pallet", "QuantityPerPackage": "quantity_per_package",
    "OrderPoint": "order_point", "Price": "price", "CustomerPrice": "customer_price",
    "PurchasePrice": "purchase_price", "IsStockArticle": "is_stock_article", "IsGSPCertified": "is_gsp_certified",
    "MaxStockDays": "max_stock_days", "BarCodePackage": "bar_code_package", "LinkToPicture": "link_to_picture",
    "BarCodePallet": "bar_code_pallet", "QuantityPerLayer": "quantity_per_layer", "PalletHeight": "pallet_height",
    "IsObsolete": "is_obsolete", "MinDaysToExpiryDate": "min_days_to_expiry_date",
    "AdditionalStatisticsNumber": "additional_statistics_number",
    "CustomsExportConditions": "customs_export_conditions", "IsSerialNumberArticle": "is_serial_number_article",
    "IsBatchArticle": "is_batch_article", "ArticleFreeDecimal1": "free_decimal1",
    "ArticleFreeDecimal2": "free_decimal2", "ArticleStoragePriority": "storage_priority",
    "SubQuantityPerItem": "sub_quantity_per_item", "MaxStackNumberOfLevels": "max_stack_number_of_levels",
    "IsExpiryDateArticle": "is_expiry_date_article", "ArticleReturnHandlingComment": "return_handling_comment",
    "ArticleCustomsDescription": "customs_description", "ArticleFreeDecimal3": "free_decimal3",
    "IsActive": "is_active", "ArticleFreeBoolean1": "free_boolean1", "ArticleFreeBoolean2": "free_boolean2",
    "ArticleFreeBoolean3": "free_boolean3", "ArticlePickingHandlingComment": "picking_handling_comment",
    "ArticleInboundHandlingComment": "inbound_handling_comment", "ArticleFreeText1": "free_text1",
}
"""ArticleDefinition value fields and the Article column each one sets."""

DANGEROUS_GOODS_FIELDS = {
    "UNNumber": "un_number", "UNIsMarineHazard": "is_marine_hazard", "UNIsDangerousGoods": "is_dangerous_goods",
    "UNPackageType": "package_type", "UNClassNumber": "class_number", "UNLabelNumbers": "label_numbers",
    "DangerousGoodsCoefficient": "coefficient", "EmSCode": "ems_code", "FlashPoint": "flash_point",
}


def _list(value: Any) -> list[Any]:
    return [entry for entry in (value or []) if entry is not None]


# --- wire -> domain ---------------------------------------------------------------------------------------------

def article_input(art: Any) -> ArticleInput:
    """The domain input of one ArticleDefinition (sub-definitions of a structure included)."""
    if art is None:
        raise ValidationFailed("The article definition (art) is missing")
    values = {column: getattr(art, wire) for wire, column in SCALAR_FIELDS.items() if getattr(art, wire) is not None}
    if art.StorageClass is not None and art.StorageClass.Name is not None:
        values["storage_class_name"] = art.StorageClass.Name
    if art.DefaultLocation is not None and art.DefaultLocation.LocationName is not None:
        values["default_location_name"] = art.DefaultLocation.LocationName
    return ArticleInput(
        operation=art.ArticleOperation or "CreateOrUpdate", identification=art.ArticleIdentification or "SystemId",
        system_id=art.ArticleSystemId, article_number=art.ArticleNumber, name=art.ArticleName,
        product_code=art.ProductCode, values=values, group=group_ref(art.ArticleGroup),
        category=type_ref(art.ArticleCategory), color=color_ref(art.ArticleColor), size=size_ref(art.ArticleSize),
        goods_category=goods_category_ref(art.GoodsCategory), vat_code=vat_ref(art.VatCode),
        main_supplier=supplier_ref(art.MainSupplier), alternative_suppliers=alternative_suppliers(art),
        names=article_names(art.ArticleNames), barcodes=alternative_barcodes(art.AlternativeBarcodes),
        taric_numbers=taric_numbers(art.TaricNumbers), dangerous_goods=dangerous_goods_inputs(art.DangerousGoods),
        structure=structure_input(art.ArticleStructureSpecification),
        classes=classes_input(art.ArticleDefinitionClasses),
    )


def group_ref(group: Any) -> RegisterRef | None:
    if group is None:
        return None
    identification = {"ArticleGroupCode": "code", "ArticleGroupName": "name"}.get(group.ArticleGroupIdentification)
    if identification is None:
        raise ValidationFailed(f"ArticleGroup: unknown identification {group.ArticleGroupIdentification!r}")
    return RegisterRef(group.ArticleGroupOperation or "Find", identification, group.ArticleGroupCode,
                       group.ArticleGroupName)


def type_ref(category: Any) -> RegisterRef | None:
    if category is None:
        return None
    identification = {"Code": "code", "Name": "name"}.get(category.TypeIdentification)
    if identification is None:
        raise ValidationFailed(f"ArticleCategory: unknown identification {category.TypeIdentification!r}")
    return RegisterRef(category.TypeOperation or "CreateOrUpdate", identification, category.Code, category.Name)


def color_ref(color: Any) -> RegisterRef | None:
    if color is None:
        return None
    return RegisterRef(color.ArticleColorOperation or "FindOrCreate", "code" if color.ColorCode else "name",
                       color.ColorCode, color.ColorName)


def size_ref(size: Any) -> RegisterRef | None:
    if size is None:
        return None
    return RegisterRef(size.ArticleSizeOperation or "FindOrCreate", "code" if size.SizeCode else "name",
                       size.SizeCode, size.SizeName)


def goods_category_ref(category: Any) -> RegisterRef | None:
    if category is None:
        return None
    return RegisterRef(category.GoodsCategoryOperation or "Find", "code", category.GoodsCategoryCode,
                       category.GoodsCategoryName)


def vat_ref(vat: Any) -> VatRef | None:
    if vat is None:
        return None
    return VatRef(vat.VatCodeOperation or "Find", vat.VatCodeIdentification or "VatTypeCode", vat.VatCode,
                  vat.VatPercent)


def supplier_ref(supplier: Any) -> SupplierInput | None:
    if supplier is None:
        return None
    address = supplier.Address
    fields = {} if address is None else {
        "address": address.Address, "address2": address.Address2, "address3": address.Address3,
        "post_code": address.PostCode, "city": address.City, "country_code": address.CountryCode,
        "telephone": address.TelePhone, "email": address.Email}
    return SupplierInput(supplier.SupplierIdentificationType or "SupplierNumber",
                         supplier.SupplierOperation or "CreateOrUpdate", supplier.SupplierNumber,
                         supplier.SupplierName, comment=supplier.comment, **fields)


def alternative_suppliers(art: Any) -> list[AlternativeSupplierInput] | None:
    if art.AlternativeSuppliers is None:
        return None
    result = []
    for entry in _list(art.AlternativeSuppliers.AlternativeSupplier):
        supplier = supplier_ref(entry.Supplier)
        if supplier is None:
            raise ValidationFailed("AlternativeSupplier: Supplier is required")
        result.append(AlternativeSupplierInput(supplier, entry.LeadTime, entry.SupplierArticleNumber))
    return result


def article_names(names: Any) -> list[tuple[str, str | None]] | None:
    if names is None:
        return None
    return [((entry.Language.LanguageCode if entry.Language is not None else None) or "", entry.ArticleName)
            for entry in _list(names.ArticleName)]


def alternative_barcodes(barcodes: Any) -> list[BarcodeInput] | None:
    if barcodes is None:
        return None
    result = []
    for entry in _list(barcodes.AlternativeBarcode):
        kind = entry.AlternativeBarcodeType
        result.append(BarcodeInput(entry.Barcode or "", kind.Code if kind else None, kind.Name if kind else None,
                                   entry.QuantityPerBarcode))
    return result


def taric_numbers(numbers: Any) -> list[tuple[str | None, str | None]] | None:
    if numbers is None:
        return None
    return [(entry.Country.CountryCode if entry.Country is not None else None, entry.TaricNumber)
            for entry in _list(numbers.TaricNumber)]


def dangerous_goods_inputs(entries: Any) -> list[DangerousGoodsInput] | None:
    if entries is None:
        return None
    return [DangerousGoodsInput(
        values={column: getattr(entry, wire) for wire, column in DANGEROUS_GOODS_FIELDS.items()},
        tunnel_codes=[code for code in _list(entry.UNTunnelCodes)],
        shipping_names=[(name.LanguageCode, name.Name) for name in _list(entry.UNProperShippingName)],
    ) for entry in _list(entries)]


def structure_input(structure: Any) -> StructureInput | None:
    """The structure's components; a line without a SubArticleDefinition names no article and is skipped
    (``StructureInput.skipped`` counts them, and ProcessArticle says so in ``Message``)."""
    if structure is None:
        return None
    entries = _list(structure.StructureArticleDefinition)
    components = [(entry.NumberOfItems, article_input(entry.SubArticleDefinition)) for entry in entries
                  if entry.SubArticleDefinition is not None]
    return StructureInput(structure.ArticleStructureType, components, skipped=len(entries) - len(components))


def classes_input(classes: Any) -> ClassesInput | None:
    if classes is None:
        return None
    mode = classes.HandlingMode or "Add"
    return ClassesInput([(entry.Code, entry.Name, entry.Comment) for entry in _list(classes.Classes)], mode)


# --- domain -> wire ---------------------------------------------------------------------------------------------


def _decimal(value: int | Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value)


_new_article_class = constructor(ArticleClass)
"""ArticleClass has about 70 fields: built without Spyne's per-field __init__ (inventory pages carry thousands)."""


def article_class(article: Article) -> ArticleClass:
    """The read model of an article, as inventory and order answers carry it."""
    group, category, vat, supplier = article.group, article.category, article.vat_code, article.main_supplier
    color, size, goods_category = article.color, article.size, article.goods_category
    return _new_article_class(
        SystemId=article.id, Name=article.name, ArticleNumber=article.article_number,
        ProductCode=article.product_code, BarCode=article.bar_code, Description=article.description,
        SupplierArticleNumber=article.supplier_article_number, StatisticsNumber=article.statistics_number,
        ArticleGroupName=group and group.name, ArticleGroupCode=group and group.code,
        MainSupplierName=supplier and supplier.name, MainSupplierNumber=supplier and supplier.supplier_number,
        ArticleCategoryName=category and category.name, ArticleCategoryCode=category and category.code,
        CountryOfOriginCode=article.country_of_origin_code, IsStockArticle=bool(article.is_stock_article),
        ArticleUnitCode=article.unit_code, VatCode=vat and vat.code, VatPercent=vat and vat.percent,
        Length=article.length, Width=article.width, Height=article.height, Price=article.price,
        CustomerPrice=article.customer_price, PurchasePrice=article.purchase_price, Weight=article.weight,
        NetWeight=article.net_weight, Volume=article.volume,
        QuantityPerPallet=_decimal(article.quantity_per_pallet),
        QuantityPerPackage=_decimal(article.quantity_per_package),
        DangerousGoods=[dangerous_goods(entry) for entry in article.dangerous_goods] or None,
        PurchaseCurrencyCode=article.purchase_currency_code,
        TaricNumbers=TaricNumbersInfo(TaricNumber=[
            TaricNumberInfoClass(CountryCode=entry.country_code, TaricNumber=entry.taric_number)
            for entry in article.taric_numbers]) if article.taric_numbers else None,
        BarCodePackage=article.bar_code_package, BarCodePallet=article.bar_code_pallet,
        SizeCode=size and size.code, SizeName=size and size.name, ProcessArticleTime=article.updated_at,
        FreeDecimal1=article.free_decimal1, FreeDecimal2=article.free_decimal2,
        DefaultPickingLocation=article.default_location_name,
        CustomsExportConditions=article.customs_export_conditions, ArticleKind=article.kind,
        StockLimit=article.order_point, ColorCode=color and color.code, ColorName=color and color.name,
        MaxStackNumberOfLevels=article.max_stack_number_of_levels,
        GoodsCategory=GoodsCategoryInfo(Name=goods_category.name, Code=goods_category.code)
        if goods_category is not None else None,
        LinkToPicture=article.link_to_picture, ArticleReturnHandlingComment=article.return_handling_comment,
        ArticleCustomsDescription=article.customs_description, FreeDecimal3=article.free_decimal3,
        IsSerialNumberArticle=article.is_serial_number_article, ArticleStorageClassName=article.storage_class_name,
        FreeBoolean1=bool(article.free_boolean1), FreeBoolean2=bool(article.free_boolean2),
        FreeBoolean3=bool(article.free_boolean3), SubQuantityPerItem=article.sub_quantity_per_item,
    )


def dangerous_goods(entry: ArticleDangerousGoods) -> DangerousGoods:
    return DangerousGoods(
        UNNumber=entry.un_number, UNIsMarineHazard=entry.is_marine_hazard,
        UNIsDangerousGoods=entry.is_dangerous_goods, UNPackageType=entry.package_type,
        UNTunnelCodes=entry.tunnel_codes.split(",") if entry.tunnel_codes else None,
        UNClassNumber=entry.class_number,
        UNProperShippingName=[ProperShippingName(Name=name.name, LanguageCode=name.language_code)
                              for name in entry.shipping_names] or None,
        UNLabelNumbers=entry.label_numbers, DangerousGoodsCoefficient=entry.coefficient, EmSCode=entry.ems_code,
        FlashPoint=entry.flash_point,
    )


def process_article_result(outcome: ArticleOutcome) -> FileResultClass:
    verb = "created" if outcome.created else "updated"
    message = f"Article {outcome.article.article_number} {verb}"
    skipped = outcome.skipped_structure_lines
    if skipped:
        lines = "line" if skipped == 1 else "lines"
        message += f"; {skipped} StructureArticleDefinition {lines} without a SubArticleDefinition skipped"
    return FileResultClass(Success=True, ArticleDefId=outcome.article.id, Message=message)


def article_class_result(stored: StoredArticleClass) -> ArticleClassResult:
    return ArticleClassResult(Name=stored.name, Code=stored.code, Comment=stored.comment, Id=stored.id)
