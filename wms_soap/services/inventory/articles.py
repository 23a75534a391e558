"""Articles: find one by any ArticleIdentification, create or update one from an ArticleDefinition, list classes.

ProcessArticle has one operation, CreateOrUpdate: the article named by the identification is updated, or created
when there is none (except by SystemId, which can only name an existing article). Values left out (None) keep what
the article has; lists that are sent (names per language excepted, which are merged) replace what it had.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, Select, Table, bindparam, select
from sqlalchemy.orm import Session, joinedload, selectinload

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, utcnow
from wms_soap.services.suppliers import SupplierInput, resolve_supplier
from wms_soap.store.articles import (
    Article,
    ArticleAlternativeSupplier,
    ArticleBarcode,
    ArticleCategory,
    ArticleClass,
    ArticleClassLink,
    ArticleColor,
    ArticleDangerousGoods,
    ArticleDangerousGoodsName,
    ArticleGroup,
    ArticleName,
    ArticleSize,
    ArticleStructureComponent,
    ArticleTaricNumber,
    GoodsCategory,
    VatCode,
)
from wms_soap.store.db import insert_once

IDENTIFICATIONS = ("SystemId", "ArticleNumber", "ProductCode", "ArticleName")
STRUCTURE_TYPES = {"StructureArticle": "Structure", "ProductionArticle": "Production"}
UN_PACKAGE_TYPES = ("I", "II", "III", "Unknown")
UN_TUNNEL_CODES = ("A", "B", "C", "D", "E", "B1000C", "C5000D")

R = TypeVar("R", ArticleGroup, ArticleCategory, ArticleColor, ArticleSize, GoodsCategory)


@dataclass
class RegisterRef:
    """How a definition names a group, category, colour, size or goods category: by "code" or by "name"."""

    operation: str
    identification: str
    code: str | None = None
    name: str | None = None


@dataclass
class VatRef:
    operation: str = "Find"
    identification: str = "VatTypeCode"  # VatTypeCode | VatPercent
    code: str | None = None
    percent: Decimal | None = None


@dataclass
class AlternativeSupplierInput:
    supplier: SupplierInput
    lead_time: int | None = None
    supplier_article_number: str | None = None


@dataclass
class BarcodeInput:
    barcode: str
    type_code: str | None = None
    type_name: str | None = None
    quantity: Decimal | None = None


@dataclass
class DangerousGoodsInput:
    values: dict[str, Any]  # ArticleDangerousGoods column -> value
    tunnel_codes: list[str] = field(default_factory=list)
    shipping_names: list[tuple[str | None, str | None]] = field(default_factory=list)  # (language, name)


@dataclass
class StructureInput:
    structure_type: str | None
    components: list[tuple[Decimal, ArticleInput]] = field(default_factory=list)
    skipped: int = 0
    """Lines that named no article (no SubArticleDefinition): left out, and said so in the outcome."""


@dataclass
class ClassesInput:
    classes: list[tuple[str | None, str | None, str | None]]  # (code, name, comment)
    mode: str = "Add"  # Add | Set


@dataclass
class ArticleInput:
    """An ArticleDefinition in domain terms; None means "not sent"."""

    operation: str = "CreateOrUpdate"
    identification: str = "ArticleNumber"
    system_id: int | None = None
    article_number: str | None = None
    name: str | None = None
    product_code: str | None = None
    values: dict[str, Any] = field(default_factory=dict)  # Article column -> value
    group: RegisterRef | None = None
    category: RegisterRef | None = None
    color: RegisterRef | None = None
    size: RegisterRef | None = None
    goods_category: RegisterRef | None = None
    vat_code: VatRef | None = None
    main_supplier: SupplierInput | None = None
    alternative_suppliers: list[AlternativeSupplierInput] | None = None
    names: list[tuple[str, str | None]] | None = None  # (language code, name)
    barcodes: list[BarcodeInput] | None = None
    taric_numbers: list[tuple[str | None, str | None]] | None = None  # (country code, number)
    dangerous_goods: list[DangerousGoodsInput] | None = None
    structure: StructureInput | None = None
    classes: ClassesInput | None = None


@dataclass(frozen=True)
class ArticleOutcome:
    article: Article
    created: bool
    skipped_structure_lines: int = 0


READ_MODEL_OPTIONS = (
    joinedload(Article.group), joinedload(Article.category), joinedload(Article.vat_code),
    joinedload(Article.color), joinedload(Article.size), joinedload(Article.goods_category),
    joinedload(Article.main_supplier), selectinload(Article.taric_numbers),
    selectinload(Article.dangerous_goods).selectinload(ArticleDangerousGoods.shipping_names),
)
"""Loader options for queries whose articles become the wire read model (ArticleClass): the registers joined in,
the lists in batched SELECTs (a 1,000-article page: 26 ms instead of 45 with a SELECT per register)."""


# --- finding ---

def _identifying(identification: str, *, system_id: int | None, article_number: str | None,
                 product_code: str | None, name: str | None) -> tuple[ColumnElement[bool], str]:
    """The condition and a label naming the article, or ValidationFailed when the value is missing."""
    values: dict[str, tuple[Any, Any]] = {
        "SystemId": (Article.id, system_id), "ArticleNumber": (Article.article_number, article_number),
        "ProductCode": (Article.product_code, product_code), "ArticleName": (Article.name, name),
    }
    if identification not in values:
        raise ValidationFailed(f"Unknown ArticleIdentification {identification!r}; use one of "
                               + ", ".join(IDENTIFICATIONS))
    column, value = values[identification]
    if value is None or (isinstance(value, str) and not value.strip()):
        wire = {"SystemId": "ArticleSystemId"}.get(identification, identification)
        raise ValidationFailed(f"{wire} is required when ArticleIdentification is {identification}")
    return column == value, f"with {identification} {value}"


def lookup_article(session: Session, goods_owner_id: int, identification: str, *, system_id: int | None = None,
                   article_number: str | None = None, product_code: str | None = None,
                   name: str | None = None) -> Article | None:
    """The goods owner's article named by the identification, or None; the first by id when several match."""
    condition, _ = _identifying(identification, system_id=system_id, article_number=article_number,
                                product_code=product_code, name=name)
    query = select(Article).where(Article.goods_owner_id == goods_owner_id, condition).order_by(Article.id).limit(1)
    return session.scalars(query).first()


