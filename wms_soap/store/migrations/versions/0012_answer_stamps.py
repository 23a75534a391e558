"""Answer stamps: what tells a cached order answer that nothing it shows has changed, kept by database triggers.

See ``wms_soap/store/answer_stamps.py``. Two counters make an order's stamp:

- ``orders.answer_generation``, counted up by any UPDATE of the order and by any write of a row that belongs to it
  (lines, picked items, parcels, class links, its shipment link, the allocations of its lines), and of the few
  shared rows an order answer shows that point at a known set of orders (its customer, its shipment);
- ``answer_stamps.generation``, one row per goods owner, counted up by changes of registers that many orders show
  (articles, order types, ways and terms of delivery, order classes, transporter contracts, the goods owner's
  warehouse; for every goods owner: transporters and order status texts) and by deleting an order.

``ORDER_ROWS`` and ``OWNER_ROWS`` name every table an order answer reads; ``tests/integration/test_answer_stamps.py``
checks that the order read statements read no table (and, where a trigger watches only some columns, no column)
missing here. INSERTs of shared rows need no trigger except where the answer finds them by value rather than by a
key the order holds (status texts by number). Each statement is its own block, so nothing here depends on a later
schema.

Revision ID: 0012_answer_stamps
Revises: 0011_transfers_inbound_shipments
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_answer_stamps"
down_revision = "0011_transfers_inbound_shipments"
branch_labels = None
depends_on = None

ORDER_ROWS = {
    "order_lines": "{order_id}",
    "picked_items": "{order_id}",
    "parcels": "{order_id}",
    "order_class_links": "{order_id}",
    "shipment_orders": "{order_id}",
    "order_allocations": "SELECT l.order_id FROM order_lines l WHERE l.id IN ({order_line_id})",
    "customers": "SELECT o.id FROM orders o WHERE o.customer_id IN ({id})",
    "shipments": "SELECT s.order_id FROM shipment_orders s WHERE s.shipment_id IN ({id})",
}
"""Table -> the ids of the orders its changed rows show in; ``{column}`` stands for that column of the changed rows
(``OLD.column`` in a SQLite row trigger, ``SELECT column FROM old_rows`` in a PostgreSQL statement trigger)."""
ORDER_INSERTS = ("order_lines", "picked_items", "parcels", "order_class_links", "shipment_orders", "order_allocations")
"""The tables of ``ORDER_ROWS`` whose new rows change an existing order's answer (the others are found by key)."""

OWNER_ROWS = {
    "articles": ("{row}.goods_owner_id", ("article_number", "name", "product_code")),
    "order_types": ("{row}.goods_owner_id", None),
    "ways_of_delivery_types": ("{row}.goods_owner_id", None),
    "terms_of_delivery_types": ("{row}.goods_owner_id", None),
    "order_classes": ("{row}.goods_owner_id", None),
    "transporter_contracts": ("{row}.goods_owner_id", None),
    "goods_owners": ("{row}.id", ("warehouse_id",)),
    "orders": ("{row}.goods_owner_id", None),
    "transporters": (None, None),
    "order_status_texts": (None, None),
}
"""Table -> (its row's goods owner, ``None``: every goods owner; the columns an answer shows, ``None``: all).
Their UPDATEs (of those columns) and DELETEs count up the goods owner's generation; for ``orders`` only DELETE
(an order's own changes count up its own counter), and ``order_status_texts`` INSERTs as well."""

_BUMP_OWNER = "UPDATE answer_stamps SET generation = generation + 1"
_BUMP_ORDERS = "UPDATE orders SET answer_generation = answer_generation + 1 WHERE "


