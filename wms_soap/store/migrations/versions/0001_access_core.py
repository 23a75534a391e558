"""Access-control core: warehouses, goods owners, integration types (seeded), API, automation and admin users,
the audit log and the WS-Security nonce table.

Revision ID: 0001_access_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_access_core"
down_revision = None
branch_labels = None
depends_on = None

INTEGRATION_TYPES = [
    "Shopify", "WooCommerce", "Magento", "PrestaShop", "Shopware", "BigCommerce", "Centra", "Starweb",
    "Wikinggruppen", "Jetshop/Norce", "Visma", "Fortnox", "Microsoft Dynamics 365 Business Central",
    "SAP Business One", "Odoo", "NetSuite", "Pyramid", "Monitor",
]
OTHER = "Other"


def _now() -> sa.TextClause:
    return sa.text("CURRENT_TIMESTAMP")


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    ]


def _account_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
    ]


def upgrade() -> None:
    op.create_table(
        "warehouses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(50), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
        sa.PrimaryKeyConstraint("id", name="pk_warehouses"),
        sa.UniqueConstraint("code", name="uq_warehouses_code"),
    )
    op.create_table(
        "goods_owners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(50), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=True),
        sa.Column("api_access", sa.Boolean(), nullable=False, server_default=sa.false()),
        *_timestamps(),
        sa.ForeignKeyConstraint(["warehouse_id"], ["warehouses.id"], name="fk_goods_owners_warehouse_id_warehouses"),
        sa.PrimaryKeyConstraint("id", name="pk_goods_owners"),
        sa.UniqueConstraint("code", name="uq_goods_owners_code"),
    )
    op.create_index("ix_goods_owners_warehouse_id", "goods_owners", ["warehouse_id"])
    integration_types = op.create_table(
        "integration_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("is_other", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_integration_types"),
        sa.UniqueConstraint("name", name="uq_integration_types_name"),
    )
    op.bulk_insert(
        integration_types,
        [{"name": name, "is_other": False} for name in INTEGRATION_TYPES] + [{"name": OTHER, "is_other": True}],
    )
    op.create_table(
        "api_users",
        *_account_columns(),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("integration_type_id", sa.Integer(), nullable=False),
        sa.Column("integration_name", sa.String(100), nullable=True),
        sa.Column("invoice_access", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("digest_secret_encrypted", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name="fk_api_users_goods_owner_id_goods_owners"
        ),
        sa.ForeignKeyConstraint(
            ["integration_type_id"], ["integration_types.id"], name="fk_api_users_integration_type_id_integration_types"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_api_users"),
        sa.UniqueConstraint("username", name="uq_api_users_username"),
    )
    op.create_index("ix_api_users_goods_owner_id", "api_users", ["goods_owner_id"])
    for table in ("automation_users", "admin_users"):
        op.create_table(
            table,
            *_account_columns(),
            sa.Column("email", sa.String(254), nullable=True),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            sa.UniqueConstraint("username", name=f"uq_{table}_username"),
        )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("face", sa.String(20), nullable=False),
        sa.Column("username", sa.String(200), nullable=True),
        sa.Column("goods_owner_id", sa.Integer(), nullable=True),
        sa.Column("operation", sa.String(100), nullable=False),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("duration_ms", sa.Float(), nullable=False),
        sa.Column("client_address", sa.String(100), nullable=True),
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_entries"),
    )
    op.create_index("ix_audit_entries_at", "audit_entries", ["at"])
    op.create_index("ix_audit_entries_username", "audit_entries", ["username"])
    op.create_index("ix_audit_entries_goods_owner_id", "audit_entries", ["goods_owner_id"])
    op.create_table(
        "used_nonces",
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("nonce_sha256", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("username", "nonce_sha256", name="pk_used_nonces"),
    )
    op.create_index("ix_used_nonces_expires_at", "used_nonces", ["expires_at"])


def downgrade() -> None:
    for table in (
        "used_nonces", "audit_entries", "admin_users", "automation_users", "api_users", "integration_types",
        "goods_owners", "warehouses",
    ):
        op.drop_table(table)
