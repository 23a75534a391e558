"""Reserved: in-order details (advised items, seller, communication, warehouse).
Filled by the change that needs it; removed if unused.

Revision ID: 0005_inorder_details
Revises: 0004_inbound_returns_invoices
"""

revision = "0005_inorder_details"
down_revision = "0004_inbound_returns_invoices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
