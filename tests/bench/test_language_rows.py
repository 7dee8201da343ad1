"""Issue 16's rows of the benchmark: the quick benchmark's own steps, run on a tiny generated site, give the
English-only build beside the cold one and a rebuild that renders and uploads both languages.

Shape only: no timing is asserted (the benchmark shows the speed goals; a timed test would fail on a busy machine).
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.generate import generate
from bench.run import SetAside, measure, table

INSTITUTIONS, REVIEWS, HEAVY, SAMPLE = 24, 240, 60, 20


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    # Given a tiny generated directory, measured as `make bench-quick` measures it (its builds, one publish)
    out = tmp_path_factory.mktemp("bench")
    manifest = generate(out / "content", INSTITUTIONS, REVIEWS, seed=5, heavy=HEAVY, sample=SAMPLE)
    found: dict[str, Any] = {"parameters": {"institutions": INSTITUTIONS, "reviews": REVIEWS, "seed": 5,
                                            "quick": True, "import_runs": 1}, "manifest": manifest}
    measure(found, out / "content", out, SetAside(out / "set-aside"), only={"cold", "english_only", "incremental"})
    return found


def rows_by_measure(results: dict[str, Any]) -> dict[str, tuple[str, str, str, str]]:
    return {row[0]: row for row in table(results)}


def test_the_english_only_build_is_measured_beside_the_cold_build(results: dict[str, Any]) -> None:
    cold, english = results["cold"], results["english_only"]
    assert cold["status"] == english["status"] == "ok", (cold, english)
    # The English-only site has no Hindi institution pages; the full one has one per English page or more
    assert 0 < english["html_pages"] < cold["html_pages"]
    assert cold["cpu_seconds"] > 0 and english["cpu_seconds"] > 0
    rows = rows_by_measure(results)
    ratio = rows["16. full build, cold, both languages / English only"]
    assert ratio[1].split()[0] == f"{cold['seconds'] / english['seconds']:.2f}" and "CPU" in ratio[1]
    assert ratio[2] == "<= 2.2" and ratio[3] == "n/a (size)"  # judged only at 10,000 institutions
    assert "CPU" in rows["1. full build, cold"][1]


def test_the_rebuild_after_an_approval_renders_and_uploads_both_languages(results: dict[str, Any]) -> None:
    incremental = results["incremental"]
    assert incremental["status"] == "ok", incremental
    hindi = [path for path in incremental["uploaded_paths"] if path.startswith("hi/")]
    assert incremental["uploaded_hindi"] == len(hindi) > 0
    assert incremental["uploaded"] > len(hindi)  # English pages too
    assert incremental["rendered_hindi"] >= incremental["uploaded_hindi"]
    row = rows_by_measure(results)["16. incremental: both languages rendered and uploaded"]
    assert f"uploaded {incremental['uploaded']} ({len(hindi)} under /hi/)" in row[1] and "CPU" in row[1]
    assert row[2] == "both languages, < 1 s" and row[3] == "n/a (size)"


def test_a_rebuild_without_hindi_pages_is_not_met_at_any_size(results: dict[str, Any]) -> None:
    english_only = {**results, "incremental": {**results["incremental"], "rendered_hindi": 0, "uploaded_hindi": 0}}
    assert rows_by_measure(english_only)["16. incremental: both languages rendered and uploaded"][3] == "NO"
