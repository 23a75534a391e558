"""Checks every answer a functional test receives must pass, whatever the test itself asserts.

``check_answer`` fails the test when an answer carries a dateTime with an offset (``Z`` or ``+01:00``): ASMX writes
a stored DateTime without one, and .NET, Java, Perl and suds clients would shift such a value into their own time
zone (issue 13). ``conftest.py`` hooks it into every ``requests`` call (zeep uses ``requests`` too); the raw
``http.client`` helpers call it themselves.
"""

import re
from typing import Any

import pytest

OFFSET_DATETIME = re.compile(rb">(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))</")
"""The text of an element that is a dateTime with an offset."""


def offset_datetimes(content: bytes) -> list[str]:
    return [found.decode() for found in OFFSET_DATETIME.findall(content)]


def check_answer(content: bytes) -> None:
    """Fail the running test if the answer carries a dateTime with an offset."""
    found = offset_datetimes(content)
    if found:
        pytest.fail(f"the answer carries dateTimes with an offset, which ASMX never writes: {found[:5]}")


def checked_send(send: Any) -> Any:
    """``requests.Session.send`` that checks every answer it receives."""

    def send_and_check(self: Any, request: Any, **kwargs: Any) -> Any:
        response = send(self, request, **kwargs)
        if not kwargs.get("stream"):
            check_answer(response.content)
        return response

    return send_and_check
