"""WS-Security UsernameToken parsing, digest and freshness (no sockets, no database)."""

import base64
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from lxml import etree

from wms_soap.security.wssecurity import (
    PASSWORD_DIGEST,
    PASSWORD_TEXT,
    WSSE,
    WSU,
    InvalidSecurityHeader,
    UsernameToken,
    check_freshness,
    digest_matches,
    parse_security_header,
    parse_wsu_datetime,
    password_digest,
    security_headers,
)

NOW = datetime(2026, 11, 29, 6, 0, 0, tzinfo=UTC)
NONCE = b"0123456789abcdef"


def security(token: str = "", extra: str = "") -> etree._Element:
    return etree.fromstring(
        f'<wsse:Security xmlns:wsse="{WSSE}" xmlns:wsu="{WSU}">{token}{extra}</wsse:Security>'
    )


def username_token(
    password: str = "s3cret",
    password_type: str | None = PASSWORD_TEXT,
    nonce: str | None = None,
    created: str | None = None,
    username: str = "WSIalice",
) -> str:
    type_attr = f' Type="{password_type}"' if password_type is not None else ""
    parts = [f"<wsse:Username>{username}</wsse:Username>", f"<wsse:Password{type_attr}>{password}</wsse:Password>"]
    if nonce is not None:
        parts.append(f"<wsse:Nonce>{nonce}</wsse:Nonce>")
    if created is not None:
        parts.append(f"<wsu:Created>{created}</wsu:Created>")
    return "<wsse:UsernameToken>" + "".join(parts) + "</wsse:UsernameToken>"


def digest_token(secret: str, created: str, nonce: bytes = NONCE) -> str:
    digest = password_digest(nonce, created, secret.encode()).decode()
    return username_token(digest, PASSWORD_DIGEST, base64.b64encode(nonce).decode(), created)


def test_known_answer_vector_from_wss4j() -> None:
    # WSS4J UsernameTokenTest.testUsernameTokenWithEncodedPasswordBaseline (secret = the equivalent SHA1("password")).
    nonce = base64.b64decode("0x7bXAPZVn40AdCD0Xbt0g==")
    secret = hashlib.sha1(b"password").digest()
    assert password_digest(nonce, "2010-06-28T15:16:37Z", secret) == b"C0rena/6gKpRZ9ATj+e6ss5sAbQ="


def test_password_text_is_parsed() -> None:
    token = parse_security_header(security(username_token()), NOW)
    assert token == UsernameToken("WSIalice", "s3cret")
    assert "s3cret" not in repr(token)


def test_missing_type_means_password_text() -> None:
    assert not parse_security_header(security(username_token(password_type=None)), NOW).digest


def test_unknown_password_type_is_refused() -> None:
    with pytest.raises(InvalidSecurityHeader) as raised:
        parse_security_header(security(username_token(password_type=UTP_OTHER)), NOW)
    assert raised.value.reason == "unknown password Type"


UTP_OTHER = "http://example.com/#PasswordSomething"


@pytest.mark.parametrize("created", ["2026-11-29T05:59:30Z", "2026-11-29T05:59:30+00:00", "2026-11-29T06:59:30+01:00"])
def test_digest_verifies_over_the_created_text_as_sent(created: str) -> None:
    token = parse_security_header(security(digest_token("digest-secret", created)), NOW)
    assert token.digest and token.nonce == NONCE and token.created == created
    assert digest_matches(token, "digest-secret")
    assert not digest_matches(token, "other-secret")


def test_digest_does_not_match_a_reformatted_created() -> None:
    token = parse_security_header(security(digest_token("digest-secret", "2026-11-29T05:59:30Z")), NOW)
    reformatted = UsernameToken(token.username, token.password, True, token.nonce, "2026-11-29T05:59:30+00:00")
    assert not digest_matches(reformatted, "digest-secret")


def test_digest_with_non_ascii_text_is_a_mismatch_not_a_crash() -> None:
    token = UsernameToken("WSIalice", "ÅÄÖ", True, NONCE, "2026-11-29T05:59:30Z")
    assert not digest_matches(token, "digest-secret")


def test_digest_needs_nonce_and_created() -> None:
    with pytest.raises(InvalidSecurityHeader):
        parse_security_header(security(username_token("x", PASSWORD_DIGEST, created="2026-11-29T05:59:30Z")), NOW)
    with pytest.raises(InvalidSecurityHeader):
        parse_security_header(security(username_token("x", PASSWORD_DIGEST, nonce="MTIz")), NOW)


def test_invalid_base64_nonce_is_refused() -> None:
    bad = username_token("x", PASSWORD_DIGEST, nonce="not base64!!", created="2026-11-29T05:59:30Z")
    with pytest.raises(InvalidSecurityHeader) as raised:
        parse_security_header(security(bad), NOW)
    assert raised.value.reason == "Nonce is not valid base64"


@pytest.mark.parametrize(
    ("offset", "fresh"),
    [(-300, True), (-301, False), (60, True), (61, False), (0, True)],
)
def test_freshness_window_is_300_s_past_and_60_s_future(offset: int, fresh: bool) -> None:
    created = NOW + timedelta(seconds=offset)
    if fresh:
        check_freshness(created, NOW)
    else:
        with pytest.raises(InvalidSecurityHeader):
            check_freshness(created, NOW)


@pytest.mark.parametrize("created", ["2026-11-29T05:54:00Z", "2026-11-29T06:02:00+00:00"])
def test_stale_and_future_created_are_refused(created: str) -> None:
    with pytest.raises(InvalidSecurityHeader):
        parse_security_header(security(digest_token("digest-secret", created)), NOW)


def test_expired_timestamp_is_refused_and_a_valid_one_accepted() -> None:
    def stamp(created: str, expires: str) -> str:
        inner = f"<wsu:Created>{created}</wsu:Created><wsu:Expires>{expires}</wsu:Expires>"
        return f"<wsu:Timestamp>{inner}</wsu:Timestamp>"

    ok = security(username_token(), stamp("2026-11-29T05:59:00Z", "2026-11-29T06:04:00Z"))
    assert parse_security_header(ok, NOW).username == "WSIalice"
    expired = security(username_token(), stamp("2026-11-29T05:50:00Z", "2026-11-29T05:55:00Z"))
    with pytest.raises(InvalidSecurityHeader):
        parse_security_header(expired, NOW)


def test_zero_or_two_username_tokens_are_refused() -> None:
    with pytest.raises(InvalidSecurityHeader):
        parse_security_header(security(), NOW)
    with pytest.raises(InvalidSecurityHeader):
        parse_security_header(security(username_token() + username_token()), NOW)


def test_empty_username_is_refused() -> None:
    with pytest.raises(InvalidSecurityHeader):
        parse_security_header(security(username_token(username=" ")), NOW)


def test_security_headers_picks_wsse_security_only() -> None:
    other = etree.fromstring('<x:Other xmlns:x="urn:x"/>')
    sec = security(username_token())
    assert security_headers([other, sec]) == [sec]
    assert security_headers(None) == []


def test_wsu_datetime_forms() -> None:
    assert parse_wsu_datetime("2026-11-29T06:00:00Z") == NOW
    assert parse_wsu_datetime("2026-11-29T07:00:00+01:00") == NOW
    assert parse_wsu_datetime("2026-11-29T06:00:00") == NOW
    with pytest.raises(InvalidSecurityHeader):
        parse_wsu_datetime("yesterday")
