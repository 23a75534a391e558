"""``wms-soap goods-owner|api-user|automation-user|admin-user ...``: administration for scripts.

The rules are those of the admin service (``services.access``). Passwords come from a prompt, from
``--password-stdin`` (one line), or are generated (``--generate-password``) and printed once.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy.orm import Session

from wms_soap.cli.support import command_session, runner
from wms_soap.config import Settings
from wms_soap.errors import ValidationFailed
from wms_soap.security.passwords import generate_password
from wms_soap.services.access import rules
from wms_soap.store.access import ApiUser

Subparsers = Any
GENERATED_PASSWORD_LENGTH = 20


def _command(commands: Subparsers, name: str, help_text: str, handler: Callable[..., int]) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text, description=help_text[0].upper()
                                                          + help_text[1:] + ".")
    parser.set_defaults(handler=handler)
    return parser


def _group(subparsers: Subparsers, name: str, help_text: str) -> Subparsers:
    parser = subparsers.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
    return parser.add_subparsers(dest=f"{name.replace('-', '_')}_command", required=True, metavar="ACTION")


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    print("\t".join(header))
    for row in rows:
        print("\t".join("-" if cell is None else str(cell) for cell in row))


# -- passwords ------------------------------------------------------------------------------------------------------

def _add_password_options(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--password-stdin", action="store_true", help="read the password from the first line of "
                                                                      "standard input")
    source.add_argument("--generate-password", action="store_true", help="generate a password and print it once")


def read_password(args: argparse.Namespace, settings: Settings) -> tuple[str, bool]:
    """The password the operator chose (or a generated one), and whether it was generated."""
    if args.generate_password:
        return generate_password(max(GENERATED_PASSWORD_LENGTH, settings.password_min_length)), True
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ValidationFailed("No password on standard input")
        return password, False
    if not sys.stdin.isatty():
        raise ValidationFailed("No terminal to ask for the password: use --password-stdin or --generate-password")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != password:
        raise ValidationFailed("The two passwords differ")
    return password, False


def _show_generated(username: str, password: str, generated: bool) -> None:
    if generated:
        print(f"Password of {username} (shown only now): {password}")


# -- goods owners ---------------------------------------------------------------------------------------------------

def add_goods_owner(subparsers: Subparsers) -> None:
    commands = _group(subparsers, "goods-owner", "manage goods owners and their API access")
    adding = _command(commands, "add", "add a goods owner", run_goods_owner_add)
    adding.add_argument("code", help="the goods owner code (unique)")
    adding.add_argument("--name", help="display name (default: the code)")
    adding.add_argument("--warehouse", metavar="CODE", help="the warehouse it is stored in")
    adding.add_argument("--allow-api", action="store_true", help="allow API access at once")
    _command(commands, "list", "list goods owners", run_goods_owner_list)
    storing = _command(commands, "set-warehouse", "store a goods owner in a warehouse (its status texts follow)",
                       run_goods_owner_set_warehouse)
    storing.add_argument("goods_owner", help="code or id")
    storing.add_argument("warehouse", help="code or id")
    for name, help_text, handler in (("allow-api", "allow a goods owner API access", run_goods_owner_allow_api),
                                     ("revoke-api", "revoke a goods owner's API access", run_goods_owner_revoke_api)):
        _command(commands, name, help_text, handler).add_argument("goods_owner", help="code or id")


def run_goods_owner_add(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        warehouse_id = _warehouse_id(session, args.warehouse)
        owner = rules.create_goods_owner(session, code=args.code, name=args.name, warehouse_id=warehouse_id,
                                         api_access=args.allow_api)
        api = "allowed" if owner.api_access else "not allowed (goods-owner allow-api)"
        print(f"Goods owner {owner.code} added (id {owner.id}); API access {api}")
    return 0


def _warehouse_id(session: Session, code: str | None) -> int | None:
    return None if code is None else rules.find_warehouse(session, code).id


def run_goods_owner_set_warehouse(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        owner = rules.find_goods_owner(session, args.goods_owner)
        warehouse = rules.find_warehouse(session, args.warehouse)
        done = rules.set_goods_owner_warehouse(owner, warehouse) or (
            f"Goods owner {owner.code} is stored in warehouse {warehouse.code} already")
    print(done)
    return 0


def run_goods_owner_list(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        owners = rules.list_goods_owners(session)
        _table(("id", "code", "name", "api_access", "api_users"),
               ((o.id, o.code, o.name, "yes" if o.api_access else "no", len(o.api_users)) for o in owners))
    return 0


def _set_api_access(settings: Settings, code: str, allowed: bool) -> int:
    with command_session(settings) as session:
        owner = rules.find_goods_owner(session, code)
        rules.set_api_access(owner, allowed)
        print(f"API access {'allowed' if allowed else 'revoked'} for goods owner {owner.code}")
    return 0


def run_goods_owner_allow_api(args: argparse.Namespace, settings: Settings) -> int:
    return _set_api_access(settings, args.goods_owner, True)


def run_goods_owner_revoke_api(args: argparse.Namespace, settings: Settings) -> int:
    return _set_api_access(settings, args.goods_owner, False)


# -- API users ------------------------------------------------------------------------------------------------------

def add_api_user(subparsers: Subparsers) -> Subparsers:
    """Registers ``api-user``; returns its action parsers so that other modules can add actions (``unlock``)."""
    commands = _group(subparsers, "api-user", "manage API users (usernames start with WSI)")
    adding = _command(commands, "add", "add an API user to a goods owner that is allowed API access",
                      run_api_user_add)
    adding.add_argument("username", help="starts with WSI; unique across every kind of user")
    adding.add_argument("--goods-owner", required=True, metavar="CODE", help="its goods owner (code or id)")
    adding.add_argument("--email", required=True)
    adding.add_argument("--integration", required=True, metavar="TYPE",
                        help="the integrating system, e.g. Shopify, Fortnox (see the admin service), or Other")
    adding.add_argument("--integration-name", metavar="NAME", help="the system's name when --integration Other")
    adding.add_argument("--invoice-access", action="store_true", help="may read invoice data (default: no)")
    _add_password_options(adding)
    listing = _command(commands, "list", "list API users", run_api_user_list)
    listing.add_argument("--goods-owner", metavar="CODE", help="only this goods owner's users")
    setting = _command(commands, "set-password", "set an API user's password", run_api_user_set_password)
    setting.add_argument("username")
    _add_password_options(setting)
    for name, help_text, handler in (("disable", "disable an API user", run_api_user_disable),
                                     ("enable", "enable an API user", run_api_user_enable),
                                     ("delete", "delete an API user", run_api_user_delete)):
        _command(commands, name, help_text, handler).add_argument("username")
    invoices = _command(commands, "invoice-access", "allow or deny an API user invoice data", run_api_user_invoices)
    invoices.add_argument("username")
    invoices.add_argument("state", choices=("on", "off"))
    return commands


def run_api_user_add(args: argparse.Namespace, settings: Settings) -> int:
    password, generated = read_password(args, settings)
    with command_session(settings) as session:
        owner = rules.find_goods_owner(session, args.goods_owner)
        user = rules.create_api_user(
            session, owner, username=args.username, password=password, email=args.email,
            integration_type=args.integration, integration_name=args.integration_name,
            invoice_access=args.invoice_access, settings=settings,
        )
        print(f"API user {user.username} added to goods owner {owner.code} (id {owner.id}); invoice access "
              f"{'on' if user.invoice_access else 'off'}")
        _show_generated(user.username, password, generated)
    return 0


def run_api_user_list(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        owner = rules.find_goods_owner(session, args.goods_owner) if args.goods_owner else None
        _table(("username", "goods_owner", "email", "integration", "invoice_access", "enabled", "locked_until"),
               (_api_user_row(user) for user in rules.list_api_users(session, owner)))
    return 0


def _api_user_row(user: ApiUser) -> tuple[object, ...]:
    integration = user.integration_type.name + (f": {user.integration_name}" if user.integration_name else "")
    return (user.username, user.goods_owner.code, user.email, integration, "yes" if user.invoice_access else "no",
            "yes" if user.enabled else "no", user.locked_until)


def run_api_user_set_password(args: argparse.Namespace, settings: Settings) -> int:
    password, generated = read_password(args, settings)
    with command_session(settings) as session:
        user = rules.find_api_user(session, args.username)
        rules.set_password(user, password, settings)
        print(f"Password of {user.username} set")
        _show_generated(user.username, password, generated)
    return 0


def _change_api_user(settings: Settings, username: str, change: Callable[[Session, ApiUser], str]) -> int:
    with command_session(settings) as session:
        user = rules.find_api_user(session, username)
        print(change(session, user))
    return 0


def _set_enabled(enabled: bool) -> Callable[[Session, ApiUser], str]:
    def change(session: Session, user: ApiUser) -> str:
        user.enabled = enabled
        return f"API user {user.username} {'enabled' if enabled else 'disabled'}"

    return change


def run_api_user_disable(args: argparse.Namespace, settings: Settings) -> int:
    return _change_api_user(settings, args.username, _set_enabled(False))


def run_api_user_enable(args: argparse.Namespace, settings: Settings) -> int:
    return _change_api_user(settings, args.username, _set_enabled(True))


def run_api_user_delete(args: argparse.Namespace, settings: Settings) -> int:
    def delete(session: Session, user: ApiUser) -> str:
        rules.delete_api_user(session, user)
        return f"API user {user.username} deleted"

    return _change_api_user(settings, args.username, delete)


def run_api_user_invoices(args: argparse.Namespace, settings: Settings) -> int:
    def set_access(session: Session, user: ApiUser) -> str:
        user.invoice_access = args.state == "on"
        return f"Invoice access of {user.username}: {args.state}"

    return _change_api_user(settings, args.username, set_access)


# -- automation and admin users -------------------------------------------------------------------------------------

def add_automation_user(subparsers: Subparsers) -> None:
    commands = _group(subparsers, "automation-user", "manage automation users (they see every goods owner)")
    _add_account(commands, "automation")
    _command(commands, "list", "list automation users", run_automation_user_list)
    for action, enabled in (("enable", True), ("disable", False)):
        parser = _command(commands, action, f"{action} an automation user", runner(set_automation_user_enabled))
        parser.add_argument("username")
        parser.set_defaults(enabled=enabled)


def add_admin_user(subparsers: Subparsers) -> None:
    commands = _group(subparsers, "admin-user", "manage admin users (the admin service)")
    _add_account(commands, "admin")


def _add_account(commands: Subparsers, kind: rules.AccountKind) -> None:
    label = "automation user" if kind == "automation" else "admin user"
    adding = _command(commands, "add", f"add an {label}", run_account_add)
    adding.set_defaults(kind=kind)
    adding.add_argument("username", help="unique across every kind of user; not starting with WSI")
    adding.add_argument("--email")
    _add_password_options(adding)


def run_account_add(args: argparse.Namespace, settings: Settings) -> int:
    password, generated = read_password(args, settings)
    with command_session(settings) as session:
        user = rules.create_account(session, args.kind, username=args.username, password=password,
                                    email=args.email, settings=settings)
        print(f"{args.kind.capitalize()} user {user.username} added")
        _show_generated(user.username, password, generated)
    return 0


def set_automation_user_enabled(session: Session, args: argparse.Namespace) -> str:
    user = rules.find_account(session, "automation", args.username)
    user.enabled = args.enabled
    return f"Automation user {user.username} {'enabled' if args.enabled else 'disabled'}"


def run_automation_user_list(args: argparse.Namespace, settings: Settings) -> int:
    with command_session(settings) as session:
        _table(("username", "email", "enabled", "locked_until"),
               ((u.username, u.email, "yes" if u.enabled else "no", u.locked_until)
                for u in rules.list_accounts(session, "automation")))
    return 0
