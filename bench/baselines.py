"""The two floors every run is compared with, each served by waitress exactly as the real server is.

- ``http``: a bare WSGI app that reads the request body and answers a fixed SOAP envelope (the HTTP floor:
  waitress + the load generator, nothing else);
- ``echo``: a bare Spyne service (SOAP 1.1, document/literal wrapped) whose one operation echoes a string (the
  framework floor: Spyne parsing, dispatch and serialization of a tiny message).

Run one:  ``python -m bench.baselines echo --threads 4`` prints ``READY <url>`` once it listens (port 0 by default).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from typing import Any

FIXED_RESPONSE = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
    b'<GetSystemStatusResponse xmlns="http://ongoingsystems.se/WSI"><GetSystemStatusResult>'
    b"<IsOk>true</IsOk><Message>ok</Message></GetSystemStatusResult></GetSystemStatusResponse>"
    b"</soap:Body></soap:Envelope>"
)
ECHO_NS = "http://bench.wms-soap/echo"


def http_floor_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """Read the whole body (as any SOAP server must), answer the fixed envelope."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    environ["wsgi.input"].read(length)
    start_response("200 OK", [("Content-Type", "text/xml; charset=utf-8"),
                              ("Content-Length", str(len(FIXED_RESPONSE)))])
    return [FIXED_RESPONSE]


def spyne_echo_app() -> Any:
    """A one-operation Spyne application on the same Soap11 protocol family the real service uses."""
    from spyne import Application, Service, Unicode, rpc
    from spyne.protocol.soap import Soap11
    from spyne.server.wsgi import WsgiApplication

    class EchoService(Service):
        @rpc(Unicode, _returns=Unicode)
        def Echo(ctx: Any, text: str) -> str:  # the SOAP operation name
            return text

    application = Application([EchoService], tns=ECHO_NS, name="Echo",
                              in_protocol=Soap11(validator=None), out_protocol=Soap11())
    return WsgiApplication(application)


def echo_envelope(text: str = "ping") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">'
            f'<s:Body><Echo xmlns="{ECHO_NS}"><text>{text}</text></Echo></s:Body></s:Envelope>').encode()


def main(argv: list[str] | None = None) -> int:
    from waitress.server import create_server

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=["http", "echo"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    app = http_floor_app if args.kind == "http" else spyne_echo_app()
    server = create_server(app, host=args.host, port=args.port, threads=args.threads)
    print(f"READY http://{args.host}:{server.effective_port}/", flush=True)
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
