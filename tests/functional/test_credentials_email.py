"""The credentials e-mail, received by a real SMTP server; and what happens when sending fails."""

import dataclasses
import socket
from collections.abc import Iterator

import pytest

from tests.functional.smtp_server import Mailbox, running_smtp_server
from wms_soap.config import Settings
from wms_soap.services.mail import IntegrationDetails, send_credentials, service_urls


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox()


@pytest.fixture
def mail_settings(settings: Settings, mailbox: Mailbox) -> Iterator[Settings]:
    with running_smtp_server(mailbox) as (host, port):
        yield dataclasses.replace(settings, smtp_host=host, smtp_port=port, smtp_starttls=False,
                                  smtp_user=None, smtp_password=None, smtp_from="wms@example.test")


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
