"""One supplier register per goods owner: the article suppliers (MainSupplier, AlternativeSuppliers) join the
in-order suppliers in ``suppliers``, so ProcessInOrder finds a supplier ProcessArticle created and the other way round.

Every article supplier is merged into the in-order supplier of the same goods owner and number (filling the fields
that one leaves empty), or copied as a new supplier; the articles' references follow. ``suppliers`` takes the wider
columns of the two and a nullable number (article suppliers may be named only).

Revision ID: 0013_one_supplier_register
Revises: 0012_answer_stamps
"""

import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013_one_supplier_register"
down_revision = "0012_answer_stamps"
branch_labels = None
depends_on = None

WIDENED = [("name", 200, 300), ("address", 200, 300), ("address2", 200, 300), ("address3", 200, 300),
           ("city", 100, 200)]
"""(column, in-order length, article length): the register keeps the wider."""
ARTICLE_COLUMNS = ("goods_owner_id", "supplier_number", "name", "address", "address2", "address3", "post_code",
                   "city", "country_code", "telephone", "email", "comment")
REFERENCES = [("articles", "main_supplier_id"), ("article_alternative_suppliers", "supplier_id")]
"""The columns that named an article supplier and name a supplier now."""


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("PRAGMA defer_foreign_keys = ON")  # the references are checked at commit, when they are right
    op.add_column("suppliers", sa.Column("comment", sa.Text(), nullable=True))
    _alter_supplier_columns(bind, widen=True)
    merged = _merge_article_suppliers(bind)
    for table, column in REFERENCES:
        _point_to(bind, table, column, "article_suppliers", "suppliers", merged)
    op.drop_index(op.f("ix_article_suppliers_supplier_number"), table_name="article_suppliers")
    op.drop_index(op.f("ix_article_suppliers_goods_owner_id"), table_name="article_suppliers")
    op.drop_table("article_suppliers")


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("PRAGMA defer_foreign_keys = ON")
    _create_article_suppliers()
    columns = ", ".join(("id", *ARTICLE_COLUMNS))
    used = " UNION ".join(f"SELECT {column} FROM {table}" for table, column in REFERENCES)
    op.execute(f"INSERT INTO article_suppliers ({columns}) SELECT {columns} FROM suppliers WHERE id IN ({used})")
    if not sqlite:
        op.execute("SELECT setval(pg_get_serial_sequence('article_suppliers', 'id'), "
                   "COALESCE((SELECT max(id) FROM article_suppliers), 0) + 1, false)")
    for table, column in REFERENCES:
        _point_to(bind, table, column, "suppliers", "article_suppliers", {})
    op.execute("DELETE FROM suppliers WHERE id NOT IN (SELECT supplier_id FROM in_orders WHERE supplier_id IS NOT "
               "NULL UNION SELECT seller_id FROM in_orders WHERE seller_id IS NOT NULL UNION SELECT supplier_id FROM "
               "inbound_shipments WHERE supplier_id IS NOT NULL)")
    op.execute("UPDATE suppliers SET supplier_number = 'S' || CAST(id AS VARCHAR(20)) WHERE supplier_number IS NULL")
    op.drop_column("suppliers", "comment")
    _alter_supplier_columns(bind, widen=False)


def _alter_supplier_columns(bind: Any, *, widen: bool) -> None:
    """Widen the columns and let the number be null (or the reverse). SQLite's table is changed in place
    (``_edit_sqlite_table``): a rebuild would count every in-order that refers to a supplier as a violation."""
    if bind.dialect.name == "sqlite":
        edits = [(rf"(?<!\w){name} VARCHAR\({narrow}\)", f"{name} VARCHAR({wide})") for name, narrow, wide in WIDENED]
        edits.append((r"supplier_number VARCHAR\(100\) NOT NULL", "supplier_number VARCHAR(100)"))
        _edit_sqlite_table(bind, "suppliers", edits if widen else [(_undo(after), _plain(before))
                                                                   for before, after in edits])
        return
    op.alter_column("suppliers", "supplier_number", existing_type=sa.String(100), nullable=widen)
    for name, narrow, wide in WIDENED:
        before, after = (narrow, wide) if widen else (wide, narrow)
        op.alter_column("suppliers", name, existing_type=sa.String(before), type_=sa.String(after),
                        existing_nullable=True, postgresql_using=f"left({name}, {after})")


