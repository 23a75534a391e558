"""A real SMTP server (aiosmtpd) on a free port, for the credentials e-mail tests."""

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Mailbox:
    """Collects every message the server accepts; ``refuse_with`` makes it refuse the data instead."""

    refuse_with: str | None = None
    login: tuple[str, str] | None = None
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[Any] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        """Accept exactly ``login`` (AUTH is offered without TLS here: the test server only listens on loopback)."""
        if not isinstance(auth_data, LoginPassword) or self.login is None:
            return AuthResult(success=False, handled=False)
        given = (auth_data.login.decode(), auth_data.password.decode())
        if given != self.login:
            return AuthResult(success=False, handled=False)
        self.logins.append(given[0])
        return AuthResult(success=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse_with is not None:
            return self.refuse_with
        self.envelopes.append(envelope)
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 Message accepted for delivery"


class _PortZeroController(Controller):
    """aiosmtpd's Controller bound to port 0: learns the port the OS chose before its start-up probe."""

    def _trigger_server(self) -> None:
        assert isinstance(self.server, asyncio.Server)
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@contextmanager
def running_smtp_server(mailbox: Mailbox) -> Iterator[tuple[str, int]]:
    controller = _PortZeroController(mailbox, hostname="127.0.0.1", port=0, authenticator=mailbox.authenticate,
                                     auth_require_tls=False)
    controller.start()
    try:
        yield controller.hostname, controller.port
    finally:
        controller.stop()
