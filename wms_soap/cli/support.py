"""What the CLI command modules share: one command = one unit of work on the configured database, and the argument
types for numbers, dates and moments."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import check_schema
from wms_soap.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from wms_soap.config import Settings

Action = Callable[[Session, argparse.Namespace], str]
"""A command's work: it changes or reads the store and returns the text to print."""
Commands = argparse._SubParsersAction
Handler = Callable[[argparse.Namespace, "Settings"], int]


@contextmanager
def command_session(settings: Settings, *, writes: bool = True) -> Iterator[Session]:
    """The session of the command's unit of work (``wms_soap.unit_of_work``) on the configured database: committed
    when the block succeeds, rolled back when it raises. A schema that needs ``wms-soap init`` is refused first;
    the engine lives as long as the command."""
    engine = create_engine_for(settings.database_url)
    try:
        check_schema(engine)
        with UnitOfWork(make_session_factory(engine), writes=writes) as work:
            yield work.session
    finally:
        engine.dispose()


def runner(action: Action) -> Handler:
    """The command handler that runs ``action`` as the command's unit of work (begun as SQLite's writer: every
    warehouse command may write) and prints what it returns once it is committed."""
    def run(args: argparse.Namespace, settings: Settings) -> int:
        with command_session(settings) as session:
            text = action(session, args)
        print(text)
        return 0

    return run


def decimal_arg(text: str) -> Decimal:
    """An argparse type: a decimal number, or a usage error naming the text."""
    try:
        return Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def date_arg(text: str) -> datetime:
    """An argparse type: a day (YYYY-MM-DD) as midnight UTC."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def moment_arg(text: str) -> datetime:
    """An argparse type: an ISO date or time, UTC when it has no offset."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date or time: {text!r}") from error
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
