"""Raw SOAP envelopes and HTTP helpers for the authentication and hardened-edge tests."""

import base64
import hashlib
import http.client
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from lxml import etree

from tests.functional.answer_checks import check_answer
from wms_soap.security.wssecurity import PASSWORD_DIGEST, PASSWORD_TEXT, WSSE, WSU

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
WSI = "http://ongoingsystems.se/WSI"
NS = {"s11": SOAP11, "s12": SOAP12, "wsi": WSI}


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes

    @property
    def xml(self) -> etree._Element:
        return etree.fromstring(self.body)

    def fault(self) -> tuple[str, str]:
        """(faultcode text, faultstring) of a SOAP 1.1 fault, or (Code/Value[/Subcode/Value], Reason) of 1.2."""
        root = self.xml
        fault = root.find(".//s11:Fault", NS)
        if fault is not None:
            return fault.findtext("faultcode") or "", fault.findtext("faultstring") or ""
        fault = root.find(".//s12:Fault", NS)
        assert fault is not None, self.body
        codes = [v.text or "" for v in fault.iter(f"{{{SOAP12}}}Value")]
        return "/".join(codes), fault.findtext(".//s12:Text", namespaces=NS) or ""


def post(
    url: str,
    body: bytes,
    *,
    soap12: bool = False,
    action: str | None = None,
    chunked: bool = False,
) -> Response:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    content_type = "application/soap+xml; charset=utf-8" if soap12 else "text/xml; charset=utf-8"
    if soap12 and action:
        content_type += f'; action="{action}"'
    headers = {"Content-Type": content_type}
    if action is not None and not soap12:
        headers["SOAPAction"] = f'"{action}"'
    try:
        try:
            if chunked:
                connection.request("POST", parts.path, body=iter([body]), headers=headers, encode_chunked=True)
            else:
                connection.request("POST", parts.path, body=body, headers=headers)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered (413) before reading the whole body; its answer is still there to read
        answer = connection.getresponse()
        content = answer.read()
        check_answer(content)
        return Response(answer.status, answer.getheader("Content-Type") or "", content)
    finally:
        connection.close()


def envelope(body: str, header: str = "", *, soap12: bool = False) -> bytes:
    ns = SOAP12 if soap12 else SOAP11
    head = f"<soap:Header>{header}</soap:Header>" if header else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{ns}" xmlns:tns="{WSI}">'
        f"{head}<soap:Body>{body}</soap:Body></soap:Envelope>"
    ).encode()


def operation(name: str, **children: str | int | None) -> str:
    inner = "".join(f"<tns:{key}>{value}</tns:{key}>" for key, value in children.items() if value is not None)
    return f"<tns:{name}>{inner}</tns:{name}>"


def created_text(offset_seconds: int = 0, zulu: bool = False) -> str:
    moment = (datetime.now(UTC) + timedelta(seconds=offset_seconds)).replace(microsecond=0)
    text = moment.isoformat()
    return text.replace("+00:00", "Z") if zulu else text


def digest_of(nonce: bytes, created: str, secret: str) -> str:
    return base64.b64encode(hashlib.sha1(nonce + created.encode() + secret.encode()).digest()).decode()


def security_header(
    username: str,
    password: str,
    *,
    digest: bool = False,
    nonce: bytes | None = None,
    created: str | None = None,
    password_type: str | None = None,
    nonce_text: str | None = None,
    must_understand: bool = False,
) -> str:
    """A wsse:Security header; with ``digest`` the password is the digest secret and Nonce/Created are added."""
    if digest:
        nonce = nonce if nonce is not None else os.urandom(16)
        created = created if created is not None else created_text()
        password = digest_of(nonce, created, password)
    kind = password_type or (PASSWORD_DIGEST if digest else PASSWORD_TEXT)
    parts = [f"<wsse:Username>{username}</wsse:Username>", f'<wsse:Password Type="{kind}">{password}</wsse:Password>']
    if nonce is not None or nonce_text is not None:
        parts.append(f"<wsse:Nonce>{nonce_text or base64.b64encode(nonce or b'').decode()}</wsse:Nonce>")
    if created is not None:
        parts.append(f"<wsu:Created>{created}</wsu:Created>")
    mu = ' soap:mustUnderstand="1"' if must_understand else ""
    return (
        f'<wsse:Security xmlns:wsse="{WSSE}" xmlns:wsu="{WSU}"{mu}>'
        f"<wsse:UsernameToken>{''.join(parts)}</wsse:UsernameToken></wsse:Security>"
    )
