"""The verification cache, the secret box and the access policy (no sockets, no database)."""

from datetime import UTC, datetime, timedelta

import pytest

from wms_soap.errors import PermissionDenied
from wms_soap.security.cache import VerificationCache
from wms_soap.security.policy import (
    INVOICE_DENIED,
    AccountState,
    GoodsOwnerClaim,
    check_operation,
    claim_matches,
    kind_for_face,
    may_log_on,
)
from wms_soap.security.principal import Principal
from wms_soap.security.secretbox import PasswordFingerprinter, SecretBox

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
STATE = AccountState(enabled=True, locked_until=None, goods_owner_id=7, goods_owner_code="SHOP")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cache(clock: Clock) -> VerificationCache:
    return VerificationCache("server-key", 300, clock=clock)


def test_cache_hits_only_for_the_same_password(cache: VerificationCache) -> None:
    cache.remember("api", 1, "hash-1", STATE, "right password")
    assert cache.hit("api", 1, "hash-1", STATE, "right password")
    assert not cache.hit("api", 1, "hash-1", STATE, "wrong password")
    assert not cache.hit("api", 2, "hash-1", STATE, "right password")
    assert not cache.hit("automation", 1, "hash-1", STATE, "right password")


def test_cache_entry_expires(cache: VerificationCache, clock: Clock) -> None:
    cache.remember("api", 1, "hash-1", STATE, "pw")
    clock.now += 299
    assert cache.hit("api", 1, "hash-1", STATE, "pw")
    clock.now += 2
    assert not cache.hit("api", 1, "hash-1", STATE, "pw")


def test_password_change_drops_the_entry(cache: VerificationCache) -> None:
    cache.remember("api", 1, "hash-1", STATE, "pw")
    assert not cache.hit("api", 1, "hash-2", STATE, "pw")
    assert not cache.hit("api", 1, "hash-1", STATE, "pw"), "a mismatch drops the entry for good"


@pytest.mark.parametrize(
    "changed",
    [
        AccountState(enabled=False, locked_until=None, goods_owner_id=7, goods_owner_code="SHOP"),
        AccountState(enabled=True, locked_until=NOW, goods_owner_id=7, goods_owner_code="SHOP"),
        AccountState(True, None, goods_owner_id=7, goods_owner_code="SHOP", goods_owner_api_access=False),
    ],
)
def test_state_change_drops_the_entry(cache: VerificationCache, changed: AccountState) -> None:
    cache.remember("api", 1, "hash-1", STATE, "pw")
    assert not cache.hit("api", 1, "hash-1", changed, "pw")


def test_zero_ttl_disables_the_cache(clock: Clock) -> None:
    cache = VerificationCache("server-key", 0, clock=clock)
    cache.remember("api", 1, "hash-1", STATE, "pw")
    assert not cache.hit("api", 1, "hash-1", STATE, "pw")


def test_cache_never_holds_the_password(cache: VerificationCache) -> None:
    cache.remember("api", 1, "hash-1", STATE, "very-secret-password")
    assert b"very-secret-password" not in repr(cache.__dict__).encode()
    assert "very-secret-password" not in repr(vars(cache))


def test_fingerprint_depends_on_the_server_key() -> None:
    assert PasswordFingerprinter("k1")("pw") == PasswordFingerprinter("k1")("pw")
    assert PasswordFingerprinter("k1")("pw") != PasswordFingerprinter("k2")("pw")


def test_secret_box_round_trip_and_wrong_key() -> None:
    token = SecretBox("server-key").encrypt("digest-secret")
    assert "digest-secret" not in token
    assert SecretBox("server-key").decrypt(token) == "digest-secret"
    with pytest.raises(ValueError, match="cannot be decrypted"):
        SecretBox("another-key").decrypt(token)


def test_secret_box_needs_a_key() -> None:
    with pytest.raises(ValueError, match="empty"):
        SecretBox("")


def test_faces_admit_one_kind_each() -> None:
    assert kind_for_face("goods_owner") == "api"
    assert kind_for_face("rest") == "api"
    assert kind_for_face("automation") == "automation"
    assert kind_for_face("admin") == "admin"


def test_may_log_on() -> None:
    assert may_log_on(STATE, NOW)
    assert not may_log_on(AccountState(False, None), NOW)
    assert not may_log_on(AccountState(True, NOW + timedelta(minutes=1)), NOW)
    assert may_log_on(AccountState(True, NOW - timedelta(seconds=1)), NOW)
    assert not may_log_on(AccountState(True, None, goods_owner_api_access=False), NOW)


@pytest.mark.parametrize(
    ("claim", "matches"),
    [
        (GoodsOwnerClaim(), True),
        (GoodsOwnerClaim(code="SHOP"), True),
        (GoodsOwnerClaim(code=" shop "), True),
        (GoodsOwnerClaim(code="OTHER"), False),
        (GoodsOwnerClaim(id=7), True),
        (GoodsOwnerClaim(id=8), False),
        (GoodsOwnerClaim(code="SHOP", id=8), False),
    ],
)
def test_goods_owner_claim(claim: GoodsOwnerClaim, matches: bool) -> None:
    assert claim_matches(claim, STATE) is matches


@pytest.mark.parametrize("operation", ["GetInvoicesByQuery", "GetInvoices", "ProcessInvoice"])
def test_invoice_operations_need_invoice_access(operation: str) -> None:
    without = Principal("api", 1, "WSIshop", 7, "SHOP", invoice_access=False)
    with pytest.raises(PermissionDenied, match=INVOICE_DENIED):
        check_operation(without, operation)
    check_operation(Principal("api", 1, "WSIshop", 7, "SHOP", invoice_access=True), operation)


def test_other_operations_need_no_invoice_access() -> None:
    check_operation(Principal("api", 1, "WSIshop", 7, "SHOP"), "GetOrdersByQuery")
