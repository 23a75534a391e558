"""``wms-soap events``: the events goods owners' integrations reported with ReportEvent, newest first."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from wms_soap.cli.support import command_session, moment_arg
from wms_soap.services import events
from wms_soap.services.access.rules import find_goods_owner

if TYPE_CHECKING:
    from wms_soap.config import Settings
    from wms_soap.store.events import ReportedEvent

_COLUMNS = ("received", "goods_owner", "type", "success", "event_time", "reported_by", "references", "header",
            "message")
_MESSAGE_WIDTH = 200


def add_parsers(subparsers: Any) -> None:
    parser = subparsers.add_parser("events", help="print the events integrations reported (ReportEvent)",
                                   description="Print reported events, newest first, one per line (tab-separated).")
    parser.add_argument("--goods-owner", help="goods owner code or id")
    parser.add_argument("--type", choices=events.EVENT_TYPES, help="only this event type")
    parser.add_argument("--since", type=moment_arg, metavar="YYYY-MM-DD[THH:MM[:SS]]", help="received from (UTC)")
    parser.add_argument("--until", type=moment_arg, metavar="YYYY-MM-DD[THH:MM[:SS]]", help="received before (UTC)")
    parser.add_argument("--limit", type=_positive, default=100, help="at most this many events (default 100)")
    parser.add_argument("--full", action="store_true", help="print the file text too, after each event")
    parser.set_defaults(handler=run_events)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def run_events(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        owner_id = find_goods_owner(session, args.goods_owner).id if args.goods_owner else None
        found = events.list_events(session, events.EventFilter(
            goods_owner_id=owner_id, since=args.since, until=args.until, event_type=args.type, limit=args.limit))
        print("\t".join(_COLUMNS))
        for event, code in found:
            print("\t".join(_row(event, code)))
            if args.full and event.file_text:
                print(event.file_text)
    return 0


def _row(event: ReportedEvent, code: str) -> list[str]:
    references = " ".join(f"{name}={getattr(event, name)}" for name in events.REFERENCE_FIELDS
                          if getattr(event, name) is not None)
    return [_time(event.received_at), code, event.event_type, "yes" if event.success else "no",
            _time(event.event_time), event.reported_by or "-", references or "-", _one_line(event.header),
            _one_line(event.message)]


def _time(value: datetime | None) -> str:
    if value is None:
        return "-"
    moment = value.astimezone(UTC) if value.tzinfo is not None else value
    return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")


def _one_line(text: str | None) -> str:
    """Tabs and line breaks would break the columns; long messages are cut (``--full`` has the file text)."""
    if not text:
        return "-"
    flat = " ".join(text.split())
    return flat if len(flat) <= _MESSAGE_WIDTH else flat[:_MESSAGE_WIDTH - 1] + "…"
