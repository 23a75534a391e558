"""Warehouse transfer orders (lines, moved items) and inbound shipments (in-order lines that arrive together).

Revision ID: 0011_transfers_inbound_shipments
Revises: 0010_production_goods_operations
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_transfers_inbound_shipments"
down_revision = "0010_production_goods_operations"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def _unique(table: str, *columns: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def upgrade() -> None:
    op.create_table("warehouse_transfer_orders",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("goods_owner_id", sa.Integer(), nullable=False),
    sa.Column("order_number", sa.String(length=200), nullable=False),
    sa.Column("reference_number", sa.String(length=200), nullable=True),
    sa.Column("comment", sa.Text(), nullable=True),
    sa.Column("from_warehouse_id", sa.Integer(), nullable=False),
    sa.Column("to_warehouse_id", sa.Integer(), nullable=False),
    sa.Column("transit_warehouse_id", sa.Integer(), nullable=True),
    sa.Column("status", sa.Integer(), nullable=False),
    sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    _fk("warehouse_transfer_orders", "from_warehouse_id", "warehouses"),
    _fk("warehouse_transfer_orders", "goods_owner_id", "goods_owners"),
    _fk("warehouse_transfer_orders", "to_warehouse_id", "warehouses"),
    _fk("warehouse_transfer_orders", "transit_warehouse_id", "warehouses"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouse_transfer_orders")),
    _unique("warehouse_transfer_orders", "goods_owner_id", "order_number")
    )
    op.create_index("ix_warehouse_transfer_orders_goods_owner_id_updated_at", "warehouse_transfer_orders",
                    ["goods_owner_id", "updated_at"], unique=False)
    op.create_table("warehouse_transfer_order_lines",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("line_number", sa.String(length=100), nullable=False),
    sa.Column("article_id", sa.Integer(), nullable=False),
    sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("comment", sa.Text(), nullable=True),
    sa.Column("new_status_id", sa.Integer(), nullable=True),
    _fk("warehouse_transfer_order_lines", "article_id", "articles"),
    _fk("warehouse_transfer_order_lines", "new_status_id", "article_item_statuses"),
    _fk("warehouse_transfer_order_lines", "order_id", "warehouse_transfer_orders"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouse_transfer_order_lines")),
    _unique("warehouse_transfer_order_lines", "order_id", "line_number")
    )
    op.create_index(op.f("ix_warehouse_transfer_order_lines_article_id"), "warehouse_transfer_order_lines",
                    ["article_id"], unique=False)
    op.create_table("warehouse_transfer_order_items",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("line_id", sa.Integer(), nullable=False),
    sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column("batch", sa.String(length=100), nullable=True),
    sa.Column("serial", sa.String(length=100), nullable=True),
    sa.Column("status", sa.String(length=100), nullable=True),
    sa.Column("source_article_item_id", sa.Integer(), nullable=False),
    sa.Column("transit_article_item_id", sa.Integer(), nullable=False),
    sa.Column("delivered_article_item_id", sa.Integer(), nullable=True),
    sa.Column("picked_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
    _fk("warehouse_transfer_order_items", "line_id", "warehouse_transfer_order_lines"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouse_transfer_order_items"))
    )
    op.create_index("ix_warehouse_transfer_order_items_line_id", "warehouse_transfer_order_items",
                    ["line_id"], unique=False)
    op.create_table("inbound_shipments",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("goods_owner_id", sa.Integer(), nullable=False),
    sa.Column("shipment_number", sa.String(length=200), nullable=False),
    sa.Column("status", sa.Integer(), nullable=False),
    sa.Column("customs_status", sa.String(length=30), nullable=True),
    sa.Column("customs_eu_type", sa.String(length=10), nullable=False),
    sa.Column("customs_reference_number", sa.String(length=200), nullable=True),
    sa.Column("waybill", sa.String(length=200), nullable=True),
    sa.Column("comment", sa.Text(), nullable=True),
    sa.Column("supplier_id", sa.Integer(), nullable=True),
    sa.Column("in_date", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    _fk("inbound_shipments", "goods_owner_id", "goods_owners"),
    _fk("inbound_shipments", "supplier_id", "suppliers"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_shipments")),
    _unique("inbound_shipments", "goods_owner_id", "shipment_number")
    )
    op.create_table("inbound_shipment_lines",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("shipment_id", sa.Integer(), nullable=False),
    sa.Column("in_order_line_id", sa.Integer(), nullable=False),
    sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
    sa.ForeignKeyConstraint(["in_order_line_id"], ["in_order_lines.id"], ondelete="CASCADE",
                            name=op.f("fk_inbound_shipment_lines_in_order_line_id_in_order_lines")),
    _fk("inbound_shipment_lines", "shipment_id", "inbound_shipments"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_shipment_lines")),
    _unique("inbound_shipment_lines", "in_order_line_id")
    )
    op.create_index(op.f("ix_inbound_shipment_lines_shipment_id"), "inbound_shipment_lines", ["shipment_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_inbound_shipment_lines_shipment_id"), table_name="inbound_shipment_lines")
    op.drop_table("inbound_shipment_lines")
    op.drop_table("inbound_shipments")
    op.drop_index("ix_warehouse_transfer_order_items_line_id", table_name="warehouse_transfer_order_items")
    op.drop_table("warehouse_transfer_order_items")
    op.drop_index(op.f("ix_warehouse_transfer_order_lines_article_id"), table_name="warehouse_transfer_order_lines")
    op.drop_table("warehouse_transfer_order_lines")
    op.drop_index("ix_warehouse_transfer_orders_goods_owner_id_updated_at", table_name="warehouse_transfer_orders")
    op.drop_table("warehouse_transfer_orders")
