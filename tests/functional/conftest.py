"""Fixtures every functional test gets."""

from collections.abc import Iterator

import pytest
import requests

from tests.functional.answer_checks import checked_send


@pytest.fixture(autouse=True)
def answers_without_offsets(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every answer received over ``requests`` (zeep's transport, raw envelopes) is checked by
    ``answer_checks.check_answer``."""
    monkeypatch.setattr(requests.Session, "send", checked_send(requests.Session.send))
    yield