class _Columns(dict[str, str]):
    """``{column}`` -> how a trigger names that column of the changed rows."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __missing__(self, column: str) -> str:
        return self.name.format(column=column)


def _bump_orders(orders_of: str, *sources: str) -> str:
    """The UPDATE counting up the orders ``orders_of`` finds from each source of changed rows."""
    return _BUMP_ORDERS + " OR ".join(f"id IN ({orders_of.format_map(_Columns(source))})" for source in sources)


def upgrade() -> None:
    op.add_column("orders", sa.Column("answer_generation", sa.BigInteger(), server_default="0", nullable=False))
    op.create_table("answer_stamps",
    sa.Column("goods_owner_id", sa.Integer(), autoincrement=False, nullable=False),
    sa.Column("epoch", sa.BigInteger(), nullable=False),
    sa.Column("generation", sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(["goods_owner_id"], ["goods_owners.id"], ondelete="CASCADE",
                            name=op.f("fk_answer_stamps_goods_owner_id_goods_owners")),
    sa.PrimaryKeyConstraint("goods_owner_id", name=op.f("pk_answer_stamps"))
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    epoch = "random()" if sqlite else "floor(random() * 9007199254740991)::bigint"
    op.execute(f"INSERT INTO answer_stamps (goods_owner_id, epoch, generation) SELECT id, {epoch}, 0 FROM goods_owners")
    for statement in (_sqlite_triggers() if sqlite else _postgres_triggers(epoch)):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        names = op.get_bind().execute(sa.text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'answer_stamp_%'")).scalars().all()
        for name in names:
            op.execute(f"DROP TRIGGER {name}")
    else:
        functions = op.get_bind().execute(sa.text(
            "SELECT proname FROM pg_proc WHERE proname LIKE 'answer_stamp_%'")).scalars().all()
        for name in functions:
            op.execute(f"DROP FUNCTION {name}() CASCADE")  # and the triggers that run it
    op.drop_table("answer_stamps")
    op.drop_column("orders", "answer_generation")


def _owner_where(owner_of: str | None, *rows: str) -> str:
    return "" if owner_of is None else \
        f" WHERE goods_owner_id IN ({', '.join(owner_of.format(row=row) for row in rows)})"


def _sqlite_triggers() -> list[str]:
    statements = [
        # an order's own change (guarded: the trigger's own UPDATE changes the counter, so it does not fire again)
        "CREATE TRIGGER answer_stamp_orders_update AFTER UPDATE ON orders "
        "WHEN NEW.answer_generation = OLD.answer_generation BEGIN "
        "UPDATE orders SET answer_generation = answer_generation + 1 WHERE id = NEW.id; END",
        # a new goods owner gets its row (with a new epoch, should its id come again)
        "CREATE TRIGGER answer_stamp_goods_owners_insert AFTER INSERT ON goods_owners BEGIN "
        "INSERT INTO answer_stamps (goods_owner_id, epoch, generation) VALUES (NEW.id, random(), 0) "
        "ON CONFLICT (goods_owner_id) DO UPDATE SET epoch = excluded.epoch, generation = 0; END",
    ]
    for table, orders_of in ORDER_ROWS.items():
        old, new = _bump_orders(orders_of, "OLD.{column}"), _bump_orders(orders_of, "OLD.{column}", "NEW.{column}")
        statements += [
            f"CREATE TRIGGER answer_stamp_{table}_update AFTER UPDATE ON {table} BEGIN {new}; END",
            f"CREATE TRIGGER answer_stamp_{table}_delete AFTER DELETE ON {table} BEGIN {old}; END",
        ]
        if table in ORDER_INSERTS:
            inserted = _bump_orders(orders_of, "NEW.{column}")
            statements.append(
                f"CREATE TRIGGER answer_stamp_{table}_insert AFTER INSERT ON {table} BEGIN {inserted}; END")
    for table, (owner_of, columns) in OWNER_ROWS.items():
        if table != "orders":
            watched = f" OF {', '.join(columns)}" if columns else ""
            statements.append(f"CREATE TRIGGER answer_stamp_{table}_owner_update AFTER UPDATE{watched} ON {table} "
                              f"BEGIN {_BUMP_OWNER}{_owner_where(owner_of, 'OLD', 'NEW')}; END")
        statements.append(f"CREATE TRIGGER answer_stamp_{table}_owner_delete AFTER DELETE ON {table} "
                          f"BEGIN {_BUMP_OWNER}{_owner_where(owner_of, 'OLD')}; END")
    statements.append("CREATE TRIGGER answer_stamp_order_status_texts_owner_insert AFTER INSERT ON order_status_texts "
                      f"BEGIN {_BUMP_OWNER}; END")
    return statements


def _postgres_triggers(epoch: str) -> list[str]:
    statements = [
        "CREATE FUNCTION answer_stamp_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.answer_generation = OLD.answer_generation THEN "
        "NEW.answer_generation := OLD.answer_generation + 1; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER answer_stamp_orders_update BEFORE UPDATE ON orders "
        "FOR EACH ROW EXECUTE FUNCTION answer_stamp_order_changed()",
        "CREATE FUNCTION answer_stamp_new_owner() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO answer_stamps (goods_owner_id, epoch, generation) VALUES (NEW.id, {epoch}, 0) "
        "ON CONFLICT (goods_owner_id) DO UPDATE SET epoch = excluded.epoch, generation = 0; RETURN NULL; END $$",
        "CREATE TRIGGER answer_stamp_goods_owners_insert AFTER INSERT ON goods_owners "
        "FOR EACH ROW EXECUTE FUNCTION answer_stamp_new_owner()",
    ]
    for table, orders_of in ORDER_ROWS.items():
        # one UPDATE of the orders per statement (transition tables: at most one event per trigger)
        events = {"update": ("old", "new"), "delete": ("old",)}
        if table in ORDER_INSERTS:
            events["insert"] = ("new",)
        for event, rows in events.items():
            bump = _bump_orders(orders_of, *(f"SELECT {{column}} FROM {row}_rows" for row in rows))
            function = f"answer_stamp_{table}_{event}"
            referencing = " ".join(f"{row.upper()} TABLE AS {row}_rows" for row in rows)
            statements += [
                f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN {bump}; RETURN NULL; END $$",
                f"CREATE TRIGGER {function} AFTER {event.upper()} ON {table} REFERENCING {referencing} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
            ]
    for table, (owner_of, columns) in OWNER_ROWS.items():
        function = f"answer_stamp_{table}_owner"
        where_old = _owner_where(owner_of, "OLD")
        where_new = _owner_where(owner_of, "NEW")
        statements.append(
            f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN {_BUMP_OWNER}{where_old}; END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_BUMP_OWNER}{where_new}; END IF; RETURN NULL; END $$")
        watched = f" OF {', '.join(columns)}" if columns else ""
        watching = "DELETE" if table == "orders" else f"UPDATE{watched} OR DELETE"
        if table == "order_status_texts":
            watching += " OR INSERT"
        statements.append(f"CREATE TRIGGER {function} AFTER {watching} ON {table} "
                          f"FOR EACH ROW EXECUTE FUNCTION {function}()")
    return statements