def find_article(session: Session, goods_owner_id: int, identification: str, *, system_id: int | None = None,
                 article_number: str | None = None, product_code: str | None = None,
                 name: str | None = None) -> Article:
    """Like ``lookup_article``, but NotFound when there is none."""
    _, label = _identifying(identification, system_id=system_id, article_number=article_number,
                            product_code=product_code, name=name)
    article = lookup_article(session, goods_owner_id, identification, system_id=system_id,
                             article_number=article_number, product_code=product_code, name=name)
    if article is None:
        raise NotFound(f"Article {label} was not found")
    return article


@dataclass(frozen=True)
class ArticleKey:
    """How a line names its article: ``identification`` picks which of the other fields is used."""

    identification: str
    system_id: int | None = None
    article_number: str | None = None
    product_code: str | None = None
    name: str | None = None

    def value(self) -> object:
        return {"SystemId": self.system_id, "ArticleNumber": self.article_number,
                "ProductCode": self.product_code, "ArticleName": self.name}.get(self.identification)


_ARTICLES = cast(Table, Article.__table__)
_KEY_COLUMNS = {"SystemId": "id", "ArticleNumber": "article_number", "ProductCode": "product_code",
                "ArticleName": "name"}


@functools.lru_cache(maxsize=256)
def _ids_by(identification: str, count: int) -> Select[int, Any]:
    """Built once per identification and number of values (Core, one parameter per value: an expanding IN would be
    re-rendered on every call). No ORDER BY: SQLite would walk the primary key instead of the index."""
    column = _ARTICLES.c[_KEY_COLUMNS[identification]]
    return select(_ARTICLES.c.id, column).where(_ARTICLES.c.goods_owner_id == bindparam("owner"),
                                                column.in_([bindparam(f"v{i}") for i in range(count)]))


def check_article_key(key: ArticleKey) -> None:
    """ValidationFailed unless the key names a known identification and carries its value."""
    if key.identification not in IDENTIFICATIONS:
        raise ValidationFailed(f"Unknown ArticleIdentification {key.identification!r}")
    value = key.value()
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationFailed(f"The order line has no {key.identification} to identify its article")


