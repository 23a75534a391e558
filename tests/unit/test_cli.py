"""The CLI through ``main([...])``: exit codes, one-line errors, and the administration rules."""

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from wms_soap.cli.main import build_parser, main
from wms_soap.security.passwords import verify_password
from wms_soap.store.access import ApiUser, AutomationUser, GoodsOwner
from wms_soap.store.migrate import head_revisions

PASSWORD = "a good long password"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str) -> Iterator[str]:
    """The CLI's settings: a migrated database, a data dir of its own; nothing else from the environment."""
    monkeypatch.setenv("WMS_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WMS_DATABASE_URL", database_url)
    monkeypatch.setenv("WMS_SECRET_KEY", "cli-test-secret")
    yield database_url


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def one_line_error(err: str, fragment: str) -> None:
    assert err.count("\n") == 1, err
    assert err.startswith("wms-soap: error: ")
    assert fragment in err
    assert "Traceback" not in err


def rows(database_url: str, model: type) -> list:
    engine = create_engine(database_url)
    try:
        with Session(engine) as session:
            return list(session.scalars(select(model)))
    finally:
        engine.dispose()


def add_owner(capsys: pytest.CaptureFixture[str], code: str = "SHOP", *extra: str) -> None:
    assert run(capsys, "goods-owner", "add", code, *extra)[0] == 0


def add_api_user(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, username: str,
                 *extra: str, goods_owner: str = "SHOP") -> tuple[int, str, str]:
    return run(capsys, "api-user", "add", username, "--goods-owner", goods_owner, "--email", "dev@shop.example",
               "--integration", "Shopify", "--password-stdin", *extra, stdin=PASSWORD + "\n", monkeypatch=monkeypatch)


# -- usage ----------------------------------------------------------------------------------------------------------

