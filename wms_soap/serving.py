"""Running the WSGI app on waitress: bound first (so port 0 is resolved before anything is built), then served, and
stopped cleanly from any thread. Used by ``wms-soap serve``/``demo`` and by the tests' ``live_server``."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from typing import Any

import waitress
from waitress.server import BaseWSGIServer

from wms_soap.config import Settings
from wms_soap.security import audit

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _not_ready(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain"), ("Content-Length", "10")])
    return [b"Starting\r\n"]


class BoundServer:
    """A waitress server whose socket is bound (``port`` known) but which serves only after ``start``/``run``."""

    def __init__(self, settings: Settings, *, host: str, port: int, threads: int) -> None:
        server = waitress.create_server(
            _not_ready, host=host, port=port, threads=threads, max_request_body_size=settings.max_body_bytes,
            ident="wms-soap", clear_untrusted_proxy_headers=True,
        )
        if not isinstance(server, BaseWSGIServer):  # one address gives one server
            raise TypeError(f"expected one listening socket for {host}:{port}")
        self.server = server
        self.host = host
        self.port: int = int(server.effective_port)
        self._thread: threading.Thread | None = None
        self._stopping = False

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def mount(self, app: WsgiApp) -> None:
        self.server.application = app

    def run(self) -> None:
        """Serve in this thread until ``stop`` is called (or the loop is interrupted)."""
        try:
            self.server.run()
        except (OSError, ValueError):
            if not self._stopping:  # descriptors closed by ``stop`` from another thread end the loop this way
                raise
        finally:
            self.server.task_dispatcher.shutdown()

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self.run, name=f"waitress-{self.port}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Close the listening socket and every connection inside the loop's own thread, wait for it, then write the
        audit rows still queued (``security.audit``)."""
        thread, self._thread = self._thread, None
        self._stopping = True
        if thread is None or not thread.is_alive():
            self._close_all()
        else:
            try:
                self.server.trigger.pull_trigger(self._close_all)
            except OSError:  # the wake-up pipe is gone: close from here; the loop notices within its select timeout
                self._close_all()
            thread.join(timeout=30)
        audit.flush_all()

    def _close_all(self) -> None:
        for channel in list(self.server._map.values()):
            try:
                if channel is self.server:
                    channel.close()  # the listener: its handle_close would only log "unhandled close event"
                else:
                    channel.handle_close()
            except OSError:  # a descriptor was closed underneath us: drop the channel and what it still holds
                self.server._map.pop(channel._fileno, None)
                with contextlib.suppress(OSError, AttributeError):
                    channel.socket.close()
