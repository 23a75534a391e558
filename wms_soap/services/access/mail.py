"""The credentials e-mail: everything an integrator needs, sent through the configured SMTP server.

Sending is best effort on purpose: the user exists whether or not the e-mail got through, so a failure is reported
back as a ``MailOutcome`` (with the reason) instead of being raised.
"""

import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import make_msgid
from html import escape

from wms_soap.config import Settings

SMTP_TIMEOUT_SECONDS = 15


@dataclass(frozen=True, slots=True)
class IntegrationDetails:
    """What the credentials e-mail tells the integrator."""

    recipient: str
    username: str
    goods_owner_id: int
    goods_owner_code: str
    integration: str
    invoice_access: bool
    soap_url: str
    wsdl_url: str
    rest_url: str
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class MailOutcome:
    sent: bool
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ServiceUrls:
    soap_url: str
    wsdl_url: str
    rest_url: str


def service_urls(settings: Settings) -> ServiceUrls:
    """The public addresses of the goods-owner APIs of this warehouse."""
    base = f"{settings.public_url.rstrip('/')}/{settings.warehouse}"
    return ServiceUrls(f"{base}/service.asmx", f"{base}/service.asmx?WSDL", f"{base}/api/v1/")


def _lines(details: IntegrationDetails) -> list[tuple[str, str]]:
    rows = [
        ("SOAP service URL", details.soap_url),
        ("WSDL URL", details.wsdl_url),
        ("REST base URL", details.rest_url),
        ("Username", details.username),
    ]
    if details.password is not None:
        rows.append(("Password", details.password))
    rows += [
        ("Goods owner code", details.goods_owner_code),
        ("Goods owner id", str(details.goods_owner_id)),
        ("Integration type", details.integration),
        ("Invoice data allowed", "yes" if details.invoice_access else "no"),
    ]
    return rows


_INTRO = "An API user has been created for you. These are the details you need to integrate:"


def _password_note(details: IntegrationDetails) -> str:
    if details.password is not None:
        return "Keep this e-mail safe: it contains the password."
    return "The password is not included in this e-mail; you get it from your warehouse administrator."


def _plain_text(details: IntegrationDetails) -> str:
    rows = "\n".join(f"{label}: {value}" for label, value in _lines(details))
    usage = ("Authenticate with the username and password (WS-Security UsernameToken or the UserName/Password "
             "fields on SOAP, HTTP Basic on REST). SOAP calls name the goods owner code, REST paths the goods "
             "owner id.")
    return f"Hello,\n\n{_INTRO}\n\n{rows}\n\n{usage}\n{_password_note(details)}\n"


def _html(details: IntegrationDetails) -> str:
    rows = "".join(f"<tr><th align=\"left\">{escape(label)}</th><td>{escape(value)}</td></tr>"
                   for label, value in _lines(details))
    return (f"<html><body><p>Hello,</p><p>{escape(_INTRO)}</p><table>{rows}</table>"
            f"<p>{escape(_password_note(details))}</p></body></html>")


def build_credentials_email(details: IntegrationDetails, sender: str) -> EmailMessage:
    """The credentials e-mail: plain text with an HTML alternative."""
    message = EmailMessage()
    message["Subject"] = f"API access for {details.goods_owner_code}: user {details.username}"
    message["From"] = sender
    message["To"] = details.recipient
    message["Message-ID"] = make_msgid(domain="wms-soap")
    message.set_content(_plain_text(details))
    message.add_alternative(_html(details), subtype="html")
    return message


def send_email(settings: Settings, message: EmailMessage) -> MailOutcome:
    """Send ``message`` through the configured SMTP server; a failure comes back as the outcome, never raised."""
    if not settings.smtp_host:
        return MailOutcome(False, "No SMTP server is configured: set WMS_SMTP_HOST (and WMS_SMTP_PORT, WMS_SMTP_FROM)")
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        return MailOutcome(False, f"The e-mail could not be sent through {settings.smtp_host}:{settings.smtp_port}: "
                                  f"{_describe(error)}")
    return MailOutcome(True)


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else error.smtp_error
        return f"the server answered {error.smtp_code} {text}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "the server refused the recipient " + ", ".join(error.recipients)
    return str(error) or type(error).__name__


def send_credentials(settings: Settings, details: IntegrationDetails) -> MailOutcome:
    """Build and send the credentials e-mail to ``details.recipient``."""
    sender = settings.smtp_from or "wms-soap@localhost"
    return send_email(settings, build_credentials_email(details, sender))
