"""``wms-soap serve`` and ``wms-soap demo`` as real processes on port 0: they print where they listen, answer, and
stop cleanly on SIGTERM. Output is read line by line with a deadline; nothing sleeps."""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import zeep

from wms_soap.config import Settings

STARTUP_SECONDS = 120


class ServerProcess:
    """A ``wms-soap`` subprocess whose stdout lines arrive on a queue (read by a thread, so reads can time out)."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wms_soap", *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self._pump_thread = threading.Thread(target=self._pump, daemon=True)
        self._pump_thread.start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, prefix: str) -> str:
        while True:
            try:
                line = self.lines.get(timeout=STARTUP_SECONDS)
            except queue.Empty:
                raise AssertionError(f"no line starting {prefix!r} in {STARTUP_SECONDS}s; got {self.seen}") from None
            if line is None:
                stderr = self.process.stderr.read() if self.process.stderr else ""
                raise AssertionError(f"the server ended before printing {prefix!r}: {self.seen} {stderr}")
            self.seen.append(line)
            if line.strip().startswith(prefix):
                return line.strip()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=60)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._pump_thread.join(timeout=60)  # the pipe reaches EOF once the process is gone
            for stream in (self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()
        return status


@pytest.fixture
def server_env(settings: Settings, tmp_path: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("WMS_")}
    env.update(WMS_DATA_DIR=str(tmp_path / "demo-var"), WMS_SECRET_KEY=settings.secret_key, WMS_THREADS="2")
    return env


@pytest.fixture
def started() -> Iterator[list[ServerProcess]]:
    processes: list[ServerProcess] = []
    yield processes
    for process in processes:
        process.stop()


def get_json(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        result: dict[str, object] = json.loads(response.read())
        return result


def test_serve_answers_on_port_0_and_stops_on_sigterm(server_env: dict[str, str], database_url: str,
                                                      started: list[ServerProcess]) -> None:
    server = ServerProcess(["serve", "--port", "0"], {**server_env, "WMS_DATABASE_URL": database_url})
    started.append(server)
    base = server.wait_for("Serving on ").removeprefix("Serving on ")
    assert base.startswith("http://127.0.0.1:") and not base.endswith(":0")
    assert get_json(f"{base}/health")["database"] == "ok"
    with urllib.request.urlopen(f"{base}/demo/service.asmx?wsdl", timeout=60) as response:
        assert f'location="{base}/demo/service.asmx"'.encode() in response.read()
    assert server.stop() == 0
    assert server.wait_for("Stopped") == "Stopped"


def test_admin_service_on_its_own_port(server_env: dict[str, str], database_url: str,
                                       started: list[ServerProcess]) -> None:
    env = {**server_env, "WMS_DATABASE_URL": database_url, "WMS_ADMIN_PORT": "0"}
    server = ServerProcess(["serve", "--port", "0"], env)
    started.append(server)
    admin = server.wait_for("Admin service on ").removeprefix("Admin service on ")
    base = server.wait_for("Serving on ").removeprefix("Serving on ")
    assert not admin.startswith(base)
    with urllib.request.urlopen(f"{admin}?wsdl", timeout=60) as response:
        assert f'location="{admin}"'.encode() in response.read()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{base}/admin/service.asmx?wsdl", timeout=30)
    refused.value.close()
    assert refused.value.code == 404
    assert server.stop() == 0


def test_serve_refuses_an_uninitialised_database(server_env: dict[str, str], tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "wms_soap", "serve", "--port", "0"], env=server_env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "wms-soap: error: The database schema is behind this version of wms-soap: run `wms-soap init` to upgrade it"
    ]


def test_demo_seeds_prints_credentials_and_serves(server_env: dict[str, str], started: list[ServerProcess]) -> None:
    demo = ServerProcess(["demo", "--port", "0"], server_env)
    started.append(demo)
    service = demo.wait_for("Service URL:").split(": ", 1)[1].strip()
    wsdl = demo.wait_for("WSDL URL:").split(": ", 1)[1].strip()
    assert wsdl == f"{service}?wsdl"
    assert demo.wait_for("GoodsOwnerCode:") == "GoodsOwnerCode: DEMO"
    credentials = demo.wait_for("WSIDEMO ").split()
    username, password = credentials[0], credentials[2]
    base = demo.wait_for("Serving on ").removeprefix("Serving on ")
    assert service == f"{base}/demo/service.asmx"
    client = zeep.Client(wsdl)
    status = client.service.GetSystemStatus()
    assert status is not None
    result = client.service.GetOrdersByQuery(GoodsOwnerCode="DEMO", UserName=username, Password=password,
                                             query={})
    assert len(result) >= 1
    assert demo.stop() == 0
    assert (Path(server_env["WMS_DATA_DIR"]) / "wms.sqlite3").exists()
