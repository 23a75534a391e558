"""A select compiled once per dialect and run on a raw DBAPI connection from the engine's pool.

For the few reads that every call of a hot operation makes (the caller's account, a goods owner's answer stamp):
about a tenth of the cost of a SQLAlchemy connection's transaction. It runs outside any transaction of its own
making: on SQLite (driver autocommit, see ``store.db``) the statement is its own read transaction; elsewhere the
pool's rollback on return ends the driver's implicit one. Either way every call sees the latest committed state.
Column values go through the dialect's result processors, so they come out as through SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeAlias

from sqlalchemy import Engine, Select
from sqlalchemy.engine import Dialect

AnySelect: TypeAlias = Select[*tuple[Any, ...]]


class RawSelect:
    """One statement with named bind parameters, ready to run on ``engine.raw_connection()``."""

    _compiled: ClassVar[dict[tuple[int, type[Dialect], str], RawSelect]] = {}

    def __init__(self, statement: AnySelect, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self._sql = compiled.string
        self._positions = tuple(compiled.positiontup) if compiled.positiontup is not None else None
        self._keys = tuple(str(column.key) for column in statement.selected_columns)
        self._processors = tuple(
            dialect.type_descriptor(column.type).result_processor(dialect, None)
            for column in statement.selected_columns
        )

    @classmethod
    def of(cls, statement: AnySelect, dialect: Dialect) -> RawSelect:
        """The compiled form of ``statement`` for ``dialect``, made once (``statement`` must live for the process)."""
        key = (id(statement), type(dialect), dialect.paramstyle)
        found = cls._compiled.get(key)
        if found is None:
            found = cls._compiled[key] = cls(statement, dialect)
        return found

    def one(self, engine: Engine, params: Mapping[str, Any]) -> dict[str, Any] | None:
        """The first row as a dict of processed values, or ``None``."""
        bound: Any = tuple(params[name] for name in self._positions) if self._positions is not None else params
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(self._sql, bound)
                row = cursor.fetchone()
            finally:
                cursor.close()
        finally:
            connection.close()
        if row is None:
            return None
        return {key: process(value) if process is not None else value
                for key, process, value in zip(self._keys, self._processors, row, strict=True)}
