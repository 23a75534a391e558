"""Where an admin call meets the domain: who is calling, the unit of work, and domain errors as SOAP faults.

The security edge (``wms_soap.soap.auth.SoapEdge`` with ``face="admin"``) has already authenticated the
WS-Security UsernameToken before the body was read, and writes the per-call audit row. ``call_wrapper`` asks it for
the principal (only admin users get one: API and automation users are unknown here) and runs the method as the
request's unit of work (``soap.context``): committed on success, and only then is a credentials e-mail the method
asked for sent, so that an e-mail never describes a user that was rolled back. A domain error is the Client fault
every SOAP face answers for it (``soap.faults``).
"""

from typing import Any

from spyne import Service

from wms_soap.errors import AuthenticationFailed, WmsError
from wms_soap.security.principal import Principal
from wms_soap.services.access import admin, mail
from wms_soap.soap.admin import convert
from wms_soap.soap.auth import SoapEdge, authenticate_call
from wms_soap.soap.context import RequestContext
from wms_soap.soap.faults import fault_for

READING = ("List", "Get", "Query")
"""Operation name prefixes that only read: every other admin operation begins as SQLite's writer."""


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


class AdminRequest(RequestContext):
    """The request context of an admin call: the calling admin, and the credentials e-mail after the commit."""

    @property
    def actor(self) -> Principal:
        principal = self.caller.principal
        assert principal is not None, "an admin method runs only for an authenticated admin"
        return principal

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

        self.after_commit(send_now)


def call_of(ctx: Any) -> AdminRequest:
    request: AdminRequest = ctx.udc
    return request


class AdminServiceBase(Service):
    """Runs every admin method as an authenticated admin's unit of work, with the domain-error translation."""

    @classmethod
    def call_wrapper(cls, ctx: Any, args: Any = None) -> Any:
        request = call_of(ctx)
        request.writes = not ctx.descriptor.name.startswith(READING)
        try:
            return request.run(cls._call_as_admin, ctx, args)
        except WmsError as error:
            raise fault_for(error) from error

    @classmethod
    def _call_as_admin(cls, ctx: Any, args: Any) -> Any:
        principal = authenticate_call(ctx, ctx.descriptor.name)
        if principal is None or principal.kind != "admin":
            raise AuthenticationFailed()
        call_of(ctx).identify(principal)
        return super().call_wrapper(ctx, args)