def _merge_article_suppliers(bind: Any) -> dict[int, int]:
    """Each article supplier's id -> the id of the supplier it became."""
    merged: dict[int, int] = {}
    rows = bind.execute(sa.text(f"SELECT id, {', '.join(ARTICLE_COLUMNS)} FROM article_suppliers ORDER BY id"))
    for row in rows.mappings().all():
        values = {column: row[column] for column in ARTICLE_COLUMNS}
        target = None
        if row["supplier_number"]:
            target = bind.scalar(sa.text("SELECT id FROM suppliers WHERE goods_owner_id = :goods_owner_id "
                                         "AND supplier_number = :supplier_number"), values)
        if target is None:
            names = ", ".join(ARTICLE_COLUMNS)
            target = bind.scalar(sa.text(f"INSERT INTO suppliers ({names}) VALUES "
                                         f"({', '.join(':' + c for c in ARTICLE_COLUMNS)}) RETURNING id"), values)
        else:
            filled = ", ".join(f"{c} = COALESCE({c}, :{c})" for c in ARTICLE_COLUMNS[2:])
            bind.execute(sa.text(f"UPDATE suppliers SET {filled} WHERE id = :target"), {**values, "target": target})
        merged[row["id"]] = target
    return merged


def _point_to(bind: Any, table: str, column: str, old: str, new: str, ids: dict[int, int]) -> None:
    """Make ``table.column`` reference ``new`` instead of ``old``, mapping its values by ``ids``."""
    sqlite = bind.dialect.name == "sqlite"
    old_fk, new_fk = f"fk_{table}_{column}_{old}", f"fk_{table}_{column}_{new}"
    if sqlite:
        _edit_sqlite_table(bind, table, [(re.escape(f"CONSTRAINT {old_fk} FOREIGN KEY({column}) REFERENCES {old} (id)"),
                                          f"CONSTRAINT {new_fk} FOREIGN KEY({column}) REFERENCES {new} (id)")])
    else:
        op.drop_constraint(old_fk, table, type_="foreignkey")
    if ids:  # through negative values, so that no mapped id is taken for one still to be mapped
        bind.execute(sa.text(f"UPDATE {table} SET {column} = -:new WHERE {column} = :old"),
                     [{"old": before, "new": after} for before, after in ids.items()])
        op.execute(f"UPDATE {table} SET {column} = -{column} WHERE {column} < 0")
    if not sqlite:
        op.create_foreign_key(new_fk, table, new, [column], ["id"])


def _edit_sqlite_table(bind: Any, table: str, edits: list[tuple[str, str]]) -> None:
    """Change a SQLite table's definition in place (each pattern must match once), as SQLite's documentation
    describes for changes that leave the stored rows valid: constraints, declared lengths. Rebuilding the table
    (Alembic's batch mode) would drop the answer stamps' triggers on articles and, with foreign keys on inside the
    migration's transaction, count every row that refers to the dropped table as a violation at commit."""
    sql = bind.scalar(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"), {"t": table})
    for pattern, replacement in edits:
        sql, count = re.subn(pattern, replacement, sql)
        if count != 1:
            raise RuntimeError(f"{table}: {pattern!r} matched {count} times")
    version = bind.scalar(sa.text("PRAGMA schema_version"))
    op.execute("PRAGMA writable_schema = ON")
    bind.execute(sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :t"),
                 {"sql": sql, "t": table})
    op.execute(f"PRAGMA schema_version = {int(version) + 1}")
    op.execute("PRAGMA writable_schema = OFF")


def _plain(pattern: str) -> str:
    """The text a ``_edit_sqlite_table`` pattern stands for (``\\(`` -> ``(``, ``(?<!\\w)`` dropped)."""
    return pattern.replace("(?<!\\w)", "").replace("\\", "")


def _undo(text: str) -> str:
    """A pattern matching ``text`` where it stands as a whole column name."""
    return "(?<!\\w)" + re.escape(text)


def _create_article_suppliers() -> None:
    op.create_table(
        "article_suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("supplier_number", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("address2", sa.String(length=300), nullable=True),
        sa.Column("address3", sa.String(length=300), nullable=True),
        sa.Column("post_code", sa.String(length=50), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("country_code", sa.String(length=10), nullable=True),
        sa.Column("telephone", sa.String(length=100), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_article_suppliers_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_suppliers")),
    )
    op.create_index(op.f("ix_article_suppliers_goods_owner_id"), "article_suppliers", ["goods_owner_id"], unique=False)
    op.create_index(
        op.f("ix_article_suppliers_supplier_number"), "article_suppliers", ["supplier_number"], unique=False
    )