def find_article_ids(session: Session, goods_owner_id: int, keys: Sequence[ArticleKey]) -> list[int]:
    """The article id of each key (the first by id when several match), one query per identification used."""
    found: dict[ArticleKey, int] = {}
    for identification in {key.identification for key in keys}:
        values = {key.value() for key in keys if key.identification == identification}
        parameters = {f"v{i}": value for i, value in enumerate(values)}
        by_value: dict[object, int] = {}
        for article_id, value in session.execute(_ids_by(identification, len(values)),
                                                 {"owner": goods_owner_id, **parameters}):
            by_value[value] = min(article_id, by_value.get(value, article_id))  # the first by id
        for key in keys:
            if key.identification == identification and key.value() in by_value:
                found[key] = by_value[key.value()]
    missing = next((key for key in keys if key not in found), None)
    if missing is not None:
        raise NotFound(f"Article with {missing.identification} {missing.value()} was not found")
    return [found[key] for key in keys]


def article_classes(session: Session, goods_owner_id: int) -> list[ArticleClass]:
    return list(session.scalars(select(ArticleClass).where(ArticleClass.goods_owner_id == goods_owner_id)
                                .order_by(ArticleClass.id)))


def structure_components(session: Session, article_id: int) -> list[ArticleStructureComponent]:
    return list(session.scalars(select(ArticleStructureComponent)
                                .where(ArticleStructureComponent.parent_article_id == article_id)
                                .order_by(ArticleStructureComponent.id)))


# --- ProcessArticle ---

def process_article(session: Session, goods_owner_id: int, data: ArticleInput, *,
                    now: datetime | None = None) -> ArticleOutcome:
    """Create or update the article the definition identifies."""
    if data.operation != "CreateOrUpdate":
        raise ValidationFailed(f"Unknown ArticleOperation {data.operation!r}; the only operation is CreateOrUpdate")
    if data.structure is not None:
        _check_structure_type(data.structure.structure_type)
    now = now or utcnow()
    claim_write_lock(session)
    article = lookup_article(session, goods_owner_id, data.identification, system_id=data.system_id,
                             article_number=data.article_number, product_code=data.product_code, name=data.name)
    created = article is None
    if article is None:
        article, created = _new_article(session, goods_owner_id, data, now)
    _apply(session, article, data, now)
    session.flush()
    return ArticleOutcome(article, created, data.structure.skipped if data.structure is not None else 0)


def _new_article(session: Session, goods_owner_id: int, data: ArticleInput, now: datetime) -> tuple[Article, bool]:
    """A new article, or the one a concurrent request created with the same number meanwhile (created=False)."""
    if data.identification == "SystemId":
        raise NotFound(f"Article with SystemId {data.system_id} was not found")
    if not (data.article_number or "").strip():
        raise ValidationFailed("ArticleNumber is required to create an article")
    article = Article(goods_owner_id=goods_owner_id, article_number=data.article_number, kind="Stock",
                      is_stock_article=True, is_active=True, created_at=now, updated_at=now)
    stored = insert_once(session, article, lambda: lookup_article(session, goods_owner_id, "ArticleNumber",
                                                                   article_number=data.article_number))
    return stored, stored is article


def _apply(session: Session, article: Article, data: ArticleInput, now: datetime) -> None:
    _apply_identity(session, article, data)
    for column, value in data.values.items():
        setattr(article, column, value)
    _apply_registers(session, article, data)
    _apply_lists(session, article, data)
    if data.structure is not None and (data.structure.components or not data.structure.skipped):
        _apply_structure(session, article, data.structure, now)  # lines that all named no article change nothing
    article.kind = _kind(article)
    article.updated_at = now


def _apply_identity(session: Session, article: Article, data: ArticleInput) -> None:
    number = data.article_number
    if number is not None and number.strip() and number != article.article_number:
        taken = session.scalar(select(Article.id).where(Article.goods_owner_id == article.goods_owner_id,
                                                        Article.article_number == number))
        if taken is not None:
            raise Conflict(f"Another article already has ArticleNumber {number}")
        article.article_number = number
    if data.name is not None:
        article.name = data.name
    if data.product_code is not None:
        article.product_code = data.product_code


def _kind(article: Article) -> str:
    if article.structure_type in STRUCTURE_TYPES and article.components:
        return STRUCTURE_TYPES[article.structure_type]
    return "Stock" if article.is_stock_article else "NonStock"


# --- registers ---

