"""Reserved: shipments, trips and order assignment.
Filled by the change that needs it; removed if unused.

Revision ID: 0006_shipments_trips
Revises: 0005_inorder_details
"""

revision = "0006_shipments_trips"
down_revision = "0005_inorder_details"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
