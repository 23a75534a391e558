"""Reserved: warehouse transfer orders and inbound shipments.
Filled by the change that needs it; removed if unused.

Revision ID: 0011_transfers_inbound_shipments
Revises: 0010_production_goods_operations
"""

revision = "0011_transfers_inbound_shipments"
down_revision = "0010_production_goods_operations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
