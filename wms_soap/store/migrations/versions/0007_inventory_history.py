"""Reserved: inventory history and article item changes.
Filled by the change that needs it; removed if unused.

Revision ID: 0007_inventory_history
Revises: 0006_shipments_trips
"""

revision = "0007_inventory_history"
down_revision = "0006_shipments_trips"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
