"""The audit trail across faces of one server: a goods-owner call's row, still queued by the batched writer, is
visible to the admin service's QueryAudit made right after it."""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.functional.admin_support import ADMIN_PASSWORD, add_admin_user, admin_client
from tests.functional.security_helpers import envelope, operation, post
from wms_soap.security import audit


@pytest.fixture
def idle_audit_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The background writer waits an hour: only an explicit flush can have written a row."""
    monkeypatch.setattr(audit, "FLUSH_INTERVAL_SECONDS", 3600)
    yield
    audit.close_all()


def test_admin_query_audit_sees_the_goods_owner_call_just_made(idle_audit_thread: None, live_server: Any) -> None:
    add_admin_user(live_server.session_factory, "auditor", ADMIN_PASSWORD)
    admin = admin_client(live_server.admin_url, "auditor", ADMIN_PASSWORD)
    answer = post(live_server.url, envelope(operation("GetSystemStatus")))
    assert answer.status == 200, answer.body
    page = admin.QueryAudit(Operation="GetSystemStatus")
    assert page.TotalCount == 1
    [entry] = page.Entries.AuditEntry
    assert (entry.Outcome, entry.Username) == ("ok", None)
