"""From approval to published page: the rebuild function against moto's DynamoDB stream, S3 and CloudFront."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careermitra.site.builder.state import META
from tests.support.rebuild import (
    LambdaContext,
    PublishedSite,
    approve,
    invalidated_paths,
    load_rebuild_function,
    new_review,
)


def test_two_approvals_update_the_page_and_upload_only_what_changed(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Given Gamma Classes with one 4-star review, published
    before = published.objects()
    index_before = published.state(META)
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    # When a moderator approves two more reviews (5 and 3 stars) and the stream delivers them in one batch
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    approve(published, "gamma-classes", new_review("fx-g-3", 3, 21))
    event = published.stream.event()
    assert event is not None
    answer = app.lambda_handler(event, LambdaContext())
    # Then no record failed, and the page shows three reviews averaging (4+5+3)/3 = 4.0
    assert answer == {"batchItemFailures": []}
    page = published.page("institutions/gamma-classes/index.html")
    assert "from 3 reviews" in page and "<strong>4.0</strong>" in page
    assert "Review fx-g-3" in page  # newest first, two a page: fx-g-3 and fx-g-2 on page one
    # handed over in memory: no reviews file written for the build to read back, in the package or in /tmp
    assert not (tmp_path / "lambda-tmp").exists()
    assert published.root.joinpath("content/reviews/gamma-classes.yaml").read_text(encoding="utf-8").count(
        "- id:") == 1
    assert "institutions/gamma-classes/reviews/2/index.html" in published.objects()  # the old review moved on
    # And only the touched files changed in the bucket
    after = published.objects()
    changed = {key for key in after if before.get(key) != after[key]}
    assert "institutions/gamma-classes/index.html" in changed
    assert {"index.html", "feeds/reviews.atom.xml", "cities/jaipur/index.html", "types/coaching/index.html"} <= changed
    assert not any(key.startswith("institutions/alpha-college/") for key in changed)
    assert "cities/pune/index.html" not in changed
    # And CloudFront was told about exactly those pages
    paths = invalidated_paths(published)
    assert "/institutions/gamma-classes/" in paths and "/cities/jaipur/" in paths
    assert "/institutions/alpha-college/" not in paths
    # And the site index moved on in the private build state, never in the public bucket
    assert published.state(META) != index_before
    assert not any("site-index" in key or key.startswith(("_build/", "_state/")) for key in after)


def test_replaying_the_same_records_uploads_nothing(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    event = published.stream.event()
    assert event is not None
    app.lambda_handler(event, LambdaContext())
    after_first = published.objects()
    invalidations = invalidated_paths(published)
    report = app.service().publish({"gamma-classes"})
    assert report.uploaded == () and report.removed == ()
    assert app.lambda_handler(event, LambdaContext()) == {"batchItemFailures": []}
    assert published.objects() == after_first
    assert invalidated_paths(published) == invalidations


def test_a_failing_record_is_the_only_one_reported(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    # A good approval for Gamma, and an approved review of Alpha whose stored text the site cannot publish
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    bad = new_review("fx-a-9", 4, 22).model_copy(update={"display_name": "not a display name 123 @"})
    approve(published, "alpha-college", bad)
    event = published.stream.event()
    assert event is not None
    malformed = {"eventName": "MODIFY",
                 "dynamodb": {"SequenceNumber": "999", "NewImage": {"status": {"S": "approved"}}}}
    event["Records"].append(malformed)
    answer = app.lambda_handler(event, LambdaContext())
    # The submission (pending) touched no page; only the approval of the bad review is reported.
    alpha_sequences = {r["dynamodb"]["SequenceNumber"] for r in event["Records"]
                       if r["dynamodb"].get("NewImage", {}).get("institution", {}).get("S") == "alpha-college"
                       and r["dynamodb"]["NewImage"]["status"]["S"] == "approved"}
    assert len(alpha_sequences) == 1
    assert {item["itemIdentifier"] for item in answer["batchItemFailures"]} == alpha_sequences | {"999"}
    assert "from 2 reviews" in published.page("institutions/gamma-classes/index.html")


def test_rejecting_an_approved_review_takes_it_off_the_site(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    # Alpha has three reviews on two pages; a moderator takes two of them back
    for review_id in ("fx-a-1", "fx-a-2"):
        assert published.reviews.decide(review_id, "approved", "rejected", dt.datetime.now(dt.UTC), "reason",
                                        "Breaks the review guidelines") is not None
    event = published.stream.event()
    assert event is not None
    assert app.lambda_handler(event, LambdaContext()) == {"batchItemFailures": []}
    page = published.page("institutions/alpha-college/index.html")
    assert "from 1 review" in page and "Excellent teachers" not in page
    assert "institutions/alpha-college/reviews/2/index.html" not in published.objects()
    assert "/institutions/alpha-college/reviews/2/" in invalidated_paths(published)
