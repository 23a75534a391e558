"""A storage-lift controller's polling loop on the Automation API, against the bare Spyne echo in the same run.

One cycle is what a lift does per article item put in its input area: GetArticleItemsByQuery (only items to be
handled, at most one) -> ArticleItemInLocationHandled (its ArticleItemInLocationId) -> MoveArticleItem (into the
lift). A controller is one sequential client; ``--clients 2`` adds a second one on a second lift. The database is
fresh (SQLite file, or ``--pg-url``'s database dropped and recreated) and seeded through the services.

    .venv/bin/python -m bench.lift --db sqlite postgres --seconds 10

Writes ``results/lift_loop.json`` and ``.md`` (``--tag`` to name them otherwise).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.loadgen import Request, run_load
from bench.run import fresh_database, machine
from bench.scenarios import spyne_echo
from bench.servers import baseline_server, wms_server

NS = "http://ongoingsystems.se/Automation"
PASSWORD = "bench-lift-password-1"
OUT = Path(__file__).resolve().parent / "results"
_PLACEMENT = re.compile(rb"<(?:\w+:)?ArticleItemInLocationId>(\d+)<")
_ITEM = re.compile(rb"<(?:\w+:)?ArticleItemId>(\d+)<")
"""Any namespace prefix (Spyne writes ``tns:``, ASMX none)."""


def _envelope(operation: str, user: str, payload: str) -> Request:
    body = (f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/'
            f'envelope/"><soap:Body><{operation} xmlns="{NS}"><UserName>{user}</UserName><Password>{PASSWORD}'
            f"</Password>{payload}</{operation}></soap:Body></soap:Envelope>").encode()
    headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{NS}/{operation}"'}
    return Request(body, headers, b"Success>true</")


@dataclass
class LiftLoop:
    """query -> handled -> move, again and again, until the lift's input area is empty."""

    lifts: Sequence[tuple[str, str, str]]
    """(controller username, in-location, store-location) per client"""
    step: int = 0
    user: str = ""
    in_location: str = ""
    store_location: str = ""
    item: bytes = b""

    def start(self, client: int, clients: int) -> None:
        self.user, self.in_location, self.store_location = self.lifts[client % len(self.lifts)]

    def next(self, previous: bytes | None) -> Request | None:
        self.step = (self.step + 1) % 3 if previous is not None else 0
        if self.step == 0:
            return _envelope("GetArticleItemsByQuery", self.user, (
                f"<Query><Locations><string>{self.in_location}</string></Locations><SpecialFilters>"
                "<OnlyGetArticleItemsInLocationsToBeHandled>true</OnlyGetArticleItemsInLocationsToBeHandled>"
                "</SpecialFilters><Paging><MaxArticleItemsToGet>1</MaxArticleItemsToGet></Paging></Query>"))
        if self.step == 1:
            placement, item = _PLACEMENT.search(previous or b""), _ITEM.search(previous or b"")
            if placement is None or item is None:
                return None  # the input area is empty
            self.item = item.group(1)
            return _envelope("ArticleItemInLocationHandled", self.user, (
                f"<Operation><ArticleItemInLocationIds><int>{placement.group(1).decode()}</int>"
                "</ArticleItemInLocationIds><HandledByUser><UserName>Karl</UserName></HandledByUser></Operation>"))
        return _envelope("MoveArticleItem", self.user, (
            f"<Operation><ArticleItemId>{self.item.decode()}</ArticleItemId><ArticleItemIdentification>ArticleItemId"
            f"</ArticleItemIdentification><ToLocation>{self.store_location}</ToLocation><NumberOfItems>1"
            "</NumberOfItems><MovedByUser><UserName>Karl</UserName></MovedByUser></Operation>"))


