"""Migrations on the test database (SQLite, or PostgreSQL with WMS_TEST_DATABASE_URL): from empty to head, one
step down and up again, and the models agree with what the migrations build."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, select

from wms_soap.store.access import IntegrationType
from wms_soap.store.migrate import current_revisions, downgrade, head_revisions, schema_is_current, upgrade
from wms_soap.store.models import Base

REVISIONS = ["0001_access_core", "0002_articles_inventory", "0003_orders", "0004_inbound_returns_invoices",
             "0005_inorder_details", "0006_shipments_trips", "0007_inventory_history", "0008_files_sync_events",
             "0009_order_text_lines", "0010_production_goods_operations",
             "0011_transfers_inbound_shipments", "0012_answer_stamps", "0013_one_supplier_register",
             "0030_automated_storage"]


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_from_empty_down_one_step_and_up_again(engine: Engine) -> None:
    downgrade(engine, "base")
    assert tables(engine) == set()
    assert not schema_is_current(engine)
    upgrade(engine)
    assert schema_is_current(engine)
    assert tables(engine) == set(Base.metadata.tables)
    head = current_revisions(engine)
    downgrade(engine, "-1")
    assert not schema_is_current(engine)
    assert current_revisions(engine) != head
    upgrade(engine)
    assert current_revisions(engine) == head == head_revisions()


def test_every_revision_steps_up_and_down(engine: Engine) -> None:
    downgrade(engine, "base")
    for revision in REVISIONS:
        upgrade(engine, revision)
        assert current_revisions(engine) == {revision}
    for revision in reversed(REVISIONS[:-1]):
        downgrade(engine, revision)
        assert current_revisions(engine) == {revision}
    downgrade(engine, "base")
    upgrade(engine)
    assert schema_is_current(engine)


def test_the_models_match_the_migrations(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_integration_types_are_seeded_with_other_last(engine: Engine) -> None:
    with engine.connect() as connection:
        rows = connection.execute(select(IntegrationType.name, IntegrationType.is_other)
                                  .order_by(IntegrationType.id)).all()
    names = [name for name, _ in rows]
    assert {"Shopify", "WooCommerce", "Magento", "Fortnox", "Visma", "SAP Business One", "NetSuite"} <= set(names)
    assert rows[-1] == ("Other", True)
    assert [name for name, other in rows if other] == ["Other"]

