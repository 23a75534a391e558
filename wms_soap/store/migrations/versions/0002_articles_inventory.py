"""Articles and inventory: article registers, articles, locations, article items, inventory transactions, order and
in-order status texts (seeded with the defaults), transporters and transporter contracts.

Revision ID: 0002_articles_inventory
Revises: 0001_access_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_articles_inventory"
down_revision = "0001_access_core"
branch_labels = None
depends_on = None

ORDER_STATUSES = [
    (100, "Notified"),
    (150, "Error"),
    (200, "Open"),
    (300, "Released"),
    (320, "Allocated"),
    (400, "Picked"),
    (450, "Sent"),
    (500, "Collected"),
    (1000, "Cancelled"),
]
IN_ORDER_STATUSES = [
    (100, "Notified"),
    (200, "Open"),
    (300, "Arrived"),
    (400, "Receiving"),
    (500, "Received"),
    (900, "Cancelled"),
]
TABLES = [
    "transporters",
    "article_categories",
    "article_classes",
    "article_colors",
    "article_groups",
    "article_sizes",
    "article_suppliers",
    "goods_categories",
    "in_order_status_texts",
    "locations",
    "order_status_texts",
    "transporter_contracts",
    "vat_codes",
    "articles",
    "article_alternative_suppliers",
    "article_barcodes",
    "article_class_links",
    "article_dangerous_goods",
    "article_items",
    "article_names",
    "article_structure_components",
    "article_taric_numbers",
    "inventory_transactions",
    "article_dangerous_goods_names",
]


def upgrade() -> None:
    op.create_table(
        "transporters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transporters")),
        sa.UniqueConstraint("code", name=op.f("uq_transporters_code")),
    )
    op.create_table(
        "article_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_article_categories_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_categories")),
    )
    op.create_index(
        op.f("ix_article_categories_goods_owner_id"), "article_categories", ["goods_owner_id"], unique=False
    )
    op.create_table(
        "article_classes",
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_article_classes_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_classes")),
    )
    op.create_index(op.f("ix_article_classes_goods_owner_id"), "article_classes", ["goods_owner_id"], unique=False)
    op.create_table(
        "article_colors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_article_colors_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_colors")),
    )
    op.create_index(op.f("ix_article_colors_goods_owner_id"), "article_colors", ["goods_owner_id"], unique=False)
    op.create_table(
        "article_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_article_groups_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_groups")),
    )
    op.create_index(op.f("ix_article_groups_goods_owner_id"), "article_groups", ["goods_owner_id"], unique=False)
    op.create_table(
        "article_sizes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_article_sizes_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_sizes")),
    )
    op.create_index(op.f("ix_article_sizes_goods_owner_id"), "article_sizes", ["goods_owner_id"], unique=False)
    op.create_table(
        "article_suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("supplier_number", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("address2", sa.String(length=300), nullable=True),
        sa.Column("address3", sa.String(length=300), nullable=True),
        sa.Column("post_code", sa.String(length=50), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("country_code", sa.String(length=10), nullable=True),
        sa.Column("telephone", sa.String(length=100), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_article_suppliers_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_suppliers")),
    )
    op.create_index(op.f("ix_article_suppliers_goods_owner_id"), "article_suppliers", ["goods_owner_id"], unique=False)
    op.create_index(
        op.f("ix_article_suppliers_supplier_number"), "article_suppliers", ["supplier_number"], unique=False
    )
    op.create_table(
        "goods_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_goods_categories_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goods_categories")),
    )
    op.create_index(op.f("ix_goods_categories_goods_owner_id"), "goods_categories", ["goods_owner_id"], unique=False)
    op.create_table(
        "in_order_status_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_in_order_status_texts_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_in_order_status_texts")),
        sa.UniqueConstraint("warehouse_id", "number", name=op.f("uq_in_order_status_texts_warehouse_id_number")),
    )
    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("is_quarantine", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["warehouse_id"], ["warehouses.id"], name=op.f("fk_locations_warehouse_id_warehouses")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("code", name=op.f("uq_locations_code")),
    )
    op.create_index(op.f("ix_locations_warehouse_id"), "locations", ["warehouse_id"], unique=False)
    op.create_table(
        "order_status_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_order_status_texts_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_status_texts")),
        sa.UniqueConstraint("warehouse_id", "number", name=op.f("uq_order_status_texts_warehouse_id_number")),
    )
    op.create_table(
        "transporter_contracts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("transporter_id", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.String(length=100), nullable=True),
        sa.Column("service_name", sa.String(length=200), nullable=True),
        sa.Column("customer_number", sa.String(length=100), nullable=True),
        sa.Column("edi_customer_code", sa.String(length=100), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_transporter_contracts_goods_owner_id_goods_owners")
        ),
        sa.ForeignKeyConstraint(
            ["transporter_id"], ["transporters.id"], name=op.f("fk_transporter_contracts_transporter_id_transporters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transporter_contracts")),
    )
    op.create_index(
        "ix_transporter_contracts_goods_owner_id_transporter_id",
        "transporter_contracts",
        ["goods_owner_id", "transporter_id"],
        unique=False,
    )
    op.create_table(
        "vat_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("percent", sa.Numeric(precision=9, scale=4), nullable=True),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_vat_codes_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vat_codes")),
    )
    op.create_index(op.f("ix_vat_codes_goods_owner_id"), "vat_codes", ["goods_owner_id"], unique=False)
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("article_number", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("product_code", sa.String(length=200), nullable=True),
        sa.Column("bar_code", sa.String(length=200), nullable=True),
        sa.Column("bar_code_package", sa.String(length=200), nullable=True),
        sa.Column("bar_code_pallet", sa.String(length=200), nullable=True),
        sa.Column("supplier_article_number", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("unit_code", sa.String(length=50), nullable=True),
        sa.Column("country_of_origin_code", sa.String(length=10), nullable=True),
        sa.Column("statistics_number", sa.String(length=100), nullable=True),
        sa.Column("additional_statistics_number", sa.String(length=100), nullable=True),
        sa.Column("purchase_currency_code", sa.String(length=10), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("structure_type", sa.String(length=30), nullable=True),
        sa.Column("is_stock_article", sa.Boolean(), nullable=False),
        sa.Column("weight", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("net_weight", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("volume", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("length", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("width", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("height", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("pallet_height", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("quantity_per_pallet", sa.Integer(), nullable=True),
        sa.Column("quantity_per_package", sa.Integer(), nullable=True),
        sa.Column("quantity_per_layer", sa.Integer(), nullable=True),
        sa.Column("order_point", sa.Integer(), nullable=True),
        sa.Column("price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("customer_price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("purchase_price", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("is_gsp_certified", sa.Boolean(), nullable=True),
        sa.Column("max_stock_days", sa.Integer(), nullable=True),
        sa.Column("link_to_picture", sa.String(length=1000), nullable=True),
        sa.Column("is_obsolete", sa.Boolean(), nullable=True),
        sa.Column("min_days_to_expiry_date", sa.Integer(), nullable=True),
        sa.Column("customs_export_conditions", sa.String(length=300), nullable=True),
        sa.Column("customs_description", sa.Text(), nullable=True),
        sa.Column("is_serial_number_article", sa.Boolean(), nullable=True),
        sa.Column("is_batch_article", sa.Boolean(), nullable=True),
        sa.Column("is_expiry_date_article", sa.Boolean(), nullable=True),
        sa.Column("free_decimal1", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("free_decimal2", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("free_decimal3", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("free_boolean1", sa.Boolean(), nullable=True),
        sa.Column("free_boolean2", sa.Boolean(), nullable=True),
        sa.Column("free_boolean3", sa.Boolean(), nullable=True),
        sa.Column("free_text1", sa.Text(), nullable=True),
        sa.Column("storage_priority", sa.Integer(), nullable=True),
        sa.Column("sub_quantity_per_item", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("storage_class_name", sa.String(length=200), nullable=True),
        sa.Column("max_stack_number_of_levels", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("return_handling_comment", sa.Text(), nullable=True),
        sa.Column("picking_handling_comment", sa.Text(), nullable=True),
        sa.Column("inbound_handling_comment", sa.Text(), nullable=True),
        sa.Column("default_location_name", sa.String(length=200), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("vat_code_id", sa.Integer(), nullable=True),
        sa.Column("color_id", sa.Integer(), nullable=True),
        sa.Column("size_id", sa.Integer(), nullable=True),
        sa.Column("goods_category_id", sa.Integer(), nullable=True),
        sa.Column("main_supplier_id", sa.Integer(), nullable=True),
        sa.Column("stock_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"], ["article_categories.id"], name=op.f("fk_articles_category_id_article_categories")
        ),
        sa.ForeignKeyConstraint(["color_id"], ["article_colors.id"], name=op.f("fk_articles_color_id_article_colors")),
        sa.ForeignKeyConstraint(
            ["goods_category_id"], ["goods_categories.id"], name=op.f("fk_articles_goods_category_id_goods_categories")
        ),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_articles_goods_owner_id_goods_owners")
        ),
        sa.ForeignKeyConstraint(["group_id"], ["article_groups.id"], name=op.f("fk_articles_group_id_article_groups")),
        sa.ForeignKeyConstraint(
            ["main_supplier_id"], ["article_suppliers.id"], name=op.f("fk_articles_main_supplier_id_article_suppliers")
        ),
        sa.ForeignKeyConstraint(["size_id"], ["article_sizes.id"], name=op.f("fk_articles_size_id_article_sizes")),
        sa.ForeignKeyConstraint(["vat_code_id"], ["vat_codes.id"], name=op.f("fk_articles_vat_code_id_vat_codes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("goods_owner_id", "article_number", name=op.f("uq_articles_goods_owner_id_article_number")),
    )
    op.create_index(op.f("ix_articles_goods_owner_id"), "articles", ["goods_owner_id"], unique=False)
    op.create_index("ix_articles_goods_owner_id_bar_code", "articles", ["goods_owner_id", "bar_code"], unique=False)
    op.create_index(
        "ix_articles_goods_owner_id_bar_code_package", "articles", ["goods_owner_id", "bar_code_package"], unique=False
    )
    op.create_index(
        "ix_articles_goods_owner_id_bar_code_pallet", "articles", ["goods_owner_id", "bar_code_pallet"], unique=False
    )
    op.create_index("ix_articles_goods_owner_id_created_at", "articles", ["goods_owner_id", "created_at"], unique=False)
    op.create_index("ix_articles_goods_owner_id_name", "articles", ["goods_owner_id", "name"], unique=False)
    op.create_index(
        "ix_articles_goods_owner_id_product_code", "articles", ["goods_owner_id", "product_code"], unique=False
    )
    op.create_index(
        "ix_articles_goods_owner_id_stock_changed_at", "articles", ["goods_owner_id", "stock_changed_at"], unique=False
    )
    op.create_table(
        "article_alternative_suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("lead_time", sa.Integer(), nullable=True),
        sa.Column("supplier_article_number", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_alternative_suppliers_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["article_suppliers.id"],
            name=op.f("fk_article_alternative_suppliers_supplier_id_article_suppliers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_alternative_suppliers")),
    )
    op.create_index(
        op.f("ix_article_alternative_suppliers_article_id"),
        "article_alternative_suppliers",
        ["article_id"],
        unique=False,
    )
    op.create_table(
        "article_barcodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(length=200), nullable=False),
        sa.Column("type_code", sa.String(length=100), nullable=True),
        sa.Column("type_name", sa.String(length=200), nullable=True),
        sa.Column("quantity_per_barcode", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_article_barcodes_article_id_articles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_barcodes")),
    )
    op.create_index(op.f("ix_article_barcodes_article_id"), "article_barcodes", ["article_id"], unique=False)
    op.create_index("ix_article_barcodes_barcode", "article_barcodes", ["barcode"], unique=False)
    op.create_table(
        "article_class_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("article_class_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_class_id"],
            ["article_classes.id"],
            name=op.f("fk_article_class_links_article_class_id_article_classes"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_class_links_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_class_links")),
        sa.UniqueConstraint(
            "article_id", "article_class_id", name=op.f("uq_article_class_links_article_id_article_class_id")
        ),
    )
    op.create_index(op.f("ix_article_class_links_article_id"), "article_class_links", ["article_id"], unique=False)
    op.create_table(
        "article_dangerous_goods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("un_number", sa.String(length=20), nullable=True),
        sa.Column("is_marine_hazard", sa.Boolean(), nullable=True),
        sa.Column("is_dangerous_goods", sa.Boolean(), nullable=True),
        sa.Column("package_type", sa.String(length=20), nullable=True),
        sa.Column("tunnel_codes", sa.String(length=100), nullable=True),
        sa.Column("class_number", sa.String(length=50), nullable=True),
        sa.Column("label_numbers", sa.String(length=100), nullable=True),
        sa.Column("coefficient", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("ems_code", sa.String(length=50), nullable=True),
        sa.Column("flash_point", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_dangerous_goods_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_dangerous_goods")),
    )
    op.create_index(
        op.f("ix_article_dangerous_goods_article_id"), "article_dangerous_goods", ["article_id"], unique=False
    )
    op.create_table(
        "article_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("batch", sa.String(length=100), nullable=True),
        sa.Column("serial", sa.String(length=100), nullable=True),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=100), nullable=True),
        sa.Column("is_locked", sa.Boolean(), nullable=False),
        sa.Column("lock_comment", sa.String(length=300), nullable=True),
        sa.Column("in_date", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_article_items_article_id_articles")),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_article_items_goods_owner_id_goods_owners")
        ),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_article_items_location_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_items")),
    )
    op.create_index(op.f("ix_article_items_article_id"), "article_items", ["article_id"], unique=False)
    op.create_index(
        "ix_article_items_goods_owner_id_article_id", "article_items", ["goods_owner_id", "article_id"], unique=False
    )
    op.create_index(op.f("ix_article_items_location_id"), "article_items", ["location_id"], unique=False)
    op.create_index("ix_article_items_updated_at", "article_items", ["updated_at"], unique=False)
    op.create_table(
        "article_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("language_code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_article_names_article_id_articles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_names")),
        sa.UniqueConstraint("article_id", "language_code", name=op.f("uq_article_names_article_id_language_code")),
    )
    op.create_table(
        "article_structure_components",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_article_id", sa.Integer(), nullable=False),
        sa.Column("child_article_id", sa.Integer(), nullable=False),
        sa.Column("number_of_items", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_article_id"],
            ["articles.id"],
            name=op.f("fk_article_structure_components_child_article_id_articles"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_article_id"],
            ["articles.id"],
            name=op.f("fk_article_structure_components_parent_article_id_articles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_structure_components")),
        sa.UniqueConstraint(
            "parent_article_id",
            "child_article_id",
            name=op.f("uq_article_structure_components_parent_article_id_child_article_id"),
        ),
    )
    op.create_index(
        op.f("ix_article_structure_components_child_article_id"),
        "article_structure_components",
        ["child_article_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_article_structure_components_parent_article_id"),
        "article_structure_components",
        ["parent_article_id"],
        unique=False,
    )
    op.create_table(
        "article_taric_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("country_code", sa.String(length=10), nullable=True),
        sa.Column("taric_number", sa.String(length=50), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_taric_numbers_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_taric_numbers")),
    )
    op.create_index(op.f("ix_article_taric_numbers_article_id"), "article_taric_numbers", ["article_id"], unique=False)
    op.create_table(
        "inventory_transactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goods_owner_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("article_item_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("location_code", sa.String(length=100), nullable=True),
        sa.Column("batch", sa.String(length=100), nullable=True),
        sa.Column("serial", sa.String(length=100), nullable=True),
        sa.Column("expiry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cause", sa.String(length=50), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_inventory_transactions_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["goods_owner_id"], ["goods_owners.id"], name=op.f("fk_inventory_transactions_goods_owner_id_goods_owners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventory_transactions")),
    )
    op.create_index(
        op.f("ix_inventory_transactions_created_at"), "inventory_transactions", ["created_at"], unique=False
    )
    op.create_index(
        "ix_inventory_transactions_goods_owner_id_article_id",
        "inventory_transactions",
        ["goods_owner_id", "article_id"],
        unique=False,
    )
    op.create_index(op.f("ix_inventory_transactions_reported"), "inventory_transactions", ["reported"], unique=False)
    op.create_table(
        "article_dangerous_goods_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dangerous_goods_id", sa.Integer(), nullable=False),
        sa.Column("language_code", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["dangerous_goods_id"],
            ["article_dangerous_goods.id"],
            name=op.f("fk_article_dangerous_goods_names_dangerous_goods_id_article_dangerous_goods"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_dangerous_goods_names")),
    )
    op.create_index(
        op.f("ix_article_dangerous_goods_names_dangerous_goods_id"),
        "article_dangerous_goods_names",
        ["dangerous_goods_id"],
        unique=False,
    )
    _seed_status_texts()


def _seed_status_texts() -> None:
    for table_name, rows in (("order_status_texts", ORDER_STATUSES), ("in_order_status_texts", IN_ORDER_STATUSES)):
        table = sa.table(
            table_name,
            sa.column("warehouse_id", sa.Integer),
            sa.column("number", sa.Integer),
            sa.column("text", sa.String),
        )
        op.bulk_insert(table, [{"warehouse_id": None, "number": number, "text": text} for number, text in rows])


def downgrade() -> None:
    for table_name in reversed(TABLES):
        op.drop_table(table_name)
