"""Helpers of the admin-service functional tests: zeep clients with a WS-Security UsernameToken."""

import dataclasses
import http.client
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select
from zeep import Client, Settings
from zeep.exceptions import Fault
from zeep.transports import Transport
from zeep.wsse.username import UsernameToken

from wms_soap.app import create_admin_only_app
from wms_soap.config import Settings as AppSettings
from wms_soap.errors import AuthenticationFailed
from wms_soap.security.authenticator import Authenticator
from wms_soap.security.authenticator import Credentials as AuthCredentials
from wms_soap.security.passwords import hash_password
from wms_soap.security.policy import Face
from wms_soap.serving import BoundServer
from wms_soap.store.access import AdminUser, ApiUser
from wms_soap.store.db import session_scope

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


class AdminWorld:
    """A running server with one admin user, a zeep client logged on as that admin, and direct checks."""

    def __init__(self, server: Any, admin_username: str = "root-admin") -> None:
        self.server = server
        self.url = server.admin_url
        self.admin_username = admin_username
        self.settings = server.settings
        self.session_factory = server.session_factory
        self._authenticator = Authenticator(self.settings, self.session_factory)
        add_admin_user(self.session_factory, admin_username, ADMIN_PASSWORD)
        self.client = admin_client(self.url, admin_username, ADMIN_PASSWORD)

    def _can_log_on(self, username: str, password: str, face: Face) -> bool:
        with self.session_factory() as session:
            try:
                self._authenticator.authenticate(session, AuthCredentials(username, password), face=face)
            except AuthenticationFailed:
                return False
        return True

    def api_user_can_log_on(self, username: str, password: str) -> bool:
        return self._can_log_on(username, password, "goods_owner")

    def automation_user_can_log_on(self, username: str, password: str) -> bool:
        return self._can_log_on(username, password, "automation")

    def lock_api_user(self, username: str) -> None:
        with session_scope(self.session_factory) as session:
            user = session.scalars(select(ApiUser).where(ApiUser.username == username)).one()
            user.locked_until = datetime.now(UTC) + timedelta(minutes=15)
            user.failed_logins = 10


def add_admin_user(session_factory: Any, username: str, password: str) -> None:
    with session_scope(session_factory) as session:
        session.add(AdminUser(username=username, password_hash=hash_password(password), enabled=True))


def http_get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """A plain GET (status, body), e.g. for ``?wsdl``."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        connection.request("GET", f"{parts.path}?{parts.query}" if parts.query else parts.path, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


@dataclass(frozen=True)
class AdminOnlyServer:
    """The admin service alone on its own address, as ``WMS_ADMIN_PORT`` runs it."""

    admin_url: str
    settings: AppSettings
    session_factory: Any


@contextmanager
def running_admin_only_server(settings: AppSettings, session_factory: Any) -> Iterator[AdminOnlyServer]:
    bound = BoundServer(settings, host="127.0.0.1", port=0, threads=settings.threads)
    try:
        admin_settings = dataclasses.replace(settings, admin_host="127.0.0.1", admin_port=bound.port)
        bound.mount(create_admin_only_app(admin_settings, session_factory=session_factory))
        bound.start()
        yield AdminOnlyServer(f"{bound.url}{ADMIN_PATH}", admin_settings, session_factory)
    finally:
        bound.stop()
