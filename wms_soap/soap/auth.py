"""The glue between the SOAP edge and ``wms_soap.security``: early authentication, the per-call audit row, the
opaque Server fault, and a WSGI wrapper that caps request bodies.

Flow of one call (see ``protocol.py`` for where the hooks run):

1. ``SoapEdge.before_body`` runs before the body is validated or deserialized. It checks the SOAPAction, reads the
   credentials (a ``wsse:Security`` UsernameToken header, or the body's UserName/Password/GoodsOwnerCode/GoodsOwnerId
   children straight from the lxml tree) and authenticates. A WS-Security failure raises the
   ``wsse:FailedAuthentication`` fault at once. A body-credential failure strips the request wrapper's children (so
   deserialization cannot talk about the schema) and is remembered for step 2.
2. The dispatcher calls ``authenticate_call(ctx, operation)``: it returns the Principal, or raises
   AuthenticationFailed / PermissionDenied, which the dispatcher answers in-band (LogonError, Success=false) or as a
   Client fault, like any domain error.
3. Listeners write one audit row per call (batched by ``audit.AuditWriter`` on the goods-owner face) and turn an
   unexpected exception into ``soap:Server`` "Internal error (request id ...)", logged once with that id.
"""

import logging
import re
import secrets
import sys
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from typing import Any

from lxml import etree
from spyne import Fault
from spyne.const.xml import NS_SOAP11_ENV, NS_SOAP12_ENV
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.config import Settings
from wms_soap.errors import AuthenticationFailed, PermissionDenied
from wms_soap.security import audit
from wms_soap.security.authenticator import Authenticator, Credentials
from wms_soap.security.policy import ANONYMOUS_OPERATIONS, Face, GoodsOwnerClaim, check_operation
from wms_soap.security.principal import Principal
from wms_soap.security.wssecurity import parse_security_header, presented_username, security_headers
from wms_soap.soap.envelope import fault_answer
from wms_soap.soap.faults import FailedAuthentication, internal_error
from wms_soap.soap.logs import install_log_redaction

log = logging.getLogger(__name__)

WSI_NS = "http://ongoingsystems.se/WSI"
CREDENTIAL_ELEMENTS = frozenset({"UserName", "Password", "GoodsOwnerCode", "GoodsOwnerId"})
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_SOAP12_ACTION = re.compile(r"""action\s*=\s*"?([^";]*)"?""", re.IGNORECASE)
_STATE_KEY = "wms.auth"
_REQUEST_ID_KEY = "wms.request_id"
_AUDITED_KEY = "wms.audited"
# Only the goods-owner contract carries credentials in the body; elsewhere (admin: CreateApiUser has a Password and a
# GoodsOwnerId of its own) the body is payload and the wsse:Security header is the only proof.
_NO_BODY_CREDENTIALS: tuple[GoodsOwnerClaim, None, None] = (GoodsOwnerClaim(), None, None)
OUTCOME_KEY = "wms.outcome"  # a dispatcher may set "denied"/"fault" here to refine the audit outcome
OPERATOR_KEY = "wms.operator"  # the Automation dispatcher names a write's operator here for the audit row
_BODY_CREDENTIAL_FACES = frozenset({"goods_owner", "automation"})
_BUSY_FACES = frozenset({"goods_owner", "automation"})


@dataclass(slots=True)
class AuthState:
    """What the early authentication found out, kept in the WSGI environ of the request."""

    operation: str
    username: str | None = None
    principal: Principal | None = None
    failure: AuthenticationFailed | None = None
    denied: bool = False
    credentials_seen: bool = field(default=False)


