"""argon2id password hashing, generation and the password policy."""

import secrets
import string

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from wms_soap.errors import ValidationFailed

_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)  # OWASP minimum for argon2id
_ALPHABET = string.ascii_letters + string.digits
# A fixed hash verified when the user is unknown, so that unknown users cost as much time as known ones.
DUMMY_HASH = _HASHER.hash("wms-soap dummy password for timing equality")


def hash_password(password: str) -> str:
    """Return the argon2id hash of ``password``."""
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches ``password_hash``; never raises for a wrong password or a bad hash."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def generate_password(length: int = 20) -> str:
    """A random password of letters and digits."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def check_password_policy(password: str, min_length: int) -> None:
    """Raise ValidationFailed when ``password`` breaks the policy (at least ``min_length`` characters)."""
    if len(password) < min_length:
        raise ValidationFailed(f"The password must be at least {min_length} characters long")
    if password != password.strip():
        raise ValidationFailed("The password must not start or end with white space")
