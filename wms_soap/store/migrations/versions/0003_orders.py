"""Outbound orders: customers, order registers, orders, lines, allocations, picked items, parcels, status history.

Revision ID: 0003_orders
Revises: 0002_articles_inventory
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_orders"
down_revision = "0002_articles_inventory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("external_customer_code", sa.String(length=200), nullable=True),
        sa.Column("customer_number", sa.String(length=200), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("address2", sa.String(length=300), nullable=True),
        sa.Column("address3", sa.String(length=300), nullable=True),
        sa.Column("post_code", sa.String(length=50), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("country_code", sa.String(length=10), nullable=True),
        sa.Column("country_state_code", sa.String(length=20), nullable=True),
        sa.Column("telephone", sa.String(length=100), nullable=True),
        sa.Column("mobile_phone", sa.String(length=100), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        sa.Column("delivery_instruction", sa.Text(), nullable=True),
        sa.Column("is_visible", sa.Boolean(), nullable=False),
        sa.Column("notify_by_sms", sa.Boolean(), nullable=False),
        sa.Column("notify_by_email", sa.Boolean(), nullable=False),
        sa.Column("notify_by_telephone", sa.Boolean(), nullable=False),
        sa.Column("organisation_number", sa.String(length=100), nullable=True),
        sa.Column("vat_number", sa.String(length=100), nullable=True),
        sa.Column("door_code", sa.String(length=100), nullable=True),
        sa.Column("invoice_name", sa.String(length=300), nullable=True),
        sa.Column("invoice_address", sa.String(length=300), nullable=True),
        sa.Column("invoice_post_code", sa.String(length=50), nullable=True),
        sa.Column("invoice_city", sa.String(length=200), nullable=True),
        sa.Column("invoice_country_code", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_customers_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint(
            "goods_owner_id", "customer_number", name=op.f("uq_customers_goods_owner_id_customer_number")
        ),
        sa.UniqueConstraint(
            "goods_owner_id", "external_customer_code", name=op.f("uq_customers_goods_owner_id_external_customer_code")
        ),
    )
    op.create_index(op.f("ix_customers_goods_owner_id"), "customers", ["goods_owner_id"], unique=False)
    op.create_table(
        "order_classes",
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_order_classes_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_classes")),
        sa.UniqueConstraint("goods_owner_id", "code", name=op.f("uq_order_classes_goods_owner_id_code")),
    )
    op.create_table(
        "order_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_order_types_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_types")),
        sa.UniqueConstraint("goods_owner_id", "code", name=op.f("uq_order_types_goods_owner_id_code")),
    )
    op.create_table(
        "terms_of_delivery_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_terms_of_delivery_types_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terms_of_delivery_types")),
        sa.UniqueConstraint("goods_owner_id", "code", name=op.f("uq_terms_of_delivery_types_goods_owner_id_code")),
    )
    op.create_table(
        "ways_of_delivery_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_ways_of_delivery_types_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ways_of_delivery_types")),
        sa.UniqueConstraint("goods_owner_id", "code", name=op.f("uq_ways_of_delivery_types_goods_owner_id_code")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_order_number", sa.String(length=200), nullable=True),
        sa.Column("goods_owner_order_id", sa.String(length=200), nullable=True),
        sa.Column("reference_number", sa.String(length=200), nullable=True),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("order_type_id", sa.Integer(), nullable=True),
        sa.Column("way_of_delivery_type_id", sa.Integer(), nullable=True),
        sa.Column("terms_of_delivery_type_id", sa.Integer(), nullable=True),
        sa.Column("transporter_contract_id", sa.Integer(), nullable=True),
        sa.Column("transport_payment", sa.String(length=20), nullable=True),
        sa.Column("communication", sa.Text(), nullable=True),
        sa.Column("sales_code", sa.String(length=100), nullable=True),
        sa.Column("order_remark", sa.Text(), nullable=True),
        sa.Column("consignee_order_number", sa.String(length=200), nullable=True),
        sa.Column("way_of_delivery", sa.String(length=200), nullable=True),
        sa.Column("terms_of_delivery", sa.String(length=200), nullable=True),
        sa.Column("terms_of_payment", sa.String(length=200), nullable=True),
        sa.Column("profit_center", sa.String(length=100), nullable=True),
        sa.Column("delivery_instruction", sa.Text(), nullable=True),
        sa.Column("transporter_order_number", sa.String(length=200), nullable=True),
        sa.Column("freight_price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("customer_price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("delivery_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("arrival_date_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("arrival_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("waybill", sa.String(length=200), nullable=True),
        sa.Column("return_waybill", sa.String(length=200), nullable=True),
        sa.Column("language", sa.String(length=20), nullable=True),
        sa.Column("notify_email", sa.String(length=254), nullable=True),
        sa.Column("notify_telephone", sa.String(length=100), nullable=True),
        sa.Column("notify_mobile_phone", sa.String(length=100), nullable=True),
        sa.Column("notify_by_email", sa.Boolean(), nullable=True),
        sa.Column("notify_by_sms", sa.Boolean(), nullable=True),
        sa.Column("notify_by_telephone", sa.Boolean(), nullable=True),
        sa.Column("invoice_number", sa.String(length=200), nullable=True),
        sa.Column("invoice_type_code", sa.String(length=100), nullable=True),
        sa.Column("invoice_url", sa.String(length=1000), nullable=True),
        sa.Column("production_code", sa.String(length=100), nullable=True),
        sa.Column("picking_priority", sa.Integer(), nullable=True),
        sa.Column("order_service_point_code", sa.String(length=100), nullable=True),
        sa.Column("free_text1", sa.Text(), nullable=True),
        sa.Column("free_text2", sa.Text(), nullable=True),
        sa.Column("free_text3", sa.Text(), nullable=True),
        sa.Column("market_place", sa.String(length=200), nullable=True),
        sa.Column("market_place_order_number", sa.String(length=200), nullable=True),
        sa.Column("prepared_transport_document_id", sa.String(length=200), nullable=True),
        sa.Column("warehouse_instruction", sa.Text(), nullable=True),
        sa.Column("order_free_datetime1", sa.DateTime(timezone=True), nullable=True),
        sa.Column("order_free_datetime2", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consignee_name", sa.String(length=300), nullable=True),
        sa.Column("consignee_address", sa.String(length=300), nullable=True),
        sa.Column("consignee_address2", sa.String(length=300), nullable=True),
        sa.Column("consignee_address3", sa.String(length=300), nullable=True),
        sa.Column("consignee_post_code", sa.String(length=50), nullable=True),
        sa.Column("consignee_city", sa.String(length=200), nullable=True),
        sa.Column("consignee_country_code", sa.String(length=10), nullable=True),
        sa.Column("consignee_country_state_code", sa.String(length=20), nullable=True),
        sa.Column("consignee_telephone", sa.String(length=100), nullable=True),
        sa.Column("consignee_mobile_phone", sa.String(length=100), nullable=True),
        sa.Column("consignee_email", sa.String(length=254), nullable=True),
        sa.Column("consignee_door_code", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("printed_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_picking_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pick_finished_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("shipped_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("collected_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_orders_customer_id_customers")),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_orders_goods_owner_id_goods_owners")
        ),
        sa.ForeignKeyConstraint(
            ["order_type_id"], ["order_types.id"], name=op.f("fk_orders_order_type_id_order_types")
        ),
        sa.ForeignKeyConstraint(
            ["terms_of_delivery_type_id"],
            ["terms_of_delivery_types.id"],
            name=op.f("fk_orders_terms_of_delivery_type_id_terms_of_delivery_types"),
        ),
        sa.ForeignKeyConstraint(
            ["transporter_contract_id"],
            ["transporter_contracts.id"],
            name=op.f("fk_orders_transporter_contract_id_transporter_contracts"),
        ),
        sa.ForeignKeyConstraint(
            ["way_of_delivery_type_id"],
            ["ways_of_delivery_types.id"],
            name=op.f("fk_orders_way_of_delivery_type_id_ways_of_delivery_types"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint(
            "goods_owner_id", "goods_owner_order_number", name=op.f("uq_orders_goods_owner_id_goods_owner_order_number")
        ),
    )
    op.create_index(op.f("ix_orders_customer_id"), "orders", ["customer_id"], unique=False)
    op.create_index(
        "ix_orders_goods_owner_id_delivery_date", "orders", ["goods_owner_id", "delivery_date"], unique=False
    )
    op.create_index(
        "ix_orders_goods_owner_id_goods_owner_order_id",
        "orders",
        ["goods_owner_id", "goods_owner_order_id"],
        unique=False,
    )
    op.create_index("ix_orders_goods_owner_id_id", "orders", ["goods_owner_id", "id"], unique=False)
    op.create_index(
        "ix_orders_goods_owner_id_last_picking_time", "orders", ["goods_owner_id", "last_picking_time"], unique=False
    )
    op.create_index(
        "ix_orders_goods_owner_id_last_returned_at", "orders", ["goods_owner_id", "last_returned_at"], unique=False
    )
    op.create_index("ix_orders_goods_owner_id_printed_time", "orders", ["goods_owner_id", "printed_time"], unique=False)
    op.create_index(
        "ix_orders_goods_owner_id_reference_number", "orders", ["goods_owner_id", "reference_number"], unique=False
    )
    op.create_index("ix_orders_goods_owner_id_shipped_time", "orders", ["goods_owner_id", "shipped_time"], unique=False)
    op.create_index("ix_orders_goods_owner_id_status", "orders", ["goods_owner_id", "status"], unique=False)
    op.create_index(
        "ix_orders_goods_owner_id_status_changed_at", "orders", ["goods_owner_id", "status_changed_at"], unique=False
    )
    op.create_index("ix_orders_goods_owner_id_updated_at", "orders", ["goods_owner_id", "updated_at"], unique=False)
    op.create_table(
        "order_class_links",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("order_class_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_class_id"], ["order_classes.id"], name=op.f("fk_order_class_links_order_class_id_order_classes")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_class_links_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("order_id", "order_class_id", name=op.f("pk_order_class_links")),
    )
    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("external_order_line_code", sa.String(length=200), nullable=True),
        sa.Column("ordered_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("picked_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("packed_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("returned_number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("reported_number_of_items", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("reported_returned_number_of_items", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("acknowledged_number_of_items", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("delivery_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("line_price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("customer_line_price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("discount", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("currency_code", sa.String(length=10), nullable=True),
        sa.Column("batch", sa.String(length=200), nullable=True),
        sa.Column("serial", sa.String(length=200), nullable=True),
        sa.Column("do_pick", sa.Boolean(), nullable=False),
        sa.Column("vat_code", sa.String(length=50), nullable=True),
        sa.Column("min_days_to_expiry_date", sa.Integer(), nullable=True),
        sa.Column("max_days_to_expiry_date", sa.Integer(), nullable=True),
        sa.Column("customer_article_number", sa.String(length=200), nullable=True),
        sa.Column("warehouse_instruction", sa.Text(), nullable=True),
        sa.Column("free_text1", sa.Text(), nullable=True),
        sa.Column("total_customs_value", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("line_type_code", sa.String(length=100), nullable=True),
        sa.Column("length", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("width", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("height", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("last_picking_time", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_order_lines_article_id_articles")),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_lines_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
    )
    op.create_index(op.f("ix_order_lines_article_id"), "order_lines", ["article_id"], unique=False)
    op.create_index(op.f("ix_order_lines_order_id"), "order_lines", ["order_id"], unique=False)
    op.create_index(
        "ix_order_lines_order_id_external_order_line_code",
        "order_lines",
        ["order_id", "external_order_line_code"],
        unique=False,
    )
    op.create_table(
        "order_status_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.Integer(), nullable=True),
        sa.Column("to_status", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_status_history_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_status_history")),
    )
    op.create_index(op.f("ix_order_status_history_changed_at"), "order_status_history", ["changed_at"], unique=False)
    op.create_index(op.f("ix_order_status_history_order_id"), "order_status_history", ["order_id"], unique=False)
    op.create_table(
        "parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("label_id", sa.String(length=200), nullable=True),
        sa.Column("tracking_url", sa.String(length=1000), nullable=True),
        sa.Column("is_transporter_item", sa.Boolean(), nullable=False),
        sa.Column("pallet_type_code", sa.String(length=50), nullable=True),
        sa.Column("weight", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("volume", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_parcels_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcels")),
    )
    op.create_index(op.f("ix_parcels_label_id"), "parcels", ["label_id"], unique=False)
    op.create_index(op.f("ix_parcels_order_id"), "parcels", ["order_id"], unique=False)
    op.create_table(
        "order_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("article_item_id", sa.Integer(), nullable=False),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_item_id"], ["article_items.id"], name=op.f("fk_order_allocations_article_item_id_article_items")
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_order_allocations_order_line_id_order_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_allocations")),
    )
    op.create_index(
        op.f("ix_order_allocations_article_item_id"), "order_allocations", ["article_item_id"], unique=False
    )
    op.create_index(op.f("ix_order_allocations_order_line_id"), "order_allocations", ["order_line_id"], unique=False)
    op.create_table(
        "picked_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("article_item_id", sa.Integer(), nullable=True),
        sa.Column("parcel_id", sa.Integer(), nullable=True),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("batch", sa.String(length=200), nullable=True),
        sa.Column("serial", sa.String(length=200), nullable=True),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("in_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("location_code", sa.String(length=100), nullable=True),
        sa.Column("picked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("returned", sa.Boolean(), nullable=False),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("return_cause_code", sa.String(length=100), nullable=True),
        sa.Column("return_cause_name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_item_id"], ["article_items.id"], name=op.f("fk_picked_items_article_item_id_article_items")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_picked_items_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_picked_items_order_line_id_order_lines"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["parcel_id"], ["parcels.id"], name=op.f("fk_picked_items_parcel_id_parcels")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_picked_items")),
    )
    op.create_index(op.f("ix_picked_items_article_item_id"), "picked_items", ["article_item_id"], unique=False)
    op.create_index(op.f("ix_picked_items_order_id"), "picked_items", ["order_id"], unique=False)
    op.create_index(op.f("ix_picked_items_order_line_id"), "picked_items", ["order_line_id"], unique=False)
    op.create_index(op.f("ix_picked_items_parcel_id"), "picked_items", ["parcel_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_picked_items_parcel_id"), table_name="picked_items")
    op.drop_index(op.f("ix_picked_items_order_line_id"), table_name="picked_items")
    op.drop_index(op.f("ix_picked_items_order_id"), table_name="picked_items")
    op.drop_index(op.f("ix_picked_items_article_item_id"), table_name="picked_items")
    op.drop_table("picked_items")
    op.drop_index(op.f("ix_order_allocations_order_line_id"), table_name="order_allocations")
    op.drop_index(op.f("ix_order_allocations_article_item_id"), table_name="order_allocations")
    op.drop_table("order_allocations")
    op.drop_index(op.f("ix_parcels_order_id"), table_name="parcels")
    op.drop_index(op.f("ix_parcels_label_id"), table_name="parcels")
    op.drop_table("parcels")
    op.drop_index(op.f("ix_order_status_history_order_id"), table_name="order_status_history")
    op.drop_index(op.f("ix_order_status_history_changed_at"), table_name="order_status_history")
    op.drop_table("order_status_history")
    op.drop_index("ix_order_lines_order_id_external_order_line_code", table_name="order_lines")
    op.drop_index(op.f("ix_order_lines_order_id"), table_name="order_lines")
    op.drop_index(op.f("ix_order_lines_article_id"), table_name="order_lines")
    op.drop_table("order_lines")
    op.drop_table("order_class_links")
    op.drop_index("ix_orders_goods_owner_id_updated_at", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_status_changed_at", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_status", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_shipped_time", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_reference_number", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_printed_time", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_last_returned_at", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_last_picking_time", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_id", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_goods_owner_order_id", table_name="orders")
    op.drop_index("ix_orders_goods_owner_id_delivery_date", table_name="orders")
    op.drop_index(op.f("ix_orders_customer_id"), table_name="orders")
    op.drop_table("orders")
    op.drop_table("ways_of_delivery_types")
    op.drop_table("terms_of_delivery_types")
    op.drop_table("order_types")
    op.drop_table("order_classes")
    op.drop_index(op.f("ix_customers_goods_owner_id"), table_name="customers")
    op.drop_table("customers")
