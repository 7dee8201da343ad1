"""`make load` in brief: a few clients against the real local stack, and the checks' own verdicts. No timings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.load import Sample, Step, TableCounts, checks_of, latency_report, limit, run_load

KINDS = {"page", "asset", "search", "form-token", "consent", "beacon", "register", "verify", "review"}


@pytest.fixture(scope="module")
def brief_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """Five clients, at most 60 requests each (the duration is only a bound); forms may be sent at once."""
    out = tmp_path_factory.mktemp("load") / "load-results.json"
    return run_load(clients=5, duration=300, max_requests=60, out=out, min_fill_seconds=0), out


def test_a_brief_run_passes_every_check_and_writes_its_report(brief_run: tuple[dict[str, Any], Path]) -> None:
    result, out = brief_run

    failed = [item for item in result["checks"] if not item["passed"]]
    assert not failed, failed
    assert result["passed"] is True
    assert json.loads(out.read_text(encoding="utf-8")) == result
    assert result["errors"] == {"5xx": 0, "resets": 0, "refused": 0, "timeouts": 0, "other": 0}
    assert set(result["kinds"]) == KINDS
    for row in result["kinds"].values():
        assert set(row) == {"requests", "p50_ms", "p90_ms", "p99_ms", "max_ms", "statuses"}
        assert row["p50_ms"] <= row["p90_ms"] <= row["p99_ms"] <= row["max_ms"]
    assert sum(result["statuses"].values()) == result["requests"] == 5 * 60


def test_each_limit_fires_where_the_rules_say_and_duplicates_conflict(brief_run: tuple[dict[str, Any], Path]) -> None:
    result, _ = brief_run

    limits = next(item for item in result["checks"] if item["name"] == "429 where the limits must fire")
    assert "register per email (5): 3 of 3 due" in limits["detail"]
    assert "register per ip (20): 4 of 4 due" in limits["detail"]
    assert "review per user (20): 4 of 4 due" in limits["detail"]
    assert result["kinds"]["review"]["statuses"]["409"] >= 1
    assert result["kinds"]["verify"]["statuses"] == {"303": result["kinds"]["verify"]["requests"]}


# --- the checks themselves: each one fails when what it guards goes wrong ------------------------------
def judged(steps: list[Step], samples: list[Sample], before: TableCounts, after: TableCounts) -> dict[str, bool]:
    report = latency_report(samples, seconds=1.0)
    return {item["name"]: item["passed"] for item in checks_of(report, [steps], before, after, samples)}


EMPTY = TableCounts(users=0, emails=0, review_ids=frozenset(), page_views=0)


def accepted_review(review_id: str) -> Step:
    step = Step("review", 202, status=202)
    step.answer_id = review_id
    return step


def test_the_checks_pass_when_the_tables_hold_what_was_accepted() -> None:
    steps = [Step("register", 202, "a@example.com", status=202), Step("verify", 303, "a@example.com", status=303),
             accepted_review("r1")]
    samples = [Sample("register", 202, 0.1), Sample("verify", 303, 0.1), Sample("review", 202, 0.1),
               Sample("beacon", 204, 0.1)]
    after = TableCounts(users=1, emails=1, review_ids=frozenset({"r1"}), page_views=1)

    verdicts = judged(steps, samples, EMPTY, after)

    assert all(passed for name, passed in verdicts.items() if name != "429 where the limits must fire")


def test_a_lost_review_an_extra_user_or_a_missing_event_fail_the_table_checks() -> None:
    steps = [Step("register", 202, "a@example.com", status=202), Step("verify", 303, "a@example.com", status=303),
             accepted_review("r1")]
    samples = [Sample("register", 202, 0.1), Sample("verify", 303, 0.1), Sample("review", 202, 0.1),
               Sample("beacon", 204, 0.1)]
    after = TableCounts(users=2, emails=2, review_ids=frozenset({"r2"}), page_views=0)

    verdicts = judged(steps, samples, EMPTY, after)

    assert not verdicts["users table holds exactly the verified registrations"]
    assert not verdicts["reviews table holds exactly the accepted reviews"]
    assert not verdicts["analytics table holds exactly the accepted beacons"]


def test_a_5xx_a_reset_or_a_limit_that_did_not_fire_fail_the_run() -> None:
    email_limit = limit("register", "email")
    steps = [Step("register", 429, "a@example.com", limited_by=email_limit, status=202, windows=(1, 1))]
    samples = [Sample("register", 202, 0.1), Sample("page", 503, 0.1), Sample("page", 0, 0.1, "reset")]

    verdicts = judged(steps, samples, EMPTY, TableCounts(users=1, emails=1, review_ids=frozenset(), page_views=0))

    assert not verdicts["every submission got the answer the rules say"]
    assert not verdicts["429 where the limits must fire"]
    assert not verdicts["zero 5xx"]
    assert not verdicts["zero resets, refusals, timeouts"]
    assert not verdicts["no unexpected status"]


def test_the_beacon_limits_are_read_from_its_spec_like_every_form() -> None:
    from careermitra.api.form_specs import BEACON, BODY_LIMIT_AT_PATH, FORMS

    assert limit("events", "visitor") == BEACON.limits_per("visitor")[0]
    assert (limit("events", "ip").limit, limit("events", "visitor").limit) == (1200, 300)
    assert limit("review", "user") == FORMS["review"].limits_per("user")[0]
    assert BODY_LIMIT_AT_PATH[BEACON.path] == BEACON.max_body_bytes
