"""What the CLI command modules share: running one warehouse action in one transaction, and the argument types
for numbers, dates and moments."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from wms_soap.config import Settings

Action = Callable[[Session, argparse.Namespace], str]
"""A command's work: it changes or reads the store and returns the text to print."""
Commands = argparse._SubParsersAction
Handler = Callable[[argparse.Namespace, "Settings"], int]


def runner(action: Action) -> Handler:
    """The command handler that runs ``action`` in one transaction (which begins as SQLite's writer: every
    warehouse command may write) and prints what it returns."""
    def run(args: argparse.Namespace, settings: Settings) -> int:
        from wms_soap.store.db import create_engine_for, make_session_factory, session_scope

        engine = create_engine_for(settings.database_url)
        try:
            with session_scope(make_session_factory(engine)) as session:
                print(action(session, args))
        finally:
            engine.dispose()
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
