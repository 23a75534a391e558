"""Reserved: write-path indexes.
Filled by the change that needs it; removed if unused.

Revision ID: 0010_write_path
Revises: 0009_read_versions
"""

revision = "0010_write_path"
down_revision = "0009_read_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
