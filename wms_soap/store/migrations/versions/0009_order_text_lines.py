"""Order text lines (CustomerOrderTextLines of ProcessOrder).

Revision ID: 0009_order_text_lines
Revises: 0008_files_sync_events
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_order_text_lines"
down_revision = "0008_files_sync_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_text_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("external_order_line_code", sa.String(length=200), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_text_lines_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_text_lines")),
    )
    op.create_index(op.f("ix_order_text_lines_order_id"), "order_text_lines", ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_order_text_lines_order_id"), table_name="order_text_lines")
    op.drop_table("order_text_lines")
