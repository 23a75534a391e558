"""Secrets at rest: an API user created through the admin use case keeps its PasswordDigest secret only encrypted
with the server key, its password only as an argon2id hash, and neither appears in any column of the database."""

from typing import Any

import pytest
from sqlalchemy import String, Text, select

from tests import factories
from wms_soap.security.principal import Principal
from wms_soap.security.secretbox import SecretBox
from wms_soap.services.access import admin
from wms_soap.store.access import ApiUser
from wms_soap.store.base import Base

PASSWORD = "Password-For-Storage-1"
DIGEST_SECRET = "Digest-Secret-For-Storage-1"
ADMIN = Principal(kind="admin", user_id=1, username="admin1")


def every_text_value(session: Any) -> list[str]:
    values = []
    for table in Base.metadata.sorted_tables:
        columns = [column for column in table.columns if isinstance(column.type, String | Text)]
        if columns:
            values += [str(value) for row in session.execute(select(*columns)) for value in row if value]
    return values


def test_digest_secret_and_password_are_never_stored_in_clear(settings: Any, session_factory: Any) -> None:
    with session_factory() as session, session.begin():
        owner = factories.make_goods_owner(session, code="SECRETS", api_access=True)
        factories.integration_type(session, "Magento")
        new = admin.NewApiUser(goods_owner_id=owner.id, username="WSIsecrets", email="dev@shop.example",
                               integration_type="Magento", password=PASSWORD, digest_secret=DIGEST_SECRET)
        admin.create_api_user(session, ADMIN, new, settings=settings)
    with session_factory() as session:
        stored = session.scalars(select(ApiUser).where(ApiUser.username == "WSIsecrets")).one()
        assert stored.password_hash.startswith("$argon2id$")
        assert stored.digest_secret_encrypted is not None
        assert SecretBox(settings.secret_key).decrypt(stored.digest_secret_encrypted) == DIGEST_SECRET
        with pytest.raises(ValueError):
            SecretBox("another server key").decrypt(stored.digest_secret_encrypted)
        leaked = [value for value in every_text_value(session) if PASSWORD in value or DIGEST_SECRET in value]
    assert leaked == []
