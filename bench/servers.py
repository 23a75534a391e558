"""Servers under test, each a subprocess: the two baselines and ``wms-soap serve`` as in production."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT = 90.0


@dataclass
class RunningServer:
    url: str
    """The SOAP endpoint."""
    process: subprocess.Popen[bytes]

    def peak_rss_mb(self) -> float:
        """The server process's peak resident set size so far (VmHWM), in MiB."""
        return _status_kib(self.process.pid, "VmHWM") / 1024.0

    def rss_mb(self) -> float:
        return _status_kib(self.process.pid, "VmRSS") / 1024.0


def _status_kib(pid: int, key: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return float(line.split()[1])
    except OSError:
        pass
    return 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@contextmanager
def baseline_server(kind: str, *, threads: int) -> Iterator[RunningServer]:
    """``http`` (fixed answer) or ``echo`` (bare Spyne) on waitress; the child reports its port."""
    process = subprocess.Popen([sys.executable, "-m", "bench.baselines", kind, "--threads", str(threads)],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode().strip()
        if not line.startswith("READY "):
            raise RuntimeError(f"baseline {kind} did not start: {line!r}")
        yield RunningServer(url=line.split(" ", 1)[1], process=process)
    finally:
        _stop(process)


def wms_environment(database_url: str, data_dir: Path, port: int, threads: int, warehouse: str) -> dict[str, str]:
    return {
        "WMS_DATABASE_URL": database_url,
        "WMS_DATA_DIR": str(data_dir),
        "WMS_HOST": "127.0.0.1",
        "WMS_PORT": str(port),
        "WMS_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "WMS_WAREHOUSE": warehouse,
        "WMS_THREADS": str(threads),
        "WMS_SECRET_KEY": "bench-secret-key-not-for-production-0123456789",
        "WMS_LOG_LEVEL": "WARNING",
    }


def serve_command() -> list[str]:
    """The ``wms-soap`` console script next to this interpreter (as installed), else ``python -m wms_soap``."""
    script = Path(sys.executable).with_name("wms-soap")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wms_soap"]


@contextmanager
def wms_server(database_url: str, data_dir: Path, *, threads: int, warehouse: str = "bench",
               extra_env: Mapping[str, str] | None = None) -> Iterator[RunningServer]:
    """``wms-soap serve`` as in production, configured through WMS_* variables, on a free port."""
    port = free_port()
    env = {**os.environ, **wms_environment(database_url, data_dir, port, threads, warehouse), **(extra_env or {})}
    log = (data_dir / f"server-{port}.log").open("wb")
    process = subprocess.Popen([*serve_command(), "serve"], cwd=REPO, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(process, port, data_dir / f"server-{port}.log")
        yield RunningServer(url=f"http://127.0.0.1:{port}/{warehouse}/service.asmx", process=process)
    finally:
        _stop(process)
        log.close()


def _wait_healthy(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    """Poll ``/health`` until it answers (the server reports no readiness of its own)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"wms-soap serve exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"wms-soap serve did not answer /health within {START_TIMEOUT} s: {log.read_text()[-2000:]}")
