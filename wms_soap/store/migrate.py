"""Schema migrations through Alembic, on an engine the caller owns (the scripts ship inside the package)."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from wms_soap.errors import SchemaOutOfDate

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SCHEMA_BEHIND = "The database schema is behind this version of wms-soap: run `wms-soap init` to upgrade it"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` (creating it on an empty database)."""
    with engine.begin() as connection:
        command.upgrade(_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema down to ``revision`` (``"base"`` drops every table)."""
    with engine.begin() as connection:
        command.downgrade(_config(connection), revision)


def head_revisions() -> set[str]:
    return set(ScriptDirectory.from_config(_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def schema_is_current(engine: Engine) -> bool:
    """True when the database is at the newest revision the code knows."""
    return current_revisions(engine) == head_revisions()


def check_schema(engine: Engine) -> None:
    """Refuse to work on a database whose schema is behind the code (``SchemaOutOfDate``)."""
    if not schema_is_current(engine):
        raise SchemaOutOfDate(SCHEMA_BEHIND)