_GROUP_OPERATIONS = ("Find", "FindOrCreate", "Clear", "CreateOrUpdate")
_TYPE_OPERATIONS = ("CreateOrUpdate", "Find", "FindOrCreate")
_COLOR_SIZE_OPERATIONS = ("FindOrCreate", "CreateOrUpdate", "Find")


def _apply_registers(session: Session, article: Article, data: ArticleInput) -> None:
    owner = article.goods_owner_id
    if data.group is not None:
        article.group = _register(session, ArticleGroup, owner, data.group, "Article group", _GROUP_OPERATIONS)
    if data.category is not None:
        article.category = _register(session, ArticleCategory, owner, data.category, "Article category",
                                     _TYPE_OPERATIONS)
    if data.color is not None:
        article.color = _register(session, ArticleColor, owner, data.color, "Article color", _COLOR_SIZE_OPERATIONS)
    if data.size is not None:
        article.size = _register(session, ArticleSize, owner, data.size, "Article size", _COLOR_SIZE_OPERATIONS)
    if data.goods_category is not None:
        article.goods_category = _register(session, GoodsCategory, owner, data.goods_category, "Goods category",
                                           ("Find",))
    if data.vat_code is not None:
        article.vat_code = _vat_code(session, owner, data.vat_code)
    if data.main_supplier is not None:
        article.main_supplier = resolve_supplier(session, data.main_supplier, owner)


def _register(session: Session, model: type[R], goods_owner_id: int, ref: RegisterRef, label: str,
              operations: tuple[str, ...]) -> R | None:
    """Find, create or update one register row per the definition's operation; Clear gives None."""
    if ref.operation not in operations:
        raise ValidationFailed(f"{label}: unknown operation {ref.operation!r}; use one of " + ", ".join(operations))
    if ref.operation == "Clear":
        return None
    by_name = ref.identification == "name"
    value = ref.name if by_name else ref.code
    if not (value or "").strip():
        raise ValidationFailed(f"{label}: a {'name' if by_name else 'code'} is required to identify it")
    column = model.name if by_name else model.code
    row = session.scalars(select(model).where(model.goods_owner_id == goods_owner_id, column == value)
                          .order_by(model.id).limit(1)).first()
    if row is None:
        if ref.operation == "Find":
            raise NotFound(f"{label} {value} was not found")
        row = model(goods_owner_id=goods_owner_id, code=ref.code, name=ref.name)
        session.add(row)
    elif ref.operation == "CreateOrUpdate":
        row.code = ref.code if ref.code is not None else row.code
        row.name = ref.name if ref.name is not None else row.name
    return row


def _vat_code(session: Session, goods_owner_id: int, ref: VatRef) -> VatCode:
    if ref.operation not in ("Find", "CreateNotUpdate"):
        raise ValidationFailed(f"VatCode: unknown operation {ref.operation!r}; use Find or CreateNotUpdate")
    if ref.identification not in ("VatTypeCode", "VatPercent"):
        raise ValidationFailed(f"VatCode: unknown identification {ref.identification!r}")
    by_percent = ref.identification == "VatPercent"
    value: Any = ref.percent if by_percent else ref.code
    if value is None or value == "":
        raise ValidationFailed(f"VatCode: {'VatPercent' if by_percent else 'VatCode'} is required")
    column = VatCode.percent if by_percent else VatCode.code
    row = session.scalars(select(VatCode).where(VatCode.goods_owner_id == goods_owner_id, column == value)
                          .order_by(VatCode.id).limit(1)).first()
    if row is None:
        if ref.operation == "Find":
            raise NotFound(f"VAT code {value} was not found")
        row = VatCode(goods_owner_id=goods_owner_id, code=ref.code, percent=ref.percent)
        session.add(row)
    return row


def _require(value: str | None, message: str) -> None:
    if not (value or "").strip():
        raise ValidationFailed(message)


# --- lists ---

def _apply_lists(session: Session, article: Article, data: ArticleInput) -> None:
    if data.names is not None:
        _merge_names(article, data.names)
    if data.barcodes is not None:
        article.barcodes = [ArticleBarcode(barcode=b.barcode, type_code=b.type_code, type_name=b.type_name,
                                           quantity_per_barcode=b.quantity) for b in data.barcodes if b.barcode]
    if data.taric_numbers is not None:
        article.taric_numbers = [ArticleTaricNumber(country_code=country, taric_number=number)
                                 for country, number in data.taric_numbers]
    if data.dangerous_goods is not None:
        article.dangerous_goods = [_dangerous_goods(entry) for entry in data.dangerous_goods]
    if data.alternative_suppliers is not None:
        article.alternative_suppliers = [
            ArticleAlternativeSupplier(supplier=resolve_supplier(session, entry.supplier, article.goods_owner_id),
                                       lead_time=entry.lead_time,
                                       supplier_article_number=entry.supplier_article_number)
            for entry in data.alternative_suppliers]
    if data.classes is not None:
        _apply_classes(session, article, data.classes)


