"""The check every functional test's answers pass (``answer_checks``) is really applied and really fails."""

from typing import Any

import pytest
import requests
import zeep

from tests.functional.answer_checks import check_answer, offset_datetimes
from tests.functional.soap_server import serve_wsgi

WITH_OFFSETS = (b'<?xml version="1.0" encoding="utf-8"?><Answer><When>2027-01-15T10:30:00+00:00</When>'
                b"<Then>2027-01-15T10:30:00.25Z</Then><Kept>2027-01-15T10:30:00</Kept><Text>+01:00</Text></Answer>")


def _answering(content: bytes) -> Any:
    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/xml; charset=utf-8")])
        return [content]
    return app


def test_a_datetime_with_an_offset_is_found() -> None:
    assert offset_datetimes(WITH_OFFSETS) == ["2027-01-15T10:30:00+00:00", "2027-01-15T10:30:00.25Z"]
    with pytest.raises(pytest.fail.Exception, match=r"dateTimes with an offset.*10:30:00\+00:00"):
        check_answer(WITH_OFFSETS)
    check_answer(WITH_OFFSETS.replace(b"+00:00", b"").replace(b"Z<", b"<"))


def test_every_answer_over_requests_is_checked() -> None:
    with serve_wsgi(_answering(WITH_OFFSETS)) as server:
        url = f"http://127.0.0.1:{server.effective_port}/x"
        with pytest.raises(pytest.fail.Exception, match="offset"):
            requests.post(url, data=b"<x/>", timeout=30)
        with pytest.raises(pytest.fail.Exception, match="offset"):
            zeep.Transport().post(url, "<x/>", {})