def test_help_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0 and "usage: wms-soap" in out
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert run(capsys, name, "--help")[0] == 0, name
        actions = [a for a in sub._actions if a.__class__.__name__ == "_SubParsersAction"]
        for action in actions:
            for action_name in action.choices:
                status, out, _ = run(capsys, name, action_name, "--help")
                assert status == 0 and "usage:" in out, (name, action_name)


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["serve", "--port", "x"], ["serve", "--port", "70000"],
                                  ["demo", "--threads", "0"], ["api-user", "add"],
                                  ["api-user", "invoice-access", "WSIx", "maybe"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "usage:" in err and "Traceback" not in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("wms-soap ")


def test_bad_setting_is_one_line(capsys: pytest.CaptureFixture[str], env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WMS_PORT", "eighty")
    status, _, err = run(capsys, "goods-owner", "list")
    assert status == 1
    one_line_error(err, "WMS_PORT: expected a whole number")


def test_config_file_is_read(capsys: pytest.CaptureFixture[str], env: str, tmp_path: Path) -> None:
    config = tmp_path / "wms.toml"
    config.write_text("lockout_threshold = 0\n")
    status, _, err = run(capsys, "--config", str(config), "goods-owner", "list")
    assert status == 1
    one_line_error(err, "lockout_threshold: must be at least 1")


# -- init -----------------------------------------------------------------------------------------------------------

def test_init_creates_then_upgrades(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    monkeypatch.setenv("WMS_DATA_DIR", str(tmp_path / "fresh"))
    monkeypatch.setenv("WMS_SECRET_KEY", "x")
    monkeypatch.delenv("WMS_DATABASE_URL", raising=False)
    for command in (("goods-owner", "list"), ("warehouse", "return-status-text", "list"), ("audit",)):
        status, _, err = run(capsys, *command)
        assert status == 1
        one_line_error(err, "run `wms-soap init`")
    for _ in range(2):
        status, out, _ = run(capsys, "init")
        assert status == 0
        assert out.strip().endswith(f"is at schema revision {', '.join(sorted(head_revisions()))}")
    assert (tmp_path / "fresh" / "wms.sqlite3").exists()


def test_database_error_is_one_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    monkeypatch.setenv("WMS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("WMS_SECRET_KEY", "x")
    monkeypatch.setenv("WMS_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    status, _, err = run(capsys, "init")
    assert status == 1
    one_line_error(err, "database error:")


# -- goods owners ---------------------------------------------------------------------------------------------------

def test_goods_owner_add_list_and_api_access(capsys: pytest.CaptureFixture[str], env: str) -> None:
    status, out, _ = run(capsys, "goods-owner", "add", "SHOP", "--name", "The Shop")
    assert status == 0 and "API access not allowed" in out
    status, _, err = run(capsys, "goods-owner", "add", "shop")
    assert status == 1
    one_line_error(err, "The goods owner code shop is taken already")
    assert run(capsys, "goods-owner", "allow-api", "SHOP")[0] == 0
    status, out, _ = run(capsys, "goods-owner", "list")
    assert status == 0
    assert out.splitlines()[1].split("\t")[1:] == ["SHOP", "The Shop", "yes", "0"]
    assert run(capsys, "goods-owner", "revoke-api", "shop")[0] == 0
    assert [owner.api_access for owner in rows(env, GoodsOwner)] == [False]
    status, _, err = run(capsys, "goods-owner", "allow-api", "NOPE")
    assert status == 1
    one_line_error(err, "There is no goods owner 'NOPE'")


def test_goods_owner_with_unknown_warehouse(capsys: pytest.CaptureFixture[str], env: str) -> None:
    status, _, err = run(capsys, "goods-owner", "add", "SHOP", "--warehouse", "NOWHERE")
    assert status == 1
    one_line_error(err, "There is no warehouse 'NOWHERE'")


def test_bad_goods_owner_code(capsys: pytest.CaptureFixture[str], env: str) -> None:
    status, _, err = run(capsys, "goods-owner", "add", "has space")
    assert status == 1
    one_line_error(err, "must be 1 to 50 letters")


# -- API users ------------------------------------------------------------------------------------------------------

def test_api_user_needs_api_access_first(capsys: pytest.CaptureFixture[str], env: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    add_owner(capsys)
    status, _, err = add_api_user(capsys, monkeypatch, "WSIshop")
    assert status == 1
    one_line_error(err, "not allowed API access: allow it first")
    assert run(capsys, "goods-owner", "allow-api", "SHOP")[0] == 0
    status, out, _ = add_api_user(capsys, monkeypatch, "WSIshop")
    assert status == 0 and "API user WSIshop added to goods owner SHOP" in out
    [user] = rows(env, ApiUser)
    assert verify_password(user.password_hash, PASSWORD)
    assert (user.invoice_access, user.enabled, user.email) == (False, True, "dev@shop.example")


@pytest.mark.parametrize(("username", "extra", "fragment"), [
    ("shopuser", [], "must start with WSI"),
    ("WSIshop", ["--integration", "Unknown"], "Unknown integration type 'Unknown'; choose one of: "),
    ("WSIshop", ["--integration", "Other"], "needs a name"),
    ("WSIshop", ["--email", "not-an-address"], "is not a valid e-mail address"),
    ("WSI shop", [], "may have at most 100 letters"),
])
def test_api_user_rules(capsys: pytest.CaptureFixture[str], env: str, monkeypatch: pytest.MonkeyPatch,
                        username: str, extra: list[str], fragment: str) -> None:
    add_owner(capsys, "SHOP", "--allow-api")
    status, _, err = add_api_user(capsys, monkeypatch, username, *extra)
    assert status == 1
    one_line_error(err, fragment)
    assert rows(env, ApiUser) == []


def test_other_integration_with_a_name(capsys: pytest.CaptureFixture[str], env: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    add_owner(capsys, "SHOP", "--allow-api")
    status, _, _ = add_api_user(capsys, monkeypatch, "WSIshop", "--integration", "other", "--integration-name",
                                "Homegrown ERP")
    assert status == 0
    status, out, _ = run(capsys, "api-user", "list")
    assert "Other: Homegrown ERP" in out


def test_password_policy(capsys: pytest.CaptureFixture[str], env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    add_owner(capsys, "SHOP", "--allow-api")
    status, _, err = run(capsys, "api-user", "add", "WSIshop", "--goods-owner", "SHOP", "--email", "a@b.se",
                         "--integration", "Fortnox", "--password-stdin", stdin="short\n", monkeypatch=monkeypatch)
    assert status == 1
    one_line_error(err, "at least 12 characters")
    status, _, err = run(capsys, "api-user", "add", "WSIshop", "--goods-owner", "SHOP", "--email", "a@b.se",
                         "--integration", "Fortnox", "--password-stdin", stdin="", monkeypatch=monkeypatch)
    assert status == 1
    one_line_error(err, "No password on standard input")


def test_usernames_are_unique_across_kinds(capsys: pytest.CaptureFixture[str], env: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    add_owner(capsys, "SHOP", "--allow-api")
    add_owner(capsys, "OTHER", "--allow-api")
    assert add_api_user(capsys, monkeypatch, "WSIshop")[0] == 0
    status, _, err = add_api_user(capsys, monkeypatch, "wsiSHOP", goods_owner="OTHER")
    assert status == 1
    one_line_error(err, "The username wsiSHOP is taken already")
    assert run(capsys, "automation-user", "add", "robot", "--password-stdin", stdin=PASSWORD,
               monkeypatch=monkeypatch)[0] == 0
    status, _, err = run(capsys, "admin-user", "add", "ROBOT", "--password-stdin", stdin=PASSWORD,
                         monkeypatch=monkeypatch)
    assert status == 1
    one_line_error(err, "taken already")
    status, _, err = run(capsys, "admin-user", "add", "WSIadmin", "--password-stdin", stdin=PASSWORD,
                         monkeypatch=monkeypatch)
    assert status == 1
    one_line_error(err, "are for API users")


def test_generated_password_is_printed_once_and_works(capsys: pytest.CaptureFixture[str], env: str) -> None:
    add_owner(capsys, "SHOP", "--allow-api")
    status, out, _ = run(capsys, "api-user", "add", "WSIgen", "--goods-owner", "SHOP", "--email", "a@b.se",
                         "--integration", "Odoo", "--invoice-access", "--generate-password")
    assert status == 0
    password = out.strip().splitlines()[-1].rsplit(": ", 1)[1]
    [user] = rows(env, ApiUser)
    assert len(password) >= 20 and verify_password(user.password_hash, password)
    assert user.invoice_access is True


def test_prompt_without_terminal_is_refused(capsys: pytest.CaptureFixture[str], env: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    status, _, err = run(capsys, "automation-user", "add", "robot")
    assert status == 1
    one_line_error(err, "use --password-stdin or --generate-password")


def test_prompt_asks_twice(capsys: pytest.CaptureFixture[str], env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = io.StringIO("")
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", terminal)
    answers = iter([PASSWORD, PASSWORD, PASSWORD, "something else"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert run(capsys, "automation-user", "add", "robot")[0] == 0
    status, _, err = run(capsys, "admin-user", "add", "boss")
    assert status == 1
    one_line_error(err, "The two passwords differ")


def test_api_user_lifecycle(capsys: pytest.CaptureFixture[str], env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    add_owner(capsys, "SHOP", "--allow-api")
    assert add_api_user(capsys, monkeypatch, "WSIshop")[0] == 0
    assert run(capsys, "api-user", "disable", "WSIshop")[0] == 0
    assert rows(env, ApiUser)[0].enabled is False
    assert run(capsys, "api-user", "enable", "wsishop")[0] == 0
    assert run(capsys, "api-user", "invoice-access", "WSIshop", "on")[0] == 0
    assert rows(env, ApiUser)[0].invoice_access is True
    new_password = "another long password"
    assert run(capsys, "api-user", "set-password", "WSIshop", "--password-stdin", stdin=new_password,
               monkeypatch=monkeypatch)[0] == 0
    assert verify_password(rows(env, ApiUser)[0].password_hash, new_password)
    status, out, _ = run(capsys, "api-user", "list", "--goods-owner", "SHOP")
    assert out.splitlines()[1].split("\t")[:6] == ["WSIshop", "SHOP", "dev@shop.example", "Shopify", "yes", "yes"]
    assert run(capsys, "api-user", "unlock", "WSIshop")[0] == 0
    assert run(capsys, "api-user", "delete", "WSIshop")[0] == 0
    assert rows(env, ApiUser) == []
    status, _, err = run(capsys, "api-user", "disable", "WSIshop")
    assert status == 1
    one_line_error(err, "There is no API user 'WSIshop'")


def test_automation_users(capsys: pytest.CaptureFixture[str], env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(capsys, "automation-user", "add", "lift-1", "--email", "lift@wh.example", "--password-stdin",
               stdin=PASSWORD, monkeypatch=monkeypatch)[0] == 0
    status, out, _ = run(capsys, "automation-user", "list")
    assert status == 0
    assert out.splitlines() == ["username\temail\tenabled\tlocked_until", "lift-1\tlift@wh.example\tyes\t-"]
    assert [user.username for user in rows(env, AutomationUser)] == ["lift-1"]
