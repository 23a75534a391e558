"""Where an admin call meets the domain: who is calling, the transaction, and domain errors as SOAP faults.

The security edge (``wms_soap.soap.auth.SoapEdge`` with ``face="admin"``) has already authenticated the
WS-Security UsernameToken before the body was read, and writes the per-call audit row. ``call_wrapper`` asks it for
the principal (only admin users get one: API and automation users are unknown here), runs the method in one
transaction, commits, and only then sends a credentials e-mail the method asked for, so that an e-mail never
describes a user that was rolled back.
"""

from collections.abc import Callable
from typing import Any

from spyne import Fault, Service
from sqlalchemy.exc import IntegrityError

from wms_soap.config import Settings
from wms_soap.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
    WmsError,
)
from wms_soap.security.principal import Principal
from wms_soap.services.access import admin, mail
from wms_soap.soap.admin import convert
from wms_soap.soap.auth import SoapEdge, authenticate_call
from wms_soap.soap.context import RequestContext

RACE_LOST = ("Someone else made a conflicting change at the same time (the name is taken now): look again with "
             "the List operations and retry")
_FAULT_CODES: tuple[tuple[type[WmsError], str], ...] = (
    (ValidationFailed, "Client.ValidationFailed"),
    (NotFound, "Client.NotFound"),
    (Conflict, "Client.Conflict"),
    (AuthenticationFailed, "Client.AuthenticationFailed"),
    (PermissionDenied, "Client.PermissionDenied"),
)


class AdminEdge(SoapEdge):
    """The security edge of the admin face: credentials come from the WS-Security header only.

    The admin operations carry ``GoodsOwnerId`` and ``Password`` elements as data (the goods owner to change, the
    new password), so the goods-owner face's body-credential reading must not see them: the body's children are
    hidden from it while it runs.
    """

    def before_body(self, ctx: Any, header: Any, body: Any) -> None:
        children = list(body)
        for child in children:
            body.remove(child)
        try:
            super().before_body(ctx, header, body)
        finally:
            body.extend(children)


def fault_for(error: WmsError) -> Fault:
    """The SOAP Client fault for a domain error; its faultstring says what is wrong and how to fix it."""
    code = next((code for kind, code in _FAULT_CODES if isinstance(error, kind)), "Client")
    return Fault(faultcode=code, faultstring=str(error))


class AdminRequest(RequestContext):
    """The request context of an admin call: the calling admin, and the work to do after the commit."""

    def __init__(self, settings: Settings, session_factory: Any, *, client_addr: str | None = None) -> None:
        super().__init__(settings, session_factory, client_addr=client_addr)
        self._after_commit: list[Callable[[], None]] = []

    @property
    def actor(self) -> Principal:
        assert self.principal is not None, "an admin method runs only for an authenticated admin"
        return self.principal

    def send_credentials_after_commit(self, result: Any, issued: admin.PasswordIssued, *, send: bool,
                                      include_password: bool) -> None:
        """Send the credentials e-mail once the user is committed, and record the outcome in ``result``."""
        if not send:
            return
        details = admin.integration_details(self.session, issued, settings=self.settings,
                                            include_password=include_password)

        def send_now() -> None:
            outcome = mail.send_credentials(self.settings, details)
            result.CredentialsEmail = convert.credentials_email(details, outcome)

        self._after_commit.append(send_now)

    def finish(self) -> None:
        """Commit, then run the after-commit work (which must not touch the database)."""
        self.commit()
        work, self._after_commit = self._after_commit, []
        for step in work:
            step()


def call_of(ctx: Any) -> AdminRequest:
    request: AdminRequest = ctx.udc
    return request


class AdminServiceBase(Service):
    """Runs every admin method inside authentication, one transaction and the domain-error translation."""

    @classmethod
    def call_wrapper(cls, ctx: Any, args: Any = None) -> Any:
        request = call_of(ctx)
        try:
            principal = authenticate_call(ctx, ctx.descriptor.name)
            if principal is None or principal.kind != "admin":
                raise AuthenticationFailed()
            request.principal = principal
            request.session.info.update(request_id=request.request_id, client_address=request.client_addr)
            result = super().call_wrapper(ctx, args)
            request.finish()
        except WmsError as error:
            request.rollback()
            raise fault_for(error) from error
        except IntegrityError as error:  # a race lost at the database's unique keys, after the rules said yes
            request.rollback()
            raise fault_for(Conflict(RACE_LOST)) from error
        except BaseException:
            request.rollback()
            raise
        return result
