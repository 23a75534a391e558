"""The credentials e-mail, received by a real SMTP server; and what happens when sending fails."""

import dataclasses
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from tests.functional.admin_support import AdminWorld
from tests.functional.smtp_server import Mailbox, running_smtp_server
from wms_soap.config import Settings
from wms_soap.services.access.mail import IntegrationDetails, send_credentials, service_urls


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox()


@pytest.fixture
def smtp_address(mailbox: Mailbox) -> Iterator[tuple[str, int]]:
    with running_smtp_server(mailbox) as address:
        yield address


@pytest.fixture
def settings(settings: Settings, smtp_address: tuple[str, int]) -> Settings:
    """The shared settings (and so the live server) sending through this module's SMTP server."""
    host, port = smtp_address
    return dataclasses.replace(settings, smtp_host=host, smtp_port=port, smtp_starttls=False, smtp_user=None,
                               smtp_password=None, smtp_from="wms@example.test")


@pytest.fixture
def mail_settings(settings: Settings) -> Settings:
    return settings


def _details(settings: Settings, *, password: str | None = None, invoice_access: bool = False) -> IntegrationDetails:
    urls = service_urls(settings)
    return IntegrationDetails(
        recipient="dev@shop.example", username="WSIshop1", goods_owner_id=7, goods_owner_code="SHOP",
        integration="Other: Your System", invoice_access=invoice_access,
        soap_url=urls.soap_url, wsdl_url=urls.wsdl_url, rest_url=urls.rest_url, password=password,
    )


def _parts(mailbox: Mailbox) -> tuple[str, str]:
    (message,) = mailbox.messages
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    return plain.get_content(), html.get_content()


def test_the_email_carries_everything_needed_to_integrate(mail_settings: Settings, mailbox: Mailbox) -> None:
    details = _details(mail_settings, invoice_access=True)

    outcome = send_credentials(mail_settings, details)

    assert outcome.sent and outcome.error is None
    (message,) = mailbox.messages
    assert message["To"] == "dev@shop.example"
    assert message["From"] == "wms@example.test"
    assert "WSIshop1" in message["Subject"]
    assert mailbox.envelopes[0].rcpt_tos == ["dev@shop.example"]
    plain, html = _parts(mailbox)
    for text in (plain, html):
        assert details.soap_url in text
        assert details.wsdl_url in text
        assert details.rest_url in text
        assert "WSIshop1" in text and "SHOP" in text
        assert "Other: Your System" in text
    assert "Invoice data allowed: yes" in plain
    assert "Goods owner id: 7" in plain and "Goods owner code: SHOP" in plain
    assert "Password:" not in plain and "Password<" not in html
    assert "password is not included" in plain


def test_urls_come_from_the_public_url_and_warehouse(mail_settings: Settings) -> None:
    urls = service_urls(dataclasses.replace(mail_settings, public_url="https://wms.example/", warehouse="north"))

    assert urls.soap_url == "https://wms.example/north/service.asmx"
    assert urls.wsdl_url == "https://wms.example/north/service.asmx?WSDL"
    assert urls.rest_url == "https://wms.example/north/api/v1/"


def test_the_password_is_included_only_when_given(mail_settings: Settings, mailbox: Mailbox) -> None:
    outcome = send_credentials(mail_settings, _details(mail_settings, password="S3cret-Passw0rd!"))

    assert outcome.sent
    plain, html = _parts(mailbox)
    assert "Password: S3cret-Passw0rd!" in plain
    assert "S3cret-Passw0rd!" in html
    assert "Invoice data allowed: no" in plain


def test_a_refusing_server_is_reported_not_raised(mail_settings: Settings, mailbox: Mailbox) -> None:
    mailbox.refuse_with = "554 Transaction failed: spam suspected"

    outcome = send_credentials(mail_settings, _details(mail_settings))

    assert not outcome.sent
    assert outcome.error is not None
    assert "554" in outcome.error and "spam suspected" in outcome.error
    assert mailbox.messages == []


def test_the_configured_smtp_login_is_used(mail_settings: Settings, mailbox: Mailbox) -> None:
    mailbox.login = ("mailer", "Mail-Passw0rd")
    with_login = dataclasses.replace(mail_settings, smtp_user="mailer", smtp_password="Mail-Passw0rd")

    assert send_credentials(with_login, _details(with_login)).sent

    assert mailbox.logins == ["mailer"] and len(mailbox.messages) == 1


