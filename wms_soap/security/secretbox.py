"""Keys derived from the server secret: encryption of digest secrets, and keyed password fingerprints.

A PasswordDigest can only be checked with the secret itself, so digest secrets are stored encrypted (Fernet) with a
key derived from ``settings.secret_key`` by HKDF; a database dump alone does not reveal them. The same server secret,
under another HKDF label, keys the HMAC that fingerprints passwords in the verification cache.
"""

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def derive_key(secret_key: str, purpose: str) -> bytes:
    """32 bytes for ``purpose``, derived from the server secret (different purposes get unrelated keys)."""
    if not secret_key:
        raise ValueError("the server secret_key is empty")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=f"wms-soap {purpose}".encode())
    return hkdf.derive(secret_key.encode("utf-8"))


class SecretBox:
    """Encrypts and decrypts small secrets (the digest secrets of API users) with the server key."""

    def __init__(self, secret_key: str) -> None:
        self._fernet = Fernet(base64.urlsafe_b64encode(derive_key(secret_key, "digest secret encryption")))

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        """The clear secret; ValueError when the token was not made with this server key or was tampered with."""
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError) as error:
            raise ValueError("the secret cannot be decrypted with this server key") from error


class PasswordFingerprinter:
    """HMAC-SHA256 of a password under a key derived from the server secret; never reversible, never logged."""

    def __init__(self, secret_key: str) -> None:
        self._key = derive_key(secret_key, "password fingerprint")

    def __call__(self, password: str) -> bytes:
        return hmac.new(self._key, password.encode("utf-8"), hashlib.sha256).digest()
