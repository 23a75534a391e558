"""The per-request context of a SOAP face, kept in Spyne's ``ctx.udc``: the request's unit of work and what the
SOAP edge knows about the call.

One request is one transaction (``wms_soap.unit_of_work``): the session is opened lazily on first use, the face runs
the method with ``run`` (commit on success, roll back on any error), and the WSGI mount closes it when the answer is
written, because Spyne serializes the answer after the method returned.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from wms_soap.security.authenticator import Credentials
from wms_soap.security.policy import GoodsOwnerClaim
from wms_soap.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from wms_soap.config import Settings

CredentialArgs = tuple[Any, ...]
"""UserName, Password, GoodsOwnerCode, GoodsOwnerId as the method's arguments carried them (any may be None)."""


@dataclass(frozen=True, slots=True)
class CachedBody:
    """One response element already serialized, as UTF-8 bytes (ASMX's shape, ``soap.envelope``: the same for SOAP
    1.1 and 1.2). The fast serializer writes it between the Envelope's head and tail as it is."""

    text: bytes


def new_request_id() -> str:
    """32 random hex digits (as a uuid4's hex, without building a UUID object on every request)."""
    return secrets.token_hex(16)


class RequestContext(UnitOfWork):
    """One SOAP request: its unit of work, configuration, request id, the credentials on the wire, who is calling."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session], *,
                 request_id: str | None = None, client_addr: str | None = None) -> None:
        self.settings = settings
        self.request_id = request_id or new_request_id()
        self.client_addr = client_addr
        super().__init__(session_factory, writes=False,
                         info={"request_id": self.request_id, "client_address": client_addr})
        self.credential_args: CredentialArgs = (None, None, None, None)
        self.cached_body: CachedBody | None = None
        """An answer found current in the face's answer cache: the serializer writes it instead of the result."""

    @property
    def credentials(self) -> Credentials:
        """The credentials the method's arguments carried (the security edge authenticated the raw ones already);
        built when asked for, so that a call pays nothing for them."""
        user_name, password, code, goods_owner_id = self.credential_args
        return Credentials(user_name or "", password or "", goods_owner=GoodsOwnerClaim(code, goods_owner_id))

    def file_answer(self, body: CachedBody) -> None:
        """The serializer hands over the answer it just wrote; a face with an answer cache keeps it."""
