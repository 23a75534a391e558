"""``wms-soap audit`` prints the audit trail with its filters; ``wms-soap api-user unlock`` lifts a lockout."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests import factories
from wms_soap.cli.main import main
from wms_soap.security import audit
from wms_soap.store.access import ApiUser

T0 = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)


def record(minutes: int, username: str, outcome: str, goods_owner_id: int | None = None) -> audit.AuditRecord:
    return audit.AuditRecord(
        at=T0 + timedelta(minutes=minutes), face="goods_owner", operation="GetOrdersByQuery", outcome=outcome,
        duration_ms=12.5, request_id=f"rid{minutes}", username=username, goods_owner_id=goods_owner_id,
        client_address="10.0.0.1",
    )


@pytest.fixture
def trail(session_factory: Any) -> int:
    with session_factory() as session, session.begin():
        owner_id: int = factories.make_goods_owner(session, code="SHOP").id
    for row in (record(0, "WSIa", "ok", owner_id), record(5, "WSIb", "logon_failed"), record(10, "WSIa", "denied")):
        audit.write(session_factory, row)
    return owner_id


def lines(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(["audit", *argv]) == 0
    return capsys.readouterr().out.strip().splitlines()


@pytest.mark.usefixtures("cli_env", "trail")
def test_audit_prints_every_row_oldest_first(capsys: pytest.CaptureFixture[str]) -> None:
    output = lines(capsys)
    assert output[0].split("\t")[:6] == ["at", "face", "username", "goods_owner_id", "operation", "outcome"]
    assert [line.split("\t")[2] for line in output[1:]] == ["WSIa", "WSIb", "WSIa"]
    assert "2026-11-29 06:00:00\tgoods_owner\tWSIa" in output[1]


@pytest.mark.usefixtures("cli_env", "trail")
def test_audit_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(lines(capsys, "--user", "WSIa")) == 3
    assert [line.split("\t")[5] for line in lines(capsys, "--outcome", "logon_failed")[1:]] == ["logon_failed"]
    assert len(lines(capsys, "--goods-owner", "SHOP")) == 2
    assert len(lines(capsys, "--since", "2026-11-29T06:05", "--until", "2026-11-29T06:10")) == 2
    assert len(lines(capsys, "--goods-owner", "NOSUCH")) == 1


@pytest.mark.usefixtures("cli_env")
def test_api_user_unlock(session_factory: Any, capsys: pytest.CaptureFixture[str]) -> None:
    with session_factory() as session, session.begin():
        user = factories.make_api_user(session, username="WSIlocked")
        user.failed_logins, user.locked_until = 10, datetime.now(UTC) + timedelta(minutes=10)
    assert main(["api-user", "unlock", "WSIlocked"]) == 0
    assert "Unlocked WSIlocked" in capsys.readouterr().out
    with session_factory() as session:
        user = session.scalars(select(ApiUser).where(ApiUser.username == "WSIlocked")).one()
        assert (user.failed_logins, user.locked_until) == (0, None)
    assert main(["api-user", "unlock", "WSInobody"]) == 1
