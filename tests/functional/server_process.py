"""``wms-soap``'s app in a server process of its own (waitress on a free port), configured by WMS_* variables."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

SERVER = """
import sys, waitress
from wms_soap.app import create_app
from wms_soap.config import load_settings
settings = load_settings()
server = waitress.create_server(create_app(settings), host="127.0.0.1", port=0)
print(server.effective_port, flush=True)
server.run()
"""


def start_server(settings: Any, database_url: str, extra_env: Mapping[str, str] | None = None) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "WMS_DATABASE_URL": database_url,
        "WMS_SECRET_KEY": settings.secret_key,
        "WMS_DATA_DIR": str(settings.data_dir),
        "WMS_WAREHOUSE": settings.warehouse or "",
        **(extra_env or {}),
    }
    return subprocess.Popen([sys.executable, "-c", SERVER], env=env, stdout=subprocess.PIPE, text=True)


def service_url(process: subprocess.Popen[str]) -> str:
    """The SOAP address of a started server (waits for it to listen)."""
    assert process.stdout is not None
    return f"http://127.0.0.1:{int(process.stdout.readline())}/service.asmx"


def stop_server(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.wait(timeout=30)
    if process.stdout is not None:
        process.stdout.close()
