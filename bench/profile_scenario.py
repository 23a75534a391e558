"""Profile one scenario in-process (no sockets, no client): where does the server's time go?

    .venv/bin/python -m bench.profile_scenario orders_query_100 --calls 20 --orders 1200

Seeds a fresh SQLite database like ``bench.run`` does, builds the WSGI app with ``create_app`` (exactly what
``wms-soap serve`` serves), replays the scenario's requests through it under pyinstrument, and writes
``bench/results/profile-<scenario>.txt`` (``--html``: also the interactive ``.html``), with the CPU time per
phase measured without the profiler. bench/README.md analyses these.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import io
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import spyne.const
from pyinstrument import Profiler

from bench import run
from bench.loadgen import Request, RequestSource
from bench.servers import wms_environment
from wms_soap.app import create_app
from wms_soap.config import load_settings


def wsgi_caller(app: Any, url_path: str) -> Callable[[Request], bytes]:
    def call(request: Request) -> bytes:
        environ = {
            "REQUEST_METHOD": "POST", "PATH_INFO": url_path, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http", "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_TYPE": request.headers["Content-Type"], "CONTENT_LENGTH": str(len(request.body)),
            "HTTP_SOAPACTION": request.headers.get("SOAPAction", ""), "wsgi.input": io.BytesIO(request.body),
            "wsgi.errors": sys.stderr,
        }
        status: list[str] = []
        body = b"".join(app(environ, lambda line, headers, exc_info=None: status.append(line)))
        if not status[0].startswith("200"):
            raise RuntimeError(f"{status[0]}: {body[:500]!r}")
        return body
    return call


def replay(call: Callable[[Request], bytes], source: RequestSource, calls: int) -> float:
    source.start(0, 1)
    previous = None
    started = time.perf_counter()
    for _ in range(calls):
        request = source.next(previous)
        assert request is not None
        previous = call(request)
    return (time.perf_counter() - started) / calls


PHASES = (
    ("parse (bytes -> lxml tree, envelope checks)", "wms_soap.soap.protocol", "_HardenedSoap", "create_in_document"),
    ("auth (credentials, cached verification)", "wms_soap.soap.auth", "SoapEdge", "before_body"),
    ("SQL (order rows, Core)", "wms_soap.services.orders.views", None, "query_orders"),
    ("SQL (order rows, Core)", "wms_soap.services.orders.views", None, "get_order_by_number"),
    ("SQL + ORM objects", "wms_soap.services.inventory.inventory", None, "inventory"),
    ("rows -> Spyne objects", "wms_soap.soap.service.convert.orders_out", None, "order_out"),
    ("ORM -> Spyne objects", "wms_soap.soap.service.convert.inventory", None, "inventory_result"),
    ("handler (all of the above two + the rest)", "wms_soap.soap.service.dispatch", "OperationDispatcher", "__call__"),
    ("serialization (Spyne objects -> bytes)", "wms_soap.soap.fastxml", "FastSerializeMixin", "serialize"),
    ("serialization (Spyne objects -> bytes)", "wms_soap.soap.fastxml", "FastSerializeMixin", "create_out_string"),
    ("audit row (queued; a background thread writes the batches)", "wms_soap.security.audit", "AuditWriter",
     "write"),
)
"""(phase, module, class or None, function): thread CPU time is summed per phase around these calls."""


@contextmanager
def phase_clock() -> Iterator[dict[str, float]]:
    """Sum the thread CPU time spent in each phase while the block runs (the functions are wrapped, then restored)."""
    spent: dict[str, float] = defaultdict(float)
    restore = []
    for phase, module_name, class_name, function in PHASES:
        owner = importlib.import_module(module_name)
        if class_name is not None:
            owner = getattr(owner, class_name)
        original = getattr(owner, function, None)
        if original is None:
            continue
        setattr(owner, function, _timed(original, phase, spent))
        restore.append((owner, function, original))
    try:
        yield spent
    finally:
        for owner, function, original in reversed(restore):
            setattr(owner, function, original)


def _timed(function: Callable[..., Any], phase: str, spent: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[phase] += time.thread_time() - started
    return timed


def phases(call: Callable[[Request], bytes], source: RequestSource, calls: int) -> str:
    """CPU per call and per phase, with the interpreter's default GC and with the tuned one."""
    lines = []
    for label, tuned in (("default GC", False), ("as `serve` runs it: Spyne's per-second gc.collect() off, "
                                                  "start-up objects frozen", True)):
        if tuned:
            spyne.const.MIN_GC_INTERVAL = float("inf")
            gc.collect()
            gc.freeze()
        with phase_clock() as spent:
            started = time.thread_time()
            replay(call, source, calls)
            total = (time.thread_time() - started) / calls
        lines.append(f"{label}: {total * 1000:.1f} ms CPU per call")
        for phase, seconds in spent.items():
            lines.append(f"  {phase:<48} {seconds / calls * 1000:8.1f} ms  {seconds / calls / total * 100:4.0f} %")
    gc.unfreeze()
    spyne.const.MIN_GC_INTERVAL = 1.0
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    multi_client = ("web_shop_mix", "orders_query_100_one_client")
    parser.add_argument("scenario", choices=[s for s in run.SCENARIOS if s not in multi_client])
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--orders", type=int, default=1200)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=run.RESULTS)
    parser.add_argument("--html", action="store_true", help="also write the interactive HTML profile (megabytes)")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--pg-url", default=os.environ.get("WMS_BENCH_PG_URL", run.DEFAULT_PG_URL),
                        help="with --db postgres: a database the profiler DROPS and recreates")
    args = parser.parse_args(argv)
    options = run.Options(seconds=1, clients=1, threads=1, articles=args.articles, orders=args.orders,
                          page_size=args.page_size, mix_clients=1, mix_seconds=1, scale=[], scale_seconds=1,
                          scenarios=[args.scenario], scale_only=False)
    with tempfile.TemporaryDirectory(prefix="wms-profile-") as tmp, \
            run.fresh_database(args.db, Path(tmp), args.pg_url) as url:
        data = run.seed_dataset(url, options)
        no_cache = run.NO_ANSWER_CACHE if args.scenario in run.UNCACHED else {}  # as bench.run serves them
        settings = load_settings(env={**wms_environment(url, Path(tmp), 8080, 1, "bench"), **no_cache})
        call = wsgi_caller(create_app(settings), "/bench/service.asmx")
        source = run.scenario_sources(data, options, run_tag="prof")[args.scenario][0]
        replay(call, source, 3)  # warm up: caches, plans, first queries
        profiler = Profiler(interval=0.0005)
        profiler.start()
        mean = replay(call, source, args.calls)
        profiler.stop()
        breakdown = phases(call, source, args.calls)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / (f"profile-{args.scenario}" + ("-postgres" if args.db == "postgres" else ""))
    header = (f"scenario {args.scenario} ({args.db}): {args.calls} calls in-process (no sockets), mean "
              f"{mean * 1000:.1f} ms wall per call under pyinstrument; load average {os.getloadavg()}\n\n"
              f"CPU time per phase (thread_time, without the profiler):\n{breakdown}\n")
    stem.with_suffix(".txt").write_text(header + profiler.output_text(unicode=False, color=False, show_all=False))
    if args.html:
        stem.with_suffix(".html").write_text(profiler.output_html())
    print(header.strip(), "->", stem.with_suffix(".txt"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
