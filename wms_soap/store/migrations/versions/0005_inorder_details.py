"""In-order details: advised article items per line, seller, warehouse, customer link, ways and terms of delivery,
the communication info, who created the in-order (API user and request), and the line and received-item details.

Revision ID: 0005_inorder_details
Revises: 0004_inbound_returns_invoices
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005_inorder_details"
down_revision = "0004_inbound_returns_invoices"
branch_labels = None
depends_on = None

QUANTITY = sa.Numeric(precision=18, scale=4)
Columns = list[tuple[str, sa.types.TypeEngine[Any]]]

SUPPLIER_COLUMNS: Columns = [
    ("address2", sa.String(200)), ("address3", sa.String(200)), ("country_state_code", sa.String(20)),
    ("telephone", sa.String(100)), ("mobile_phone", sa.String(100)), ("email", sa.String(254)),
    ("remark", sa.Text()), ("delivery_instruction", sa.Text()), ("supplier_group_code", sa.String(100)),
    ("supplier_group_name", sa.String(200)),
]
IN_ORDER_COLUMNS: Columns = [
    ("seller_id", sa.Integer()), ("warehouse_id", sa.Integer()), ("customer_id", sa.Integer()),
    ("way_of_delivery_type_id", sa.Integer()), ("terms_of_delivery_type_id", sa.Integer()),
    ("terms_of_delivery_location", sa.String(200)), ("communication_from_system", sa.String(200)),
    ("communication_to_system", sa.String(200)), ("communication_message_id", sa.String(200)),
    ("created_by_api_user_id", sa.Integer()), ("created_by_request_id", sa.String(32)),
]
IN_ORDER_INDEXED = ["created_by_api_user_id", "created_by_request_id", "customer_id", "seller_id", "warehouse_id"]
IN_ORDER_FOREIGN_KEYS = [
    ("fk_in_orders_seller_id_suppliers", "suppliers", "seller_id"),
    ("fk_in_orders_terms_of_delivery_type_id_terms_of_delivery_types", "terms_of_delivery_types",
     "terms_of_delivery_type_id"),
    ("fk_in_orders_way_of_delivery_type_id_ways_of_delivery_types", "ways_of_delivery_types",
     "way_of_delivery_type_id"),
    ("fk_in_orders_customer_id_customers", "customers", "customer_id"),
    ("fk_in_orders_warehouse_id_warehouses", "warehouses", "warehouse_id"),
]
LINE_COLUMNS: Columns = [
    ("created_number_of_items", QUANTITY), ("production_date", sa.DateTime(timezone=True)),
    ("free_decimal1", QUANTITY), ("free_datetime1", sa.DateTime(timezone=True)), ("weight", QUANTITY),
    ("item_status_id", sa.Integer()), ("item_status_code", sa.String(100)), ("return_cause_id", sa.Integer()),
]
RECEIVED_COLUMNS: Columns = [
    ("advised_item_id", sa.Integer()), ("production_date", sa.DateTime(timezone=True)),
    ("status_code", sa.String(100)), ("container", sa.String(100)),
]


def upgrade() -> None:
    _create_advised_items()
    _create_registers()
    with op.batch_alter_table("in_order_lines") as batch:
        for name, type_ in LINE_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
        batch.create_foreign_key("fk_in_order_lines_return_cause_id_return_causes", "return_causes",
                                 ["return_cause_id"], ["id"])
    with op.batch_alter_table("in_order_received_items") as batch:
        for name, type_ in RECEIVED_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
        batch.create_index("ix_in_order_received_items_advised_item_id", ["advised_item_id"], unique=False)
        batch.create_foreign_key("fk_in_order_received_items_advised_item",
                                 "in_order_advised_items", ["advised_item_id"], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("in_orders") as batch:
        for name, type_ in IN_ORDER_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
        for name in IN_ORDER_INDEXED:
            batch.create_index(f"ix_in_orders_{name}", [name], unique=False)
        for constraint, table, column in IN_ORDER_FOREIGN_KEYS:
            batch.create_foreign_key(constraint, table, [column], ["id"])
        batch.drop_column("customer_number")
        batch.drop_column("customer_name")
    with op.batch_alter_table("suppliers") as batch:
        for name, type_ in SUPPLIER_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def _create_advised_items() -> None:
    op.create_table(
        "in_order_advised_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("in_order_line_id", sa.Integer(), nullable=False),
        sa.Column("number_of_items", QUANTITY, nullable=False),
        sa.Column("received_number_of_items", QUANTITY, nullable=False),
        sa.Column("batch", sa.String(length=100), nullable=True),
        sa.Column("serial", sa.String(length=100), nullable=True),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("production_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("container", sa.String(length=100), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        *(sa.Column(name, QUANTITY, nullable=True)
          for name in ("weight", "volume", "length", "width", "height", "second_number_of_items", "price")),
        sa.Column("status_id", sa.Integer(), nullable=True),
        sa.Column("status_code", sa.String(length=100), nullable=True),
        sa.Column("pallet_label_id", sa.String(length=100), nullable=True),
        sa.Column("pallet_type_code", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["in_order_line_id"], ["in_order_lines.id"],
                                name="fk_in_order_advised_items_in_order_line_id_in_order_lines", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_in_order_advised_items"),
    )
    op.create_index("ix_in_order_advised_items_in_order_line_id", "in_order_advised_items", ["in_order_line_id"],
                    unique=False)
    op.create_index("ix_in_order_advised_items_serial", "in_order_advised_items", ["serial"], unique=False)


def _create_registers() -> None:
    op.create_table(
        "in_order_line_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["goods_owner_id"], ["goods_owners.id"],
                                name="fk_in_order_line_types_goods_owner_id_goods_owners"),
        sa.PrimaryKeyConstraint("id", name="pk_in_order_line_types"),
        sa.UniqueConstraint("goods_owner_id", "code", name="uq_in_order_line_types_goods_owner_id_code"),
    )
    op.create_index("ix_in_order_line_types_goods_owner_id", "in_order_line_types", ["goods_owner_id"], unique=False)
    op.create_table(
        "in_order_advised_item_classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("advised_item_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["advised_item_id"], ["in_order_advised_items.id"],
                                name="fk_in_order_advised_item_classes_item", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_in_order_advised_item_classes"),
    )
    op.create_index("ix_in_order_advised_item_classes_advised_item_id", "in_order_advised_item_classes",
                    ["advised_item_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_in_order_advised_item_classes_advised_item_id", table_name="in_order_advised_item_classes")
    op.drop_table("in_order_advised_item_classes")
    op.drop_index("ix_in_order_line_types_goods_owner_id", table_name="in_order_line_types")
    op.drop_table("in_order_line_types")
    with op.batch_alter_table("suppliers") as batch:
        for name, _ in reversed(SUPPLIER_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("in_orders") as batch:
        batch.add_column(sa.Column("customer_number", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("customer_name", sa.String(length=200), nullable=True))
        for constraint, _, _ in IN_ORDER_FOREIGN_KEYS:
            batch.drop_constraint(constraint, type_="foreignkey")
        for name in IN_ORDER_INDEXED:
            batch.drop_index(f"ix_in_orders_{name}")
        for name, _ in reversed(IN_ORDER_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("in_order_received_items") as batch:
        batch.drop_constraint("fk_in_order_received_items_advised_item", type_="foreignkey")
        batch.drop_index("ix_in_order_received_items_advised_item_id")
        for name, _ in reversed(RECEIVED_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("in_order_lines") as batch:
        batch.drop_constraint("fk_in_order_lines_return_cause_id_return_causes", type_="foreignkey")
        for name, _ in reversed(LINE_COLUMNS):
            batch.drop_column(name)
    op.drop_index("ix_in_order_advised_items_serial", table_name="in_order_advised_items")
    op.drop_index("ix_in_order_advised_items_in_order_line_id", table_name="in_order_advised_items")
    op.drop_table("in_order_advised_items")
