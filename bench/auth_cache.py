"""Microbenchmark: what does authentication add to a SOAP call once the password verification is cached?

Calls the goods-owner WSGI application in-process (no sockets) on a fresh SQLite database:
  - GetSystemStatus without credentials (the baseline: same parsing, dispatch, audit row),
  - the same call with a WS-Security PasswordText header (verified, then cached),
  - the same call with body credentials (UserName/Password),
and, one level down, Authenticator.authenticate() with a warm cache against a cold one (argon2id).

Run:  .venv/bin/python bench/auth_cache.py [--calls 2000]
"""

import argparse
import gc
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spyne import const as spyne_const

from wms_soap.config import load_settings
from wms_soap.security.authenticator import Authenticator, Credentials
from wms_soap.soap.wsgi import create_goods_owner_app
from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import upgrade

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
PASSWORD = "bench password 1234"


def envelope(header: str = "", body_extra: str = "") -> bytes:
    head = f"<s:Header>{header}</s:Header>" if header else ""
    return (
        f'<s:Envelope xmlns:s="{SOAP}" xmlns:t="http://ongoingsystems.se/WSI">{head}<s:Body>'
        f"<t:GetSystemStatus>{body_extra}</t:GetSystemStatus></s:Body></s:Envelope>"
    ).encode()


def caller(app: Any, body: bytes) -> Callable[[], None]:
    def call() -> None:
        environ = {
            "REQUEST_METHOD": "POST", "CONTENT_TYPE": "text/xml; charset=utf-8", "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body), "PATH_INFO": "/service.asmx", "QUERY_STRING": "",
            "SERVER_NAME": "localhost", "SERVER_PORT": "80", "wsgi.url_scheme": "http", "REMOTE_ADDR": "127.0.0.1",
        }
        status: list[str] = []
        b"".join(app(environ, lambda line, headers, exc_info=None: status.append(line)))
        assert status[0].startswith("200"), status

    return call


def interleaved(funcs: dict[str, Callable[[], Any]], calls: int, block: int = 100) -> dict[str, list[float]]:
    """Run the cases in alternating blocks of ``block`` calls (so that drifting machine load hits them alike, without
    switching the kind of request on every call); µs per call for each."""
    for func in funcs.values():
        func()  # warm up (fills the verification cache)
    samples: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(max(1, calls // block)):
        for name, func in funcs.items():
            for _ in range(min(block, calls)):
                start = time.perf_counter()
                func()
                samples[name].append((time.perf_counter() - start) * 1e6)
    return samples


def seed(session_factory: Any) -> None:
    from tests.functional.security_accounts import make_accounts

    make_accounts(session_factory, SECRET_KEY, PASSWORD, "bench digest secret")


SECRET_KEY = "bench-secret-key"


def main(argv: list[str] | None = None) -> int:
    # Spyne runs a full gc.collect() at most once a second after a request (spyne.context); with the generated types
    # loaded that takes hundreds of ms and would swamp what is measured here, so it is switched off for the bench.
    spyne_const.MIN_GC_INTERVAL = float("inf")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=2000)
    calls = parser.parse_args(argv).calls
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(env={"WMS_DATA_DIR": tmp, "WMS_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
                                      "WMS_SECRET_KEY": SECRET_KEY, "WMS_PUBLIC_URL": "http://localhost"})
        engine = create_engine_for(settings.database_url)
        upgrade(engine)
        session_factory = make_session_factory(engine)
        seed(session_factory)
        app = create_goods_owner_app(settings, session_factory)
        gc.freeze()  # the long-lived objects (generated types, app) out of the collector's way, as a server would
        header = (f'<w:Security xmlns:w="{WSSE}"><w:UsernameToken><w:Username>WSIshop</w:Username>'
                  f"<w:Password>{PASSWORD}</w:Password></w:UsernameToken></w:Security>")
        body_credentials = f"<t:UserName>WSIshop</t:UserName><t:Password>{PASSWORD}</t:Password>"
        rows = interleaved({
            "GetSystemStatus, no credentials (baseline)": caller(app, envelope()),
            "same + wsse PasswordText header (cached)": caller(app, envelope(header)),
            "same + body UserName/Password (cached)": caller(app, envelope(body_extra=body_credentials)),
        }, calls)
        authenticator = Authenticator(settings, session_factory)

        def authenticate() -> None:
            with session_factory() as session:
                authenticator.authenticate(session, Credentials("WSIshop", PASSWORD), face="goods_owner")

        def authenticate_cold() -> None:
            authenticator.cache.clear()
            authenticate()

        rows.update(interleaved({"Authenticator.authenticate, warm cache": authenticate}, calls))
        rows.update(interleaved({"Authenticator.authenticate, cold (argon2id)": authenticate_cold}, 20))
    baseline = statistics.median(next(iter(rows.values())))
    print(f"{'case':48} {'median µs':>10} {'mean µs':>10} {'+ vs baseline µs':>17}")
    for name, samples in rows.items():
        median = statistics.median(samples)
        extra = f"{median - baseline:17.0f}" if name.startswith("same") else f"{'':>17}"
        print(f"{name:48} {median:10.0f} {statistics.fmean(samples):10.0f} {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
