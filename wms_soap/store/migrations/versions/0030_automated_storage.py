"""Automated storage: systems with their in-, store- and out-locations, article items in locations with their
handled flag, movement article items; the operator an Automation API write names, in the audit.

Every article item that exists gets its placement (not handled), so that ArticleItemInLocationId is known for all.

Revision ID: 0030_automated_storage
Revises: 0013_one_supplier_register
"""

import sqlalchemy as sa
from alembic import op

revision = "0030_automated_storage"
down_revision = "0013_one_supplier_register"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"),
                                   ondelete=ondelete)


def _handled() -> list[sa.Column]:
    return [sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("handled_by", sa.String(length=100), nullable=True),
            sa.Column("handled_operator", sa.String(length=200), nullable=True)]


def upgrade() -> None:
    op.create_table(
        "automated_systems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("in_location_id", sa.Integer(), nullable=False),
        sa.Column("store_location_id", sa.Integer(), nullable=False),
        sa.Column("out_location_id", sa.Integer(), nullable=False),
        sa.Column("controller_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("automated_systems", "controller_user_id", "automation_users"),
        _fk("automated_systems", "in_location_id", "locations"),
        _fk("automated_systems", "out_location_id", "locations"),
        _fk("automated_systems", "store_location_id", "locations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_automated_systems")),
        sa.UniqueConstraint("code", name=op.f("uq_automated_systems_code")),
        sa.UniqueConstraint("in_location_id", name=op.f("uq_automated_systems_in_location_id")),
        sa.UniqueConstraint("out_location_id", name=op.f("uq_automated_systems_out_location_id")),
        sa.UniqueConstraint("store_location_id", name=op.f("uq_automated_systems_store_location_id")),
    )
    op.create_table(
        "article_items_in_locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_item_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("placed_at", sa.DateTime(timezone=True), nullable=False),
        *_handled(),
        _fk("article_items_in_locations", "article_item_id", "article_items"),
        _fk("article_items_in_locations", "location_id", "locations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_items_in_locations")),
    )
    op.create_index(op.f("ix_article_items_in_locations_article_item_id"), "article_items_in_locations",
                    ["article_item_id"])
    op.create_index("ix_article_items_in_locations_location_id_handled_at", "article_items_in_locations",
                    ["location_id", "handled_at"])
    op.create_table(
        "movement_article_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("automated_system_id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("article_item_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("from_location_id", sa.Integer(), nullable=False),
        sa.Column("to_location_id", sa.Integer(), nullable=False),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *_handled(),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("moved_by", sa.String(length=100), nullable=True),
        sa.Column("moved_operator", sa.String(length=200), nullable=True),
        _fk("movement_article_items", "article_id", "articles"),
        _fk("movement_article_items", "article_item_id", "article_items"),
        _fk("movement_article_items", "automated_system_id", "automated_systems"),
        _fk("movement_article_items", "from_location_id", "locations"),
        _fk("movement_article_items", "goods_owner_id", "goods_owners"),
        _fk("movement_article_items", "order_id", "orders", ondelete="CASCADE"),
        _fk("movement_article_items", "to_location_id", "locations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movement_article_items")),
    )
    op.create_index(op.f("ix_movement_article_items_article_item_id"), "movement_article_items", ["article_item_id"])
    op.create_index(op.f("ix_movement_article_items_order_id"), "movement_article_items", ["order_id"])
    op.create_index("ix_movement_article_items_from_location_id_state", "movement_article_items",
                    ["from_location_id", "state"])
    with op.batch_alter_table("audit_entries") as batch:
        batch.add_column(sa.Column("operator", sa.String(length=200), nullable=True))
    op.execute("INSERT INTO article_items_in_locations (article_item_id, location_id, placed_at) "
               "SELECT id, location_id, in_date FROM article_items")


def downgrade() -> None:
    with op.batch_alter_table("audit_entries") as batch:
        batch.drop_column("operator")
    op.drop_table("movement_article_items")
    op.drop_table("article_items_in_locations")
    op.drop_table("automated_systems")
