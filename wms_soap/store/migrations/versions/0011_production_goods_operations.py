"""Reserved: production orders and goods operation orders.
Filled by the change that needs it; removed if unused.

Revision ID: 0011_production_goods_operations
Revises: 0010_write_path
"""

revision = "0011_production_goods_operations"
down_revision = "0010_write_path"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
