"""Servers under test, each a subprocess: the two baselines and ``wms-soap serve`` as in production."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


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
        if process.stdout is not None:
            process.stdout.close()


def wms_environment(database_url: str, data_dir: Path, port: int, threads: int, warehouse: str) -> dict[str, str]:
    """The WMS_* configuration of a bench server (port 0: the server picks one and reports it)."""
    return {
        "WMS_DATABASE_URL": database_url,
        "WMS_DATA_DIR": str(data_dir),
        "WMS_HOST": "127.0.0.1",
        "WMS_PORT": str(port),
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
    """``wms-soap serve`` as in production, configured through WMS_* variables, on a port it picks itself.

    Ready when it prints ``Serving on <url>`` (it binds and builds the app first), so no polling is needed."""
    env = {**os.environ, **wms_environment(database_url, data_dir, 0, threads, warehouse), **(extra_env or {})}
    log_path = data_dir / f"server-{time.monotonic_ns()}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen([*serve_command(), "serve"], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                   stderr=log)
        try:
            base = _served_url(process, log_path)
            yield RunningServer(url=f"{base}/{warehouse}/service.asmx", process=process)
        finally:
            _stop(process)
            if process.stdout is not None:
                process.stdout.close()


def _served_url(process: subprocess.Popen[bytes], log_path: Path) -> str:
    assert process.stdout is not None
    for raw in process.stdout:
        line = raw.decode(errors="replace").strip()
        if line.startswith("Serving on "):
            return line.removeprefix("Serving on ").rstrip("/")
    process.wait(timeout=30)
    raise RuntimeError(f"wms-soap serve exited with {process.returncode}: {log_path.read_text()[-3000:]}")
