"""Reserved: read-path versions for cached answers.
Filled by the change that needs it; removed if unused.

Revision ID: 0009_read_versions
Revises: 0008_files_sync_events
"""

revision = "0009_read_versions"
down_revision = "0008_files_sync_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
