"""The load generator: N client processes, one keep-alive HTTP/1.1 connection each, for a fixed time.

Why a Python client and not wrk: wrk is not installed on these machines (it needs apt), and the scenarios need
per-request logic that wrk's Lua hooks do poorly: unique order numbers for ProcessOrder, following the paging
cursor of the previous GetInventoryByQuery answer, and checking every answer body (a SOAP fault or
``Success=false`` is an error even with HTTP 200). Each client is its own process (``http.client`` with a
persistent connection), so the clients do not share a GIL with each other or with the server. The client's own
cost is measured by the HTTP-floor baseline in the same run (a fixed answer from bare waitress).
"""

from __future__ import annotations

import http.client
import math
import multiprocessing
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

ERROR_MARKERS = (b":Fault>", b"<Fault>")
"""A SOAP fault is an error even with HTTP 200; in-band failures are caught by each request's ``must_contain``."""


@dataclass(frozen=True)
class Request:
    """One SOAP request and what its answer must contain."""

    body: bytes
    headers: dict[str, str]
    must_contain: bytes = b""


class RequestSource(Protocol):
    """Makes the requests of one client (in the client's process; must be picklable)."""

    def start(self, client: int, clients: int) -> None:
        """Called once in the client process before the first request."""

    def next(self, previous: bytes | None) -> Request | None:
        """The next request, given the previous answer's body; ``None`` ends this client early."""


@dataclass
class ClientResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    response_bytes: int = 0
    started: float = 0.0
    finished: float = 0.0


@dataclass(frozen=True)
class LoadResult:
    """What one scenario measured."""

    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    mean_response_bytes: float
    clients: int
    error_samples: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values (0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def summarize(results: Sequence[ClientResult], clients: int) -> LoadResult:
    latencies = sorted(lat for result in results for lat in result.latencies_ms)
    count = len(latencies)
    started = min((r.started for r in results if r.latencies_ms), default=0.0)
    finished = max((r.finished for r in results if r.latencies_ms), default=0.0)
    seconds = max(finished - started, 1e-9)
    errors = sum(r.errors for r in results)
    samples = tuple(s for r in results for s in r.error_samples)[:5]
    total_bytes = sum(r.response_bytes for r in results)
    return LoadResult(
        requests=count, errors=errors, seconds=round(seconds, 3), rps=round(count / seconds, 1) if count else 0.0,
        p50_ms=round(percentile(latencies, 0.50), 2), p95_ms=round(percentile(latencies, 0.95), 2),
        p99_ms=round(percentile(latencies, 0.99), 2),
        mean_ms=round(sum(latencies) / count, 2) if count else 0.0, max_ms=round(latencies[-1], 2) if count else 0.0,
        mean_response_bytes=round(total_bytes / count) if count else 0.0, clients=clients, error_samples=samples,
    )


class _Connection:
    """One persistent HTTP/1.1 connection, reopened if the server closed it."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.path = parts.path or "/"
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def post(self, request: Request) -> tuple[int, bytes]:
        try:
            return self._post(request)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            return self._post(request)

    def _post(self, request: Request) -> tuple[int, bytes]:
        self.conn.request("POST", self.path, body=request.body, headers=request.headers)
        response = self.conn.getresponse()
        return response.status, response.read()


def _failure(status: int, body: bytes, request: Request) -> str | None:
    if status != 200:
        return f"HTTP {status}: {body[:300]!r}"
    if any(marker in body for marker in ERROR_MARKERS):
        return f"error in answer: {body[:300]!r}"
    if request.must_contain and request.must_contain not in body:
        return f"missing {request.must_contain!r}: {body[:300]!r}"
    return None


def _client(url: str, source: RequestSource, client: int, clients: int, seconds: float, max_requests: int | None,
            warmup: int, barrier: Any, queue: Any) -> None:
    result = ClientResult()
    try:
        source.start(client, clients)
        connection = _Connection(url)
        previous: bytes | None = None
        for _ in range(warmup):
            request = source.next(previous)
            if request is None:
                break
            _, previous = connection.post(request)
        barrier.wait()
        _measure(connection, source, seconds, max_requests, result)
        connection.conn.close()
    except Exception as error:  # a crashed client is an error of the run, not a silent gap
        result.errors += 1
        result.error_samples.append(f"client {client} crashed: {error!r}")
        barrier.abort()
    queue.put(result)


def _measure(connection: _Connection, source: RequestSource, seconds: float, max_requests: int | None,
             result: ClientResult) -> None:
    clock = time.perf_counter
    result.started = clock()
    deadline = result.started + seconds
    previous: bytes | None = None
    while clock() < deadline and (max_requests is None or len(result.latencies_ms) < max_requests):
        request = source.next(previous)
        if request is None:
            break
        before = clock()
        status, previous = connection.post(request)
        result.latencies_ms.append((clock() - before) * 1000.0)
        result.response_bytes += len(previous)
        problem = _failure(status, previous, request)
        if problem is not None:
            result.errors += 1
            if len(result.error_samples) < 3:
                result.error_samples.append(problem)
    result.finished = clock()


def run_load(url: str, source: RequestSource, *, clients: int, seconds: float, max_requests: int | None = None,
             warmup: int = 3) -> LoadResult:
    """Run ``clients`` processes against ``url`` for ``seconds`` (or ``max_requests`` each), then summarize."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(clients)
    queue = context.Queue()
    processes = [context.Process(target=_client, args=(url, source, index, clients, seconds, max_requests, warmup,
                                                       barrier, queue), daemon=True) for index in range(clients)]
    for process in processes:
        process.start()
    results = [queue.get(timeout=seconds + 600) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    return summarize(results, clients)
