"""Every benchmark scenario still runs: a tiny data set, a fraction of a second each, zero errors.

This is not a benchmark (bench/README.md says how to run those); it only notices when a scenario breaks, e.g. an
envelope the server no longer accepts or a seeding step that no longer fits the schema.
"""

from pathlib import Path
from typing import Any

import pytest

from bench import run
from bench.loadgen import ClientResult, percentile, summarize

TINY = run.Options(seconds=0.3, clients=2, threads=2, articles=30, orders=12, page_size=10, mix_clients=2,
                   mix_seconds=0.5, scale=[40], scale_seconds=0.3, scenarios=run.SCENARIOS, scale_only=False,
                   warmup=1)


@pytest.fixture(scope="module")
def sqlite_results() -> dict[str, Any]:
    return run.run_database("sqlite", TINY, pg_url="")


def _rows(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["scenario"]: row for row in [*result["baselines"], *result["scenarios"], *result["scale"]]}


def test_every_scenario_runs_without_errors(sqlite_results: dict[str, Any]) -> None:
    rows = _rows(sqlite_results)
    expected = {"baseline_http_floor", "baseline_spyne_echo", *run.SCENARIOS, "scale_40_get_order",
                "scale_40_orders_query_100"}
    assert set(rows) == expected
    for name, row in rows.items():
        assert row["requests"] > 0, name
        assert row["errors"] == 0, (name, row["error_samples"])
        assert row["peak_rss_mb"] > 0, name
        assert row["ratio_to_echo"] > 0, name


def test_the_report_is_written_as_json_and_markdown(sqlite_results: dict[str, Any], tmp_path: Path) -> None:
    report = {"started": "now", "machine": run.machine(), "options": {"seconds": TINY.seconds},
              "databases": {"sqlite": sqlite_results}}
    json_path, md_path = run.write_report(report, tmp_path, "smoke")
    assert json_path.read_text().startswith("{")
    table = md_path.read_text()
    assert "| web_shop_mix | 2 |" in table
    assert "| baseline_spyne_echo |" in table


def test_percentiles_and_throughput_are_computed_from_all_clients() -> None:
    a = ClientResult(latencies_ms=[1.0, 2.0, 3.0], started=10.0, finished=11.0)
    b = ClientResult(latencies_ms=[4.0], errors=1, error_samples=["HTTP 500"], started=10.5, finished=12.0)
    result = summarize([a, b], clients=2)
    assert (result.requests, result.errors, result.seconds, result.rps) == (4, 1, 2.0, 2.0)
    assert (result.p50_ms, result.max_ms) == (2.0, 4.0)
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.99) == 4.0
