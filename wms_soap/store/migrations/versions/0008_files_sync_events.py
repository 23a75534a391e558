"""Files attached to orders, in-orders, articles and shipments; sync times; reported events.

Revision ID: 0008_files_sync_events
Revises: 0007_inventory_history
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_files_sync_events"
down_revision = "0007_inventory_history"
branch_labels = None
depends_on = None

_ONE_TARGET = ("(CASE WHEN order_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN in_order_id IS NULL THEN 0 ELSE 1 END)"
               " + (CASE WHEN article_id IS NULL THEN 0 ELSE 1 END)"
               " + (CASE WHEN shipment_id IS NULL THEN 0 ELSE 1 END) = 1")
_EVENT_IDS = ("user_id", "order_id", "in_order_id", "article_item_id", "parent_message_log_id", "shipment_id",
              "trip_id", "inventory_id", "log_row_id", "return_order_id", "external_system_id", "pallet_item_id",
              "production_order_id", "invoice_id", "goods_operation_order_id")


def _owner_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["goods_owner_id"], ["goods_owners.id"],
                                   name=op.f(f"fk_{table}_goods_owner_id_goods_owners"))


def _create_files() -> None:
    op.create_table(
        "files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("mime_type", sa.String(length=200), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("in_order_id", sa.Integer(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("shipment_id", sa.Integer(), nullable=True),
        sa.Column("batch_number", sa.String(length=100), nullable=True),
        sa.Column("uploaded_by", sa.String(length=200), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_ONE_TARGET, name=op.f("ck_files_one_target")),
        _owner_fk("files"),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_files_order_id_orders"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["in_order_id"], ["in_orders.id"], name=op.f("fk_files_in_order_id_in_orders"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_files_article_id_articles"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], name=op.f("fk_files_shipment_id_shipments"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_files")),
    )
    op.create_index("ix_files_goods_owner_id_id", "files", ["goods_owner_id", "id"], unique=False)
    for column in ("order_id", "in_order_id", "article_id", "shipment_id"):
        op.create_index(op.f(f"ix_files_{column}"), "files", [column], unique=False)


def _create_sync_times() -> None:
    op.create_table(
        "sync_times",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("integration_type", sa.String(length=200), nullable=False),
        sa.Column("sync_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=True),
        _owner_fk("sync_times"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_times")),
        sa.UniqueConstraint("goods_owner_id", "integration_type",
                            name=op.f("uq_sync_times_goods_owner_id_integration_type")),
    )


def _create_reported_events() -> None:
    op.create_table(
        "reported_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_by", sa.String(length=200), nullable=True),
        sa.Column("event_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("event_type", sa.String(length=20), nullable=False),
        sa.Column("header", sa.Text(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("file_text", sa.Text(), nullable=True),
        sa.Column("message_id", sa.String(length=200), nullable=True),
        sa.Column("is_sent", sa.Boolean(), nullable=True),
        *(sa.Column(name, sa.Integer(), nullable=True) for name in _EVENT_IDS),
        _owner_fk("reported_events"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reported_events")),
    )
    op.create_index(op.f("ix_reported_events_event_type"), "reported_events", ["event_type"], unique=False)
    op.create_index(op.f("ix_reported_events_received_at"), "reported_events", ["received_at"], unique=False)
    op.create_index("ix_reported_events_goods_owner_id_received_at", "reported_events",
                    ["goods_owner_id", "received_at"], unique=False)


def upgrade() -> None:
    _create_files()
    _create_sync_times()
    _create_reported_events()


def downgrade() -> None:
    op.drop_table("reported_events")
    op.drop_table("sync_times")
    op.drop_table("files")
