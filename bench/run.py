"""Run the benchmark scenarios against a production-style server and the two baselines; write JSON + markdown.

    .venv/bin/python -m bench.run                       # everything, SQLite then PostgreSQL, default sizes
    .venv/bin/python -m bench.run --db sqlite --seconds 5 --scenarios get_order_body orders_query_100
    .venv/bin/python -m bench.run --scale 10000 100000 1000000 --scale-only

See bench/README.md for what each scenario measures and how to read the results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import scenarios, seed
from bench.loadgen import RequestSource, run_load
from bench.servers import REPO, RunningServer, baseline_server, wms_server

RESULTS = REPO / "bench" / "results"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/wms_h8_bench"
SCENARIOS = ("system_status", "get_order_body", "get_order_wsse", "orders_query_1", "orders_query_100",
             "orders_query_100_one_client", "orders_query_1000", "inventory_paging", "process_order", "web_shop_mix",
             "get_order_body_uncached", "get_order_wsse_uncached")
CACHE_PRIMED = ("get_order_body", "get_order_wsse")
"""Measured after every order was read once (the answer cache holds them all: the steady state of polling)."""
UNCACHED = ("get_order_body_uncached", "get_order_wsse_uncached")
"""Measured on a second server without the answer cache (``WMS_ANSWER_CACHE_MB=0``): every lookup reads the order."""
NO_ANSWER_CACHE = {"WMS_ANSWER_CACHE_MB": "0"}


@dataclass
class Options:
    seconds: float
    clients: int
    threads: int
    articles: int
    orders: int
    page_size: int
    mix_clients: int
    mix_seconds: float
    scale: Sequence[int]
    scale_seconds: float
    scenarios: Sequence[str]
    scale_only: bool
    warmup: int = 3


@dataclass
class Dataset:
    owners: list[scenarios.OwnerData]
    seeded: list[seed.Owner]
    article_ids: list[list[int]]


def _owner_data(owner: seed.Owner, orders: int, articles: int, blocks: list[tuple[int, int]]) -> scenarios.OwnerData:
    return scenarios.OwnerData(account=owner.account, order_numbers=_OrderNumbers(owner.code), orders=orders,
                               articles=[seed.article_number(n) for n in range(1, articles + 1)],
                               order_blocks=tuple(blocks))


@dataclass(frozen=True)
class _OrderNumbers:
    """Picklable ``index -> order number`` of one owner's seeded orders."""

    code: str

    def __call__(self, index: int) -> str:
        return f"ORD-{self.code}-{index:08d}"


# --- databases ----------------------------------------------------------------------------------------------

@contextmanager
def fresh_database(kind: str, work: Path, pg_url: str) -> Iterator[str]:
    """An empty, migrated database: a SQLite file in ``work``, or ``pg_url``'s database dropped and recreated."""
    from wms_soap.store.db import create_engine_for
    from wms_soap.store.migrate import upgrade

    url = f"sqlite:///{work / 'bench.sqlite3'}" if kind == "sqlite" else pg_url
    if kind == "postgres":
        _recreate_pg(pg_url)
    engine = create_engine_for(url)
    try:
        upgrade(engine)
        yield url
    finally:
        engine.dispose()