def _merge_names(article: Article, names: list[tuple[str, str | None]]) -> None:
    by_language = {name.language_code: name for name in article.names}
    for language, text in names:
        if not (language or "").strip():
            raise ValidationFailed("ArticleNames: every name needs a Language/LanguageCode")
        if language in by_language:
            by_language[language].name = text
        else:
            by_language[language] = ArticleName(language_code=language, name=text)
            article.names.append(by_language[language])


def _dangerous_goods(entry: DangerousGoodsInput) -> ArticleDangerousGoods:
    package_type = entry.values.get("package_type")
    if package_type is not None and package_type not in UN_PACKAGE_TYPES:
        raise ValidationFailed(f"DangerousGoods: unknown UNPackageType {package_type!r}; use one of "
                               + ", ".join(UN_PACKAGE_TYPES))
    unknown = [code for code in entry.tunnel_codes if code not in UN_TUNNEL_CODES]
    if unknown:
        raise ValidationFailed(f"DangerousGoods: unknown UNTunnelCode {unknown[0]!r}")
    row = ArticleDangerousGoods(**entry.values, tunnel_codes=",".join(entry.tunnel_codes) or None)
    row.shipping_names = [ArticleDangerousGoodsName(language_code=language, name=name)
                          for language, name in entry.shipping_names]
    return row


def _apply_classes(session: Session, article: Article, data: ClassesInput) -> None:
    if data.mode not in ("Add", "Set"):
        raise ValidationFailed(f"ArticleDefinitionClasses: unknown HandlingMode {data.mode!r}; use Add or Set")
    wanted = [_article_class(session, article.goods_owner_id, *entry) for entry in data.classes]
    if data.mode == "Set":
        article.class_links = [link for link in article.class_links if link.article_class in wanted]
    present = {link.article_class.id for link in article.class_links if link.article_class.id is not None}
    for article_class in wanted:
        if article_class.id not in present:
            article.class_links.append(ArticleClassLink(article_class=article_class))
            present.add(article_class.id)


def _article_class(session: Session, goods_owner_id: int, code: str | None, name: str | None,
                   comment: str | None) -> ArticleClass:
    """FindOrCreate (the only operation): by code when given, else by name."""
    column, value = (ArticleClass.code, code) if code else (ArticleClass.name, name)
    if not value:
        raise ValidationFailed("ArticleDefinitionClasses: every class needs a Code or a Name")
    found = session.scalars(select(ArticleClass).where(ArticleClass.goods_owner_id == goods_owner_id,
                                                       column == value).limit(1)).first()
    if found is None:
        found = ArticleClass(goods_owner_id=goods_owner_id, code=code, name=name, comment=comment)
        session.add(found)
        session.flush()
    return found


# --- structure ---

def _check_structure_type(structure_type: str | None) -> None:
    if structure_type not in STRUCTURE_TYPES:
        raise ValidationFailed("ArticleStructureSpecification: the ArticleStructureType attribute is required and "
                               f"must be StructureArticle or ProductionArticle, not {structure_type!r}")


def _apply_structure(session: Session, article: Article, structure: StructureInput, now: datetime) -> None:
    """Replace the article's children; each sub-definition is itself created or updated first."""
    session.flush()
    existing = {component.child_article_id: component for component in article.components}
    components: dict[int, ArticleStructureComponent] = {}
    for number_of_items, child_data in structure.components:
        if number_of_items is None or number_of_items <= 0:
            raise ValidationFailed("StructureArticleDefinition: NumberOfItems must be greater than 0")
        child = process_article(session, article.goods_owner_id, child_data, now=now).article
        if child.id == article.id:
            raise ValidationFailed("An article cannot be part of its own structure")
        component = existing.get(child.id) or ArticleStructureComponent(child=child)
        component.number_of_items = number_of_items
        components[child.id] = component
    article.structure_type = structure.structure_type
    article.components = list(components.values())
