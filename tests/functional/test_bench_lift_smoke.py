"""The lift benchmark still runs: a few items, a fraction of a second, zero errors, two controllers on two lifts."""

import argparse

from bench import lift


def test_the_lift_loop_runs_without_errors() -> None:
    args = argparse.Namespace(seconds=0.5, clients=2, threads=2, items=30, pg_url="")
    result = lift.run_database("sqlite", args)
    rows = {row["scenario"]: row for row in result["rows"]}
    assert set(rows) == {"baseline_spyne_echo", "lift_loop (per call)"}
    loop = rows["lift_loop (per call)"]
    assert loop["requests"] >= 6 and loop["errors"] == 0, loop["error_samples"]
    assert loop["cycles_per_s"] > 0 and loop["ratio_to_echo"] > 0
