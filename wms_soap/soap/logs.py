"""Log hygiene for the SOAP edge: no password, digest or nonce ever reaches a log line, Spyne's loggers included.

Spyne logs the whole raw request when the XML is malformed (``spyne.protocol.soap.soap11.invalid``), dumps documents
at DEBUG level, and logs every Client fault with a traceback (``spyne.application.client``). A filter on each of
Spyne's loggers scrubs secret element contents from every message, drops the document dumps, strips the tracebacks
of client faults, and drops Spyne's own report of unexpected errors (the edge logs those once, with a request id).
"""

import logging
import re

# Spyne's modules that log, imported so that their loggers exist when the filter is attached to each of them.
import spyne.application
import spyne.protocol.soap.soap11
import spyne.protocol.soap.soap12
import spyne.protocol.xml
import spyne.server._base
import spyne.server.wsgi  # noqa: F401

_SECRET_ELEMENT = re.compile(
    r"(<(?:[\w.-]+:)?(?:Password|Nonce|PasswordDigest)\b[^>]*>)(.*?)(</(?:[\w.-]+:)?(?:Password|Nonce|PasswordDigest)\s*>)",
    re.DOTALL | re.IGNORECASE,
)
_SECRET_ATTRIBUTE = re.compile(r"((?:password|nonce)\s*[=:]\s*)(['\"]).*?\2", re.IGNORECASE)
_DROPPED_MESSAGES = ("Failed document is",)


def scrub(text: str) -> str:
    """``text`` with the contents of Password/Nonce elements and password=... values replaced by ***."""
    text = _SECRET_ELEMENT.sub(r"\1***\3", text)
    return _SECRET_ATTRIBUTE.sub(r"\1\2***\2", text)


class RedactSecrets(logging.Filter):
    """Scrubs one logger's records (logger filters do not see their children's records, so each gets one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "spyne.application.server":
            return False  # unexpected errors are logged once by the edge, with the request id
        message = record.getMessage()
        if any(dropped in message for dropped in _DROPPED_MESSAGES):
            return False
        if record.name.endswith(".invalid"):
            message = "Malformed XML request: " + _first_arg(record)
        if record.name in ("spyne.application.client", "spyne.server._base"):
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.INFO, "INFO"
        record.msg = scrub(message)
        record.args = None
        return True


def _first_arg(record: logging.LogRecord) -> str:
    if isinstance(record.args, tuple) and record.args:
        return repr(record.args[0])
    return "(details withheld)"


_FILTER = RedactSecrets()


def install_log_redaction() -> None:
    """Attach the filter to every Spyne logger (idempotent), before serving."""
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        spyne = name == "spyne" or name.startswith("spyne.")
        if spyne and isinstance(logger, logging.Logger) and _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
