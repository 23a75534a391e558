"""Shared fixtures: settings, a migrated database per test, sessions, and a live waitress server.

Databases:
- SQLite (default): the schema is migrated once per test session into a template file, which is copied for every
  test (a copy is much faster than running the migrations again).
- PostgreSQL (when ``WMS_TEST_DATABASE_URL`` is set): the schema is dropped and migrated once per session; before
  every test the tables that have rows are emptied (DELETE, children first), every sequence is restarted, and the
  reference rows the migrations seed (integration types, status texts, ...) are inserted again with their original
  ids, so every test sees a freshly migrated database. Tests on PostgreSQL therefore cannot run in parallel
  against one database.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.config import Settings, load_settings
from wms_soap.security import audit
from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import upgrade
from wms_soap.store.models import Base

TEST_DATABASE_URL = os.environ.get("WMS_TEST_DATABASE_URL", "")
TEST_SECRET_KEY = "test-secret-key-not-for-production"
Snapshot = dict[str, list[dict[str, Any]]]


def on_postgres() -> bool:
    return TEST_DATABASE_URL.startswith("postgresql")


# -- the migrated database ------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = create_engine_for(f"sqlite:///{path}")
    try:
        upgrade(engine)
    finally:
        engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def _postgres_seed() -> Iterator[Snapshot]:
    engine = create_engine_for(TEST_DATABASE_URL)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        upgrade(engine)
        yield _seeded_rows(engine)
    finally:
        engine.dispose()


def _seeded_rows(engine: Engine) -> Snapshot:
    """The rows the migrations insert (reference data), by table."""
    with engine.connect() as connection:
        snapshot = {
            table.name: [dict(row._mapping) for row in connection.execute(select(table))]
            for table in Base.metadata.sorted_tables
        }
    return {name: rows for name, rows in snapshot.items() if rows}


def _reset_postgres(url: str, seed: Snapshot) -> None:
    """Empty the tables that have rows, restart every sequence, and put the seeded reference rows back with their
    ids. DELETE (children first), not TRUNCATE: TRUNCATE costs tens of milliseconds per table even when empty, and
    its CASCADE pulls in every table that refers to a goods owner, which made each test's setup take seconds."""
    engine = create_engine_for(url)
    try:
        with engine.begin() as connection:
            # A connection some earlier test leaked in a transaction would make this wait forever: fail instead.
            connection.execute(text("SET LOCAL lock_timeout = '20s'"))
            filled = set(_tables_with_rows(connection))
            for table in reversed(Base.metadata.sorted_tables):
                if table.name in filled:
                    connection.execute(table.delete())
            connection.execute(text(
                "SELECT setval(c.oid::regclass, 1, false) FROM pg_class c "
                "WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace"
            ))
            for table in Base.metadata.sorted_tables:
                rows = seed.get(table.name)
                if rows:
                    connection.execute(insert(table), rows)
                    _continue_sequence(connection, table.name)
    finally:
        engine.dispose()


def _tables_with_rows(connection: Connection) -> list[str]:
    probes = " UNION ALL ".join(
        f"SELECT '{table.name}' WHERE EXISTS (SELECT 1 FROM \"{table.name}\")" for table in Base.metadata.sorted_tables
    )
    return list(connection.execute(text(probes)).scalars())


def _continue_sequence(connection: Connection, table: str) -> None:
    connection.execute(text(
        f"SELECT setval(pg_get_serial_sequence('{table}', c.column_name), (SELECT max(id) FROM \"{table}\")) "
        f"FROM information_schema.columns c WHERE c.table_name = '{table}' AND c.column_name = 'id' "
        "AND pg_get_serial_sequence(c.table_name, c.column_name) IS NOT NULL"
    ))


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A freshly migrated database for this test: a SQLite file, or the emptied PostgreSQL test database."""
    if on_postgres():
        _reset_postgres(TEST_DATABASE_URL, request.getfixturevalue("_postgres_seed"))
        return TEST_DATABASE_URL
    path = tmp_path / "wms.sqlite3"
    shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
    return f"sqlite:///{path}"


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test's settings as WMS_* variables, for CLI commands that load their own settings."""
    monkeypatch.setenv("WMS_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("WMS_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("WMS_SECRET_KEY", settings.secret_key)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings for this test: its own data dir and database, a fixed secret key, nothing from the environment."""
    return load_settings(env={
        "WMS_DATA_DIR": str(tmp_path / "var"),
        "WMS_DATABASE_URL": database_url,
        "WMS_SECRET_KEY": TEST_SECRET_KEY,
        "WMS_THREADS": "4",
    })


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine_for(database_url)
    yield engine
    audit.flush_all()  # a test's queued audit rows land in its own database, not in the next test's
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for arranging and checking data; the test commits when other connections must see its rows."""
    with session_factory() as session:
        yield session
        session.rollback()


# -- a live server ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LiveServer:
    """A running server: ``url`` is the goods-owner SOAP address (``<base_url>/<warehouse>/service.asmx``)."""

    url: str
    base_url: str
    admin_url: str
    settings: Settings
    session_factory: sessionmaker[Session]


@pytest.fixture
def live_server(settings: Settings, session_factory: sessionmaker[Session]) -> Iterator[LiveServer]:
    """``create_app`` on waitress, on a free port, in a thread; the socket is bound before the app is built, so the
    WSDL carries the real address."""
    from wms_soap.app import ADMIN_PATH, create_app
    from wms_soap.serving import BoundServer

    bound = BoundServer(settings, host="127.0.0.1", port=0, threads=settings.threads)
    try:
        live_settings = dataclasses.replace(settings, port=bound.port, public_url=bound.url)
        bound.mount(create_app(live_settings, session_factory=session_factory))
        bound.start()
        service = f"{bound.url}/{live_settings.warehouse}/service.asmx" if live_settings.warehouse else (
            f"{bound.url}/service.asmx")
        yield LiveServer(service, bound.url, bound.url + ADMIN_PATH, live_settings, session_factory)
    finally:
        bound.stop()
