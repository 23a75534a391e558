"""``wms-soap events`` prints reported events, newest first, with its filters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.files_support import Owned, make_other_owned, make_owned
from wms_soap.cli.main import main
from wms_soap.services import events
from wms_soap.services.events import EventInput
from wms_soap.store.db import session_scope


@pytest.fixture
def reported(session_factory: Any) -> tuple[Owned, Owned]:
    with session_scope(session_factory) as session:
        shop = make_owned(session, "SHOP")
        other = make_other_owned(session)
        old = events.report_event(session, EventInput(
            event_type="Error", header="Export\tfailed", message="line one\nline two", file_text="stack trace",
            references={"order_id": shop.order_id}), goods_owner_id=shop.goods_owner_id, username=shop.username)
        old.received_at = datetime(2026, 1, 1, 12, tzinfo=UTC)
        events.report_event(session, EventInput(event_type="Info", success=True, message="x" * 300),
                            goods_owner_id=other.goods_owner_id, username=other.username)
    return shop, other


def lines(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(["events", *argv]) == 0
    return capsys.readouterr().out.strip().splitlines()


@pytest.mark.usefixtures("cli_env")
def test_events_newest_first_one_line_each(capsys: pytest.CaptureFixture[str], reported: tuple[Owned, Owned]) -> None:
    shop, _ = reported
    header, newest, oldest = lines(capsys)
    assert header.split("\t") == ["received", "goods_owner", "type", "success", "event_time", "reported_by",
                                  "references", "header", "message"]
    assert newest.split("\t")[1:4] == ["OTHER", "Info", "yes"]
    assert len(newest.split("\t")[8]) == 200 and newest.endswith("…")
    assert oldest.split("\t") == ["2026-01-01 12:00:00", "SHOP", "Error", "no", "-", shop.username,
                                  f"order_id={shop.order_id}", "Export failed", "line one line two"]


@pytest.mark.usefixtures("cli_env", "reported")
def test_events_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert [row.split("\t")[1] for row in lines(capsys, "--goods-owner", "shop")[1:]] == ["SHOP"]
    assert [row.split("\t")[2] for row in lines(capsys, "--type", "Info")[1:]] == ["Info"]
    assert [row.split("\t")[1] for row in lines(capsys, "--until", "2026-06-01")[1:]] == ["SHOP"]
    assert len(lines(capsys, "--limit", "1")) == 2
    assert "stack trace" in lines(capsys, "--full", "--goods-owner", "SHOP")


@pytest.mark.usefixtures("cli_env", "reported")
def test_events_unknown_goods_owner_and_bad_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--goods-owner", "NOPE"]) == 1
    assert "There is no goods owner 'NOPE'" in capsys.readouterr().err
    assert main(["events", "--limit", "0"]) == 2