class SoapEdge:
    """Everything the hardened protocols need to authenticate and audit; one per WSGI application."""

    def __init__(
        self,
        settings: Settings,
        session_factory: sessionmaker[Session],
        *,
        face: Face = "goods_owner",
        authenticator: Authenticator | None = None,
        namespace: str = WSI_NS,
    ) -> None:
        self.settings = settings
        self.session_factory = session_factory
        self.face: Face = face
        self.namespace = namespace
        self._authenticator = authenticator
        # The goods-owner and Automation faces are the busy ones (shops, lift controllers polling): their rows are
        # batched. Elsewhere (admin) a call's row is written before the answer, so the next QueryAudit sees it.
        self.audit_writer = audit.AuditWriter(session_factory) if face in _BUSY_FACES else None
        self._installed: weakref.WeakSet[Any] = weakref.WeakSet()
        install_log_redaction()

    @property
    def authenticator(self) -> Authenticator:
        """Made on first use, so that building the app for its WSDL alone needs no server key."""
        if self._authenticator is None:
            self._authenticator = Authenticator(self.settings, self.session_factory)
        return self._authenticator

    def install(self, app: Any) -> None:
        """Register the audit and error listeners on a Spyne Application (once per application)."""
        if app in self._installed:
            return
        self._installed.add(app)
        app.event_manager.add_listener("method_exception_object", self._on_exception)
        app.event_manager.add_listener("method_return_string", self._on_done)
        app.event_manager.add_listener("method_exception_string", self._on_done)

    # -- early authentication -------------------------------------------------------------------------------------

    def before_body(self, ctx: Any, header: list[etree._Element] | None, body: etree._Element) -> None:
        """Authenticate before the body is validated; an unexpected error becomes an opaque Server fault."""
        try:
            self._before_body(ctx, header, body)
        except Fault:
            raise
        except Exception as error:
            rid = request_id(ctx)
            log.error("Unexpected error in request %s", rid, exc_info=error)
            raise internal_error(rid) from None

    def _before_body(self, ctx: Any, header: list[etree._Element] | None, body: etree._Element) -> None:
        operation = etree.QName(body).localname
        state = AuthState(operation)
        environ(ctx)[_STATE_KEY] = state
        self._check_soap_action(ctx, operation)
        body_credentials = _body_credentials(body) if self.face in _BODY_CREDENTIAL_FACES else _NO_BODY_CREDENTIALS
        claim, body_user, body_password = body_credentials
        if self.face == "automation":
            claim = GoodsOwnerClaim()  # an automation user works for every goods owner: nothing to claim
        securities = security_headers(header)
        if securities:
            state.principal = self._authenticate_header(state, securities, claim, body_user)
        elif body_user is not None or body_password is not None:
            self._authenticate_body(state, body, Credentials(body_user or "", body_password or "", goods_owner=claim))
        elif operation not in ANONYMOUS_OPERATIONS:
            state.failure = AuthenticationFailed()
            _strip_children(body)

    def _authenticate_header(
        self, state: AuthState, securities: list[etree._Element], claim: GoodsOwnerClaim, body_user: str | None
    ) -> Principal:
        try:
            if len(securities) != 1:
                raise AuthenticationFailed()
            state.username = presented_username(securities[0])
            token = parse_security_header(securities[0], datetime.now(UTC))
            if body_user is not None and body_user != token.username:
                raise AuthenticationFailed()
            return self._authenticate(Credentials.from_token(token, claim))
        except AuthenticationFailed:
            state.failure = AuthenticationFailed()
            raise FailedAuthentication() from None

    def _authenticate_body(self, state: AuthState, body: etree._Element, credentials: Credentials) -> None:
        state.username = credentials.username
        try:
            state.principal = self._authenticate(credentials)
        except AuthenticationFailed as failure:
            state.failure = failure
            _strip_children(body)

    def _authenticate(self, credentials: Credentials) -> Principal:
        bind = self.session_factory.kw.get("bind")
        if isinstance(bind, Engine):  # the account read needs no session, not even a SQLAlchemy connection
            return self.authenticator.authenticate(bind, credentials, face=self.face)
        with self.session_factory() as session:
            return self.authenticator.authenticate(session, credentials, face=self.face)

    def _check_soap_action(self, ctx: Any, operation: str) -> None:
        action = _soap_action(environ(ctx))
        if not action:
            return
        named = re.split(r"[/#]", action)[-1]
        if named != operation:
            raise Fault("Client.SOAPActionMismatch", f"The SOAPAction {action} does not name the operation {operation}")

    # -- listeners --------------------------------------------------------------------------------------------------

    def _on_exception(self, ctx: Any) -> None:
        error = sys.exc_info()[1]
        if error is None or isinstance(error, Fault):
            return
        rid = request_id(ctx)
        log.error("Unexpected error in request %s", rid, exc_info=error)
        ctx.out_error = internal_error(rid)
        environ(ctx)[OUTCOME_KEY] = "error"

    def _on_done(self, ctx: Any) -> None:
        env = environ(ctx)
        if env.get(_AUDITED_KEY):
            return
        env[_AUDITED_KEY] = True
        record = self._audit_record(ctx, env)
        if self.audit_writer is not None:
            self.audit_writer.write(record)
        else:
            audit.write(self.session_factory, record)

    def _audit_record(self, ctx: Any, env: dict[str, Any]) -> audit.AuditRecord:
        state: AuthState | None = env.get(_STATE_KEY)
        principal = state.principal if state is not None else None
        return audit.AuditRecord(
            at=datetime.now(UTC),
            face=self.face,
            operation=state.operation if state is not None else _operation_of(ctx),
            outcome=_outcome(ctx, env, state),
            duration_ms=round((time.time() - ctx.call_start) * 1000, 3),
            request_id=request_id(ctx),
            username=principal.username if principal is not None else (state.username if state else None),
            goods_owner_id=principal.goods_owner_id if principal is not None else None,
            client_address=env.get("REMOTE_ADDR"),
            operator=env.get(OPERATOR_KEY),
        )


