"""Bulk seeding for the benchmarks: SQLAlchemy Core inserts of many rows at once, never through the API.

What one "typical order" is (as issue 7 describes the demo data): a customer, 5 order lines, the 5 picked items,
one parcel with a tracking label, status Sent. Primary keys are assigned here (so rows can reference each other
without a round trip per row); on PostgreSQL the sequences are moved past them afterwards. Non-null columns this
module does not know about are filled with a neutral value of their type, so a column added later by another area
does not break the seeding.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Connection, DateTime, Engine, Integer, Numeric, String, Table, Text, func, select, text

from bench.envelopes import Account

ORDER_LINES = 5
BATCH_ORDERS = 2000
CUSTOMERS_PER_ORDER = 0.1
PASSWORD = "bench password 0123456789"
EPOCH = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Owner:
    id: int
    code: str
    account: Account


def _tables() -> dict[str, Table]:
    from wms_soap.store import access, articles, inventory, orders  # noqa: F401  (registers the tables)
    from wms_soap.store.base import Base

    return dict(Base.metadata.tables)


def _neutral(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, DateTime):
        return EPOCH
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer):
        return 0
    if isinstance(kind, Numeric):
        return Decimal(0)
    if isinstance(kind, (String, Text)):
        return ""
    return None


def _neutral_or_reference(conn: Connection, column: Any) -> Any:
    """A neutral value of the column's type; for a foreign key, the first row of the referenced table."""
    for key in column.foreign_keys:
        target = key.column
        return conn.execute(select(func.min(target))).scalar()
    return _neutral(column)


def _completer(conn: Connection, table: Table, sample: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Adds a value for every NOT NULL column without default that ``sample`` lacks."""
    missing = {c.name: _neutral_or_reference(conn, c) for c in table.columns
               if not c.nullable and c.default is None and c.server_default is None and not c.primary_key
               and c.name not in sample}
    if not missing:
        return lambda row: row
    return lambda row: {**missing, **row}


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        complete = _completer(conn, table, rows[0])
        conn.execute(table.insert(), [complete(row) for row in rows])


def _next_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def fix_sequences(engine: Engine, names: Iterable[str]) -> None:
    """PostgreSQL: move each serial sequence past the ids this module assigned."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for name in names:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                              f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)"))


def seed_owners(engine: Engine, warehouse_code: str, codes: Sequence[str]) -> list[Owner]:
    """A warehouse, goods owners with API access, one API user each (``WSIbench<code>``, invoice access on)."""
    from wms_soap.security.passwords import hash_password

    tables = _tables()
    password_hash = hash_password(PASSWORD)
    now = datetime.now(UTC)
    owners = []
    with engine.begin() as conn:
        warehouses = tables["warehouses"]
        warehouse_id = conn.execute(select(warehouses.c.id).where(warehouses.c.code == warehouse_code)).scalar()
        if warehouse_id is None:
            warehouse_id = _next_id(conn, warehouses)
            insert_rows(conn, warehouses, [{"id": warehouse_id, "code": warehouse_code, "name": "Bench warehouse"}])
        for code in codes:
            owner_id = _next_id(conn, tables["goods_owners"])
            insert_rows(conn, tables["goods_owners"], [_with_known(tables["goods_owners"], {
                "id": owner_id, "code": code, "name": f"Bench {code}", "warehouse_id": warehouse_id,
                "api_access": True, "created_at": now})])
            account = Account(code, f"WSIbench{code}", PASSWORD)
            insert_rows(conn, tables["api_users"], [_with_known(tables["api_users"], {
                "id": _next_id(conn, tables["api_users"]), "goods_owner_id": owner_id,
                "username": account.user_name, "password_hash": password_hash, "enabled": True,
                "invoice_access": True, "failed_logins": 0, "email": "bench@example.com", "created_at": now})])
            owners.append(Owner(owner_id, code, account))
    fix_sequences(engine, ["warehouses", "goods_owners", "api_users"])
    return owners


