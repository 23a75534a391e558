"""WS-Security UsernameToken (OASIS UsernameToken Profile 1.1): parse it from the SOAP header, check freshness.

Spyne has no WS-Security support, so the ``wsse:Security`` header is read from the raw lxml header children before
the body is deserialized. Every problem raises ``InvalidSecurityHeader``, an ``AuthenticationFailed`` whose message
is the generic logon failure, so that the answer never acts as an oracle.
"""

import base64
import binascii
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from lxml import etree

from wms_soap.errors import AuthenticationFailed

WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
UTP = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
SOAP_MESSAGE_SECURITY = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0"
PASSWORD_TEXT = UTP + "#PasswordText"
PASSWORD_DIGEST = UTP + "#PasswordDigest"
BASE64_BINARY = SOAP_MESSAGE_SECURITY + "#Base64Binary"
SECURITY_TAG = f"{{{WSSE}}}Security"
_USERNAME_TOKEN = f"{{{WSSE}}}UsernameToken"
_USERNAME = f"{{{WSSE}}}Username"
_PASSWORD = f"{{{WSSE}}}Password"
_NONCE = f"{{{WSSE}}}Nonce"
_CREATED = f"{{{WSU}}}Created"
_TIMESTAMP = f"{{{WSU}}}Timestamp"

PAST_WINDOW = timedelta(seconds=300)
FUTURE_WINDOW = timedelta(seconds=60)
_TEXT_TYPES = {PASSWORD_TEXT, "wsse:PasswordText", "PasswordText"}
_DIGEST_TYPES = {PASSWORD_DIGEST, "wsse:PasswordDigest", "PasswordDigest"}


class InvalidSecurityHeader(AuthenticationFailed):
    """The wsse:Security header is missing a part, malformed, stale or replayed (the caller only sees 'failed')."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason  # for tests and debugging; never shown to the caller


@dataclass(frozen=True, slots=True)
class UsernameToken:
    """The credentials a UsernameToken carries. ``password`` is the clear password or, with ``digest``, the digest."""

    username: str
    password: str = field(repr=False)
    digest: bool = False
    nonce: bytes | None = field(default=None, repr=False)
    created: str | None = None


def security_headers(header_children: Sequence[etree._Element] | None) -> list[etree._Element]:
    """The ``wsse:Security`` elements among the SOAP header children."""
    return [child for child in header_children or () if child.tag == SECURITY_TAG]


def presented_username(security: etree._Element) -> str | None:
    """The Username a Security header names, for the audit trail, whether or not the rest is valid."""
    token = _child(security, _USERNAME_TOKEN)
    name = _child_text(token, _USERNAME) if token is not None else None
    return name.strip()[:200] if name and name.strip() else None


def parse_security_header(security: etree._Element, now: datetime) -> UsernameToken:
    """Read and check the one UsernameToken of ``security``; the password itself is verified by the caller."""
    _check_timestamp(security, now)
    tokens = [child for child in security if child.tag == _USERNAME_TOKEN]
    if len(tokens) != 1:
        raise InvalidSecurityHeader(f"expected one UsernameToken, found {len(tokens)}")
    token = _parse_username_token(tokens[0])
    if token.created is not None:
        check_freshness(parse_wsu_datetime(token.created), now)
    return token


def _child(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child named ``tag`` (a direct scan: cheaper than an ElementPath ``find`` on every call)."""
    for child in parent:
        if child.tag == tag:
            return child
    return None


def _child_text(parent: etree._Element, tag: str) -> str | None:
    child = _child(parent, tag)
    return None if child is None else (child.text or "")


def _parse_username_token(token: etree._Element) -> UsernameToken:
    username = (_child_text(token, _USERNAME) or "").strip()
    password_el = _child(token, _PASSWORD)
    if not username or password_el is None:
        raise InvalidSecurityHeader("Username or Password missing")
    digest = _is_digest(password_el.get("Type"))
    nonce = _parse_nonce(_child(token, _NONCE))
    created_text = _child_text(token, _CREATED)
    created = created_text.strip() if created_text is not None else None
    if digest and (nonce is None or created is None):
        raise InvalidSecurityHeader("PasswordDigest needs Nonce and Created")
    password = password_el.text or ""
    return UsernameToken(username, password.strip() if digest else password, digest, nonce, created)


def _is_digest(password_type: str | None) -> bool:
    if password_type is None or password_type.strip() in _TEXT_TYPES or not password_type.strip():
        return False
    if password_type.strip() in _DIGEST_TYPES:
        return True
    raise InvalidSecurityHeader("unknown password Type")


def _parse_nonce(nonce_el: etree._Element | None) -> bytes | None:
    if nonce_el is None:
        return None
    encoding = nonce_el.get("EncodingType")
    if encoding not in (None, "", BASE64_BINARY):
        raise InvalidSecurityHeader("unsupported Nonce EncodingType")
    try:
        nonce = base64.b64decode((nonce_el.text or "").strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidSecurityHeader("Nonce is not valid base64") from error
    if not nonce:
        raise InvalidSecurityHeader("empty Nonce")
    return nonce


def _check_timestamp(security: etree._Element, now: datetime) -> None:
    """A wsu:Timestamp, when present, must not be created in the future nor be expired."""
    timestamp = _child(security, _TIMESTAMP)
    if timestamp is None:
        return
    created = _child_text(timestamp, _CREATED)
    expires = _child_text(timestamp, f"{{{WSU}}}Expires")
    if created is not None and parse_wsu_datetime(created) > now + FUTURE_WINDOW:
        raise InvalidSecurityHeader("Timestamp created in the future")
    if expires is not None and parse_wsu_datetime(expires) <= now:
        raise InvalidSecurityHeader("Timestamp expired")


def parse_wsu_datetime(text: str) -> datetime:
    """An xs:dateTime as an aware UTC datetime; ``Z`` and ``+00:00`` both work, a missing offset means UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidSecurityHeader("bad xs:dateTime") from error
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def check_freshness(created: datetime, now: datetime) -> None:
    """Created must lie within 300 s in the past and 60 s in the future."""
    if created < now - PAST_WINDOW:
        raise InvalidSecurityHeader("Created is too old")
    if created > now + FUTURE_WINDOW:
        raise InvalidSecurityHeader("Created is in the future")


def password_digest(nonce: bytes, created: str, secret: bytes) -> bytes:
    """Base64(SHA-1(nonce + created + secret)) over the Created text exactly as sent."""
    return base64.b64encode(hashlib.sha1(nonce + created.encode("utf-8") + secret).digest())


def digest_matches(token: UsernameToken, secret: str) -> bool:
    """True when the token's PasswordDigest was computed with ``secret`` (constant time, bytes compared)."""
    if not token.digest or token.nonce is None or token.created is None:
        return False
    expected = password_digest(token.nonce, token.created, secret.encode("utf-8"))
    return hmac.compare_digest(token.password.encode("utf-8"), expected)