def authenticate_call(ctx: Any, operation: str) -> Principal | None:
    """The authenticated principal of this call, checked against ``operation``'s permissions.

    Raises AuthenticationFailed (answer in-band LogonError, or a Client fault) or PermissionDenied. Returns None
    only for an operation that needs no credentials (GetSystemStatus) called without any.
    """
    state: AuthState | None = environ(ctx).get(_STATE_KEY)
    if state is None or state.failure is not None:
        raise AuthenticationFailed()
    if state.principal is None:
        if operation in ANONYMOUS_OPERATIONS:
            return None
        raise AuthenticationFailed()
    try:
        check_operation(state.principal, operation)
    except PermissionDenied:
        state.denied = True
        raise
    return state.principal


def environ(ctx: Any) -> dict[str, Any]:
    transport = getattr(ctx, "transport", None)
    env = getattr(transport, "req_env", None)
    if env is None:
        env = ctx.__dict__.setdefault("_wms_environ", {})
    return env


def request_id(ctx: Any) -> str:
    """A short random id for this request, made on first use; it names the request in faults and logs."""
    udc_id = getattr(getattr(ctx, "udc", None), "request_id", None)
    if isinstance(udc_id, str):
        return udc_id
    env = environ(ctx)
    if _REQUEST_ID_KEY not in env:
        env[_REQUEST_ID_KEY] = secrets.token_hex(8)
    return env[_REQUEST_ID_KEY]


def _soap_action(env: dict[str, Any]) -> str:
    action = env.get("HTTP_SOAPACTION")
    if action is None:
        match = _SOAP12_ACTION.search(env.get("CONTENT_TYPE") or "")
        action = match.group(1) if match else ""
    return str(action).strip().strip('"').strip()


def _body_credentials(body: etree._Element) -> tuple[GoodsOwnerClaim, str | None, str | None]:
    values: dict[str, str | None] = {}
    for child in body:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name in CREDENTIAL_ELEMENTS and name not in values:
            values[name] = None if child.get(_XSI_NIL) in ("true", "1") else (child.text or "")
    code = values.get("GoodsOwnerCode") or None
    return GoodsOwnerClaim(code=code, id=_goods_owner_id(values)), values.get("UserName"), values.get("Password")


def _goods_owner_id(values: dict[str, str | None]) -> int | None:
    raw = (values.get("GoodsOwnerId") or "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        return -1  # names no goods owner: the logon fails like any mismatch


def _strip_children(body: etree._Element) -> None:
    for child in list(body):
        body.remove(child)
    body.text = None


def _operation_of(ctx: Any) -> str:
    descriptor = getattr(ctx, "descriptor", None)
    return getattr(descriptor, "name", None) or str(getattr(ctx, "method_request_string", "") or "")


def _outcome(ctx: Any, env: dict[str, Any], state: AuthState | None) -> str:
    if state is not None and state.failure is not None:
        return "logon_failed"
    if state is not None and state.denied:
        return "denied"
    if env.get(OUTCOME_KEY):
        return str(env[OUTCOME_KEY])
    error = getattr(ctx, "out_error", None)
    if error is None:
        return "ok"
    return "error" if str(getattr(error, "faultcode", "")).startswith("Server") else "fault"


# -- WSGI hardening ---------------------------------------------------------------------------------------------------

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def harden_wsgi(app: WsgiApp, settings: Settings) -> WsgiApp:
    """Refuse bodies over ``settings.max_body_bytes`` with 413 (declared or chunked) even outside waitress, and
    answer an exception escaping the SOAP application with an opaque SOAP Server fault instead of a plain-text 500."""
    limit = settings.max_body_bytes

    def hardened(env: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if env.get("REQUEST_METHOD") == "POST" and not _body_within_limit(env, limit):
            start_response("413 Request Entity Too Large", [("Content-Type", "text/plain"), ("Content-Length", "24")])
            return [b"Request body too large.\n"]
        try:
            return app(env, start_response)
        except Exception:
            rid = secrets.token_hex(8)
            log.exception("Unexpected error in request %s", rid)
            return _server_fault(env, start_response, rid)

    return hardened


def _body_within_limit(env: dict[str, Any], limit: int) -> bool:
    declared = str(env.get("CONTENT_LENGTH") or "").strip()
    if declared.isdigit():
        return int(declared) <= limit
    stream = env.get("wsgi.input")
    if stream is None:
        return True
    data = stream.read(limit + 1)
    if len(data) > limit:
        return False
    env["wsgi.input"] = BytesIO(data)
    env["CONTENT_LENGTH"] = str(len(data))
    return True


def _server_fault(env: dict[str, Any], start_response: StartResponse, rid: str) -> list[bytes]:
    soap12 = "application/soap+xml" in str(env.get("CONTENT_TYPE") or "")
    data = fault_answer(internal_error(rid), NS_SOAP12_ENV if soap12 else NS_SOAP11_ENV)
    content_type = "application/soap+xml; charset=utf-8" if soap12 else "text/xml; charset=utf-8"
    start_response("500 Internal Server Error", [("Content-Type", content_type), ("Content-Length", str(len(data)))])
    return [data]