def _with_known(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Only the columns the table really has (the access models are another area's)."""
    return {key: value for key, value in row.items() if key in table.c}


def article_number(index: int) -> str:
    return f"ART-{index:06d}"


def seed_articles(engine: Engine, owner: Owner, count: int, *, stock: int = 1_000_000) -> list[int]:
    """``count`` articles with one stock item each on a bench location; returns the article ids."""
    tables = _tables()
    articles, items, locations = tables["articles"], tables["article_items"], tables["locations"]
    now = datetime.now(UTC)
    with engine.begin() as conn:
        location_code = f"BENCH-{owner.code}"
        location_id = _next_id(conn, locations)
        insert_rows(conn, locations, [_with_known(locations, {"id": location_id, "code": location_code,
                                                              "name": location_code})])
        first_article, first_item = _next_id(conn, articles), _next_id(conn, items)
        ids = list(range(first_article, first_article + count))
        for start in range(0, count, 5000):
            chunk = ids[start:start + 5000]
            insert_rows(conn, articles, [_with_known(articles, {
                "id": article_id, "goods_owner_id": owner.id, "article_number": article_number(n),
                "name": f"Bench article {n}", "product_code": f"P{n:06d}", "created_at": now, "updated_at": now,
            }) for n, article_id in enumerate(chunk, start=start + 1)])
            insert_rows(conn, items, [_with_known(items, {
                "id": first_item + (article_id - first_article), "goods_owner_id": owner.id,
                "article_id": article_id, "location_id": location_id, "number_of_items": Decimal(stock),
                "in_date": now, "created_at": now, "updated_at": now}) for article_id in chunk])
    fix_sequences(engine, ["articles", "article_items", "locations"])
    return ids


def order_number(owner: Owner, index: int) -> str:
    return f"ORD-{owner.code}-{index:08d}"


@dataclass
class _Ids:
    order: int
    line: int
    item: int
    parcel: int
    customer: int


def seed_orders(engine: Engine, owner: Owner, count: int, article_ids: Sequence[int], *, first_number: int = 1,
                progress: Callable[[int], None] | None = None) -> float:
    """``count`` typical Sent orders for ``owner``, numbered ``order_number(owner, first_number)`` onwards;
    returns the seconds taken."""
    tables = _tables()
    started = time.perf_counter()
    with engine.begin() as conn:
        ids = _Ids(*(_next_id(conn, tables[name]) for name in
                     ("orders", "order_lines", "picked_items", "parcels", "customers")))
    for start in range(0, count, BATCH_ORDERS):
        size = min(BATCH_ORDERS, count - start)
        with engine.begin() as conn:
            _insert_order_batch(conn, tables, owner, ids, first_number - 1 + start, size, article_ids)
        if progress is not None:
            progress(start + size)
    fix_sequences(engine, ["orders", "order_lines", "picked_items", "parcels", "customers"])
    refresh_statistics(engine)
    return time.perf_counter() - started


def refresh_statistics(engine: Engine) -> None:
    """ANALYZE after a bulk load on PostgreSQL, as an operator does: until autovacuum gets to the new rows the planner
    works from the old row counts (measured at 100k orders: one order lookup 18 ms instead of 2.9 ms). SQLite plans
    from its indexes alone here and is left as it is."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def _insert_order_batch(conn: Connection, tables: dict[str, Table], owner: Owner, ids: _Ids, first: int, size: int,
                        article_ids: Sequence[int]) -> None:
    customers, orders, lines, picked, parcels = (tables[n] for n in
                                                 ("customers", "orders", "order_lines", "picked_items", "parcels"))
    rows: dict[str, list[dict[str, Any]]] = {"customers": [], "orders": [], "order_lines": [], "picked_items": [],
                                             "parcels": []}
    every = round(1 / CUSTOMERS_PER_ORDER)
    for n in range(first + 1, first + size + 1):
        when = EPOCH + timedelta(minutes=n)
        if (n - first - 1) % every == 0:
            rows["customers"].append(_with_known(customers, _customer(owner, ids.customer, n, when)))
            ids.customer += 1
        customer_id = ids.customer - 1
        rows["orders"].append(_with_known(orders, _order(owner, ids.order, n, customer_id, when)))
        rows["parcels"].append(_with_known(parcels, {
            "id": ids.parcel, "order_id": ids.order, "label_id": f"00373500{n:010d}",
            "tracking_url": f"https://tracking.example.com/{n}", "is_transporter_item": True,
            "weight": Decimal("1.250"), "created_at": when}))
        for row in range(1, ORDER_LINES + 1):
            article_id = article_ids[(n * ORDER_LINES + row) % len(article_ids)]
            rows["order_lines"].append(_with_known(lines, {
                "id": ids.line, "order_id": ids.order, "article_id": article_id,
                "external_order_line_code": str(row), "ordered_number_of_items": Decimal(row),
                "picked_number_of_items": Decimal(row), "packed_number_of_items": Decimal(row),
                "returned_number_of_items": Decimal(0), "do_pick": True, "last_picking_time": when}))
            rows["picked_items"].append(_with_known(picked, {
                "id": ids.item, "order_id": ids.order, "order_line_id": ids.line, "parcel_id": ids.parcel,
                "number_of_items": Decimal(row), "batch": f"B{n % 97}", "location_code": f"BENCH-{owner.code}",
                "picked_at": when, "returned": False}))
            ids.line += 1
            ids.item += 1
        ids.order += 1
        ids.parcel += 1
    for name in ("customers", "orders", "order_lines", "parcels", "picked_items"):
        insert_rows(conn, tables[name], rows[name])


def _customer(owner: Owner, customer_id: int, n: int, when: datetime) -> dict[str, Any]:
    return {"id": customer_id, "goods_owner_id": owner.id, "customer_number": f"C-{owner.code}-{n:08d}",
            "name": f"Customer {n}", "address": "Storgatan 1", "post_code": "41101", "city": "Göteborg",
            "country_code": "SE", "email": f"customer{n}@example.com", "telephone": "+46 31 123 45",
            "is_visible": True, "created_at": when, "updated_at": when}


def _order(owner: Owner, order_id: int, n: int, customer_id: int, when: datetime) -> dict[str, Any]:
    return {"id": order_id, "goods_owner_id": owner.id, "goods_owner_order_number": order_number(owner, n),
            "reference_number": f"REF-{n}", "status": 450, "customer_id": customer_id,
            "order_remark": "Leave at the door", "way_of_delivery": "Home delivery", "delivery_date": when,
            "waybill": f"WB{n:010d}", "created_at": when, "updated_at": when, "status_changed_at": when,
            "last_picking_time": when, "pick_finished_time": when, "shipped_time": when}
