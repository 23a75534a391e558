"""``wms-soap audit`` (the audit trail) and the ``unlock`` action for locked-out users.

``add_parsers(subparsers)`` registers ``audit``; ``add_unlock_parser(api_user_commands)`` adds ``unlock`` under the
``api-user`` command. Each sets ``handler(args, settings) -> exit code`` like the other commands.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wms_soap.cli.support import command_session, moment_arg
from wms_soap.security import audit, lockout

if TYPE_CHECKING:
    from wms_soap.config import Settings

_COLUMNS = ("at", "face", "username", "goods_owner_id", "operation", "outcome", "duration_ms", "client_address",
            "request_id")


def add_parsers(subparsers: Any) -> None:
    parser = subparsers.add_parser("audit", help="print the audit trail of API calls")
    parser.add_argument("--user", help="username")
    parser.add_argument("--goods-owner", help="goods owner code or id")
    parser.add_argument("--since", type=moment_arg, metavar="YYYY-MM-DD[THH:MM[:SS]]", help="from this time (UTC)")
    parser.add_argument("--until", type=moment_arg, metavar="YYYY-MM-DD[THH:MM[:SS]]", help="before this time (UTC)")
    parser.add_argument("--outcome", choices=audit.OUTCOMES)
    parser.add_argument("--limit", type=int, help="at most this many rows")
    parser.set_defaults(handler=run_audit)


def add_unlock_parser(api_user_commands: Any) -> None:
    parser = api_user_commands.add_parser("unlock", help="lift a lockout after repeated failed logons")
    parser.add_argument("username")
    parser.set_defaults(handler=run_unlock)


def run_audit(args: argparse.Namespace, settings: Settings) -> int:
    audit_filter = audit.AuditFilter(
        user=args.user, goods_owner=args.goods_owner, since=args.since, until=args.until, outcome=args.outcome,
        limit=args.limit,
    )
    with command_session(settings, writes=False) as session:
        rows = audit.query(session, audit_filter)
        print("\t".join(_COLUMNS))
        for row in rows:
            print("\t".join(_cell(getattr(row, column)) for column in _COLUMNS))
    return 0


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
    return str(value)


def run_unlock(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        found = lockout.unlock(session, "api", args.username)
    if not found:
        print(f"No API user named {args.username}", file=sys.stderr)
        return 1
    print(f"Unlocked {args.username}")
    return 0
