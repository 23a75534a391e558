"""In-orders, suppliers, in-order types, return orders and causes, price lists, invoices and charges.

Revision ID: 0004_inbound_returns_invoices
Revises: 0003_orders
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_inbound_returns_invoices"
down_revision = "0003_orders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "in_order_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_in_order_types_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_in_order_types")),
        sa.UniqueConstraint("goods_owner_id", "code", name=op.f("uq_in_order_types_goods_owner_id_code")),
    )
    op.create_index(op.f("ix_in_order_types_goods_owner_id"), "in_order_types", ["goods_owner_id"], unique=False)
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("invoice_date", sa.DateTime(timezone=True), nullable=False),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("period_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("currency_code", sa.String(length=10), nullable=True),
        sa.Column("amount", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("is_exported", sa.Boolean(), nullable=False),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("your_order_number", sa.String(length=100), nullable=True),
        sa.Column("your_reference", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_invoices_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint(
            "goods_owner_id",
            "period_start",
            "period_end",
            name=op.f("uq_invoices_goods_owner_id_period_start_period_end"),
        ),
    )
    op.create_index(op.f("ix_invoices_exported_at"), "invoices", ["exported_at"], unique=False)
    op.create_index(op.f("ix_invoices_goods_owner_id"), "invoices", ["goods_owner_id"], unique=False)
    op.create_index(op.f("ix_invoices_invoice_date"), "invoices", ["invoice_date"], unique=False)
    op.create_index(op.f("ix_invoices_is_exported"), "invoices", ["is_exported"], unique=False)
    op.create_index("ix_invoices_owner_date", "invoices", ["goods_owner_id", "invoice_date"], unique=False)
    op.create_table(
        "price_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("currency_code", sa.String(length=10), nullable=False),
        sa.Column("per_order", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("per_order_line", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("per_parcel", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("per_received_line", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("storage_per_item_day", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_price_lists_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_lists")),
        sa.UniqueConstraint("goods_owner_id", name=op.f("uq_price_lists_goods_owner_id")),
    )
    op.create_table(
        "return_causes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_return_causes_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_causes")),
        sa.UniqueConstraint("goods_owner_id", "code", name=op.f("uq_return_causes_goods_owner_id_code")),
    )
    op.create_index(op.f("ix_return_causes_goods_owner_id"), "return_causes", ["goods_owner_id"], unique=False)
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("supplier_number", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("post_code", sa.String(length=50), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("country_code", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_suppliers_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppliers")),
        sa.UniqueConstraint(
            "goods_owner_id", "supplier_number", name=op.f("uq_suppliers_goods_owner_id_supplier_number")
        ),
    )
    op.create_index(op.f("ix_suppliers_goods_owner_id"), "suppliers", ["goods_owner_id"], unique=False)
    op.create_table(
        "in_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_order_number", sa.String(length=100), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("in_order_type_id", sa.Integer(), nullable=True),
        sa.Column("supplier_order_number", sa.String(length=100), nullable=True),
        sa.Column("goods_owner_reference", sa.String(length=200), nullable=True),
        sa.Column("reference_number", sa.String(length=200), nullable=True),
        sa.Column("batch_number", sa.String(length=100), nullable=True),
        sa.Column("way_of_delivery", sa.String(length=200), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        sa.Column("container", sa.String(length=100), nullable=True),
        sa.Column("invoice_number", sa.String(length=100), nullable=True),
        sa.Column("is_return_type", sa.Boolean(), nullable=False),
        sa.Column("in_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("order_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("batch_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("advised_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("customs_declared_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("free_text1", sa.String(length=500), nullable=True),
        sa.Column("free_text2", sa.String(length=500), nullable=True),
        sa.Column("free_text3", sa.String(length=500), nullable=True),
        sa.Column("free_text4", sa.String(length=500), nullable=True),
        sa.Column("free_text5", sa.String(length=500), nullable=True),
        sa.Column("free_decimal1", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("free_decimal2", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("free_bool1", sa.Boolean(), nullable=True),
        sa.Column("free_bool2", sa.Boolean(), nullable=True),
        sa.Column("customer_number", sa.String(length=100), nullable=True),
        sa.Column("customer_name", sa.String(length=200), nullable=True),
        sa.Column("created_by_username", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_received_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_in_orders_goods_owner_id_goods_owners")
        ),
        sa.ForeignKeyConstraint(
            ["in_order_type_id"], ["in_order_types.id"], name=op.f("fk_in_orders_in_order_type_id_in_order_types")
        ),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], name=op.f("fk_in_orders_supplier_id_suppliers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_in_orders")),
        sa.UniqueConstraint(
            "goods_owner_id",
            "goods_owner_order_number",
            name=op.f("uq_in_orders_goods_owner_id_goods_owner_order_number"),
        ),
    )
    op.create_index(op.f("ix_in_orders_created_by_username"), "in_orders", ["created_by_username"], unique=False)
    op.create_index(op.f("ix_in_orders_goods_owner_id"), "in_orders", ["goods_owner_id"], unique=False)
    op.create_index(op.f("ix_in_orders_goods_owner_reference"), "in_orders", ["goods_owner_reference"], unique=False)
    op.create_index(op.f("ix_in_orders_in_date"), "in_orders", ["in_date"], unique=False)
    op.create_index(op.f("ix_in_orders_is_return_type"), "in_orders", ["is_return_type"], unique=False)
    op.create_index(op.f("ix_in_orders_last_received_at"), "in_orders", ["last_received_at"], unique=False)
    op.create_index("ix_in_orders_owner_status", "in_orders", ["goods_owner_id", "status"], unique=False)
    op.create_index(op.f("ix_in_orders_status_changed_at"), "in_orders", ["status_changed_at"], unique=False)
    op.create_index(op.f("ix_in_orders_supplier_id"), "in_orders", ["supplier_id"], unique=False)
    op.create_index(op.f("ix_in_orders_updated_at"), "in_orders", ["updated_at"], unique=False)
    op.create_table(
        "return_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("return_order_number", sa.String(length=100), nullable=True),
        sa.Column("return_cause_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("handling_comment", sa.Text(), nullable=True),
        sa.Column("return_in_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("waybill", sa.String(length=200), nullable=True),
        sa.Column("tracking_url", sa.String(length=500), nullable=True),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_return_orders_goods_owner_id_goods_owners")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_return_orders_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["return_cause_id"], ["return_causes.id"], name=op.f("fk_return_orders_return_cause_id_return_causes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_orders")),
    )
    op.create_index(op.f("ix_return_orders_goods_owner_id"), "return_orders", ["goods_owner_id"], unique=False)
    op.create_index(op.f("ix_return_orders_last_returned_at"), "return_orders", ["last_returned_at"], unique=False)
    op.create_index(op.f("ix_return_orders_order_id"), "return_orders", ["order_id"], unique=False)
    op.create_index(
        op.f("ix_return_orders_return_order_number"), "return_orders", ["return_order_number"], unique=False
    )
    op.create_index(op.f("ix_return_orders_status"), "return_orders", ["status"], unique=False)
    op.create_table(
        "in_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("in_order_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("external_order_line_code", sa.String(length=100), nullable=True),
        sa.Column("external_order_line_id", sa.String(length=100), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("in_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("advised_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("received_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("reported_number_of_items", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("acknowledged_number_of_items", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("supplier_number_of_items", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("row_price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("currency_code", sa.String(length=10), nullable=True),
        sa.Column("row_batch_no", sa.String(length=100), nullable=True),
        sa.Column("serial", sa.String(length=100), nullable=True),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("invoice_number", sa.String(length=100), nullable=True),
        sa.Column("line_type_code", sa.String(length=100), nullable=True),
        sa.Column("line_type_name", sa.String(length=200), nullable=True),
        sa.Column("free_text1", sa.String(length=500), nullable=True),
        sa.Column("free_text2", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_in_order_lines_article_id_articles")),
        sa.ForeignKeyConstraint(
            ["in_order_id"], ["in_orders.id"], name=op.f("fk_in_order_lines_in_order_id_in_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_in_order_lines")),
    )
    op.create_index(op.f("ix_in_order_lines_article_id"), "in_order_lines", ["article_id"], unique=False)
    op.create_index(op.f("ix_in_order_lines_in_order_id"), "in_order_lines", ["in_order_id"], unique=False)
    op.create_table(
        "invoice_charges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("article_code", sa.String(length=50), nullable=False),
        sa.Column("article_title", sa.String(length=200), nullable=True),
        sa.Column("account", sa.String(length=50), nullable=True),
        sa.Column("unit_price", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("price", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("action_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("in_order_id", sa.Integer(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("article_item_id", sa.Integer(), nullable=True),
        sa.Column("container", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_invoice_charges_article_id_articles")),
        sa.ForeignKeyConstraint(
            ["in_order_id"], ["in_orders.id"], name=op.f("fk_invoice_charges_in_order_id_in_orders")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_charges_invoice_id_invoices"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_invoice_charges_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_charges")),
    )
    op.create_index(op.f("ix_invoice_charges_article_id"), "invoice_charges", ["article_id"], unique=False)
    op.create_index(op.f("ix_invoice_charges_in_order_id"), "invoice_charges", ["in_order_id"], unique=False)
    op.create_index(op.f("ix_invoice_charges_invoice_id"), "invoice_charges", ["invoice_id"], unique=False)
    op.create_index(op.f("ix_invoice_charges_order_id"), "invoice_charges", ["order_id"], unique=False)
    op.create_table(
        "return_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_order_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("external_order_line_code", sa.String(length=100), nullable=True),
        sa.Column("row_number", sa.String(length=100), nullable=True),
        sa.Column("picked_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("to_be_returned_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("returned_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("return_cause_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_return_order_lines_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"], ["order_lines.id"], name=op.f("fk_return_order_lines_order_line_id_order_lines")
        ),
        sa.ForeignKeyConstraint(
            ["return_cause_id"], ["return_causes.id"], name=op.f("fk_return_order_lines_return_cause_id_return_causes")
        ),
        sa.ForeignKeyConstraint(
            ["return_order_id"],
            ["return_orders.id"],
            name=op.f("fk_return_order_lines_return_order_id_return_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_order_lines")),
    )
    op.create_index(op.f("ix_return_order_lines_article_id"), "return_order_lines", ["article_id"], unique=False)
    op.create_index(op.f("ix_return_order_lines_order_line_id"), "return_order_lines", ["order_line_id"], unique=False)
    op.create_index(
        op.f("ix_return_order_lines_return_order_id"), "return_order_lines", ["return_order_id"], unique=False
    )
    op.create_table(
        "in_order_received_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("in_order_line_id", sa.Integer(), nullable=False),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("batch", sa.String(length=100), nullable=True),
        sa.Column("serial", sa.String(length=100), nullable=True),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("put_away_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("location_code", sa.String(length=100), nullable=True),
        sa.Column("article_item_id", sa.Integer(), nullable=True),
        sa.Column("is_in_reported", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["in_order_line_id"],
            ["in_order_lines.id"],
            name=op.f("fk_in_order_received_items_in_order_line_id_in_order_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_in_order_received_items")),
    )
    op.create_index(
        op.f("ix_in_order_received_items_in_order_line_id"),
        "in_order_received_items",
        ["in_order_line_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_in_order_received_items_received_at"), "in_order_received_items", ["received_at"], unique=False
    )
    op.create_index(op.f("ix_in_order_received_items_serial"), "in_order_received_items", ["serial"], unique=False)
    op.create_table(
        "returned_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_order_line_id", sa.Integer(), nullable=False),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("batch", sa.String(length=100), nullable=True),
        sa.Column("serial", sa.String(length=100), nullable=True),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("location_code", sa.String(length=100), nullable=True),
        sa.Column("quarantine", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("return_cause_id", sa.Integer(), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("article_item_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["return_cause_id"], ["return_causes.id"], name=op.f("fk_returned_items_return_cause_id_return_causes")
        ),
        sa.ForeignKeyConstraint(
            ["return_order_line_id"],
            ["return_order_lines.id"],
            name=op.f("fk_returned_items_return_order_line_id_return_order_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_returned_items")),
    )
    op.create_index(
        op.f("ix_returned_items_return_order_line_id"), "returned_items", ["return_order_line_id"], unique=False
    )
    op.create_index(op.f("ix_returned_items_returned_at"), "returned_items", ["returned_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_returned_items_returned_at"), table_name="returned_items")
    op.drop_index(op.f("ix_returned_items_return_order_line_id"), table_name="returned_items")
    op.drop_table("returned_items")
    op.drop_index(op.f("ix_in_order_received_items_serial"), table_name="in_order_received_items")
    op.drop_index(op.f("ix_in_order_received_items_received_at"), table_name="in_order_received_items")
    op.drop_index(op.f("ix_in_order_received_items_in_order_line_id"), table_name="in_order_received_items")
    op.drop_table("in_order_received_items")
    op.drop_index(op.f("ix_return_order_lines_return_order_id"), table_name="return_order_lines")
    op.drop_index(op.f("ix_return_order_lines_order_line_id"), table_name="return_order_lines")
    op.drop_index(op.f("ix_return_order_lines_article_id"), table_name="return_order_lines")
    op.drop_table("return_order_lines")
    op.drop_index(op.f("ix_invoice_charges_order_id"), table_name="invoice_charges")
    op.drop_index(op.f("ix_invoice_charges_invoice_id"), table_name="invoice_charges")
    op.drop_index(op.f("ix_invoice_charges_in_order_id"), table_name="invoice_charges")
    op.drop_index(op.f("ix_invoice_charges_article_id"), table_name="invoice_charges")
    op.drop_table("invoice_charges")
    op.drop_index(op.f("ix_in_order_lines_in_order_id"), table_name="in_order_lines")
    op.drop_index(op.f("ix_in_order_lines_article_id"), table_name="in_order_lines")
    op.drop_table("in_order_lines")
    op.drop_index(op.f("ix_return_orders_status"), table_name="return_orders")
    op.drop_index(op.f("ix_return_orders_return_order_number"), table_name="return_orders")
    op.drop_index(op.f("ix_return_orders_order_id"), table_name="return_orders")
    op.drop_index(op.f("ix_return_orders_last_returned_at"), table_name="return_orders")
    op.drop_index(op.f("ix_return_orders_goods_owner_id"), table_name="return_orders")
    op.drop_table("return_orders")
    op.drop_index(op.f("ix_in_orders_updated_at"), table_name="in_orders")
    op.drop_index(op.f("ix_in_orders_supplier_id"), table_name="in_orders")
    op.drop_index(op.f("ix_in_orders_status_changed_at"), table_name="in_orders")
    op.drop_index("ix_in_orders_owner_status", table_name="in_orders")
    op.drop_index(op.f("ix_in_orders_last_received_at"), table_name="in_orders")
    op.drop_index(op.f("ix_in_orders_is_return_type"), table_name="in_orders")
    op.drop_index(op.f("ix_in_orders_in_date"), table_name="in_orders")
    op.drop_index(op.f("ix_in_orders_goods_owner_reference"), table_name="in_orders")
    op.drop_index(op.f("ix_in_orders_goods_owner_id"), table_name="in_orders")
    op.drop_index(op.f("ix_in_orders_created_by_username"), table_name="in_orders")
    op.drop_table("in_orders")
    op.drop_index(op.f("ix_suppliers_goods_owner_id"), table_name="suppliers")
    op.drop_table("suppliers")
    op.drop_index(op.f("ix_return_causes_goods_owner_id"), table_name="return_causes")
    op.drop_table("return_causes")
    op.drop_table("price_lists")
    op.drop_index("ix_invoices_owner_date", table_name="invoices")
    op.drop_index(op.f("ix_invoices_is_exported"), table_name="invoices")
    op.drop_index(op.f("ix_invoices_invoice_date"), table_name="invoices")
    op.drop_index(op.f("ix_invoices_goods_owner_id"), table_name="invoices")
    op.drop_index(op.f("ix_invoices_exported_at"), table_name="invoices")
    op.drop_table("invoices")
    op.drop_index(op.f("ix_in_order_types_goods_owner_id"), table_name="in_order_types")
    op.drop_table("in_order_types")