def seed(url: str, items: int, clients: int) -> list[tuple[str, str, str]]:
    """Goods owner, article, one lift and controller per client, ``items`` article items on each input area."""
    from tests.orders_support import make_article, make_owner
    from wms_soap.security.passwords import hash_password
    from wms_soap.services.inventory import stock
    from wms_soap.services.warehouse.automated_systems import SystemInput, define_system
    from wms_soap.store.access import AutomationUser
    from wms_soap.store.db import create_engine_for, make_session_factory, session_scope

    engine = create_engine_for(url)
    lifts = []
    try:
        with session_scope(make_session_factory(engine)) as session:
            owner = make_owner(session, "LIFTCO")
            article = make_article(session, owner, "ART-1")
            for number in range(1, clients + 1):
                user = AutomationUser(username=f"lift-{number}", password_hash=hash_password(PASSWORD), enabled=True)
                session.add(user)
                session.flush()
                system = SystemInput(f"LIFT{number}", f"Lift{number}_In", f"Lift{number}", f"Lift{number}_Out",
                                     controller=user.username)
                define_system(session, system)
                for index in range(items):
                    stock.add_stock(session, goods_owner_id=owner, article_id=article.id,
                                    location_code=system.in_location, quantity=Decimal(1), batch=f"B{index}",
                                    comment="bench")
                lifts.append((user.username, system.in_location, system.store_location))
    finally:
        engine.dispose()
    return lifts


def run_database(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-lift-") as work, \
            fresh_database(kind, Path(work), args.pg_url) as url:
        started = time.monotonic()
        lifts = seed(url, args.items, args.clients)
        seeded = round(time.monotonic() - started, 1)
        with baseline_server("echo", threads=args.threads) as echo:
            rows.append({"scenario": "baseline_spyne_echo", **run_load(
                echo.url, spyne_echo(), clients=args.clients, seconds=args.seconds).as_dict()})
        with wms_server(url, Path(work), threads=args.threads) as server:
            automation = server.url.replace("/service.asmx", "/Automation.asmx")
            result = run_load(automation, LiftLoop(lifts), clients=args.clients, seconds=args.seconds).as_dict()
            rows.append({"scenario": "lift_loop (per call)", **result,
                         "cycles_per_s": round(result["rps"] / 3, 1), "peak_rss_mb": server.peak_rss_mb()})
    echo_rps = rows[0]["rps"]
    for row in rows:
        row["ratio_to_echo"] = row["rps"] / echo_rps if echo_rps else None
    return {"seed_seconds": seeded, "rows": rows}


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [f"# Lift controller polling loop, {report['started']}", "", f"Command: `{report['command']}`", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, commit {m['commit']}; load average "
             f"before {m['load_average_before']}. {report['note']}", "",
             "| database | scenario | clients | req/s | cycles/s | p50 ms | p95 ms | p99 ms | errors | x echo |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for kind, result in report["databases"].items():
        for row in result["rows"]:
            lines.append(f"| {kind} | {row['scenario']} | {row['clients']} | {row['rps']:.1f} | "
                         f"{row.get('cycles_per_s', '')} | {row['p50_ms']:.2f} | {row['p95_ms']:.2f} | "
                         f"{row['p99_ms']:.2f} | {row['errors']} | {row['ratio_to_echo']:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", nargs="+", choices=("sqlite", "postgres"), default=["sqlite"])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=1, help="controllers, one lift each (default 1)")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--items", type=int, default=1500, help="article items on each lift's input area")
    parser.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/wms_lift_bench",
                        help="a PostgreSQL database the run drops and recreates")
    parser.add_argument("--note", default="", help="a remark for the report (e.g. that the machine was shared)")
    parser.add_argument("--tag", default="lift_loop")
    args = parser.parse_args(argv)
    report = {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(), "note": args.note,
              "command": "python -m bench.lift " + " ".join(argv if argv is not None else __import__("sys").argv[1:]),
              "databases": {kind: run_database(kind, args) for kind in args.db}}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{args.tag}.json").write_text(json.dumps(report, indent=2) + "\n")
    (OUT / f"{args.tag}.md").write_text(markdown(report))
    print(markdown(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
