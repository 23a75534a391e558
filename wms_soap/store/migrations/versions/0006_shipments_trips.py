"""Shipments (orders shipped together) and trips, order assignment to API users, return order status texts.

Revision ID: 0006_shipments_trips
Revises: 0005_inorder_details
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_shipments_trips"
down_revision = "0005_inorder_details"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "return_order_status_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_return_order_status_texts_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_order_status_texts")),
        sa.UniqueConstraint("warehouse_id", "number", name=op.f("uq_return_order_status_texts_warehouse_id_number")),
    )
    op.create_table(
        "trips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("trip_number", sa.String(length=100), nullable=True),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("trip_order_number", sa.String(length=100), nullable=True),
        sa.Column("vehicle_registration_number", sa.String(length=50), nullable=True),
        sa.Column("vehicle_code", sa.String(length=50), nullable=True),
        sa.Column("route_code", sa.String(length=100), nullable=True),
        sa.Column("waybill", sa.String(length=100), nullable=True),
        sa.Column("start_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_trips_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trips")),
    )
    op.create_index(op.f("ix_trips_goods_owner_id"), "trips", ["goods_owner_id"], unique=False)
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=True),
        sa.Column("transporter_contract_id", sa.Integer(), nullable=True),
        sa.Column("shipment_order_number", sa.String(length=100), nullable=True),
        sa.Column("transporter_order_number", sa.String(length=100), nullable=True),
        sa.Column("waybill", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("customs_reference_number", sa.String(length=100), nullable=True),
        sa.Column("route", sa.String(length=100), nullable=True),
        sa.Column("registration_number", sa.String(length=50), nullable=True),
        sa.Column("delivery_instruction", sa.Text(), nullable=True),
        sa.Column("consignor_reference", sa.String(length=100), nullable=True),
        sa.Column("consignee_reference", sa.String(length=100), nullable=True),
        sa.Column("consignee_name", sa.String(length=200), nullable=True),
        sa.Column("consignee_address", sa.String(length=200), nullable=True),
        sa.Column("consignee_post_code", sa.String(length=50), nullable=True),
        sa.Column("consignee_city", sa.String(length=100), nullable=True),
        sa.Column("consignee_country_code", sa.String(length=10), nullable=True),
        sa.Column("payment_type", sa.String(length=20), nullable=False),
        sa.Column("freight_price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("in_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivery_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("shipped_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_shipments_goods_owner_id_goods_owners")
        ),
        sa.ForeignKeyConstraint(
            ["transporter_contract_id"],
            ["transporter_contracts.id"],
            name=op.f("fk_shipments_transporter_contract_id_transporter_contracts"),
        ),
        sa.ForeignKeyConstraint(["trip_id"], ["trips.id"], name=op.f("fk_shipments_trip_id_trips")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipments")),
    )
    op.create_index(op.f("ix_shipments_delivery_date"), "shipments", ["delivery_date"], unique=False)
    op.create_index(op.f("ix_shipments_goods_owner_id"), "shipments", ["goods_owner_id"], unique=False)
    op.create_index(op.f("ix_shipments_in_date"), "shipments", ["in_date"], unique=False)
    op.create_index(op.f("ix_shipments_shipment_order_number"), "shipments", ["shipment_order_number"], unique=False)
    op.create_index(op.f("ix_shipments_shipped_time"), "shipments", ["shipped_time"], unique=False)
    op.create_index(op.f("ix_shipments_status"), "shipments", ["status"], unique=False)
    op.create_index(
        op.f("ix_shipments_transporter_order_number"), "shipments", ["transporter_order_number"], unique=False
    )
    op.create_index(op.f("ix_shipments_trip_id"), "shipments", ["trip_id"], unique=False)
    op.create_index(op.f("ix_shipments_waybill"), "shipments", ["waybill"], unique=False)
    op.create_table(
        "order_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("api_user_id", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["api_user_id"], ["api_users.id"], name=op.f("fk_order_assignments_api_user_id_api_users")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_assignments_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_assignments")),
        sa.UniqueConstraint("order_id", name=op.f("uq_order_assignments_order_id")),
    )
    op.create_index(op.f("ix_order_assignments_api_user_id"), "order_assignments", ["api_user_id"], unique=False)
    op.create_table(
        "shipment_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_shipment_orders_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["shipment_id"], ["shipments.id"], name=op.f("fk_shipment_orders_shipment_id_shipments"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_orders")),
        sa.UniqueConstraint("order_id", name=op.f("uq_shipment_orders_order_id")),
    )
    op.create_index(op.f("ix_shipment_orders_shipment_id"), "shipment_orders", ["shipment_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_shipment_orders_shipment_id"), table_name="shipment_orders")
    op.drop_table("shipment_orders")
    op.drop_index(op.f("ix_order_assignments_api_user_id"), table_name="order_assignments")
    op.drop_table("order_assignments")
    op.drop_index(op.f("ix_shipments_waybill"), table_name="shipments")
    op.drop_index(op.f("ix_shipments_trip_id"), table_name="shipments")
    op.drop_index(op.f("ix_shipments_transporter_order_number"), table_name="shipments")
    op.drop_index(op.f("ix_shipments_status"), table_name="shipments")
    op.drop_index(op.f("ix_shipments_shipped_time"), table_name="shipments")
    op.drop_index(op.f("ix_shipments_shipment_order_number"), table_name="shipments")
    op.drop_index(op.f("ix_shipments_in_date"), table_name="shipments")
    op.drop_index(op.f("ix_shipments_goods_owner_id"), table_name="shipments")
    op.drop_index(op.f("ix_shipments_delivery_date"), table_name="shipments")
    op.drop_table("shipments")
    op.drop_index(op.f("ix_trips_goods_owner_id"), table_name="trips")
    op.drop_table("trips")
    op.drop_table("return_order_status_texts")
