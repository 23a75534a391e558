"""The WS-Security nonce replay table: a nonce is accepted once per user, across every server process.

The unique key (username, SHA-256 of the nonce) does the work; the insert commits in its own short transaction so a
replay is refused even when the first request rolled back. Rows are kept a little longer than the freshness window
(a token older than that is refused anyway) and purged on the way.
"""

import hashlib
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.store.access import UsedNonce
from wms_soap.store.db import session_scope


def nonce_key(nonce: bytes) -> str:
    return hashlib.sha256(nonce).hexdigest()


def remember(
    session_factory: sessionmaker[Session], username: str, nonce: bytes, now: datetime, keep_until: datetime
) -> bool:
    """Record the nonce; False when this user has used it before (a replay)."""
    try:
        with session_scope(session_factory) as session:
            session.execute(delete(UsedNonce).where(UsedNonce.expires_at < now))
            session.add(UsedNonce(username=username, nonce_sha256=nonce_key(nonce), expires_at=keep_until))
    except IntegrityError:
        return False
    return True

