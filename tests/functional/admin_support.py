"""Helpers of the admin-service functional tests: zeep clients with a WS-Security UsernameToken."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from zeep import Client, Settings
from zeep.exceptions import Fault
from zeep.transports import Transport
from zeep.wsse.username import UsernameToken

ADMIN_PATH = "/admin/service.asmx"
ADMIN_PASSWORD = "Admin-Passw0rd-1234"


def admin_client(url: str, username: str, password: str) -> Any:
    """A zeep client of the admin service at ``url`` (its WSDL fetched from ``url?wsdl``) logging on as given."""
    transport = Transport(timeout=30, operation_timeout=30)
    client = Client(f"{url}?wsdl", wsse=UsernameToken(username, password), transport=transport,
                    settings=Settings(strict=True))
    return client.create_service("{urn:wms-soap:admin:1}AdminServiceSoap", url)


@contextmanager
def fault(*fragments: str, code: str | None = None) -> Iterator[Callable[[], Fault]]:
    """Expect a SOAP fault whose message contains every fragment (and whose code ends with ``code``)."""
    with pytest.raises(Fault) as caught:
        yield lambda: caught.value
    message = caught.value.message or ""
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in fault message {message!r}"
    if code is not None:
        assert (caught.value.code or "").endswith(code), caught.value.code
