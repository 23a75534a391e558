"""Reserved: files, sync times and reported events.
Filled by the change that needs it; removed if unused.

Revision ID: 0008_files_sync_events
Revises: 0007_inventory_history
"""

revision = "0008_files_sync_events"
down_revision = "0007_inventory_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
