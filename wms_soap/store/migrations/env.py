"""Alembic environment: runs on the connection ``wms_soap.store.migrate`` hands over, or (by hand, with the
``alembic`` command) on the database the WMS_* settings name."""

from alembic import context
from sqlalchemy import Connection

from wms_soap.config import load_settings
from wms_soap.store.db import create_engine_for
from wms_soap.store.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_from_settings() -> None:
    engine = create_engine_for(load_settings().database_url)
    try:
        with engine.connect() as connection:
            _run(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported: run against a database")
given = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    _run_from_settings()