def _recreate_pg(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def seed_dataset(url: str, options: Options) -> Dataset:
    from wms_soap.store.db import create_engine_for

    engine = create_engine_for(url)
    try:
        owners = seed.seed_owners(engine, "bench", ["SHOP1", "SHOP2"])
        article_ids = [seed.seed_articles(engine, owners[0], options.articles),
                       seed.seed_articles(engine, owners[1], min(options.articles, 200))]
        data = []
        for owner, ids in zip(owners, article_ids, strict=True):
            first = _max_order_id(engine) + 1
            seed.seed_orders(engine, owner, options.orders, ids)
            data.append(_owner_data(owner, options.orders, len(ids), [(first, first + options.orders - 1)]))
        return Dataset(data, owners, article_ids)
    finally:
        engine.dispose()


def _max_order_id(engine: Any) -> int:
    from sqlalchemy import text

    with engine.connect() as conn:
        return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM orders")).scalar_one())


# --- measuring ----------------------------------------------------------------------------------------------

def _reset_peak_rss(server: RunningServer) -> None:
    """Linux: writing 5 to clear_refs resets VmHWM, so each scenario reports its own peak."""
    with suppress(OSError):
        Path(f"/proc/{server.process.pid}/clear_refs").write_text("5")


def measure(server: RunningServer, name: str, source: RequestSource, *, clients: int, seconds: float,
            warmup: int, note: str = "") -> dict[str, Any]:
    _reset_peak_rss(server)
    result = run_load(server.url, source, clients=clients, seconds=seconds, warmup=warmup)
    row = {"scenario": name, **result.as_dict(), "peak_rss_mb": round(server.peak_rss_mb(), 1)}
    if note:
        row["note"] = note
    print(f"  {name:<28} {result.rps:>8.1f} req/s  p50 {result.p50_ms:>8.2f} ms  p99 {result.p99_ms:>8.2f} ms  "
          f"errors {result.errors}  rss {row['peak_rss_mb']} MiB", flush=True)
    if result.errors:
        print(f"    first errors: {list(result.error_samples)[:2]}", flush=True)
    return row


Rows = list[dict[str, Any]]
Checkpoint = Callable[[], None]


def run_baselines(options: Options, rows: Rows, checkpoint: Checkpoint) -> None:
    for kind, name, source in (("http", "baseline_http_floor", scenarios.http_floor()),
                               ("echo", "baseline_spyne_echo", scenarios.spyne_echo())):
        with baseline_server(kind, threads=options.threads) as server:
            rows.append(measure(server, name, source, clients=options.clients, seconds=options.seconds,
                                warmup=options.warmup))
        checkpoint()


def scenario_sources(data: Dataset, options: Options, run_tag: str) -> dict[str, tuple[RequestSource, int, float]]:
    """name -> (source, clients, seconds)."""
    one, both = data.owners[0], data.owners
    c, s = options.clients, options.seconds
    return {
        "system_status": (scenarios.system_status(), c, s),
        "get_order_body": (scenarios.OrderLookup(one), c, s),
        "get_order_wsse": (scenarios.OrderLookup(one, wsse=True), c, s),
        "get_order_body_uncached": (scenarios.OrderLookup(one), c, s),
        "get_order_wsse_uncached": (scenarios.OrderLookup(one, wsse=True), c, s),
        "orders_query_1": (scenarios.OrdersQuery(one, 1), c, s),
        "orders_query_100": (scenarios.OrdersQuery(one, 100), c, s),
        "orders_query_100_one_client": (scenarios.OrdersQuery(one, 100), 1, s),  # the latency target: no queueing
        "orders_query_1000": (scenarios.OrdersQuery(one, 1000), min(c, 2), max(s, 10.0)),
        "inventory_paging": (scenarios.InventoryPaging(one, options.page_size), c, s),
        "process_order": (scenarios.OrderCreation(one, run_tag), c, s),
        "web_shop_mix": (scenarios.WebShop(both, run_tag + "m"), options.mix_clients, options.mix_seconds),
    }


def run_scenarios(url: str, work: Path, data: Dataset, options: Options, rows: Rows,
                  checkpoint: Checkpoint) -> None:
    sources = scenario_sources(data, options, run_tag=datetime.now(UTC).strftime("%H%M%S"))
    for names, extra_env in (([n for n in options.scenarios if n not in UNCACHED], None),
                             ([n for n in options.scenarios if n in UNCACHED], NO_ANSWER_CACHE)):
        if not names:
            continue
        with wms_server(url, work, threads=options.threads, extra_env=extra_env) as server:
            primed = False
            for name in names:
                if name in CACHE_PRIMED and not primed:
                    _prime_answer_cache(server, data)
                    primed = True
                source, clients, seconds = sources[name]
                rows.append(measure(server, name, source, clients=clients, seconds=seconds, warmup=options.warmup))
                checkpoint()


def _prime_answer_cache(server: RunningServer, data: Dataset) -> None:
    owner = data.owners[0]
    started = time.perf_counter()
    result = run_load(server.url, scenarios.EveryOrder(owner), clients=2, seconds=600, warmup=0)
    print(f"  read each of {owner.orders} orders once in {time.perf_counter() - started:.1f} s "
          f"({result.requests} requests, {result.errors} errors)", flush=True)
    if result.errors:
        raise RuntimeError(f"priming the answer cache failed: {list(result.error_samples)[:2]}")


def run_scale(url: str, work: Path, data: Dataset, options: Options, rows: Rows, checkpoint: Checkpoint) -> None:
    """Grow SHOP1's orders to each size (bulk inserts), restart the server, measure the two lookups: without the
    answer cache, so that every lookup reads its order and the steps compare the database's work."""
    from wms_soap.store.db import create_engine_for

    owner, current = data.seeded[0], data.owners[0].orders
    blocks = list(data.owners[0].order_blocks)
    for size in options.scale:
        if size > current:
            engine = create_engine_for(url)
            first = _max_order_id(engine) + 1
            took = seed.seed_orders(engine, owner, size - current, data.article_ids[0], first_number=current + 1)
            engine.dispose()
            blocks.append((first, first + size - current - 1))
            print(f"  seeded {size - current} orders in {took:.0f} s", flush=True)
            current = size
        owner_data = _owner_data(owner, current, len(data.article_ids[0]), blocks)
        with wms_server(url, work, threads=options.threads, extra_env=NO_ANSWER_CACHE) as server:
            for name, source in ((f"scale_{size}_get_order", scenarios.OrderLookup(owner_data)),
                                 (f"scale_{size}_orders_query_100", scenarios.OrdersQuery(owner_data, 100))):
                row = measure(server, name, source, clients=options.clients, seconds=options.scale_seconds,
                              warmup=options.warmup)
                rows.append({**row, "orders_in_database": current + data.owners[1].orders})
                checkpoint()


def with_ratios(result: dict[str, Any]) -> dict[str, Any]:
    """Each row's requests/s divided by the Spyne echo baseline's of the same run."""
    echo = next((r["rps"] for r in result["baselines"] if r["scenario"] == "baseline_spyne_echo"), None)
    for row in [*result["baselines"], *result["scenarios"], *result["scale"]]:
        row["ratio_to_echo"] = round(row["rps"] / echo, 3) if echo else None
    return result


def run_database(kind: str, options: Options, pg_url: str,
                 checkpoint: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Everything on one database; ``checkpoint(result_so_far)`` after each measured row (long runs)."""
    print(f"== {kind}", flush=True)
    result: dict[str, Any] = {"baselines": [], "scenarios": [], "scale": [], "complete": False}

    def save() -> None:
        result["load_average_after"] = list(os.getloadavg())
        if checkpoint is not None:
            checkpoint(with_ratios(result))

    with tempfile.TemporaryDirectory(prefix=f"wms-bench-{kind}-") as tmp, \
            fresh_database(kind, Path(tmp), pg_url) as url:
        started = time.perf_counter()
        data = seed_dataset(url, options)
        result["seed_seconds"] = round(time.perf_counter() - started, 1)
        print(f"  seeded base data in {result['seed_seconds']} s", flush=True)
        run_baselines(options, result["baselines"], save)
        if not options.scale_only:
            run_scenarios(url, Path(tmp), data, options, result["scenarios"], save)
        if options.scale:
            run_scale(url, Path(tmp), data, options, result["scale"], save)
    result["complete"] = True
    save()
    return with_ratios(result)


# --- reporting ----------------------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "?")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                            check=False).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mib": int(memory) // 1024 if memory.isdigit() else memory,
            "python": platform.python_version(), "platform": platform.platform(), "commit": commit,
            "load_average_before": list(os.getloadavg())}


COLUMNS = (("scenario", "scenario", "{}"), ("clients", "clients", "{}"), ("req/s", "rps", "{:.1f}"),
           ("p50 ms", "p50_ms", "{:.2f}"), ("p95 ms", "p95_ms", "{:.2f}"), ("p99 ms", "p99_ms", "{:.2f}"),
           ("errors", "errors", "{}"), ("peak RSS MiB", "peak_rss_mb", "{:.1f}"),
           ("x echo", "ratio_to_echo", "{:.2f}"), ("resp. bytes", "mean_response_bytes", "{:.0f}"))


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [f"# Benchmark results {report['started']}", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_mib']} MiB, Python {m['python']}, "
             f"commit {m['commit']}. Load average before: {m['load_average_before']}.", "",
             f"Options: {json.dumps(report['options'])}", ""]
    for kind, result in report["databases"].items():
        state = "" if result.get("complete") else " (INCOMPLETE: the run was stopped; rows so far)"
        lines += [f"## {kind}{state}", "", f"Base seeding: {result.get('seed_seconds', '?')} s.", "",
                  "| " + " | ".join(c[0] for c in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        for row in [*result["baselines"], *result["scenarios"], *result["scale"]]:
            cells = [fmt.format(row[key]) if row.get(key) is not None else "" for _, key, fmt in COLUMNS]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", f"Load average after: {result['load_average_after']}", ""]
    return "\n".join(lines) + "\n"


def write_report(report: dict[str, Any], out: Path, tag: str) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out / f"{tag}.json", out / f"{tag}.md"
    json_path.write_text(json.dumps(report, indent=2) + "\n")
    md_path.write_text(markdown(report))
    return json_path, md_path


def parse(argv: Sequence[str] | None) -> tuple[argparse.Namespace, Options]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    p.add_argument("--pg-url", default=os.environ.get("WMS_BENCH_PG_URL", DEFAULT_PG_URL),
                   help="a PostgreSQL database this run may DROP and recreate")
    p.add_argument("--seconds", type=float, default=10.0, help="measured time per scenario")
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--threads", type=int, default=4, help="waitress threads of every server")
    p.add_argument("--articles", type=int, default=10_000, help="SHOP1's articles (inventory paging)")
    p.add_argument("--orders", type=int, default=1_200, help="seeded orders per goods owner")
    p.add_argument("--page-size", type=int, default=1000, help="MaxArticlesToGet of each inventory page")
    p.add_argument("--mix-clients", type=int, default=8)
    p.add_argument("--mix-seconds", type=float, default=30.0)
    p.add_argument("--scale", type=int, nargs="*", default=[], help="order counts, e.g. 10000 100000 1000000")
    p.add_argument("--scale-seconds", type=float, default=10.0)
    p.add_argument("--scale-only", action="store_true", help="skip the scenarios (baselines + scale only)")
    p.add_argument("--scenarios", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    p.add_argument("--out", type=Path, default=RESULTS)
    p.add_argument("--tag", default=None, help="result file name (default: run-<UTC time>)")
    args = p.parse_args(argv)
    options = Options(seconds=args.seconds, clients=args.clients, threads=args.threads, articles=args.articles,
                      orders=args.orders, page_size=args.page_size, mix_clients=args.mix_clients,
                      mix_seconds=args.mix_seconds, scale=args.scale, scale_seconds=args.scale_seconds,
                      scenarios=args.scenarios, scale_only=args.scale_only)
    return args, options


def _exit_cleanly(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None, *, echo: Callable[[str], None] = print) -> int:
    args, options = parse(argv)
    signal.signal(signal.SIGTERM, _exit_cleanly)  # stop servers and clients, keep the rows written so far
    started = datetime.now(UTC)
    tag = args.tag or f"run-{started:%Y%m%d-%H%M}"
    report: dict[str, Any] = {"started": started.isoformat(timespec="seconds"), "machine": machine(),
                              "options": {k: v for k, v in vars(options).items()}, "databases": {}}
    for kind in args.db:
        def checkpoint(result: dict[str, Any], kind: str = kind) -> None:
            report["databases"][kind] = result
            write_report(report, args.out, tag)

        report["databases"][kind] = run_database(kind, options, args.pg_url, checkpoint)
    report["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    paths = write_report(report, args.out, tag)
    echo(f"results: {paths[0]} {paths[1]}")
    errors = sum(r["errors"] for d in report["databases"].values()
                 for r in [*d["baselines"], *d["scenarios"], *d["scale"]])
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