def test_a_refused_smtp_login_is_reported(mail_settings: Settings, mailbox: Mailbox) -> None:
    mailbox.login = ("mailer", "Mail-Passw0rd")
    wrong = dataclasses.replace(mail_settings, smtp_user="mailer", smtp_password="wrong")

    outcome = send_credentials(wrong, _details(wrong))

    assert not outcome.sent and outcome.error is not None and "535" in outcome.error
    assert mailbox.messages == []


def test_an_unreachable_server_is_reported(settings: Settings) -> None:
    with socket.socket() as probe:  # a port that nobody listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        unreachable = dataclasses.replace(settings, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False)

        outcome = send_credentials(unreachable, _details(unreachable))

    assert not outcome.sent
    assert outcome.error is not None and f"127.0.0.1:{port}" in outcome.error


def test_no_smtp_server_configured_is_reported(settings: Settings) -> None:
    outcome = send_credentials(dataclasses.replace(settings, smtp_host=None), _details(settings))

    assert not outcome.sent
    assert outcome.error is not None and "WMS_SMTP_HOST" in outcome.error


# -- through the admin service --------------------------------------------------------------------------------------

@pytest.fixture
def world(live_server: Any) -> AdminWorld:
    return AdminWorld(live_server)


@pytest.fixture
def shop(world: AdminWorld) -> Any:
    owner = world.client.CreateGoodsOwner(Code="SHOP", Name="Shop Ltd")
    return world.client.AllowApiAccess(GoodsOwnerId=owner.Id)


def _create(world: AdminWorld, shop: Any, **extra: Any) -> Any:
    args: dict[str, Any] = {"GoodsOwnerId": shop.Id, "Username": "WSIshop1", "Email": "dev@shop.example",
                            "IntegrationType": "Other", "IntegrationName": "Your System", "SendCredentials": True}
    args.update(extra)
    return world.client.CreateApiUser(**args)


def test_create_api_user_sends_the_credentials_email(world: AdminWorld, shop: Any, mailbox: Mailbox) -> None:
    result = _create(world, shop, Password="Str0ng-Passw0rd-42")

    email = result.CredentialsEmail
    assert email.Requested and email.Sent and not email.PasswordIncluded and email.Error is None
    assert email.Recipient == "dev@shop.example"
    plain, html = _parts(mailbox)
    server = world.server
    for text in (plain, html):
        assert server.url in text and f"{server.url}?WSDL" in text
        assert f"{server.base_url}/{world.settings.warehouse}/api/v1/" in text
        assert "WSIshop1" in text and "Other: Your System" in text
    assert f"Goods owner id: {shop.Id}" in plain and "Goods owner code: SHOP" in plain
    assert "Invoice data allowed: no" in plain
    assert "Str0ng-Passw0rd-42" not in plain + html


def test_the_password_is_in_the_email_only_when_asked(world: AdminWorld, shop: Any, mailbox: Mailbox) -> None:
    result = _create(world, shop, GeneratePassword=True, IncludePasswordInEmail=True, InvoiceAccess=True)

    assert result.CredentialsEmail.Sent and result.CredentialsEmail.PasswordIncluded
    plain, html = _parts(mailbox)
    assert f"Password: {result.GeneratedPassword}" in plain and result.GeneratedPassword in html
    assert "Invoice data allowed: yes" in plain


def test_no_email_unless_asked(world: AdminWorld, shop: Any, mailbox: Mailbox) -> None:
    result = _create(world, shop, Password="Str0ng-Passw0rd-42", SendCredentials=False)

    assert not result.CredentialsEmail.Requested and not result.CredentialsEmail.Sent
    assert mailbox.messages == []


def test_a_failed_email_still_creates_the_user(world: AdminWorld, shop: Any, mailbox: Mailbox) -> None:
    mailbox.refuse_with = "554 Transaction failed: spam suspected"

    result = _create(world, shop, Password="Str0ng-Passw0rd-42")

    email = result.CredentialsEmail
    assert email.Requested and not email.Sent
    assert "554" in email.Error and "spam suspected" in email.Error
    assert world.client.GetApiUser(Username="WSIshop1").GoodsOwnerId == shop.Id
    assert world.api_user_can_log_on("WSIshop1", "Str0ng-Passw0rd-42")


def test_a_password_reset_can_send_the_new_password(world: AdminWorld, shop: Any, mailbox: Mailbox) -> None:
    _create(world, shop, Password="Str0ng-Passw0rd-42", SendCredentials=False)

    reset = world.client.ResetApiUserPassword(Username="WSIshop1", SendCredentials=True, IncludePasswordInEmail=True)

    assert reset.CredentialsEmail.Sent
    plain, _ = _parts(mailbox)
    assert f"Password: {reset.GeneratedPassword}" in plain
