"""Article item properties (original item, comment, container, category, price, measures, free decimals), the
article item status and category registers, and the article item change log (GetArticleItemChanges).

Historical stock needs no table: it is derived from the inventory transactions.

Revision ID: 0007_inventory_history
Revises: 0006_shipments_trips
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007_inventory_history"
down_revision = "0006_shipments_trips"
branch_labels = None
depends_on = None

QUANTITY = sa.Numeric(18, 4)
MEASURES = ("price", "weight", "volume", "length", "width", "height", "free_decimal1", "free_decimal2")


def _item_columns() -> list[sa.Column[Any]]:
    """Fresh column objects each time (a Column can belong to one table only, and tests migrate twice)."""
    return [
        sa.Column("original_article_item_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("container", sa.String(length=100), nullable=True),
        sa.Column("category_id", sa.Integer(), nullable=True),
        *(sa.Column(name, QUANTITY, nullable=True) for name in MEASURES),
    ]


def _register(name: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("code", name=op.f(f"uq_{name}_code")),
    )


def upgrade() -> None:
    for column in _item_columns():
        op.add_column("article_items", column)
    _register("article_item_statuses")
    _register("article_item_categories")
    op.create_table(
        "article_item_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("article_item_id", sa.Integer(), nullable=False),
        sa.Column("original_article_item_id", sa.Integer(), nullable=False),
        sa.Column("number_of_items", QUANTITY, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change_types", sa.String(length=300), nullable=False),
        sa.Column("previous_status", sa.String(length=100), nullable=True),
        sa.Column("new_status", sa.String(length=100), nullable=True),
        sa.Column("previous", sa.JSON(), nullable=False),
        sa.Column("current", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name=op.f("fk_article_item_changes_article_id_articles")),
        sa.ForeignKeyConstraint(["goods_owner_id"], ["goods_owners.id"],
                                name=op.f("fk_article_item_changes_goods_owner_id_goods_owners")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_item_changes")),
    )
    op.create_index("ix_article_item_changes_goods_owner_id_changed_at", "article_item_changes",
                    ["goods_owner_id", "changed_at"], unique=False)
    op.create_index("ix_article_item_changes_article_item_id", "article_item_changes", ["article_item_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_article_item_changes_article_item_id", table_name="article_item_changes")
    op.drop_index("ix_article_item_changes_goods_owner_id_changed_at", table_name="article_item_changes")
    op.drop_table("article_item_changes")
    op.drop_table("article_item_categories")
    op.drop_table("article_item_statuses")
    with op.batch_alter_table("article_items") as batch:
        for column in reversed(_item_columns()):
            batch.drop_column(column.name)
