"""Microbenchmark: what does authentication add to a SOAP call once the password verification is cached?

Calls the goods-owner WSGI application in-process (no sockets) on a fresh SQLite database, the same operation
(GetSystemStatus, which answers with or without credentials) three ways:
  - without credentials (the baseline: same parsing, dispatch, answer and audit row, no authentication),
  - with a WS-Security PasswordText header (verified once, then from the cache),
  - with body credentials (UserName/Password),
and, one level down, ``Authenticator.authenticate()`` with a warm cache (as the edge calls it) against a cold one.

Robust on a shared machine: the variants run in short blocks, interleaved, in a rotating order, for many rounds.
Each round gives one paired difference (variant median minus baseline median of that round), so load that drifts
between rounds cancels out; the result is the median of those differences with its 10-90 % spread over rounds.
The load average before and after is printed with the result.

Run:  .venv/bin/python bench/auth_cache.py [--rounds 60] [--block 50]
"""

import argparse
import gc
import io
import os
import platform
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
from wms_soap.soap.service.wsgi import create_goods_owner_app
from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import upgrade

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
PASSWORD = "bench password 1234"
SECRET_KEY = "bench-secret-key"
BASELINE = "GetSystemStatus, no credentials (baseline)"
WSSE_CASE = "same + wsse PasswordText header (cached)"
BODY_CASE = "same + body UserName/Password (cached)"


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
        answer = b"".join(app(environ, lambda line, headers, exc_info=None: status.append(line)))
        assert status[0].startswith("200") and b"SystemStatusText" in answer, (status, answer[:300])

    return call


def timed_block(func: Callable[[], Any], block: int) -> list[float]:
    """µs per call for ``block`` consecutive calls."""
    samples = []
    for _ in range(block):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1e6)
    return samples


def paired_rounds(funcs: dict[str, Callable[[], Any]], rounds: int, block: int) -> dict[str, list[float]]:
    """Per round, the median µs per call of each case; the cases take turns in blocks, in a rotating order."""
    names = list(funcs)
    for func in funcs.values():
        for _ in range(block):
            func()  # warm up: fills the verification cache, compiles the statements
    medians: dict[str, list[float]] = {name: [] for name in names}
    for number in range(rounds):
        order = names[number % len(names):] + names[:number % len(names)]
        for name in order:
            medians[name].append(statistics.median(timed_block(funcs[name], block)))
    return medians


def spread(values: list[float]) -> tuple[float, float, float]:
    """Median and the 10th/90th percentiles."""
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    return statistics.median(values), deciles[0], deciles[-1]


def build_app(tmp: str) -> tuple[Any, Any, Any]:
    from tests.functional.security_accounts import make_accounts

    settings = load_settings(env={"WMS_DATA_DIR": tmp, "WMS_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
                                  "WMS_SECRET_KEY": SECRET_KEY, "WMS_PUBLIC_URL": "http://localhost"})
    engine = create_engine_for(settings.database_url)
    upgrade(engine)
    session_factory = make_session_factory(engine)
    make_accounts(session_factory, SECRET_KEY, PASSWORD, "bench digest secret")
    return settings, session_factory, create_goods_owner_app(settings, session_factory)


def request_cases(app: Any) -> dict[str, Callable[[], None]]:
    header = (f'<w:Security xmlns:w="{WSSE}"><w:UsernameToken><w:Username>WSIshop</w:Username>'
              f"<w:Password>{PASSWORD}</w:Password></w:UsernameToken></w:Security>")
    body_credentials = f"<t:UserName>WSIshop</t:UserName><t:Password>{PASSWORD}</t:Password>"
    return {
        BASELINE: caller(app, envelope()),
        WSSE_CASE: caller(app, envelope(header)),
        BODY_CASE: caller(app, envelope(body_extra=body_credentials)),
    }


def authenticate_cases(settings: Any, session_factory: Any) -> dict[str, Callable[[], None]]:
    authenticator = Authenticator(settings, session_factory)
    engine = session_factory.kw["bind"]
    credentials = Credentials("WSIshop", PASSWORD)

    def warm() -> None:
        authenticator.authenticate(engine, credentials, face="goods_owner")

    def cold() -> None:
        authenticator.cache.clear()
        warm()

    return {"Authenticator.authenticate, warm cache": warm, "Authenticator.authenticate, cold (argon2id)": cold}


def report(requests: dict[str, list[float]], direct: dict[str, list[float]], rounds: int, block: int) -> None:
    baseline = requests[BASELINE]
    print(f"{'case':48} {'median µs/call':>15} {'+ vs baseline: median [p10, p90] µs':>38}")
    for name, medians in requests.items():
        extra = ""
        if name != BASELINE:
            mid, low, high = spread([m - b for m, b in zip(medians, baseline, strict=True)])
            extra = f"{mid:+8.0f} [{low:+6.0f}, {high:+6.0f}]"
        print(f"{name:48} {statistics.median(medians):15.0f} {extra:>38}")
    for name, medians in direct.items():
        print(f"{name:48} {statistics.median(medians):15.0f}")
    print(f"({rounds} rounds x {block} calls per case and round; the differences are paired per round)")


def main(argv: list[str] | None = None) -> int:
    # Spyne runs a full gc.collect() at most once a second after a request (spyne.context), which `serve` switches off
    # (the app does it too); freezing start-up objects is what `serve` does after start-up.
    spyne_const.MIN_GC_INTERVAL = float("inf")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=60, help="interleaved rounds (default 60)")
    parser.add_argument("--block", type=int, default=50, help="calls per case and round (default 50)")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        settings, session_factory, app = build_app(tmp)
        gc.collect()
        gc.freeze()
        requests = paired_rounds(request_cases(app), args.rounds, args.block)
        cases = authenticate_cases(settings, session_factory)
        direct = paired_rounds({name: cases[name] for name in list(cases)[:1]}, args.rounds, args.block)
        direct.update(paired_rounds({name: cases[name] for name in list(cases)[1:]}, 3, 5))
    load_after = os.getloadavg()
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, SQLite; load average before "
          f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, after "
          f"{load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    report(requests, direct, args.rounds, args.block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
