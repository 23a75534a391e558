"""Production orders (lines, specification lines, consumed/produced items) and goods operation orders (lines,
moved items).

Revision ID: 0010_production_goods_operations
Revises: 0009_order_text_lines
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_production_goods_operations"
down_revision = "0009_order_text_lines"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def _unique(table: str, *columns: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def upgrade() -> None:
    op.create_table("goods_operation_orders",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("goods_owner_id", sa.Integer(), nullable=False),
    sa.Column("order_number", sa.String(length=200), nullable=False),
    sa.Column("comment", sa.Text(), nullable=True),
    sa.Column("reference_number", sa.String(length=200), nullable=True),
    sa.Column("status", sa.Integer(), nullable=False),
    sa.Column("executed_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    _fk("goods_operation_orders", "goods_owner_id", "goods_owners"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_goods_operation_orders")),
    _unique("goods_operation_orders", "goods_owner_id", "order_number")
    )
    op.create_table("production_orders",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("goods_owner_id", sa.Integer(), nullable=False),
    sa.Column("order_number", sa.String(length=200), nullable=False),
    sa.Column("comment", sa.Text(), nullable=True),
    sa.Column("production_date", sa.DateTime(timezone=True), nullable=True),
    sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
    sa.Column("status", sa.Integer(), nullable=False),
    sa.Column("start_production_time", sa.DateTime(timezone=True), nullable=True),
    sa.Column("end_production_time", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_production_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_produced_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    _fk("production_orders", "goods_owner_id", "goods_owners"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_production_orders")),
    _unique("production_orders", "goods_owner_id", "order_number")
    )
    op.create_index("ix_production_orders_goods_owner_id_last_production_at", "production_orders",
                    ["goods_owner_id", "last_production_at"], unique=False)
    op.create_table("goods_operation_order_lines",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("line_number", sa.String(length=100), nullable=False),
    sa.Column("article_id", sa.Integer(), nullable=False),
    sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("executed_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("comment", sa.Text(), nullable=True),
    sa.Column("batch_number", sa.String(length=100), nullable=True),
    sa.Column("from_status_id", sa.Integer(), nullable=True),
    sa.Column("to_status_id", sa.Integer(), nullable=True),
    _fk("goods_operation_order_lines", "article_id", "articles"),
    _fk("goods_operation_order_lines", "from_status_id", "article_item_statuses"),
    _fk("goods_operation_order_lines", "order_id", "goods_operation_orders"),
    _fk("goods_operation_order_lines", "to_status_id", "article_item_statuses"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_goods_operation_order_lines")),
    _unique("goods_operation_order_lines", "order_id", "line_number")
    )
    op.create_index(op.f("ix_goods_operation_order_lines_article_id"), "goods_operation_order_lines",
                    ["article_id"], unique=False)
    op.create_table("production_order_lines",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("production_order_id", sa.Integer(), nullable=False),
    sa.Column("line_number", sa.String(length=100), nullable=False),
    sa.Column("article_id", sa.Integer(), nullable=False),
    sa.Column("to_produce", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("produced", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("reported", sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column("comment", sa.Text(), nullable=True),
    sa.Column("min_days_to_expiry_date", sa.Integer(), nullable=True),
    _fk("production_order_lines", "article_id", "articles"),
    _fk("production_order_lines", "production_order_id", "production_orders"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_production_order_lines")),
    _unique("production_order_lines", "production_order_id", "line_number")
    )
    op.create_index(op.f("ix_production_order_lines_article_id"), "production_order_lines",
                    ["article_id"], unique=False)
    op.create_table("goods_operation_order_items",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("line_id", sa.Integer(), nullable=False),
    sa.Column("article_item_id", sa.Integer(), nullable=False),
    sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("location_code", sa.String(length=100), nullable=True),
    sa.Column("batch", sa.String(length=100), nullable=True),
    sa.Column("serial", sa.String(length=100), nullable=True),
    sa.Column("in_date", sa.DateTime(timezone=True), nullable=True),
    _fk("goods_operation_order_items", "line_id", "goods_operation_order_lines"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_goods_operation_order_items"))
    )
    op.create_index("ix_goods_operation_order_items_line_id", "goods_operation_order_items",
                    ["line_id"], unique=False)
    op.create_table("production_order_components",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("line_id", sa.Integer(), nullable=False),
    sa.Column("line_number", sa.String(length=100), nullable=False),
    sa.Column("article_id", sa.Integer(), nullable=False),
    sa.Column("to_consume", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("consumed", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("comment", sa.Text(), nullable=True),
    _fk("production_order_components", "article_id", "articles"),
    _fk("production_order_components", "line_id", "production_order_lines"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_production_order_components")),
    _unique("production_order_components", "line_id", "line_number")
    )
    op.create_table("production_order_items",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("line_id", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(length=10), nullable=False),
    sa.Column("article_id", sa.Integer(), nullable=False),
    sa.Column("article_item_id", sa.Integer(), nullable=False),
    sa.Column("produced_article_item_id", sa.Integer(), nullable=True),
    sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("batch", sa.String(length=100), nullable=True),
    sa.Column("serial", sa.String(length=100), nullable=True),
    sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    _fk("production_order_items", "article_id", "articles"),
    _fk("production_order_items", "line_id", "production_order_lines"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_production_order_items"))
    )
    op.create_index("ix_production_order_items_line_id", "production_order_items",
                    ["line_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_production_order_items_line_id", table_name="production_order_items")
    op.drop_table("production_order_items")
    op.drop_table("production_order_components")
    op.drop_index("ix_goods_operation_order_items_line_id", table_name="goods_operation_order_items")
    op.drop_table("goods_operation_order_items")
    op.drop_index(op.f("ix_production_order_lines_article_id"), table_name="production_order_lines")
    op.drop_table("production_order_lines")
    op.drop_index(op.f("ix_goods_operation_order_lines_article_id"), table_name="goods_operation_order_lines")
    op.drop_table("goods_operation_order_lines")
    op.drop_index("ix_production_orders_goods_owner_id_last_production_at", table_name="production_orders")
    op.drop_table("production_orders")
    op.drop_table("goods_operation_orders")
