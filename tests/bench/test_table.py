"""The benchmark's table: each row builder says what it measured, judges size-bound targets only at full size,
and names a failed measurement instead of dropping its row."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from bench.run import FULL_SIZE, table

RESULTS = json.loads((Path(__file__).resolve().parents[2] / "bench" / "results.json").read_text(encoding="utf-8"))


def rows_by_measure(results: dict[str, Any]) -> dict[str, tuple[str, str, str, str]]:
    return {row[0]: row for row in table(results)}


def test_every_measure_of_a_full_run_has_its_row() -> None:
    numbers = [row[0].split(".")[0] for row in table(RESULTS)]
    # Issue 7's measures 1 to 7, then issue 16's budgets
    assert set(numbers) == {"1", "2", "3", "4", "5", "6", "7", "16"} and numbers[0] == "1" and numbers[-1] == "16"
    rows = rows_by_measure(RESULTS)
    assert "1. full build, cold" in rows and "3. incremental publish (moto S3)" in rows
    assert rows["7. import boto3"][1].endswith(" ms")


def test_each_api_route_has_its_cold_start_row() -> None:
    results = copy.deepcopy(RESULTS)
    boto3 = results["imports"]["boto3"]["seconds"]
    results["imports"]["api_routes"] = {
        "POST /api/reviews": {"status": "ok", "init_seconds": boto3, "request_seconds": boto3, "answer": 202},
        "GET /api/session": {"status": "failed", "reason": "no answer"}}
    rows = rows_by_measure(results)
    assert rows["7. API cold start, POST /api/reviews"][1].endswith("(202) = 2.0x boto3")
    assert rows["7. API cold start, GET /api/session"][1] == "failed: no answer"
    assert all(row[3] in {"yes", "NO", "-", ""} or row[3].startswith("n/a") for row in rows.values())


def test_a_smaller_run_does_not_judge_size_bound_targets() -> None:
    small = copy.deepcopy(RESULTS)
    small["parameters"]["institutions"], small["parameters"]["reviews"] = 1000, 10000
    assert FULL_SIZE != (1000, 10000)
    rows = rows_by_measure(small)
    assert rows["1. full build, cold"][3] == "n/a (size)"
    # A page's weight does not depend on the size of the site: still judged
    assert rows["6. institution, 20 reviews"][3] in {"yes", "NO"}


def test_a_failed_measurement_keeps_its_row_with_the_reason() -> None:
    broken = copy.deepcopy(RESULTS)
    broken["cold"] = {"status": "failed", "reason": "the build raised ContentError"}
    broken["page_weights"] = {"status": "skipped"}
    rows = rows_by_measure(broken)
    assert rows["1. full build, cold"][1] == "failed: the build raised ContentError"
    assert rows["6. page weights"][1] == "skipped"
    assert "4. cold / speed-ups off" in rows  # the ratio row stays, without a value
